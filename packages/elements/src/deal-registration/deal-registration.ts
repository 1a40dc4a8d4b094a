import type {
  ConflictCheckResult,
  CustomField,
  DealRegistration,
  DealRegistrationInput,
  Me,
  Product,
} from '@partnerkit/api';
import { isPartnerkitError, newIdempotencyKey } from '@partnerkit/sdk';
import { html, type TemplateResult } from 'lit';
import { type FieldOption, type FieldType, fieldCatalog, PkField } from '../field/field.js';
import { check, type Validator } from '../field/validators.js';
import { commonCatalog, PkElement } from '../internal/element.js';
import type { PkErrorDetail } from '../internal/events.js';
import { Catalog } from '../internal/i18n.js';
import { Load } from '../internal/load.js';
import { base } from '../internal/styles.js';
import { registrationStyles } from './deal-registration.styles.js';
import { dropDraft, loadDraft, saveDraft, type Values } from './draft.js';
import { countryOptions, currencyOptions } from './options.js';
import en from './strings/en.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

/** How one field is rendered: everything but its name and label. */
interface Spec {
  type?: FieldType;
  hint?: string | null | undefined;
  required?: boolean;
  multiple?: boolean;
  options?: FieldOption[] | undefined;
  min?: number | string | undefined;
  max?: number | undefined;
  maxlength?: number | undefined;
  autocomplete?: string;
  inputmode?: string;
  validators?: Validator[];
}

/** What the error summary lists: each item links to its field when it has one. */
/** What the error summary shows; its words are rendered in the current locale, not stored. */
interface Problem {
  items: { text: string; field?: PkField | undefined }[];
  error?: PkErrorDetail;
}

const COMPANY = '/customer/company';
const DOMAIN = '/customer/domain';
const PRODUCTS = '/products';
const AMOUNT = '/estimatedValue/amount';
const CURRENCY = '/estimatedValue/currency';
/** Failures after which the server may or may not have stored the registration: keep the key. */
const UNKNOWN_OUTCOME = /^(network|timeout|server|rate_limit|aborted)$/;
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
  static override styles = [base, registrationStyles];
  static override properties = {
    checkDelay: { type: Number, attribute: 'check-delay' },
    submitting: { state: true },
    values: { state: true },
    conflict: { state: true },
    problem: { state: true },
    done: { state: true },
    restoredAt: { state: true },
  };

  /** Milliseconds of quiet typing before the conflict check runs. */
  checkDelay = 400;

  private values: Values = {};
  private conflict?: ConflictCheckResult | undefined;
  private problem?: Problem | undefined;
  private submitting = false;
  private done?: DealRegistration | undefined;
  private restoredAt?: number | undefined;
  /** The idempotency key of the current draft. */
  #key = '';
  #storageKey = '';
  #currency = '';
  #timer?: ReturnType<typeof setTimeout>;
  #checking?: AbortController;
  #sending?: AbortController;

  /** The caller, the products and the vendor's fields; then the caller's draft, if any. */
  readonly #data = new Load<{ me: Me; products: Product[]; fields: CustomField[] }>(
    this,
    async (signal) => {
      const { client, me } = this.portal!;
      const [who, products, fields] = await Promise.all(
        [me(), client.products.list({ signal }), client.deals.fields({ signal })].map((call, i) =>
          call.catch((e: unknown) => {
            throw this.fail(e, ['me.get', 'products.list', 'deals.fields'][i]!);
          }),
        ),
      );
      const data = { me: who as Me, products: products as Product[], fields: fields as CustomField[] };
      this.#storageKey = `partnerkit:deal-draft:${data.me.partner?.id ?? ''}:${data.me.user.id}`;
      this.#currency = data.me.program.defaultCurrency;
      const draft = loadDraft(this.#storageKey);
      this.#key = draft?.key ?? newIdempotencyKey();
      const values = draft?.values ?? {};
      // A product withdrawn since the draft was saved is no longer offered: drop it.
      const chosen = values[PRODUCTS];
      if (Array.isArray(chosen))
        values[PRODUCTS] = chosen.filter((id) => data.products.some((p) => p.id === id));
      this.values = values;
      this.restoredAt = draft && Object.keys(draft.values).length ? draft.savedAt : undefined;
      if (values[COMPANY]) this.#scheduleCheck();
      return data;
    },
    () => this.portal && [this.portal.client],
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#checking?.abort();
    this.#sending?.abort();
  }

  #save(): void {
    saveDraft(this.#storageKey, { key: this.#key, values: this.values, savedAt: Date.now() });
  }

  /** Starts afresh: no draft, a new idempotency key, empty fields. */
  #clear(): void {
    dropDraft(this.#storageKey);
    this.#key = newIdempotencyKey();
    this.values = {};
    this.restoredAt = this.conflict = this.problem = undefined;
    this.renderRoot.querySelector('form')?.reset();
  }

  /** The trimmed text of a field (the program's currency when none is chosen). */
  #text(name: string): string {
    const v = this.values[name] ?? (name === CURRENCY ? this.#currency : '');
    return typeof v === 'string' ? v.trim() : '';
  }

  #summaryLocale?: string;

  override updated(): void {
    // The summary quotes the fields' labels and messages, which follow a locale switch one update
    // after this element's: render it once more when they have.
    if (this.problem && this.#summaryLocale !== this.locale) {
      this.#summaryLocale = this.locale;
      Promise.all(this.#fields().map((f) => f.updateComplete)).then(() => this.requestUpdate());
    }
  }

  #fields(): PkField[] {
    return [...this.renderRoot.querySelectorAll<PkField>('pk-field')];
  }

  /** Moves focus after a change of view: to `selector`, or to the first field. */
  async #focusAfterUpdate(selector?: string): Promise<void> {
    await this.updateComplete;
    (selector ? this.renderRoot.querySelector<HTMLElement>(selector) : this.#fields()[0])?.focus();
  }

  #onInput({ target: f }: Event): void {
    if (!(f instanceof PkField) || !f.name) return;
    this.values = { ...this.values, [f.name]: f.type === 'checkbox' ? f.checked : f.value };
    this.#save();
    if (f.name === COMPANY || f.name === DOMAIN || f.name === PRODUCTS) this.#scheduleCheck();
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
    const products = this.values[PRODUCTS];
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

  /**
   * The registration input, from the fields on screen (a field's name is its JSON Pointer in
   * the input): trimmed, empty ones left out, numbers as numbers, the amount in minor units.
   */
  #input(): DealRegistrationInput {
    const input: Record<string, unknown> = {};
    const { parseDecimal, digits } = this.format;
    for (const { name, type, value, checked } of this.#fields()) {
      let v: unknown = type === 'checkbox' ? checked : value;
      if (typeof v === 'string') {
        v = v.trim();
        if (!v) continue;
        v =
          name === DOMAIN
            ? cleanDomain(v as string)
            : name === AMOUNT
              ? Math.round(parseDecimal(v as string) * 10 ** digits(this.#text(CURRENCY)))
              : type === 'number'
                ? Number(v)
                : v;
      }
      // Sets `v` at the field's JSON Pointer (`/customer/contact/email`) inside `input`.
      const keys = name.split('/').slice(1);
      const last = keys.pop()!;
      let node = input;
      for (const key of keys) {
        node[key] ??= {};
        node = node[key] as Record<string, unknown>;
      }
      node[last] = v;
    }
    return input as unknown as DealRegistrationInput;
  }

  /** Shows the error summary and moves focus to it, as the GOV.UK pattern does. */
  #show(problem: Problem): Promise<void> {
    this.problem = problem;
    return this.#focusAfterUpdate('[part~=summary]');
  }

  /** The fields that fail their checks, as summary items (and each shows its inline error). */
  async #invalid(): Promise<Problem['items']> {
    const fields = this.#fields();
    await Promise.all(fields.map((f) => f.updateComplete));
    return fields
      .filter((f) => !f.checkValidity())
      .map((field) => ({ field, text: `${field.label}: ${field.validationMessage}` }));
  }

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.portal?.client;
    if (this.submitting || !client) return;
    const t = this.strings(catalog);
    this.submitting = true;
    try {
      const items = await this.#invalid();
      if (items.length) return await this.#show({ items });
      const detail = { operation: 'deals.register' as const, input: this.#input() };
      if (!this.emit('pk-before-submit', detail, true)) return;
      this.problem = undefined;
      this.#save();
      this.#sending = new AbortController();
      try {
        const registration = await client.deals.register(detail.input, {
          idempotencyKey: this.#key,
          signal: this.#sending.signal,
        });
        this.#clear();
        this.done = registration;
        this.emit('pk-deal-registered', registration);
        await this.#focusAfterUpdate('[part~=success]');
      } catch (error) {
        await this.#rejected(error, t);
      }
    } finally {
      this.submitting = false;
    }
  }

  /** A refused or failed submission: field errors onto their fields, the rest into the summary. */
  async #rejected(error: unknown, t: typeof en): Promise<void> {
    const d = this.fail(error, 'deals.register');
    if (!UNKNOWN_OUTCOME.test(d.kind) && d.code !== 'idempotency_in_progress') {
      // The server answered for good: this key is spent, the draft gets a fresh one.
      this.#key = newIdempotencyKey();
      this.#save();
    }
    const e = isPartnerkitError(error) ? error : undefined;
    const ft = this.strings(fieldCatalog);
    const other: Problem['items'] = [];
    const fields = this.#fields();
    for (const { pointer, code, message } of e?.errors ?? []) {
      const field =
        fields.find((f) => f.name === pointer) ??
        fields.find((f) => pointer.startsWith(`${f.name}/`) || f.name.startsWith(`${pointer}/`));
      const text =
        code === 'required'
          ? ft.required
          : /^(format|pattern|type|enum|m(in|ax)\w*)$/.test(code)
            ? ft.invalid
            : message;
      if (field) field.error = text;
      else other.push({ text });
    }
    if (e?.conflict) {
      this.conflict = e.conflict;
      for (const r of e.conflict.reasons) other.push({ text: t.conflict[r.code] });
    }
    const items = [...(await this.#invalid()), ...other];
    await this.#show(items.length ? { items } : { items, error: d });
  }

  #restoredNotice(t: typeof en): string {
    const at = new Date(this.restoredAt ?? 0).toISOString();
    return t.restored(this.format.date(at, { dateStyle: 'medium', timeStyle: 'short' }));
  }

  #discard(): void {
    this.#clear();
    this.#focusAfterUpdate();
  }

  #another(): void {
    this.done = undefined;
    this.#focusAfterUpdate();
  }

  /** A summary link focuses its field rather than following the fragment. */
  #jump(e: Event, field: PkField): void {
    e.preventDefault();
    field.focus();
  }

  #field(name: string, label: string, o: Spec = {}): TemplateResult {
    const v = this.values[name] ?? (name === CURRENCY ? this.#currency : undefined);
    return html`<pk-field part="field" exportparts="label,input,hint,error" id=${`f${name.replace(/\//g, '-')}`}
name=${name} .label=${label} .type=${o.type ?? 'text'} .hint=${o.hint ?? ''} ?required=${!!o.required}
.multiple=${!!o.multiple} .options=${o.options ?? []} .min=${o.min?.toString()} .max=${o.max?.toString()}
step=${o.type === 'number' ? 'any' : ''} .maxlength=${o.maxlength} .autocomplete=${o.autocomplete}
.inputmode=${o.inputmode} .validators=${o.validators ?? []} .value=${typeof v === 'boolean' ? '' : (v ?? (o.multiple ? [] : ''))}
.checked=${v === true}></pk-field>`;
  }

  /** A vendor-defined field, labelled in the portal's language when the vendor translated it. */
  #custom(f: CustomField): TemplateResult {
    const tr = f.translations?.[this.locale] ?? f.translations?.[this.locale.split('-')[0]!];
    return this.#field(`/customFields/${f.key}`, tr?.label ?? f.label, {
      ...f,
      hint: tr?.hint ?? f.hint,
      options: f.options?.map((o) => ({ value: o.value, label: tr?.options?.[o.value] ?? o.label })),
      maxlength: f.maxLength,
    });
  }

  #renderForm(d: { me: Me; products: Product[]; fields: CustomField[] }, t: typeof en): TemplateResult {
    const fmt = this.format;
    const c = this.conflict;
    const p = this.problem;
    const digits = fmt.digits(this.#text(CURRENCY));
    const money = check((v) => {
      const units = fmt.parseDecimal(v) * 10 ** digits;
      return Math.abs(units - Math.round(units)) < 1e-6 && units <= 1e12;
    }, t.valueInvalid);
    return html`<slot name="intro"></slot>
${
  this.restoredAt
    ? html`<div part="notice"><p>${this.#restoredNotice(t)}</p>
<button part="button" type="button" @click=${this.#discard}>${t.discard}</button></div>`
    : ''
}
${
  p
    ? html`<div part="summary" tabindex="-1" aria-labelledby="summary-title"><h2 id="summary-title">${p.error ? this.errorMessage(p.error) : t.problem}</h2>
${p.items.length ? html`<ul>${p.items.map(({ field, text }) => html`<li>${field ? html`<a href="#${field.id}" @click=${(e: Event) => this.#jump(e, field)}>${field.validationMessage ? `${field.label}: ${field.validationMessage}` : text}</a>` : text}</li>`)}</ul>` : ''}
${p.error ? this.support(p.error, () => this.renderRoot.querySelector('form')!.requestSubmit()) : ''}</div>`
    : ''
}
<form part="form" novalidate @submit=${this.#submit} @input=${this.#onInput} @change=${this.#onInput}>
<fieldset><legend>${t.customer}</legend>
${this.#field(COMPANY, t.company, { required: true, maxlength: 200, autocomplete: 'organization' })}
${this.#field(DOMAIN, t.domain, { hint: t.domainHint, maxlength: 253, validators: [check((v) => DOMAIN_NAME.test(cleanDomain(v)), t.domainInvalid)] })}
<div part="conflict" role="status" class=${c?.result ?? ''}>${c?.reasons.map((r) => html`<p>${t.conflict[r.code]}</p>`)}</div>
${this.#field('/customer/country', t.country, { type: 'select', required: true, options: countryOptions(this.locale) })}
${this.#field('/customer/region', t.region, { maxlength: 100 })}
</fieldset>
<fieldset><legend>${t.contact}</legend>
${this.#field('/customer/contact/name', t.name, { required: true, maxlength: 200 })}
${this.#field('/customer/contact/email', t.email, { type: 'email', required: true, maxlength: 254 })}
${this.#field('/customer/contact/phone', t.phone, { type: 'tel', maxlength: 40, validators: [check((v) => /^[0-9+()./ -]*$/.test(v), t.phoneInvalid)] })}
</fieldset>
<fieldset><legend>${t.opportunity}</legend>
${this.#field(PRODUCTS, t.products, { type: 'select', multiple: true, required: true, hint: t.productsHint, options: d.products.map((p) => ({ value: p.id, label: p.name })) })}
${this.#field(AMOUNT, t.value, { required: true, inputmode: 'decimal', hint: t.valueHint(fmt.number(12500, { minimumFractionDigits: digits })), validators: [money] })}
${this.#field(CURRENCY, t.currency, { type: 'select', required: true, options: currencyOptions(this.locale, this.#currency) })}
${this.#field('/expectedCloseDate', t.closeDate, { type: 'date', required: true, min: new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10) })}
${this.#field('/sourcing', t.sourcing, {
  type: 'select',
  required: true,
  options: [
    { value: 'sourced', label: t.sourced },
    { value: 'influenced', label: t.influenced },
  ],
})}
${this.#field('/notes', t.notes, { type: 'textarea', maxlength: 4000 })}
</fieldset>
${d.fields.length ? html`<fieldset><legend>${t.more}</legend>${d.fields.map((f) => this.#custom(f))}</fieldset>` : ''}
<div><button part="button submit" class="primary" type="submit" aria-disabled=${this.submitting}>${this.submitting ? t.submitting : t.submit}</button></div>
</form>`;
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
    const data = this.#data;
    const d = data.value!;
    const { done } = this;
    // The view, and what the live region says about it.
    const [view, said] =
      data.status === 3
        ? [this.failure(data.error, () => data.run()), this.errorMessage(data.error)]
        : data.status !== 2
          ? [this.loading(t.loading), t.loading]
          : !d.products.length
            ? [html`<p part="status empty">${t.empty}</p>`, t.empty]
            : done
              ? [this.#renderDone(done, t), t.registered(done.reference)]
              : [
                  this.#renderForm(d, t),
                  this.submitting ? t.submitting : this.restoredAt ? this.#restoredNotice(t) : t.ready,
                ];
    return html`${view}${this.live(said)}`;
  }
}
