import type { DealRegistration, DealStatus } from '@partnerkit/api';
import { isPartnerkitError, newIdempotencyKey } from '@partnerkit/sdk';
import { html, type TemplateResult } from 'lit';
import type { PkField } from '../field/field.js';
import { commonCatalog, PkElement } from '../internal/element.js';
import type { PkErrorDetail } from '../internal/events.js';
import { Catalog } from '../internal/i18n.js';
import { Load } from '../internal/load.js';
import { base } from '../internal/styles.js';
import { listStyles } from './deal-list.styles.js';
import en from './strings/en.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

const STATUSES: DealStatus[] = [
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'expired',
  'won',
  'lost',
];
/** Failures after which the server may or may not have applied the request: keep the key. */
const UNKNOWN_OUTCOME = ['network', 'timeout', 'server', 'rate_limit', 'aborted'];

/**
 * @tagname pk-deal-list
 * @summary The partner's deal registrations: status filter, paging, status history, protection
 * dates, rejection reasons and the extension request. Refreshes when a deal is registered on
 * the page.
 *
 * @event pk-before-submit - Cancelable, before an extension request; `detail.input` is `{ id, reason }`.
 * @event pk-extension-requested - Protection was extended; `detail` is the updated `DealRegistration`.
 * @event pk-error - A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`.
 *
 * @csspart filter - The status filter.
 * @csspart list - The list of registrations.
 * @csspart row - One registration.
 * @csspart badge - The status of a registration (text and symbol, not colour alone).
 * @csspart history - The status history of a registration.
 * @csspart extension - The extension request form.
 * @csspart field - The reason field of the extension request (`label`, `input`, `hint`, `error` exported).
 * @csspart button - Every button.
 * @csspart more - The "show more" button.
 * @csspart status - The loading, empty and error states.
 *
 * @cssproperty --pk-list-background - Background of the component.
 * @cssproperty --pk-list-border-color - Border of each registration.
 */
export class PkDealList extends PkElement {
  static override styles = [base, listStyles];
  static override properties = {
    status: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    items: { state: true },
    hasMore: { state: true },
    open: { state: true },
    extending: { state: true },
    sending: { state: true },
    extensionError: { state: true },
    said: { state: true },
  };

  /** Show only registrations with this status; empty for all. */
  status: DealStatus | '' = '';
  /** Registrations fetched and shown per page. */
  pageSize = 10;

  private items: DealRegistration[] = [];
  private hasMore = false;
  /** Ids of the registrations whose history is open. */
  private open = new Set<string>();
  /** The registration whose extension form is open. */
  private extending?: string;
  private sending = false;
  private extensionError?: PkErrorDetail;
  /** The last announcement for screen readers. */
  private said = '';
  #pages?: AsyncIterator<DealRegistration>;
  #next?: IteratorResult<DealRegistration>;
  #extensionKey = '';
  readonly #refresh = () => this.#list.run();

  protected override willUpdate(): void {
    // Bad input gets a clear message and a working list, not a failed request.
    if (this.status && !STATUSES.includes(this.status)) {
      console.warn(
        `<pk-deal-list>: status "${this.status}" is not one of ${STATUSES.join(', ')}; showing all.`,
      );
      this.status = '';
    }
    const size = Math.min(100, Math.max(1, Math.round(this.pageSize) || 10));
    if (size !== this.pageSize) {
      console.warn(`<pk-deal-list>: page-size must be a number from 1 to 100; using ${size}.`);
      this.pageSize = size;
    }
  }

  readonly #list = new Load(
    this,
    async (signal) => {
      const { status } = this;
      this.#pages = this.portal!.client.deals.listAll(
        { limit: this.pageSize, ...(status ? { status: [status] } : {}) },
        { signal },
      );
      this.#next = undefined;
      await this.#pull(true);
    },
    () => this.portal && [this.portal.client, this.status],
  );

  readonly #more = new Load(this, () => this.#pull(false));

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pk-deal-registered', this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pk-deal-registered', this.#refresh);
  }

  /**
   * The next page from the SDK's iterator (it reads one item ahead to know whether more exist);
   * `first` starts the list afresh. A page of an iterator that was replaced meanwhile (the filter
   * changed) is dropped.
   */
  async #pull(first: boolean): Promise<void> {
    const pages = this.#pages!;
    const page: DealRegistration[] = [];
    let r: IteratorResult<DealRegistration>;
    try {
      r = this.#next ?? (await pages.next());
      while (!r.done && page.length < this.pageSize) {
        page.push(r.value);
        r = await pages.next();
      }
    } catch (error) {
      throw this.fail(error, 'deals.list');
    }
    if (pages !== this.#pages) return;
    this.#next = r;
    this.items = first ? page : [...this.items, ...page];
    this.hasMore = !r.done;
    const t = this.strings(catalog);
    this.said = this.items.length ? t.shown(this.format.number(this.items.length), this.hasMore) : '';
  }

  #filter(e: Event): void {
    this.status = (e.target as HTMLSelectElement).value as DealStatus;
  }

  #cancel(): void {
    this.extending = undefined;
  }

  #toggle(id: string): void {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  async #startExtension(id: string): Promise<void> {
    this.extending = id;
    this.extensionError = undefined;
    this.#extensionKey = newIdempotencyKey();
    await this.updateComplete;
    this.renderRoot.querySelector<PkField>('[part~=extension] pk-field')?.focus();
  }

  async #extend(e: Event, d: DealRegistration): Promise<void> {
    e.preventDefault();
    const client = this.portal?.client;
    const field = this.renderRoot.querySelector<PkField>('[part~=extension] pk-field')!;
    if (this.sending || !client || !field.checkValidity()) return;
    const detail = {
      operation: 'deals.requestExtension' as const,
      input: { id: d.id, reason: (field.value as string).trim() },
    };
    if (!this.emit('pk-before-submit', detail, true)) return;
    this.sending = true;
    this.extensionError = undefined;
    try {
      const updated = await client.deals.requestExtension(
        detail.input.id,
        { reason: detail.input.reason },
        { idempotencyKey: this.#extensionKey },
      );
      this.items = this.items.map((x) => (x.id === updated.id ? updated : x));
      this.extending = undefined;
      this.said = this.strings(catalog).extended(this.format.date(updated.protectedUntil ?? ''));
      this.emit('pk-extension-requested', updated);
    } catch (error) {
      const info = this.fail(error, 'deals.requestExtension');
      if (!UNKNOWN_OUTCOME.includes(info.kind)) this.#extensionKey = newIdempotencyKey();
      const reason = isPartnerkitError(error) ? error.errorsAt('/reason')[0] : undefined;
      if (reason) field.error = reason.message;
      else this.extensionError = info;
      this.said = this.errorMessage(info);
    } finally {
      this.sending = false;
    }
  }

  #renderExtension(d: DealRegistration, t: typeof en): TemplateResult {
    const e = this.extensionError;
    return html`<form part="extension" novalidate @submit=${(ev: Event) => this.#extend(ev, d)}>
<pk-field part="field" exportparts="label,input,hint,error" type="textarea" name="reason" required .maxlength=${2000}
.label=${t.reason} .hint=${t.reasonHint(this.format.date(d.protectedUntil ?? ''))}></pk-field>
${e ? html`<div role="alert"><p>${this.errorMessage(e)}</p>${this.support(e)}</div>` : ''}
<div class="actions"><button part="button" class="primary" type="submit" aria-disabled=${this.sending}>${this.sending ? t.sending : t.send}</button>
<button part="button" type="button" @click=${this.#cancel}>${t.cancel}</button></div></form>`;
  }

  #renderRow(d: DealRegistration, t: typeof en): TemplateResult {
    const fmt = this.format;
    const c = this.strings(commonCatalog);
    const open = this.open.has(d.id);
    const when = (at: string) => fmt.date(at, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<li part="row"><div class="top"><h3>${d.customer.company}</h3>
<span part="badge" data-status=${d.status}>${c.status[d.status]}</span></div>
<p class="muted">${d.reference} · ${fmt.money(d.estimatedValue)} · ${t.closes(fmt.date(d.expectedCloseDate))}</p>
${d.status === 'approved' && d.protectedUntil ? html`<p>${t.protectedUntil(fmt.date(d.protectedUntil), fmt.relative(d.protectedUntil))}</p>` : ''}
${d.status === 'rejected' && d.rejectionReason ? html`<p>${t.rejected(d.rejectionReason)}</p>` : ''}
<div class="actions"><button part="button" type="button" aria-expanded=${open} aria-controls="h-${d.id}" @click=${() => this.#toggle(d.id)}>${t.history}</button>
${d.canRequestExtension && this.extending !== d.id ? html`<button part="button" type="button" @click=${() => this.#startExtension(d.id)}>${t.requestExtension}</button>` : ''}</div>
${open ? html`<ol part="history" id="h-${d.id}">${d.history.map((h) => html`<li>${t.changed(c.status[h.to as DealStatus] ?? h.to, when(h.at), h.actor.name)}${h.reason ? html`: ${h.reason}` : ''}</li>`)}</ol>` : ''}
${this.extending === d.id ? this.#renderExtension(d, t) : ''}</li>`;
  }

  #renderList(t: typeof en): TemplateResult {
    if (!this.items.length)
      return html`<p part="status empty">${this.status ? t.emptyFiltered : t.empty}</p>`;
    const more = this.#more;
    return html`<ul part="list">${this.items.map((d) => this.#renderRow(d, t))}</ul>
${more.status === 3 ? this.failure(more.error, () => more.run()) : ''}
${this.hasMore ? html`<div><button part="button more" type="button" aria-disabled=${more.status === 1} @click=${() => more.status !== 1 && more.run()}>${more.status === 1 ? t.loadingMore : t.more}</button></div>` : ''}`;
  }

  protected override render() {
    const t = this.strings(catalog);
    const c = this.strings(commonCatalog);
    const list = this.#list;
    const said =
      list.status === 3
        ? this.errorMessage(list.error)
        : list.status === 2
          ? this.items.length
            ? this.said
            : this.status
              ? t.emptyFiltered
              : t.empty
          : t.loading;
    return html`<div><div part="filter"><label for="status">${t.filter}</label>
<select id="status" @change=${this.#filter}>
${['', ...STATUSES].map((s) => html`<option value=${s} .selected=${s === this.status}>${s ? c.status[s as DealStatus] : t.all}</option>`)}</select></div>
${list.render(
  () => this.loading(t.loading),
  () => this.#renderList(t),
  (e) => this.failure(e, () => list.run()),
)}${this.live(said)}</div>`;
  }
}
