// What the <pk-deal-registration> stories share: a complete draft, the conflict check's answers,
// and play steps that act on the form the way a partner would.

import { expect, userEvent, waitFor } from 'storybook/test';
import type { MockApiOptions, MockErrorKind } from '../../packages/elements/test/mock-api.js';
import { type Canvas, loaded, type Shadowed, shown, within } from './play.js';
import type { DraftValues } from './portal.js';
import { failing, type PortalParameters } from './states.js';

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

/**
 * The conflict check finds `code` for the customer: a conflict, or for a similar customer a
 * registration flagged for review. Submitting a conflicting registration is refused.
 */
export const conflict = (
  code: 'active_registration' | 'direct_account' | 'similar_customer',
): MockApiOptions => ({
  conflict: {
    result: code === 'similar_customer' ? 'review' : 'conflict',
    reasons: [{ code, message: code }],
  },
});

/** The story's registration form, once it has loaded. */
export const loadedForm = (context: Canvas): Promise<Shadowed> =>
  loaded(context, 'pk-deal-registration', 'form');

/** Clicks "Register deal" as a partner would. */
export async function submit(context: Canvas): Promise<Shadowed> {
  const el = await loadedForm(context);
  const button = el.shadowRoot.querySelector<HTMLButtonElement>('[part~=submit]');
  if (!button) throw new Error('the form has no submit button');
  await userEvent.click(button);
  return el;
}

/** Submits, then waits for the error summary to take focus (the GOV.UK pattern). */
export async function submitAndExpectSummary(context: Canvas): Promise<void> {
  const el = await submit(context);
  await waitFor(() => expect(el.shadowRoot.activeElement?.getAttribute('part')).toBe('summary'), within);
}

/** Submits, then waits for the registration to be confirmed. */
export async function submitAndExpectSuccess(context: Canvas): Promise<void> {
  await shown(await submit(context), '[part~=success]');
}

/** Waits for the live conflict hint to say something. */
export async function expectConflictHint(context: Canvas): Promise<void> {
  const el = await loadedForm(context);
  await waitFor(
    () => expect(el.shadowRoot.querySelector('[part~=conflict]')?.textContent?.trim()).toBeTruthy(),
    within,
  );
}

/**
 * A complete draft whose submission fails with `kind` on the way: the form keeps the draft and
 * its idempotency key, and offers to try again.
 */
export const submitFailure = (kind: MockErrorKind) => ({
  parameters: { draft: completeDraft(), ...failing('registerDeal', kind) } satisfies PortalParameters,
  play: submitAndExpectSummary,
});
