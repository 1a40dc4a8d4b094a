/** The languages every string table ships in. English is bundled; the others load on demand. */
export type Lang = 'en' | 'de';

/** The string-table language for a locale: `de`, `de-AT`, `de-CH` are German; anything else English. */
export const langOf = (locale: string): Lang => (/^de\b/i.test(locale) ? 'de' : 'en');

/**
 * One component's strings: the English table, bundled, and a loader for the German one, which is
 * imported only when a portal first asks for German. Both have exactly the same keys: the German
 * file is checked against the type of the English one.
 */
export class Catalog<T> {
  #de?: T;
  #loading?: Promise<void>;

  readonly #loadDe: () => Promise<{ default: T }>;

  constructor(
    readonly en: T,
    loadDe: () => Promise<{ default: T }>,
  ) {
    this.#loadDe = loadDe;
  }

  /** The table for `lang`, or, while it is loading, a promise that settles when it is ready. */
  get(lang: Lang): T | Promise<void> {
    if (lang === 'en') return this.en;
    if (this.#de) return this.#de;
    this.#loading ??= this.#loadDe().then(
      (m) => {
        this.#de = m.default;
      },
      (error: unknown) => {
        console.warn('@partnerkit/elements: the German strings failed to load; showing English.', error);
        this.#de = this.en;
      },
    );
    return this.#loading;
  }
}
