// Helpers of the form tests (<pk-deal-registration>, the forms of <pk-mdf-request>): filling a
// form as a user would leave it.
import { waitUntil } from '@open-wc/testing';
import type { PkField } from '../src/field/field.js';
import type { PkElement } from '../src/internal/element.js';

/** A close date the form accepts (in the future). */
export const FUTURE = `${new Date().getFullYear() + 2}-06-30`;

/** Values of a complete, valid registration (with the mock API's default custom fields). */
export const VALID: Record<string, string | string[] | boolean> = {
  '/customer/company': 'Globex Corporation',
  '/customer/domain': 'globex.example',
  '/customer/country': 'DE',
  '/customer/contact/name': 'Hank Scorpio',
  '/customer/contact/email': 'hank@globex.example',
  '/products': ['prd_analytics', 'prd_shield'],
  '/estimatedValue/amount': '12,500.50',
  '/expectedCloseDate': FUTURE,
  '/sourcing': 'sourced',
  '/customFields/seats': '250',
};

/** Waits until the form is rendered. */
export async function formOf(el: PkElement): Promise<HTMLFormElement> {
  await waitUntil(() => el.shadowRoot?.querySelector('form pk-field'), 'the form did not render', {
    timeout: 5000,
  });
  return el.shadowRoot!.querySelector('form')!;
}

export function field(el: PkElement, name: string): PkField {
  const f = el.shadowRoot!.querySelector<PkField>(`pk-field[name="${name}"]`);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

/** The native control inside a field. */
export const control = (f: PkField) => f.shadowRoot!.querySelector<HTMLInputElement>('#c')!;

/** Sets values as the user's edits would (an `input` event per field). */
export async function fill(el: PkElement, values: Record<string, string | string[] | boolean>) {
  await formOf(el);
  for (const [name, value] of Object.entries(values)) {
    const f = field(el, name);
    if (typeof value === 'boolean') f.checked = value;
    else f.value = value;
    f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
  await Promise.all([...el.shadowRoot!.querySelectorAll<PkField>('pk-field')].map((f) => f.updateComplete));
}

export function submitButton(el: PkElement): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
}

export const summary = (el: PkElement) => el.shadowRoot!.querySelector<HTMLElement>('[part~=summary]');
export const success = (el: PkElement) => el.shadowRoot!.querySelector<HTMLElement>('[part~=success]');
