import type { DealRegistration, DealStatus } from '@partnerkit/api';
import { html, type TemplateResult } from 'lit';
import { cards } from '../internal/cards.js';
import { commonCatalog, PkElement } from '../internal/element.js';
import { FormController, formStyles } from '../internal/form.js';
import { DATE_TIME } from '../internal/format.js';
import { Catalog } from '../internal/i18n.js';
import { ListController } from '../internal/list.js';
import { badge, choice, history, toggled } from '../internal/parts.js';
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
 * @csspart extension - The extension request: its form and, when it was refused, its error summary.
 * @csspart form - The form of the extension request.
 * @csspart summary - The error summary of the extension request.
 * @csspart field - The reason field of the extension request (`label`, `input`, `hint`, `error` exported).
 * @csspart button - Every button.
 * @csspart more - The "show more" button.
 * @csspart status - The loading, empty and error states.
 *
 * @cssproperty --pk-list-background - Background of the component.
 * @cssproperty --pk-list-border-color - Border of each registration.
 */
export class PkDealList extends PkElement {
  static override styles = [base, cards, formStyles, listStyles];
  static override properties = {
    status: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    open: { state: true },
    extending: { state: true },
    said: { state: true },
  };

  /** Show only registrations with this status; empty for all. */
  status: DealStatus | '' = '';
  /** Registrations fetched and shown per page. */
  pageSize = 10;

  /** Ids of the registrations whose history is open. */
  private open = new Set<string>();
  /** The registration whose extension form is open. */
  private extending?: string;
  /** The last announcement for screen readers. */
  private said = '';
  readonly #refresh = () => this.#list.refresh();

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

  readonly #list = new ListController<DealRegistration>(this, {
    operation: 'deals.list',
    page: (cursor, signal) =>
      this.portal!.client.deals.list(
        {
          limit: this.pageSize,
          ...(cursor ? { cursor } : {}),
          ...(this.status ? { status: [this.status] } : {}),
        },
        { signal },
      ),
    args: () => this.portal && [this.portal.client, this.status],
    loaded: (items, more) => {
      this.said = items.length ? this.strings(catalog).shown(this.format.number(items.length), more) : '';
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pk-deal-registered', this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pk-deal-registered', this.#refresh);
  }

  #cancel(): void {
    this.extending = undefined;
  }

  /** The extension request of the registration in `extending`. */
  readonly #extension = new FormController(this, {
    operation: 'deals.requestExtension',
    id: 'x',
    with: () => ({ id: this.extending }),
    send: ({ id, ...input }, options) => this.portal!.client.deals.requestExtension(id, input, options),
    done: (updated) => {
      this.#list.replace(updated, (a, b) => a.id === b.id);
      this.extending = undefined;
      this.said = this.strings(catalog).extended(this.format.date(updated.protectedUntil ?? ''));
      this.emit('pk-extension-requested', updated);
    },
  });

  async #startExtension(id: string): Promise<void> {
    this.extending = id;
    this.#extension.restore();
    await this.focusLater('[part~=extension] pk-field');
  }

  #renderExtension(d: DealRegistration, t: typeof en): TemplateResult {
    const form = this.#extension;
    return html`<div part="extension">${form.render(html`${form.field('/reason', t.reason, {
      type: 'textarea',
      required: true,
      maxlength: 2000,
      hint: t.reasonHint(this.format.date(d.protectedUntil ?? '')),
    })}
<div class="actions"><button part="button" class="primary" type="submit" aria-disabled=${form.submitting}>${form.submitting ? t.sending : t.send}</button>
<button part="button" type="button" @click=${this.#cancel}>${t.cancel}</button></div>`)}</div>`;
  }

  #renderRow(d: DealRegistration, t: typeof en): TemplateResult {
    const fmt = this.format;
    const c = this.strings(commonCatalog);
    const when = (at: string) => fmt.date(at, DATE_TIME);
    return html`<li part="row" class="card"><div class="top"><h3>${d.customer.company}</h3>
${badge(d.status, c.status[d.status])}</div>
<p class="muted">${d.reference} · ${fmt.money(d.estimatedValue)} · ${t.closes(fmt.date(d.expectedCloseDate))}</p>
${d.status === 'approved' && d.protectedUntil ? html`<p>${t.protectedUntil(fmt.date(d.protectedUntil), fmt.relative(d.protectedUntil))}</p>` : ''}
${d.status === 'rejected' && d.rejectionReason ? html`<p>${t.rejected(d.rejectionReason)}</p>` : ''}
${history(
  d.id,
  this.open.has(d.id),
  t.history,
  () => (this.open = toggled(this.open, d.id)),
  () =>
    d.history.map((h) => [
      t.changed(c.status[h.to as DealStatus] ?? h.to, when(h.at), h.actor.name),
      h.reason,
    ]),
  d.canRequestExtension && this.extending !== d.id
    ? html`<button part="button" type="button" @click=${() => this.#startExtension(d.id)}>${t.requestExtension}</button>`
    : '',
)}
${this.extending === d.id ? this.#renderExtension(d, t) : ''}</li>`;
  }

  protected override render() {
    const t = this.strings(catalog);
    const c = this.strings(commonCatalog);
    const list = this.#list;
    const empty = this.status ? t.emptyFiltered : t.empty;
    const said =
      list.first.status === 3
        ? this.errorMessage(list.first.error)
        : list.first.status === 2
          ? list.items.length
            ? this.said
            : empty
          : t.loading;
    return html`<div><div part="filter">${choice(
      t.filter,
      ['', ...STATUSES].map((s) => [s, s ? c.status[s as DealStatus] : t.all]),
      this.status,
      (v) => (this.status = v as DealStatus),
      'status',
    )}</div>
${list.render({
  loading: t.loading,
  empty: () => html`<p part="status empty">${empty}</p>`,
  items: (items) => html`<ul part="list">${items.map((d) => this.#renderRow(d, t))}</ul>`,
})}${this.live(said)}</div>`;
  }
}
