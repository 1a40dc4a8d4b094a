import { createContext } from '@lit/context';
import type { Me } from '@partnerkit/api';
import type { PartnerkitClient } from '@partnerkit/sdk';
import { type Format, formatFor } from './format.js';

export type Direction = 'ltr' | 'rtl';

/**
 * What `<pk-portal>`, or any ancestor that provides the same context, gives the components below
 * it: the SDK client, the caller, the locale with its formatting helpers, and the direction.
 */
export interface PortalContext {
  readonly client: PartnerkitClient;
  /** The caller (`GET /v1/me`): fetched once per client, shared by every component. */
  me(): Promise<Me>;
  /** A BCP 47 locale such as `en`, `de-DE`; strings fall back to English when unsupported. */
  readonly locale: string;
  readonly dir: Direction;
  /** Numbers, money, dates and relative dates in `locale`. */
  readonly format: Format;
}

/**
 * The context key. It is made with `Symbol.for`, so two bundles (or two versions) of the kit on one
 * page still find each other's providers.
 */
export const portalContext = createContext<PortalContext>(Symbol.for('partnerkit.portal'));

const mes = new WeakMap<PartnerkitClient, Promise<Me>>();

/** The canonical form of `locale`, or `undefined` when it is not a valid BCP 47 tag. */
export function canonicalLocale(locale: string | null | undefined): string | undefined {
  try {
    return locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** The page's language: `<html lang>`, else the browser's. */
export const pageLocale = (): string =>
  canonicalLocale(document.documentElement.lang) ?? canonicalLocale(navigator.language) ?? 'en';

/**
 * Builds a portal context around a client, for a vendor that provides the context itself:
 *
 * ```ts
 * new ContextProvider(host, { context: portalContext, initialValue: createPortalContext({ client }) });
 * ```
 */
export function createPortalContext(options: {
  client: PartnerkitClient;
  locale?: string | undefined;
  dir?: Direction | undefined;
}): PortalContext {
  const { client } = options;
  const locale = canonicalLocale(options.locale) ?? pageLocale();
  return {
    client,
    locale,
    dir: options.dir ?? 'ltr',
    format: formatFor(locale),
    me() {
      const known = mes.get(client);
      if (known) return known;
      const me = client.me.get();
      mes.set(client, me);
      // A failed call is forgotten, so the next component (or a retry) asks again.
      me.catch(() => mes.get(client) === me && mes.delete(client));
      return me;
    },
  };
}
