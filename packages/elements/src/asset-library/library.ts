import type { Asset } from '@partnerkit/api';

/** The orders the library offers: newest first, by name, most downloaded first. */
export type Sort = 'newest' | 'title' | 'popular';

/** The filters: one value each, `''` for all. */
export interface Filters {
  type: string;
  product: string;
  language: string;
  audience: string;
}

/** An asset with its search text: its words, each after a space, for prefix matching. */
export interface Entry {
  readonly asset: Asset;
  readonly text: string;
}

/**
 * The words of a text as the server's search sees them: letters and digits, NFKC, lower case.
 * Everything else separates words.
 */
export const words = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

const newest = (a: Entry, b: Entry) =>
  a.asset.publishedAt < b.asset.publishedAt ? 1 : a.asset.publishedAt > b.asset.publishedAt ? -1 : 0;

/**
 * The assets loaded so far, searched, filtered and sorted locally. Each order is sorted once and
 * kept, and pages that arrive later are merged into it (a sorted page after the sorted run);
 * a search that narrows the one before (more letters, another word) filters the result before
 * instead of everything. Matching is the server's: every word of the search is the start of a word
 * of the title, tags or description, and every filter holds.
 */
export class Index {
  /** Every entry, in the order loaded. */
  readonly all: Entry[] = [];
  /** The values present, for the filters' choices. */
  readonly types = new Set<string>();
  readonly languages = new Set<string>();
  readonly audiences = new Set<string>();
  readonly #sorted = new Map<Sort, Entry[]>();
  readonly #compare: Record<Sort, (a: Entry, b: Entry) => number>;
  #last?: { key: string; words: string[]; result: Entry[] };

  constructor(locale: string) {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const id = (a: Entry, b: Entry) => (a.asset.id < b.asset.id ? -1 : a.asset.id > b.asset.id ? 1 : 0);
    this.#compare = {
      newest: (a, b) => newest(a, b) || id(b, a),
      title: (a, b) => collator.compare(a.asset.title, b.asset.title) || id(a, b),
      popular: (a, b) => b.asset.downloadCount - a.asset.downloadCount || id(b, a),
    };
  }

  /** Adds a page of assets, merging it into every order already sorted. */
  add(assets: Asset[]): void {
    const added = assets.map((asset) => {
      this.types.add(asset.type);
      this.languages.add(asset.language);
      this.audiences.add(asset.audience);
      return {
        asset,
        text: ` ${words(`${asset.title} ${asset.tags.join(' ')} ${asset.description}`).join(' ')}`,
      };
    });
    this.all.push(...added);
    // The order kept is one sorted run, the page another: the sort merges them in one pass.
    for (const [sort, sorted] of this.#sorted) {
      sorted.push(...added.sort(this.#compare[sort]));
      sorted.sort(this.#compare[sort]);
    }
    this.#last = undefined;
  }

  /** Every entry in `sort` order. */
  sorted(sort: Sort): Entry[] {
    const sorted = this.#sorted.get(sort) ?? [...this.all].sort(this.#compare[sort]);
    this.#sorted.set(sort, sorted);
    return sorted;
  }

  /** The entries that match `search` and `filters`, in `sort` order. */
  query(sort: Sort, filters: Filters, search: string): Entry[] {
    const key = `${sort}\n${filters.type}\n${filters.product}\n${filters.language}\n${filters.audience}`;
    const wanted = [...new Set(words(search))].map((w) => ` ${w}`);
    const last = this.#last;
    // The result before holds every match of a search that narrows it.
    const narrows = last?.key === key && last.words.every((w) => wanted.some((x) => x.startsWith(w)));
    const from = narrows ? last!.result : this.sorted(sort);
    const { type, product, language, audience } = filters;
    const result =
      narrows || type || product || language || audience || wanted.length
        ? from.filter(
            ({ asset: a, text }) =>
              (narrows ||
                ((!type || a.type === type) &&
                  (!language || a.language === language) &&
                  (!audience || a.audience === audience) &&
                  (!product || a.products.includes(product)))) &&
              wanted.every((w) => text.includes(w)),
          )
        : from;
    this.#last = { key, words: wanted, result };
    return result;
  }
}
