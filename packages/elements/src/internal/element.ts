import { ContextConsumer, ContextRoot } from '@lit/context';
import { isPartnerkitError } from '@partnerkit/sdk';
import { html, LitElement, type TemplateResult } from 'lit';
import { type PortalContext, pageLocale, portalContext } from './context.js';
import type { PkErrorDetail, PkEventDetail, PkEventName } from './events.js';
import { type Format, formatFor } from './format.js';
import { Catalog, langOf } from './i18n.js';
import type { Load } from './load.js';
import common from './strings/en.js';

/** The strings every component shares. */
export const commonCatalog = new Catalog(common, () => import('./strings/de.js'));

const ROOT = Symbol.for('partnerkit.context-root');

/**
 * One `ContextRoot` per document (shared by every copy of the kit): it holds the context requests
 * of components that upgrade before their provider, and replays them when the provider arrives.
 */
function attachContextRoot(): void {
  const doc = document as unknown as Record<symbol, ContextRoot>;
  if (doc[ROOT]) return;
  doc[ROOT] = new ContextRoot();
  doc[ROOT].attach(document.documentElement);
}

/**
 * The base of every Partnerkit component: the portal context (client, locale, formatting), strings
 * in the portal's language, typed events and the failure report every component shares.
 */
export class PkElement extends LitElement {
  /** The portal context from the nearest provider; `undefined` until one answers. */
  protected portal?: PortalContext;
  /** A pending load of a string table; `updateComplete` waits for it. */
  #pendingStrings?: Promise<unknown>;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: portalContext,
      subscribe: true,
      callback: (value) => {
        this.portal = value;
      },
    });
  }

  override connectedCallback(): void {
    attachContextRoot();
    super.connectedCallback();
    setTimeout(() => {
      if (this.isConnected && !this.portal) {
        console.warn(`<${this.localName}> has no Partnerkit client yet: put it inside <pk-portal>.`, this);
      }
    }, 5000);
  }

  /** The locale in use: the portal's, else the page's. */
  get locale(): string {
    return this.portal?.locale ?? pageLocale();
  }

  /** @internal Formatting in the current locale. */
  get format(): Format {
    return this.portal?.format ?? formatFor(this.locale);
  }

  /** @internal The table of `catalog` in the current language (English while another one loads). */
  strings<T>(catalog: Catalog<T>): T {
    const table = catalog.get(langOf(this.locale));
    if (!(table instanceof Promise)) return table;
    this.#pendingStrings = table.then(() => this.requestUpdate());
    return catalog.en;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#pendingStrings) {
      const pending = this.#pendingStrings;
      this.#pendingStrings = undefined;
      await pending;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /**
   * Fires a `pk-*` event: bubbling, composed, with a typed detail that may not be missing.
   * Returns `false` when a listener called `preventDefault()` on a cancelable event.
   */
  emit<K extends PkEventName>(type: K, detail: PkEventDetail<K>, cancelable = false): boolean {
    if (detail === undefined) throw new TypeError(`${type} needs a detail`);
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
    return this.dispatchEvent(event);
  }

  /** @internal Describes a failed call and reports it with `pk-error` (except a cancelled one). */
  fail(error: unknown, operation: string): PkErrorDetail {
    const e = isPartnerkitError(error) ? error : undefined;
    const detail: PkErrorDetail = {
      kind: e?.kind ?? 'server',
      code: e?.code ?? 'unexpected',
      message: error instanceof Error ? error.message : String(error),
      requestId: e?.requestId,
      operation,
    };
    if (detail.kind !== 'aborted') this.emit('pk-error', detail);
    return detail;
  }

  /**
   * @internal Awaits calls together, each given with its operation's name: a call that fails is
   * reported with `fail()`, and the first failure's detail is thrown (for `failure()` to show).
   */
  all<T extends readonly unknown[]>(calls: { [K in keyof T]: readonly [Promise<T[K]>, string] }): Promise<T> {
    return Promise.all(
      calls.map(([call, operation]) =>
        call.catch((e: unknown) => {
          throw this.fail(e, operation);
        }),
      ),
    ) as Promise<unknown> as Promise<T>;
  }

  /** @internal The message for a failure reported by `fail()`. */
  errorMessage(error: unknown): string {
    const e = this.strings(commonCatalog).error;
    return e[(error as PkErrorDetail).kind] ?? e.server;
  }

  /** @internal The support reference of a failure, if it has one, and a button to try again, if given. */
  support(error: PkErrorDetail, retry?: () => void): TemplateResult {
    const t = this.strings(commonCatalog);
    return html`${error.requestId ? html`<p class="muted">${t.requestId}: ${error.requestId}</p>` : ''}
${retry ? html`<button part="button" type="button" @click=${retry}>${t.retry}</button>` : ''}`;
  }

  /** @internal The designed error state: the message for the kind, the support reference, and a retry if given. */
  failure(error: unknown, retry?: () => void): TemplateResult {
    return html`<div part="status error" role="alert"><p>${this.errorMessage(error)}</p>
${this.support(error as PkErrorDetail, retry)}</div>`;
  }

  /** @internal The designed loading state: a spinner with a label. */
  loading(label: string): TemplateResult {
    return html`<div part="status loading"><span class="spin"></span>${label}</div>`;
  }

  /**
   * @internal A view of what `load` loads, and the live region saying it: the failure with a
   * retry, the loading state labelled `text`, or what `ready` makes of the value (the view and
   * its words). With `keep`, what was loaded stays in view while it loads again.
   */
  protected present<T>(
    load: Load<T>,
    text: string,
    ready: (value: T) => readonly [view: unknown, said: string],
    keep = false,
  ): TemplateResult {
    const { status, error } = load;
    const [view, said] =
      status === 3
        ? [this.failure(error, () => load.run()), this.errorMessage(error)]
        : status === 2 || (keep && load.value !== undefined)
          ? ready(load.value!)
          : [this.loading(text), text];
    return html`${view}${this.live(said)}`;
  }

  /** The polite live region that announces status changes. */
  protected live(text: string): TemplateResult {
    return html`<div class="sr" role="status">${text}</div>`;
  }

  /** @internal After the next render, moves focus to `selector` in the shadow root (if it is there). */
  async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
