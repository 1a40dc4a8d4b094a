// What the <pk-deal-registration> stories share: a complete draft, and play steps that act on
// the form the way a partner would.
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DraftValues } from './portal.js';

/** A day `days` from today, as the form's date field holds it. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every field of the form filled in, as a partner would leave it before submitting. */
export const completeDraft = (): DraftValues => ({
  '/customer/company': 'Globex Corporation',
  '/customer/domain': 'globex.example',
  '/customer/country': 'DE',
  '/customer/region': 'Berlin',
  '/customer/contact/name': 'Hank Scorpio',
  '/customer/contact/email': 'hank.scorpio@globex.example',
  '/customer/contact/phone': '+49 30 1234567',
  '/products': ['prd_analytics', 'prd_shield'],
  '/estimatedValue/amount': '48000',
  '/estimatedValue/currency': 'EUR',
  '/expectedCloseDate': inDays(60),
  '/sourcing': 'sourced',
  '/notes': 'Replacing their on-premises reporting before the next budget year.',
  '/customFields/seats': '250',
  '/customFields/industry': 'manufacturing',
});

type Canvas = { canvasElement: HTMLElement };

/** The story's registration form, once it has loaded. */
export async function loadedForm({
  canvasElement,
}: Canvas): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  const el = canvasElement.querySelector('pk-deal-registration');
  if (!el) throw new Error('the story has no <pk-deal-registration>');
  await waitFor(() => expect(el.shadowRoot?.querySelector('form')).toBeTruthy(), { timeout: 5000 });
  return el as HTMLElement & { shadowRoot: ShadowRoot };
}

/** Clicks "Register deal" as a partner would. */
export async function submit(context: Canvas): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  const el = await loadedForm(context);
  const button = el.shadowRoot.querySelector<HTMLButtonElement>('[part~=submit]');
  if (!button) throw new Error('the form has no submit button');
  await userEvent.click(button);
  return el;
}

/** Submits, then waits for the error summary to take focus (the GOV.UK pattern). */
export async function submitAndExpectSummary(context: Canvas): Promise<void> {
  const el = await submit(context);
  await waitFor(() => expect(el.shadowRoot.activeElement?.getAttribute('part')).toBe('summary'), {
    timeout: 5000,
  });
}

/** Waits for the live conflict hint to say something. */
export async function expectConflictHint(context: Canvas): Promise<void> {
  const el = await loadedForm(context);
  await waitFor(
    () => expect(el.shadowRoot.querySelector('[part~=conflict]')?.textContent?.trim()).toBeTruthy(),
    {
      timeout: 5000,
    },
  );
}
