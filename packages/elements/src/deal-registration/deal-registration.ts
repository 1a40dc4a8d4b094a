import type { ConflictCheckResult, CustomField, DealRegistration, Me, Product } from '@partnerkit/api';
import { html, type TemplateResult } from 'lit';
import { check } from '../field/validators.js';
import { commonCatalog, PkElement } from '../internal/element.js';
import { FormController, formStyles } from '../internal/form.js';
import { DATE_TIME } from '../internal/format.js';
import { Catalog } from '../internal/i18n.js';
import { Load } from '../internal/load.js';
import { base } from '../internal/styles.js';
import { registrationStyles } from './deal-registration.styles.js';
import { countryOptions, currencyOptions } from './options.js';
import en from './strings/en.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

const COMPANY = '/customer/company';
const DOMAIN = '/customer/domain';
const PRODUCTS = '/products';
const AMOUNT = '/estimatedValue/amount';
const CURRENCY = '/estimatedValue/currency';
const DOMAIN_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** What a partner may paste as a domain: `https://www.acme.com/about` becomes `www.acme.com`. */
const cleanDomain = (v: string) =>
  v
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();

/**
 * @tagname pk-deal-registration
 * @summary Registers a deal: customer, contact, products, value, close date, the vendor's custom
 * fields, with a live conflict hint, a draft kept across reloads, and exactly-once submission.
 *
 * @slot intro - Content above the form, such as the program's rules of engagement.
 *
 * @event pk-before-submit - Cancelable; `detail.input` is the registration about to be sent: change it to enrich it, or call `preventDefault()` to stop the submission.
 * @event pk-deal-registered - The registration was stored; `detail` is the `DealRegistration`.
 * @event pk-error - A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`.
 *
 * @csspart form - The form.
 * @csspart field - Each field (a `pk-field`); its `label`, `input`, `hint` and `error` parts are exported.
 * @csspart label - A field's label.
 * @csspart input - A field's native control.
 * @csspart hint - A field's hint.
 * @csspart error - A field's inline error, and the error state.
 * @csspart summary - The error summary above the form.
 * @csspart conflict - The live conflict hint.
 * @csspart notice - The "draft restored" notice.
 * @csspart button - Every button.
 * @csspart submit - The submit button.
 * @csspart success - The confirmation shown after registration.
 * @csspart status - The loading, empty and error states.
 *
 * @cssproperty --pk-registration-background - Background of the component.
 * @cssproperty --pk-registration-column - Narrowest column of the field grid (default 16rem).
 */
export class PkDealRegistration extends PkElement {
  static override styles = [base, formStyles, registrationStyles];
  static override properties = {
    checkDelay: { type: Number, attribute: 'check-delay' },
    conflict: { state: true },
    done: { state: true },
  };

  /** Milliseconds of quiet typing before the conflict check runs. */
  checkDelay = 400;

  private conflict?: ConflictCheckResult | undefined;
  private done?: DealRegistration | undefined;
  #currency = '';
  #timer?: ReturnType<typeof setTimeout>;
  #checking?: AbortController;

  readonly #form = new FormController(this, {
    operation: 'deals.register',
    send: (input, options) => this.portal!.client.deals.register(input, options),
    done: (registration) => {
      this.conflict = undefined;
      this.done = registration;
      this.emit('pk-deal-registered', registration);
      this.focusLater('[part~=success]');
    },
    convert: (name, text) =>
      name === DOMAIN
        ? cleanDomain(text)
        : name === AMOUNT
          ? this.format.minor(text, this.#text(CURRENCY))
          : undefined,
    changed: (name) => {
      if (name === COMPANY || name === DOMAIN || name === PRODUCTS) this.#scheduleCheck();
    },
    refused: (e) => {
      if (!e.conflict) return [];
      this.conflict = e.conflict;
      return e.conflict.reasons.map((r) => this.strings(catalog).conflict[r.code]);
    },
  });

  /** The caller, the products and the vendor's fields; then the caller's draft, if any. */
  readonly #data = new Load<{ me: Me; products: Product[]; fields: CustomField[] }>(
    this,
    async (signal) => {
      const { client, me } = this.portal!;
      const [who, products, fields] = await this.all([
        [me(), 'me.get'],
        [client.products.list({ signal }), 'products.list'],
        [client.deals.fields({ signal }), 'deals.fields'],
      ]);
      const data = { me: who, products, fields };
      this.#currency = data.me.program.defaultCurrency;
      const values = this.#form.restore(
        `partnerkit:deal-draft:${data.me.partner?.id ?? ''}:${data.me.user.id}`,
      );
      // A product withdrawn since the draft was saved is no longer offered: drop it.
      const chosen = values[PRODUCTS];
      if (Array.isArray(chosen))
        values[PRODUCTS] = chosen.filter((id) => data.products.some((p) => p.id === id));
      this.conflict = undefined;
      if (values[COMPANY]) this.#scheduleCheck();
      return data;
    },
    () => this.portal && [this.portal.client],
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#checking?.abort();
  }

  /** The trimmed text of a field (the program's currency when none is chosen). */
  #text(name: string): string {
    return this.#form.text(name, name === CURRENCY ? this.#currency : '');
  }

  #scheduleCheck(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#checkConflict(), this.checkDelay);
  }

  /** Asks whether the customer would conflict; a newer check cancels the one in flight. */
  async #checkConflict(): Promise<void> {
    this.#checking?.abort();
    const company = this.#text(COMPANY);
    const client = this.portal?.client;
    if (!company || !client) {
      this.conflict = undefined;
      return;
    }
    this.#checking = new AbortController();
    const { signal } = this.#checking;
    const domain = cleanDomain(this.#text(DOMAIN));
    const products = this.#form.values[PRODUCTS];
    try {
      const result = await client.deals.checkConflict(
        {
          company,
          ...(DOMAIN_NAME.test(domain) && { domain }),
          ...(Array.isArray(products) && products.length && { products }),
        },
        { signal },
      );
      if (!signal.aborted) this.conflict = result;
    } catch (error) {
      if (!signal.aborted) this.fail(error, 'deals.checkConflict');
    }
  }

  #restoredNotice(t: typeof en): string {
    const at = new Date(this.#form.restoredAt ?? 0).toISOString();
    return t.restored(this.format.date(at, DATE_TIME));
  }

  #another(): void {
    this.done = undefined;
    this.#form.discard();
  }

  /** A vendor-defined field, labelled in the portal's language when the vendor translated it. */
  #custom(f: CustomField): TemplateResult {
    const tr = f.translations?.[this.locale] ?? f.translations?.[this.locale.split('-')[0]!];
    return this.#form.field(`/customFields/${f.key}`, tr?.label ?? f.label, {
      ...f,
      hint: tr?.hint ?? f.hint,
      options: f.options?.map((o) => ({ value: o.value, label: tr?.options?.[o.value] ?? o.label })),
      maxlength: f.maxLength,
    });
  }

  #renderForm(d: { me: Me; products: Product[]; fields: CustomField[] }, t: typeof en): TemplateResult {
    const fmt = this.format;
    // The hint is about the customer on screen: none once the company is cleared.
    const c = this.#text(COMPANY) ? this.conflict : undefined;
    const form = this.#form;
    const field = form.field.bind(form);
    const currency = this.#text(CURRENCY);
    const money = check((v) => fmt.minor(v, currency) <= 1e12, t.valueInvalid);
    return html`<slot name="intro"></slot>
${form.restored(this.#restoredNotice(t))}
${form.render(html`<fieldset><legend>${t.customer}</legend>
${field(COMPANY, t.company, { required: true, maxlength: 200, autocomplete: 'organization' })}
${field(DOMAIN, t.domain, { hint: t.domainHint, maxlength: 253, validators: [check((v) => DOMAIN_NAME.test(cleanDomain(v)), t.domainInvalid)] })}
<div part="conflict" role="status" class=${c?.result ?? ''}>${c?.reasons.map((r) => html`<p>${t.conflict[r.code]}</p>`)}</div>
${field('/customer/country', t.country, { type: 'select', required: true, options: countryOptions(this.locale) })}
${field('/customer/region', t.region, { maxlength: 100 })}
</fieldset>
<fieldset><legend>${t.contact}</legend>
${field('/customer/contact/name', t.name, { required: true, maxlength: 200 })}
${field('/customer/contact/email', t.email, { type: 'email', required: true, maxlength: 254 })}
${field('/customer/contact/phone', t.phone, { type: 'tel', maxlength: 40, validators: [check((v) => /^[0-9+()./ -]*$/.test(v), t.phoneInvalid)] })}
</fieldset>
<fieldset><legend>${t.opportunity}</legend>
${field(PRODUCTS, t.products, { type: 'checkboxes', required: true, hint: t.productsHint, options: d.products.map((p) => ({ value: p.id, label: p.name })) })}
${field(AMOUNT, t.value, { required: true, inputmode: 'decimal', hint: t.valueHint(fmt.number(12500, { minimumFractionDigits: fmt.digits(currency) })), validators: [money] })}
${field(CURRENCY, t.currency, { type: 'select', required: true, options: currencyOptions(this.locale, this.#currency) }, this.#currency)}
${field('/expectedCloseDate', t.closeDate, { type: 'date', required: true, min: new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10) })}
${field('/sourcing', t.sourcing, {
  type: 'select',
  required: true,
  options: [
    { value: 'sourced', label: t.sourced },
    { value: 'influenced', label: t.influenced },
  ],
})}
${field('/notes', t.notes, { type: 'textarea', maxlength: 4000 })}
</fieldset>
${d.fields.length ? html`<fieldset><legend>${t.more}</legend>${d.fields.map((f) => this.#custom(f))}</fieldset>` : ''}
<div><button part="button submit" class="primary" type="submit" aria-disabled=${form.submitting}>${form.submitting ? t.submitting : t.submit}</button></div>`)}`;
  }

  #renderDone(r: DealRegistration, t: typeof en): TemplateResult {
    return html`<div part="success" tabindex="-1" aria-labelledby="done-title"><h2 id="done-title">${t.done}</h2>
<dl><dt>${t.reference}</dt><dd>${r.reference}</dd><dt>${t.customer}</dt><dd>${r.customer.company}</dd>
<dt>${t.status}</dt><dd>${this.strings(commonCatalog).status[r.status]}</dd>
<dt>${t.protection}</dt><dd>${r.protectedUntil ? t.protectedUntil(this.format.date(r.protectedUntil)) : t.pending}</dd></dl>
${r.flags.includes('similar_customer') ? html`<p>${t.conflict.similar_customer}</p>` : ''}
<div><button part="button" type="button" @click=${this.#another}>${t.another}</button></div></div>`;
  }

  protected override render() {
    const t = this.strings(catalog);
    const { done } = this;
    const form = this.#form;
    return this.present(this.#data, t.loading, (d) =>
      !d.products.length
        ? [html`<p part="status empty">${t.empty}</p>`, t.empty]
        : done
          ? [this.#renderDone(done, t), t.registered(done.reference)]
          : [
              this.#renderForm(d, t),
              form.submitting ? t.submitting : form.restoredAt ? this.#restoredNotice(t) : t.ready,
            ],
    );
  }
}
