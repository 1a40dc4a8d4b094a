import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { PkElement } from '../internal/element.js';
import { Catalog } from '../internal/i18n.js';
import { base } from '../internal/styles.js';
import { fieldStyles } from './field.styles.js';
import en from './strings/en.js';
import type { Validator } from './validators.js';

export const fieldCatalog = new Catalog(en, () => import('./strings/de.js'));

export type FieldType =
  | 'text'
  | 'email'
  | 'tel'
  | 'url'
  | 'number'
  | 'date'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'checkboxes';
export interface FieldOption {
  value: string;
  label: string;
}
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * @tagname pk-field
 * @summary A labelled form control (text, email, phone, number, date, multi-line text, select,
 * checkbox, a group of checkboxes) with a hint and an inline error. It takes part in the surrounding `<form>` like a
 * native control: value in `FormData`, reset, restore, `disabled` fieldsets and constraint
 * validation anchored to the inner control.
 *
 * @event change - The user committed a change. (`input` events of the inner control pass through.)
 * @event invalid - The field was checked and is invalid.
 *
 * @csspart field - The wrapper of label, hint, error and control.
 * @csspart label - The label.
 * @csspart hint - The hint below the label.
 * @csspart error - The inline error message.
 * @csspart input - The native control (`input`, `select` or `textarea`); each checkbox of a group.
 * @csspart options - The checkboxes of a group (`type="checkboxes"`).
 *
 * @cssproperty --pk-field-background - Background of the control.
 * @cssproperty --pk-field-border-color - Border of the control.
 *
 * @attr value - The initial value (what a form reset returns to).
 * @attr checked - The initial state of a checkbox.
 */
export class PkField extends PkElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override styles = [base, fieldStyles];
  static override properties = {
    name: { reflect: true },
    label: {},
    hint: {},
    defaultValue: { attribute: 'value' },
    defaultChecked: { attribute: 'checked', type: Boolean },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    multiple: { type: Boolean },
    error: {},
    touched: { state: true },
    formDisabled: { state: true },
    message: { state: true },
    type: { reflect: true },
    min: {},
    max: {},
    step: {},
    maxlength: { type: Number },
    autocomplete: {},
    inputmode: {},
    placeholder: {},
    options: { attribute: false },
    validators: { attribute: false },
    current: { state: true },
    currentChecked: { state: true },
  };

  /** The kind of control. */
  type: FieldType = 'text';
  /** The name the value is submitted under. */
  name = '';
  label = '';
  hint = '';
  /** The initial value: what a form reset returns to. */
  defaultValue = '';
  /** The initial state of a checkbox. */
  defaultChecked = false;
  required = false;
  disabled = false;
  /** For `select`: several values may be chosen; `value` is then an array (always for `checkboxes`). */
  multiple = false;
  min?: string;
  max?: string;
  step?: string;
  maxlength?: number;
  autocomplete?: string;
  inputmode?: string;
  /** The empty choice of a single `select` ("Choose…" by default). */
  placeholder?: string;
  /** The choices of a `select` or of a group of `checkboxes`. */
  options: FieldOption[] = [];
  /** Extra checks, after the built-in ones; see `check()`. */
  validators: Validator[] = [];
  /** An error set from outside, such as a server's field error; cleared when the user edits. */
  error = '';

  private current?: string | string[];
  private currentChecked?: boolean;
  /** Shows the error: set on blur after an edit, on `invalid` (a submit), by `error`. */
  private touched = false;
  private formDisabled = false;
  private message = '';
  #dirty = false;
  readonly #internals = this.attachInternals();
  get #control(): Control | null {
    return this.renderRoot.querySelector('#c');
  }

  static {
    // Deliberate: the message comes from the rendered control's validity, one render later.
    PkField.disableWarning?.('change-in-update');
  }

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
    this.addEventListener('focusout', () => {
      if (this.#dirty) this.touched = true;
    });
  }

  /** Whether the value is a list: a multiple `select`, or a group of checkboxes. */
  get #many(): boolean {
    return this.multiple || this.type === 'checkboxes';
  }

  /** The value: a string, or for a multiple `select` or `checkboxes` the chosen values. */
  get value(): string | string[] {
    return this.current ?? (this.#many ? [] : this.defaultValue);
  }
  set value(value: string | string[]) {
    // A new value makes an error set for the old one (by a server) obsolete.
    if (String(value) !== String(this.value)) this.error = '';
    this.current = value;
  }

  get checked(): boolean {
    return this.currentChecked ?? this.defaultChecked;
  }
  set checked(value: boolean) {
    if (value !== this.checked) this.error = '';
    this.currentChecked = value;
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** Checks the current value now; fires `invalid` (and shows the error) when it fails. */
  checkValidity(): boolean {
    this.#validate();
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    this.#validate();
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.current = this.currentChecked = undefined;
    this.touched = this.#dirty = false;
    this.error = '';
  }
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (this.type === 'checkbox') this.checked = state !== null;
    else if (state instanceof FormData) this.value = state.getAll(this.name).map(String);
    else if (typeof state === 'string') this.value = state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('error') && this.error) this.touched = true;
  }

  protected override updated(): void {
    const { value, name } = this;
    let data: string | FormData | null = null;
    if (this.type === 'checkbox') data = this.checked ? (value as string) || 'on' : null;
    else if (typeof value === 'string') data = value;
    else {
      data = new FormData();
      for (const v of value) data.append(name, v);
    }
    this.#internals.setFormValue(data, data);
    this.#validate();
  }

  #validate(): void {
    const c = this.#control;
    if (!c) return;
    const t = this.strings(fieldCatalog);
    const { type, min = '', max = '' } = this;
    // A required field needs more than blanks, and a group of checkboxes one box chosen.
    const missing =
      this.required && (type === 'checkboxes' ? !this.value.length : /^\s+$/.test(String(this.value)));
    const v: Partial<ValidityState> = missing ? { valueMissing: true } : c.validity;
    const date = type === 'date';
    const bound = (x: string) => (date ? this.format.date(x) : this.format.number(Number(x)));
    const message = c.disabled
      ? ''
      : v.valid
        ? this.error || this.validators.map((check) => check(this)).find(Boolean) || ''
        : v.valueMissing && !v.badInput
          ? t.required
          : v.rangeUnderflow
            ? (date ? t.minDate : t.min)(bound(min))
            : v.rangeOverflow
              ? (date ? t.maxDate : t.max)(bound(max))
              : v.tooLong
                ? t.tooLong(String(this.maxlength))
                : type === 'email'
                  ? t.email
                  : type === 'number'
                    ? t.number
                    : t.invalid;
    const flags: ValidityStateFlags = { customError: !!message && !!v.valid };
    for (const key in v) {
      if (key !== 'valid' && v[key as keyof ValidityState]) flags[key as keyof ValidityStateFlags] = true;
    }
    this.#internals.setValidity(flags, message, c);
    this.message = message;
    const states = this.#internals.states;
    if (message && this.touched) states.add('user-invalid');
    else states.delete('user-invalid');
  }

  #read(): void {
    const c = this.#control!;
    if (this.type === 'checkboxes')
      this.value = [...this.renderRoot.querySelectorAll('input')]
        .filter((i) => i.checked)
        .map((i) => i.value);
    else if (c instanceof HTMLInputElement && c.type === 'checkbox') this.checked = c.checked;
    else if (c instanceof HTMLSelectElement && c.multiple)
      this.value = [...c.selectedOptions].map((o) => o.value);
    else this.value = c.value;
    this.#dirty = true;
  }

  #onChange(): void {
    this.#read();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onKeydown(e: KeyboardEvent): void {
    // Enter submits the form, as it does in a native single-line input.
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && !e.isComposing) {
      e.preventDefault();
      this.#read();
      this.#internals.form?.requestSubmit();
    }
  }

  protected override render() {
    const t = this.strings(fieldCatalog);
    const { type, value, options } = this;
    const multiple = this.#many;
    const shown = this.touched && !!this.message;
    const text = typeof value === 'string' ? value : '';
    const selected = (v: string) => (multiple ? value.includes(v) : v === text);
    // Attributes every control shares.
    const a = {
      describedby: [this.hint && 'h', shown && 'e'].filter(Boolean).join(' ') || nothing,
      invalid: shown ? 'true' : nothing,
      disabled: this.disabled || this.formDisabled,
    };
    const optional =
      this.required || type === 'checkbox' ? '' : html` <span class="muted">${t.optional}</span>`;
    const label = html`<label for="c" part="label">${this.label}${optional}</label>`;
    const hint = this.hint ? html`<div id="h" part="hint">${this.hint}</div>` : '';
    const error = html`<div id="e" part="error" ?hidden=${!shown}><span class="sr">${t.errorPrefix} </span>${this.message}</div>`;
    if (type === 'checkboxes') {
      // A group: the legend names it, each checkbox is a tab stop that Space toggles.
      return html`<fieldset part="field" class="checkboxes" aria-describedby=${a.describedby} ?disabled=${a.disabled}>
<legend part="label">${this.label}${optional}</legend>${hint}${error}
<div part="options">${options.map(
        (o, i) => html`<label><input part="input" type="checkbox" id=${i ? `c${i}` : 'c'} value=${o.value}
.checked=${selected(o.value)} aria-invalid=${a.invalid} @input=${this.#read} @change=${this.#onChange}>${o.label}</label>`,
      )}</div></fieldset>`;
    }
    const control =
      type === 'select'
        ? html`<select id="c" part="input" ?multiple=${multiple} ?required=${this.required} ?disabled=${a.disabled}
aria-describedby=${a.describedby} aria-invalid=${a.invalid} size=${multiple ? Math.min(options.length, 6) : nothing}
@input=${this.#read} @change=${this.#onChange}>${multiple ? '' : html`<option value="" .selected=${!text}>${this.placeholder ?? t.choose}</option>`}
${options.map((o) => html`<option value=${o.value} .selected=${selected(o.value)}>${o.label}</option>`)}</select>`
        : type === 'textarea'
          ? html`<textarea id="c" part="input" .value=${text} ?required=${this.required} ?disabled=${a.disabled}
maxlength=${this.maxlength ?? nothing} aria-describedby=${a.describedby} aria-invalid=${a.invalid}
@input=${this.#read} @change=${this.#onChange}></textarea>`
          : html`<input id="c" part="input" type=${type} .value=${type === 'checkbox' ? text || 'on' : text}
.checked=${this.checked} ?required=${this.required} ?disabled=${a.disabled} min=${this.min ?? nothing}
max=${this.max ?? nothing} step=${this.step ?? nothing} maxlength=${this.maxlength ?? nothing}
autocomplete=${this.autocomplete ?? nothing} inputmode=${this.inputmode ?? nothing}
aria-describedby=${a.describedby} aria-invalid=${a.invalid} @input=${this.#read} @change=${this.#onChange}
@keydown=${this.#onKeydown}>`;
    return html`<div part="field" class=${type}>${type === 'checkbox' ? control : label}${type === 'checkbox' ? label : ''}
${hint}${error}${type === 'checkbox' ? '' : control}</div>`;
  }
}
