import { ContextProvider } from '@lit/context';
import { createPartnerkitClient, type PartnerkitClient } from '@partnerkit/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { canonicalLocale, createPortalContext, portalContext } from '../internal/context.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * @tagname pk-portal
 * @summary Holds the configured SDK client, the caller, the locale and the theme for every
 * Partnerkit component inside it.
 *
 * @slot - The components and any other content of the portal.
 *
 * @attr base-url - Where the Partnerkit API lives, e.g. `https://partners.example.com`.
 * @attr token - A partner session token minted by your server. Prefer the `fetchToken` property.
 * @attr locale - A BCP 47 locale (`en`, `de-DE`); defaults to `<html lang>`, then the browser's.
 * @attr theme - `light`, `dark`, or `auto` (follows `prefers-color-scheme`); absent: the page's `color-scheme`.
 *
 * @cssproperty --pk-color-primary - Buttons, links, focus.
 * @cssproperty --pk-color-on-primary - Text on primary.
 * @cssproperty --pk-color-surface - Component background.
 * @cssproperty --pk-color-text - Body text.
 * @cssproperty --pk-color-muted - Secondary text.
 * @cssproperty --pk-color-border - Input and card borders.
 * @cssproperty --pk-color-danger - Errors.
 * @cssproperty --pk-color-warning - Warnings (conflict hints).
 * @cssproperty --pk-color-success - Success.
 * @cssproperty --pk-color-focus-ring - Focus outline.
 * @cssproperty --pk-font-family - Font of every component.
 * @cssproperty --pk-font-size - Base font size.
 * @cssproperty --pk-radius - Corner radius.
 * @cssproperty --pk-spacing - Base spacing unit.
 * @cssproperty --pk-density - Multiplies spacing: `0.75` is compact, `1.25` roomy.
 */
export class PkPortal extends LitElement {
  static override styles =
    css`:host{display:block}:host([theme=light]){color-scheme:light}:host([theme=dark]){color-scheme:dark}:host([theme=auto]){color-scheme:light dark}`;
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    token: {},
    fetchToken: { attribute: false },
    client: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
  };

  /** Where the Partnerkit API lives. */
  baseUrl = '';
  /** A fixed partner session token. */
  token?: string;
  /**
   * Gets a short-lived session token from your own server; called before the first request and
   * again when the token is refused.
   */
  fetchToken?: () => Promise<string>;
  /** A client you configured yourself; when set, `base-url`, `token` and `fetchToken` are unused. */
  client?: PartnerkitClient;
  /** The locale of every component inside. */
  locale = '';
  /** Colour scheme of the components inside. */
  theme?: Theme;

  readonly #provider = new ContextProvider(this, { context: portalContext });
  #ownClient?: PartnerkitClient;

  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit's attributes of this class, plus `dir`.
    return [...super.observedAttributes, 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'dir') this.requestUpdate();
  }

  /** The client in use: `client`, or the one made from `base-url` and the token. */
  get activeClient(): PartnerkitClient | undefined {
    return this.client ?? this.#ownClient;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('baseUrl') ||
      changed.has('token') ||
      changed.has('fetchToken') ||
      changed.has('client')
    ) {
      this.#ownClient = undefined;
      if (this.baseUrl && !this.client) {
        try {
          this.#ownClient = createPartnerkitClient({
            baseUrl: this.baseUrl,
            token: this.token || undefined,
            fetchToken: this.fetchToken,
          });
        } catch (error) {
          console.error('<pk-portal>:', error);
        }
      }
    }
    const client = this.activeClient;
    if (!client) return;
    const locale = canonicalLocale(this.locale);
    if (this.locale && !locale) console.warn(`<pk-portal>: locale "${this.locale}" is not a BCP 47 tag.`);
    const next = createPortalContext({ client, locale, dir: this.matches(':dir(rtl)') ? 'rtl' : 'ltr' });
    const now = this.#provider.value;
    if (now?.client !== client || now.locale !== next.locale || now.dir !== next.dir)
      this.#provider.setValue(next);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
