import type { MdfFund, MdfRequest, Me, StatusChange } from '@partnerkit/api';
import { html, type TemplateResult } from 'lit';
import { cards } from '../internal/cards.js';
import { loadDraft } from '../internal/draft.js';
import { commonCatalog, PkElement } from '../internal/element.js';
import { DATE_TIME } from '../internal/format.js';
import { ListController } from '../internal/list.js';
import { Load } from '../internal/load.js';
import { badge, choice, history, toggled } from '../internal/parts.js';
import { base } from '../internal/styles.js';
import type { MdfForms } from './forms/forms.js';
import { mdfStyles } from './mdf-request.styles.js';
import { claimable, mdfCatalog } from './shared.js';
import type en from './strings/en.js';

type Strings = typeof en;

/** The figures of a fund, in the order of its bar (`allocated` has no segment). */
const FIGURES = ['allocated', 'paid', 'claimed', 'approved', 'requested', 'remaining'] as const;

/**
 * @tagname pk-mdf-request
 * @summary Market development funds: the partner's fund for a period with its figures and a bar,
 * a form to request funds for an activity (never above what remains), the partner's requests
 * with their status and history, and a claim with proof-of-performance files against each
 * approved request (never above what was approved).
 *
 * @event pk-before-submit - Cancelable, before a request (`operation` `mdf.createRequest`, `detail.input` the `MdfRequestInput`) or a claim (`mdf.createClaim`, the `MdfClaimInput` with its `requestId`): change `input` to enrich it, or call `preventDefault()` to stop it.
 * @event pk-mdf-requested - A request was stored; `detail` is the `MdfRequest`.
 * @event pk-mdf-claimed - A claim was stored; `detail` is the `MdfClaim`.
 * @event pk-error - A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`.
 *
 * @csspart fund - The fund of the period: its title, period picker, bar and figures.
 * @csspart filter - The period picker (when the partner has funds for more than one period).
 * @csspart bar - The stacked bar of the fund (paid, claimed, approved, awaiting a decision, remaining).
 * @csspart figures - The fund's figures, the bar's text equivalent.
 * @csspart form - The request form and the claim form.
 * @csspart field - Each field (a `pk-field`); its `label`, `input`, `hint` and `error` parts are exported.
 * @csspart label - A field's label.
 * @csspart input - A field's native control.
 * @csspart hint - A field's hint, and the hint of the files.
 * @csspart error - A field's inline error, the errors of the files, and the error state.
 * @csspart summary - The error summary above a form.
 * @csspart notice - The "draft restored" notice, and why no request can be made.
 * @csspart success - The confirmation of a request.
 * @csspart list - The list of requests.
 * @csspart row - One request.
 * @csspart badge - The status of a request or a claim (text and symbol, not colour alone).
 * @csspart claims - The claims of a request.
 * @csspart history - The status history of a request and its claims.
 * @csspart claim - The claim form of a request.
 * @csspart files - The drop zone of the proof files, with the file button.
 * @csspart file-list - The files attached to a claim.
 * @csspart button - Every button.
 * @csspart submit - The submit buttons.
 * @csspart more - The "show more" button.
 * @csspart status - The loading, empty and error states.
 *
 * @cssproperty --pk-mdf-background - Background of the component.
 * @cssproperty --pk-mdf-column - Narrowest column of the forms' field grid (default 14rem).
 * @cssproperty --pk-mdf-border-color - Border of each request.
 * @cssproperty --pk-mdf-paid - Colour of the paid share of the bar.
 * @cssproperty --pk-mdf-claimed - Colour of the claimed share.
 * @cssproperty --pk-mdf-approved - Colour of the approved share.
 * @cssproperty --pk-mdf-requested - Colour of the share awaiting a decision.
 *
 * @attr fund-id - The fund to show, by id; the current period's by default.
 */
export class PkMdfRequest extends PkElement {
  static override styles = [base, cards, mdfStyles];
  static override properties = {
    fundId: { attribute: 'fund-id', reflect: true },
    open: { state: true },
    asking: { state: true },
    claiming: { state: true },
    said: { state: true },
  };

  /**
   * @internal Loads the forms, the first time one opens: their own chunk, with `<pk-field>`.
   * (Replaceable in tests.)
   */
  static forms = () => import('./forms/forms.js');

  /** The fund shown, by id (the period picker changes it); empty for the current period's. */
  fundId = '';

  /** Ids of the requests whose history is open. */
  private open = new Set<string>();
  /** The request form is open. */
  private asking = false;
  /** The id of the request whose claim form is open. */
  private claiming?: string | undefined;
  /** The last announcement for screen readers. */
  private said = '';

  /** The caller and the funds, current period first; then the caller's draft. */
  readonly #data = new Load<{ me: Me; funds: MdfFund[] }>(
    this,
    async (signal) => {
      const { client, me } = this.portal!;
      const failed = (operation: string) => (e: unknown) => {
        throw this.fail(e, operation);
      };
      const [who, funds] = await Promise.all([
        me().catch(failed('me.get')),
        client.mdf.listFunds({}, { signal }).catch(failed('mdf.listFunds')),
      ]);
      // An unsent request from before: open the form again to finish it.
      if (!this.#data.value && Object.keys(loadDraft(this.#key(who, 'draft'))?.values ?? {}).length)
        this.#startAsk();
      return { me: who, funds };
    },
    () => this.portal && [this.portal.client],
  );

  /** The fund shown: the one chosen, else the first (the current period's). */
  get #fund(): MdfFund | undefined {
    const funds = this.#data.value?.funds;
    return funds?.find((f) => f.id === this.fundId) ?? funds?.[0];
  }

  /**
   * What the fund has paid out: its funds carry no such figure, so it is summed from the paid
   * claims of its approved requests (paid claims exist on no others).
   */
  readonly #paid = new Load<number>(
    this,
    async (signal) => {
      let paid = 0;
      try {
        for await (const r of this.portal!.client.mdf.listAllRequests(
          { fundId: this.#fund!.id, status: ['approved', 'partially_approved'], limit: 100 },
          { signal },
        ))
          for (const c of r.claims) if (c.status === 'paid') paid += (c.approvedAmount ?? c.amount).amount;
      } catch (e) {
        throw this.fail(e, 'mdf.listRequests');
      }
      return paid;
    },
    () => this.#fund && [this.portal!.client, this.#fund.id],
  );

  readonly #list = new ListController<MdfRequest>(this, {
    operation: 'mdf.listRequests',
    page: (cursor, signal) =>
      this.portal!.client.mdf.listRequests(
        { fundId: this.#fund!.id, limit: 10, ...(cursor ? { cursor } : {}) },
        { signal },
      ),
    args: () => this.#fund && [this.portal!.client, this.#fund.id],
    loaded: (items, more) => {
      this.said = this.strings(mdfCatalog).shown(this.format.number(items.length), more);
    },
  });

  /** The forms, once loaded (see `forms`). */
  readonly #forms = new Load<MdfForms>(this, async () => {
    let forms: typeof import('./forms/forms.js');
    try {
      forms = await (this.constructor as typeof PkMdfRequest).forms();
    } catch (e) {
      throw this.fail(e, 'mdf.forms');
    }
    const replace = (request: MdfRequest) => {
      this.#list.replace(request, (a, b) => a.id === b.id);
      this.#forms.value?.claim.update(request);
    };
    return new forms.MdfForms(this, {
      client: () => this.portal!.client,
      fund: () => this.#fund!,
      requested: async (request, said) => {
        this.emit('pk-mdf-requested', request);
        this.#data.run();
        // Said once the list shows it (the list announces what it loaded).
        await this.#list.first.run();
        this.said = said;
      },
      claimed: (claim, request, said) => {
        replace({ ...request, claims: [...request.claims, claim] });
        this.claiming = undefined;
        this.said = said;
        this.emit('pk-mdf-claimed', claim);
        this.focusLater(`#k-${claim.id}`);
      },
      replace,
      refresh: () => this.#data.run(),
      close: () => {
        this.asking = false;
        this.focusLater('#ask');
      },
    });
  });

  /** The load of the forms under way, which a second opening waits for rather than repeats. */
  #loading?: Promise<void>;

  /** The forms, loading them the first time; `undefined` when they could not load. */
  async #loaded(): Promise<MdfForms | undefined> {
    const forms = this.#forms;
    if (forms.status !== 2) {
      if (forms.status !== 1) this.#loading = forms.run();
      await this.#loading;
    }
    return forms.value;
  }

  async #startAsk(): Promise<void> {
    this.asking = true;
    (await this.#loaded())?.openAsk(this.#key(this.#data.value?.me ?? (await this.portal!.me()), 'draft'));
  }

  async #startClaim(r: MdfRequest): Promise<void> {
    this.claiming = r.id;
    (await this.#loaded())?.claim.open(r, this.#key(this.#data.value!.me, `claim-draft:${r.id}`));
  }

  protected override willUpdate(): void {
    const funds = this.#data.value?.funds;
    if (this.fundId && funds && !funds.some((f) => f.id === this.fundId)) {
      console.warn(
        `<pk-mdf-request>: no fund "${this.fundId}" for this partner; showing the current period's.`,
      );
      this.fundId = '';
    }
  }

  /** Where a draft of this partner user is kept (`draft`, or `claim-draft:<request id>`). */
  #key(me: Me, what: string): string {
    return `partnerkit:mdf-${what}:${me.partner?.id ?? ''}:${me.user.id}`;
  }

  /** The forms' place while they load, or when they could not. */
  #formsState(retry: () => void): TemplateResult {
    const f = this.#forms;
    return f.status === 3 ? this.failure(f.error, retry) : this.loading(this.strings(commonCatalog).loading);
  }

  #renderFund(fund: MdfFund, funds: MdfFund[], t: Strings): TemplateResult {
    const fmt = this.format;
    const money = (amount: number) => fmt.money({ amount, currency: fund.currency });
    const paid = this.#paid;
    const p = paid.value ?? 0;
    const { allocated, claimed, approved, requested, remaining } = fund;
    // Each share of the bar once: paid, claimed and not yet paid, approved and not yet claimed.
    const shares = { paid: p, claimed: claimed - p, approved: approved - claimed, requested, remaining };
    const figures = { allocated, paid: p, claimed, approved, requested, remaining };
    return html`<section part="fund" aria-labelledby="fund"><div class="top"><h2 id="fund">${fund.period.label}</h2>
${
  funds.length > 1
    ? html`<div part="filter">${choice(
        t.period,
        funds.map((f) => [f.id, `${f.period.label} (${f.currency})`]),
        fund.id,
        (id) => (this.fundId = id),
        'period',
      )}</div>`
    : ''
}</div>
<p class="muted">${t.dates(fmt.date(fund.period.startsOn), fmt.date(fund.period.endsOn))}</p>
<div part="bar" role="img" aria-label=${t.left(money(remaining), money(allocated))}>${Object.entries(shares).map(([k, v]) => (v > 0 ? html`<span class=${k} .style=${`flex-grow:${v}`}></span>` : ''))}</div>
<dl part="figures">${FIGURES.map((k) => html`<div class=${k}><dt>${t.figures[k]}</dt><dd>${k === 'paid' && paid.status !== 2 ? '…' : money(figures[k])}</dd></div>`)}</dl>
${paid.status === 3 ? this.failure(paid.error, () => paid.run()) : ''}</section>`;
  }

  #renderAsk(fund: MdfFund, t: Strings): TemplateResult {
    const ended = fund.period.endsOn < new Date().toISOString().slice(0, 10);
    const forms = this.#forms.value;
    const content =
      this.asking && forms?.done
        ? forms.renderAsk(fund)
        : ended || !fund.remaining
          ? html`<p part="notice">${ended ? t.ended(this.format.date(fund.period.endsOn)) : t.usedUp}</p>`
          : !this.asking
            ? html`<div><button part="button" class="primary" type="button" id="ask" @click=${this.#startAsk}>${t.ask}</button></div>`
            : forms
              ? forms.renderAsk(fund)
              : this.#formsState(() => this.#startAsk());
    return this.asking
      ? html`<section aria-labelledby="ask-title"><h2 id="ask-title">${t.ask}</h2>${content}</section>`
      : content;
  }

  #renderRow(r: MdfRequest, t: Strings): TemplateResult {
    const fmt = this.format;
    const { money } = fmt;
    const status: Record<string, string> = { ...this.strings(commonCatalog).status, ...t.status };
    const live = r.claims.filter((c) => c.status !== 'rejected');
    const shown = live.some((c) => c.status === 'paid') ? 'paid' : live.length ? 'claimed' : r.status;
    // The vendor's word on the request: the note on its approval, or why it was rejected or expired.
    const why = r.history.find((h) => h.from === 'submitted')?.reason;
    const when = (at: string) => fmt.date(at, DATE_TIME);
    const changes = () =>
      [
        ...r.history.map((h): [StatusChange, string] => [h, status[h.to] ?? h.to]),
        ...r.claims.flatMap((c) =>
          c.history.map((h): [StatusChange, string] => [h, t.claimChanged(status[h.to] ?? h.to)]),
        ),
      ]
        .sort(([a], [b]) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
        .map(([h, s]) => [t.changed(s, when(h.at), h.actor.name), h.reason] as const);
    const forms = this.#forms.value;
    // The claim form of this request is open (or its forms are still loading).
    const claiming = forms ? forms.claim.request?.id === r.id : this.claiming === r.id;
    const { expectedOutcome: o } = r;
    return html`<li part="row" class="card"><div class="top"><h3>${r.title}</h3>${badge(shown, status[shown]!)}</div>
<p class="muted">${r.reference} · ${t.types[r.activityType] ?? r.activityType} · ${t.dates(fmt.date(r.startsOn), fmt.date(r.endsOn))}</p>
<p>${r.approvedAmount ? t.approved(money(r.approvedAmount), money(r.requestedAmount)) : t.requested(money(r.requestedAmount))}</p>
${why ? html`<p>${(/approved/.test(r.status) ? t.note : t.reason)(why)}</p>` : ''}
<p class="muted">${t.expected(fmt.number(o.leads), money(o.pipeline))}</p>
${
  r.claims.length
    ? html`<ul part="claims">${r.claims.map(
        (
          c,
        ) => html`<li id="k-${c.id}" tabindex="-1"><span>${t.claim(money(c.amount))}${c.approvedAmount && c.approvedAmount.amount !== c.amount.amount ? `, ${t.granted(money(c.approvedAmount))}` : ''}${c.paidAt ? `, ${t.paidOn(fmt.date(c.paidAt))}` : ''}</span>
${badge(c.status, status[c.status]!)}
${c.rejectionReason ? html`<p>${t.reason(c.rejectionReason)}</p>` : ''}</li>`,
      )}</ul>`
    : ''
}
${history(
  r.id,
  this.open.has(r.id),
  t.history,
  () => (this.open = toggled(this.open, r.id)),
  changes,
  claimable(r) && !claiming
    ? html`<button part="button" type="button" id="to-${r.id}" @click=${() => this.#startClaim(r)}>${t.toClaim}</button>`
    : '',
)}
${claiming ? (forms ? forms.claim.render() : this.#formsState(() => this.#startClaim(r))) : ''}</li>`;
  }

  protected override render() {
    const t = this.strings(mdfCatalog);
    const fund = this.#fund;
    const list = this.#list;
    return this.present(
      this.#data,
      t.loading,
      (d) =>
        fund
          ? [
              html`${this.#renderFund(fund, d.funds, t)}${this.#renderAsk(fund, t)}
<section aria-labelledby="mine"><h2 id="mine">${t.mine}</h2>${list.render({
                loading: t.loading,
                empty: () => html`<p part="status empty">${t.none}</p>`,
                items: (items) => html`<ul part="list">${items.map((r) => this.#renderRow(r, t))}</ul>`,
              })}</section>`,
              this.said,
            ]
          : [html`<p part="status empty">${t.empty}</p>`, t.empty],
      true,
    );
  }
}
