// The forms of `<pk-mdf-request>`, loaded the first time the partner opens one (or has a draft to
// finish): the request form and the claim form, with `<pk-field>` and their styles and strings.
// A page that only shows the fund and the requests never downloads them.
import '../../define/pk-field.js';
import type { MdfClaim, MdfFund, MdfRequest } from '@partnerkit/api';
import type { PartnerkitClient } from '@partnerkit/sdk';
import { adoptStyles, html, type ReactiveElement, type TemplateResult } from 'lit';
import type { PkElement } from '../../internal/element.js';
import { FormController, formStyles } from '../../internal/form.js';
import { DATE_TIME } from '../../internal/format.js';
import { mdfCatalog } from '../shared.js';
import { Claim } from './claim.js';
import { formsStyles } from './forms.styles.js';
import { amountSpec, formsCatalog, leadsSpec } from './money.js';

/** What the forms need of the component. */
export interface FormsHost {
  client(): PartnerkitClient;
  /** The fund requests go to. */
  fund(): MdfFund;
  /** A request was stored; `said` announces it. */
  requested(request: MdfRequest, said: string): void;
  /** A claim was stored; `said` announces it. */
  claimed(claim: MdfClaim, request: MdfRequest, said: string): void;
  /** A request as it is now, after a refusal showed that it changed. */
  replace(request: MdfRequest): void;
  /** The fund's figures changed on the server: load them afresh. */
  refresh(): void;
  /** The partner closed the request form. */
  close(): void;
}

/** The request form (with its confirmation) and the claim form of one component. */
export class MdfForms {
  readonly ask: FormController<'mdf.createRequest', MdfRequest>;
  readonly claim: Claim;
  /** The request just sent, shown until the partner asks for more. */
  done?: MdfRequest | undefined;
  readonly #host: PkElement;
  readonly #close: () => void;

  constructor(host: PkElement, api: FormsHost) {
    this.#host = host;
    const root = host.renderRoot as ShadowRoot;
    adoptStyles(root, [
      ...(host.constructor as typeof ReactiveElement).elementStyles,
      formStyles,
      formsStyles,
    ]);
    this.ask = new FormController(host, {
      operation: 'mdf.createRequest',
      id: 'r',
      with: () => {
        const { id, currency } = api.fund();
        return { fundId: id, requestedAmount: { currency }, expectedOutcome: { pipeline: { currency } } };
      },
      convert: (name, text) =>
        name.endsWith('amount') ? host.format.minor(text, api.fund().currency) : undefined,
      send: (input, options) => api.client().mdf.createRequest(input, options),
      done: (request) => {
        this.done = request;
        api.requested(request, host.strings(formsCatalog).said(request.reference));
        host.focusLater('[part~=success]');
      },
      explain: ({ code }) =>
        code === 'exceeds_remaining' ? host.strings(formsCatalog).exceedsRemaining : undefined,
      refused: (e) => {
        // The fund has less left than its figures said: show them as they are now.
        if (e.errors.some((x) => x.code === 'exceeds_remaining')) api.refresh();
        return [];
      },
    });
    this.claim = new Claim(
      host,
      api.client,
      (claim, request) =>
        api.claimed(claim, request, host.strings(formsCatalog).claimed(host.format.money(claim.amount))),
      api.replace,
    );
    this.#close = api.close;
  }

  /** Opens the request form with the draft kept under `storageKey`; focus goes to its first field. */
  openAsk(storageKey: string): void {
    this.done = undefined;
    this.ask.restore(storageKey);
    this.#host.focusLater('#rform pk-field');
  }

  /** The request form, or the confirmation of the request just sent. */
  renderAsk(fund: MdfFund): TemplateResult {
    const host = this.#host;
    const t = host.strings(formsCatalog);
    const types = host.strings(mdfCatalog).types;
    const form = this.ask;
    const field = form.field.bind(form);
    const fmt = host.format;
    const { currency, remaining } = fund;
    const done = this.done;
    if (done)
      return html`<div part="success" tabindex="-1" aria-labelledby="done"><h3 id="done">${t.sent}</h3>
<dl><dt>${t.reference}</dt><dd>${done.reference}</dd><dt>${t.title}</dt><dd>${done.title}</dd>
<dt>${t.amount}</dt><dd>${fmt.money(done.requestedAmount)}</dd></dl>
<div><button part="button" type="button" @click=${() => {
        this.done = undefined;
        form.discard();
      }}>${t.another}</button></div></div>`;
    const at = new Date(form.restoredAt ?? 0).toISOString();
    return html`${form.restored(t.restored(fmt.date(at, DATE_TIME)))}
${form.render(html`<fieldset><legend>${t.activityLegend}</legend>
${field('/activityType', t.activity, { type: 'select', required: true, options: Object.entries(types).map(([value, label]) => ({ value, label })) })}
${field('/title', t.title, { required: true, maxlength: 200 })}
${field('/description', t.description, { type: 'textarea', required: true, maxlength: 4000, hint: t.descriptionHint })}
${field('/startsOn', t.starts, { type: 'date', required: true })}
${field('/endsOn', t.ends, { type: 'date', required: true, min: form.text('/startsOn') || undefined })}</fieldset>
<fieldset><legend>${t.budgetLegend}</legend>
${field('/requestedAmount/amount', t.amount, amountSpec(host, currency, t.amountHint(fmt.money({ amount: remaining, currency })), remaining, t.aboveRemaining))}
${field('/expectedOutcome/leads', t.leads, leadsSpec(host))}
${field('/expectedOutcome/pipeline/amount', t.pipeline, amountSpec(host, currency, ''))}</fieldset>
<div class="actions"><button part="button submit" class="primary" type="submit" aria-disabled=${form.submitting}>${form.submitting ? t.sending : t.send}</button>
<button part="button" type="button" @click=${this.#close}>${t.cancel}</button></div>`)}`;
  }
}
