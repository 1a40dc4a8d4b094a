import type { FieldError } from '@partnerkit/api';
import { isPartnerkitError, newIdempotencyKey, type PartnerkitError } from '@partnerkit/sdk';
import { css, html, type ReactiveController, type TemplateResult } from 'lit';
import { type FieldOption, type FieldType, fieldCatalog, PkField } from '../field/field.js';
import type { Validator } from '../field/validators.js';
import { dropDraft, loadDraft, saveDraft, type Values } from './draft.js';
import { commonCatalog, type PkElement } from './element.js';
import type { PkErrorDetail, PkSubmitInputs } from './events.js';

/** How one field is rendered: everything but its name and label. */
export interface Spec {
  type?: FieldType;
  hint?: string | null | undefined;
  required?: boolean;
  multiple?: boolean;
  options?: FieldOption[] | undefined;
  min?: number | string | undefined;
  max?: number | string | undefined;
  maxlength?: number | undefined;
  autocomplete?: string;
  inputmode?: string;
  validators?: Validator[];
}

/**
 * What the error summary shows; its words are rendered in the current locale, not stored. An
 * item's `field` is what its link focuses: a `<pk-field>`, or another control of the form (a file
 * button).
 */
export interface Problem {
  items: { text: string; field?: PkField | HTMLElement | undefined }[];
  error?: PkErrorDetail;
}

/** Some of an input: nested objects in part too (`{ requestedAmount: { currency } }`). */
export type Some<T> = { [P in keyof T]?: T[P] extends object ? Some<T[P]> : T[P] };

/**
 * Whether a failed write may still have been applied (the answer was lost, the server failed, the
 * same key is still being processed): then its idempotency key must be kept for the next attempt.
 */
export const outcomeUnknown = ({ kind, code }: PkErrorDetail): boolean =>
  /^(network|timeout|server|rate_limit|aborted)$/.test(kind) || code === 'idempotency_in_progress';

export interface FormOptions<K extends keyof PkSubmitInputs, R> {
  /** The SDK call, as `pk-before-submit` and `pk-error` name it (`deals.register`). */
  operation: K;
  /** Sends the input; every attempt of one draft sends the same idempotency key. */
  send(input: PkSubmitInputs[K], options: { idempotencyKey: string; signal: AbortSignal }): Promise<R>;
  /** After the write was stored (the draft is gone by then). */
  done(result: R): void;
  /**
   * The value sent for a field's trimmed, non-empty text: numbers, minor units, a cleaned-up
   * domain. By default the text itself, or a number for a `number` field.
   */
  convert?(name: string, text: string): unknown;
  /** A field was edited by the user. */
  changed?(name: string): void;
  /**
   * What the input holds besides the fields: the id of the record it is about, the currency of
   * its amounts, files. Merged under the fields' values.
   */
  with?(): Some<PkSubmitInputs[K]>;
  /** What is wrong besides the fields (no file attached), as summary items; checked with them. */
  check?(): Problem['items'];
  /**
   * A refusal's field error in the partner's words (`exceeds_remaining` with the amount left),
   * or `undefined` for the default words of its code.
   */
  explain?(error: FieldError): string | undefined;
  /** What a refusal says beyond its field errors (a deal conflict), as lines of the summary. */
  refused?(error: PartnerkitError): string[];
  /** Ids of this form's parts are prefixed with it, so two forms can share a shadow root. */
  id?: string;
}

/**
 * One form of a component, as the GOV.UK pattern and the kit's rules have it: the values keep
 * to a draft in `localStorage` (a reload or a dropped network loses nothing), a submit checks every
 * field first and puts an error summary on top that takes focus and links to each field, the
 * page may veto or enrich the input (`pk-before-submit`), the write is sent exactly once (one
 * idempotency key per draft, kept while the outcome is unknown), and a refusal's field errors
 * land on their fields.
 *
 * Fields are `<pk-field>`s whose `name` is the JSON Pointer of their value in the input
 * (`/customer/contact/email`); render them with `field()`, and the form with its summary with `render()`.
 */
export class FormController<K extends keyof PkSubmitInputs, R> implements ReactiveController {
  /** The values by field name, as the user left them. */
  values: Values = {};
  #problem?: Problem | undefined;
  submitting = false;
  /** When the draft on screen was saved, if it was restored from storage. */
  restoredAt?: number | undefined;

  readonly #host: PkElement;
  readonly #options: FormOptions<K, R>;
  #key = newIdempotencyKey();
  #storageKey = '';
  #sending?: AbortController;
  #summaryLocale?: string;

  constructor(host: PkElement, options: FormOptions<K, R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#sending?.abort();
  }

  hostUpdated(): void {
    // The summary quotes the fields' labels and messages, which follow a locale switch one update
    // after the host's: render it once more when they have.
    if (this.#problem && this.#summaryLocale !== this.#host.locale) {
      this.#summaryLocale = this.#host.locale;
      Promise.all(this.#fields().map((f) => f.updateComplete)).then(() => this.#host.requestUpdate());
    }
  }

  #id(part: string): string {
    return `${this.#options.id ?? ''}${part}`;
  }

  /** This form's element in the host's shadow root. */
  get form(): HTMLFormElement | null {
    return this.#host.renderRoot.querySelector(`#${this.#id('form')}`);
  }

  /** The fields on screen, in order. */
  #fields(): PkField[] {
    return [...(this.form?.querySelectorAll<PkField>('pk-field') ?? [])];
  }

  /**
   * Takes up the draft stored under `storageKey` (per partner user: `partnerkit:deal-draft:...`), or
   * starts an empty one; later edits are saved there (only in memory without a key). Returns the
   * values.
   */
  restore(storageKey = ''): Values {
    this.#storageKey = storageKey;
    const draft = storageKey ? loadDraft(storageKey) : undefined;
    this.#key = draft?.key ?? newIdempotencyKey();
    this.values = draft?.values ?? {};
    this.restoredAt = draft && Object.keys(draft.values).length ? draft.savedAt : undefined;
    this.#problem = undefined;
    this.#host.requestUpdate();
    return this.values;
  }

  /** Saves the draft (a form without a storage key keeps it in memory only). */
  #save(): void {
    if (this.#storageKey)
      saveDraft(this.#storageKey, { key: this.#key, values: this.values, savedAt: Date.now() });
  }

  /** Starts afresh: no draft, a new idempotency key, empty fields. */
  #clear(): void {
    if (this.#storageKey) dropDraft(this.#storageKey);
    this.#key = newIdempotencyKey();
    this.values = {};
    this.restoredAt = this.#problem = undefined;
    this.form?.reset();
    this.#host.requestUpdate();
  }

  /** Clears the form at the partner's request, and puts focus on its first field. */
  async discard(): Promise<void> {
    this.#clear();
    await this.#host.updateComplete;
    this.#fields()[0]?.focus();
  }

  /** The trimmed text of a field, or `fallback` when it is empty. */
  text(name: string, fallback = ''): string {
    const v = this.values[name];
    return (typeof v === 'string' && v.trim()) || fallback;
  }

  /** `@input` and `@change` of the form: keeps the edited field's value and the draft. */
  readonly #onInput = ({ target: f }: Event): void => {
    if (!(f instanceof PkField) || !f.name) return;
    this.values = { ...this.values, [f.name]: f.type === 'checkbox' ? f.checked : f.value };
    this.#save();
    this.#host.requestUpdate();
    this.#options.changed?.(f.name);
  };

  /**
   * The input, from the fields on screen (a field's name is its JSON Pointer in the input):
   * trimmed, empty ones left out, each converted by `convert`.
   */
  input(): PkSubmitInputs[K] {
    const input: Record<string, unknown> = { ...this.#options.with?.() };
    for (const { name, type, value, checked } of this.#fields()) {
      let v: unknown = type === 'checkbox' ? checked : value;
      if (typeof v === 'string') {
        v = v.trim();
        if (!v) continue;
        v = this.#options.convert?.(name, v as string) ?? (type === 'number' ? Number(v) : v);
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
    return input as PkSubmitInputs[K];
  }

  /** Shows the error summary and moves focus to it, as the GOV.UK pattern does. */
  async #show(problem: Problem): Promise<void> {
    this.#problem = problem;
    this.#host.requestUpdate();
    await this.#host.focusLater(`#${this.#id('summary')}`);
  }

  /**
   * The fields that fail their checks (each shows its inline error), then what `check` finds, as
   * summary items.
   */
  async #invalid(): Promise<Problem['items']> {
    const fields = this.#fields();
    await Promise.all(fields.map((f) => f.updateComplete));
    return [
      ...fields
        .filter((f) => !f.checkValidity())
        .map((field) => ({ field, text: `${field.label}: ${field.validationMessage}` })),
      ...(this.#options.check?.() ?? []),
    ];
  }

  /** `@submit` of the form: checks, asks the page, sends once, and shows what went wrong. */
  readonly #submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.submitting) return;
    const host = this.#host;
    this.submitting = true;
    host.requestUpdate();
    try {
      const items = await this.#invalid();
      if (items.length) return await this.#show({ items });
      const detail = { operation: this.#options.operation, input: this.input() };
      if (!host.emit('pk-before-submit', detail as never, true)) return;
      this.#problem = undefined;
      this.#save();
      this.#sending = new AbortController();
      let result: R;
      try {
        result = await this.#options.send(detail.input, {
          idempotencyKey: this.#key,
          signal: this.#sending.signal,
        });
      } catch (error) {
        return await this.#rejected(error);
      }
      this.#clear();
      this.#options.done(result);
    } finally {
      this.submitting = false;
      host.requestUpdate();
    }
  };

  /** A refused or failed submission: field errors onto their fields, the rest into the summary. */
  async #rejected(error: unknown): Promise<void> {
    const host = this.#host;
    const d = host.fail(error, this.#options.operation);
    if (!outcomeUnknown(d)) {
      // The server answered for good: this key is spent, the draft gets a fresh one.
      this.#key = newIdempotencyKey();
      this.#save();
    }
    const e = isPartnerkitError(error) ? error : undefined;
    const ft = host.strings(fieldCatalog);
    const other: Problem['items'] = [];
    const fields = this.#fields();
    for (const error of e?.errors ?? []) {
      const { pointer, code, message } = error;
      const field =
        fields.find((f) => f.name === pointer) ??
        fields.find((f) => pointer.startsWith(`${f.name}/`) || f.name.startsWith(`${pointer}/`));
      const text =
        this.#options.explain?.(error) ??
        (code === 'required'
          ? ft.required
          : /^(format|pattern|type|enum|m(in|ax)\w*)$/.test(code)
            ? ft.invalid
            : message);
      if (field) field.error = text;
      else other.push({ text });
    }
    if (e) for (const text of this.#options.refused?.(e) ?? []) other.push({ text });
    const items = [...(await this.#invalid()), ...other];
    await this.#show(items.length ? { items } : { items, error: d });
  }

  /** A `<pk-field>` of this form, showing its value from the draft. */
  field(name: string, label: string, o: Spec = {}, fallback?: string): TemplateResult {
    const v = this.values[name] ?? fallback;
    const many = o.multiple || o.type === 'checkboxes';
    return html`<pk-field part="field" exportparts="label,input,hint,error,options" id=${this.#id(`f${name.replace(/\//g, '-')}`)}
name=${name} .label=${label} .type=${o.type ?? 'text'} .hint=${o.hint ?? ''} ?required=${!!o.required}
.multiple=${!!o.multiple} .options=${o.options ?? []} .min=${o.min?.toString()} .max=${o.max?.toString()}
step=${o.type === 'number' ? 'any' : ''} .maxlength=${o.maxlength} .autocomplete=${o.autocomplete}
.inputmode=${o.inputmode} .validators=${o.validators ?? []} .value=${typeof v === 'boolean' ? '' : (v ?? (many ? [] : ''))}
.checked=${v === true}></pk-field>`;
  }

  /**
   * The `<form>` with its summary above it: `content` is the fields and the submit button. The
   * form's own `@submit`, `@input` and `@change` are this controller's.
   */
  render(content: unknown): TemplateResult {
    return html`${this.#summary()}<form part="form" id=${this.#id('form')} novalidate @submit=${this.#submit}
@input=${this.#onInput} @change=${this.#onInput}>${content}</form>`;
  }

  /** The error summary, when there is a problem: a title, links to the fields, and a retry. */
  #summary(): TemplateResult | string {
    const p = this.#problem;
    if (!p) return '';
    const host = this.#host;
    const title = this.#id('summary-title');
    /** A summary link focuses its field rather than following the fragment. */
    const jump = (e: Event, field: HTMLElement) => {
      e.preventDefault();
      field.focus();
    };
    return html`<div part="summary" id=${this.#id('summary')} tabindex="-1" aria-labelledby=${title}><h2 id=${title}>${p.error ? host.errorMessage(p.error) : host.strings(commonCatalog).problem}</h2>
${p.items.length ? html`<ul>${p.items.map(({ field, text }) => html`<li>${field ? html`<a href="#${field.id}" @click=${(e: Event) => jump(e, field)}>${(field as PkField).validationMessage ? `${(field as PkField).label}: ${(field as PkField).validationMessage}` : text}</a>` : text}</li>`)}</ul>` : ''}
${p.error ? host.support(p.error, () => this.form?.requestSubmit()) : ''}</div>`;
  }

  /** The notice of a restored draft (`text` says from when), with a button to discard it. */
  restored(text: string): TemplateResult | string {
    return this.restoredAt
      ? html`<div part="notice"><p>${text}</p>
<button part="button" type="button" @click=${() => this.discard()}>${this.#host.strings(commonCatalog).discard}</button></div>`
      : '';
  }
}

/**
 * What every form of the components shares: fieldsets as grids of fields, the error summary, the
 * draft notice.
 */
export const formStyles = css`
form{display:grid;gap:var(--_pk-space)}
fieldset{margin:0;padding:0;border:0;min-inline-size:0;display:grid;gap:var(--_pk-space);grid-template-columns:repeat(auto-fill,minmax(min(100%,var(--_pk-column,16rem)),1fr))}
legend{font-size:1.125em;font-weight:700;padding:0;margin-block-end:calc(var(--_pk-space)/2)}
[type=textarea],[type=checkboxes]{grid-column:1/-1}
[part~=summary]{border:3px solid var(--_pk-danger);padding:var(--_pk-space);display:grid;gap:calc(var(--_pk-space)/2)}
[part~=summary] ul{margin:0;padding-inline-start:1.25em}
[part~=summary] a{color:var(--_pk-danger);font-weight:600}
[part~=notice]{display:flex;flex-wrap:wrap;gap:var(--_pk-space);align-items:center;border-inline-start:4px solid var(--_pk-primary);padding:calc(var(--_pk-space)/2) var(--_pk-space)}
`;
