// What the <pk-mdf-request> stories share: a complete request draft, funds in any currency and
// state, proof files, and play steps that act on the fund, the forms and the files as a partner
// would.
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  halfYear,
  type MockErrorKind,
  type MockFund,
  mdfRequest,
} from '../../packages/elements/test/mock-api.js';
import { type Canvas, loaded, type Shadowed, shown, within } from './play.js';
import type { DraftValues } from './portal.js';
import { inDays } from './registration.js';
import { failing, type PortalParameters } from './states.js';

/** The story's component once its fund and requests (or its empty or error state) have loaded. */
export const loadedMdf = (context: Canvas): Promise<Shadowed> =>
  loaded(context, 'pk-mdf-request', '[part~=list], [part~=empty], [role=alert]');

/** Every field of the request form filled in, as a partner would leave it before sending. */
export const requestDraft = (amount = '2,500.00'): DraftValues => ({
  '/activityType': 'event',
  '/title': 'Customer roadshow: Hamburg',
  '/description': 'Half-day briefing for IT leaders: a live demo, a customer talk and a hands-on lab.',
  '/startsOn': inDays(30),
  '/endsOn': inDays(30),
  '/requestedAmount/amount': amount,
  '/expectedOutcome/leads': '45',
  '/expectedOutcome/pipeline/amount': '60,000.00',
});

/** A fund of this period with `allocated` minor units, and `taken` of them approved already. */
export function fundOf(allocated: number, taken = 0, currency = 'EUR'): PortalParameters['mockApi'] {
  const fund: MockFund = { id: 'fund_story', period: halfYear(Date.now()), currency, allocated };
  return {
    funds: [fund],
    mdfRequests: taken
      ? [
          mdfRequest({
            id: 'mdfr_301',
            fund,
            status: 'approved',
            title: 'Booth at DataInfra Live Berlin',
            activityType: 'trade_show',
            requested: taken,
          }),
        ]
      : [],
  };
}

/** Sets fields of the open form as the partner's edits would (an `input` event each). */
export async function fillForm(el: Shadowed, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = await shown<HTMLElement & { value: string }>(el, `pk-field[name="${name}"]`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** Opens the request form (unless a draft opened it already). */
export async function openRequest(context: Canvas): Promise<Shadowed> {
  const el = await loadedMdf(context);
  const ask = el.shadowRoot.querySelector<HTMLButtonElement>('#ask');
  if (ask) await userEvent.click(ask);
  await shown(el, '#rform pk-field');
  return el;
}

/** A play step of a function that finds something on the way (`openRequest`), dropping what it found. */
export const played =
  (find: (context: Canvas) => Promise<unknown>) =>
  async (context: Canvas): Promise<void> => {
    await find(context);
  };

/** Sends the open form whose id is `form` (`rform`, `cform`). */
async function send(el: Shadowed, form: string): Promise<void> {
  const button = await shown<HTMLButtonElement>(el, `#${form} [part~=submit]`);
  await userEvent.click(button);
}

/** Sends the request form, then waits for its error summary to take focus. */
export async function sendRequestAndExpectSummary(context: Canvas): Promise<void> {
  const el = await openRequest(context);
  await send(el, 'rform');
  await waitFor(() => expect(el.shadowRoot.activeElement?.id).toBe('rsummary'), within);
}

/** Sends the request form, then waits for the confirmation. */
export async function sendRequestAndExpectSent(context: Canvas): Promise<void> {
  const el = await openRequest(context);
  await send(el, 'rform');
  await shown(el, '[part~=success]');
}

/** The request form's draft, sent and failing with `kind` on the way. */
export const requestFailure = (kind: MockErrorKind) => ({
  parameters: { mdfDraft: requestDraft(), ...failing('createMdfRequest', kind) } satisfies PortalParameters,
  play: sendRequestAndExpectSummary,
});

/** Opens the claim form of the request titled `title`. */
export async function openClaim(context: Canvas, title: string): Promise<Shadowed> {
  const el = await loadedMdf(context);
  const row = await waitFor(() => {
    const found = [...el.shadowRoot.querySelectorAll('[part~=row]')].find(
      (r) => r.querySelector('h3')?.textContent?.trim() === title,
    );
    expect(found).toBeTruthy();
    return found!;
  }, within);
  await userEvent.click(row.querySelector<HTMLButtonElement>('button[id^="to-"]')!);
  await shown(el, '#cform pk-field');
  return el;
}

/** A proof file of `size` bytes that starts as a real file of `type` does. */
export function proof(name: string, type = 'application/pdf', size = 184_320): File {
  const bytes = new Uint8Array(size);
  const signature: Record<string, number[]> = {
    'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
    'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    'image/jpeg': [0xff, 0xd8, 0xff],
  };
  bytes.set((signature[type] ?? []).slice(0, size));
  return new File([bytes], name, { type });
}

/** Drops `files` on the claim form, as a partner dragging them from their desktop. */
export async function dropFiles(el: Shadowed, files: File[]): Promise<void> {
  const zone = await shown(el, '[part~=files]');
  const dataTransfer = new DataTransfer();
  for (const f of files) dataTransfer.items.add(f);
  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
}

/** The approved request the claim stories claim against. */
export const CLAIMED = 'Booth at CloudWorld Expo Amsterdam';

/** The results of a claim, filled in. */
export const claimValues = (amount: string) => ({
  '/amount/amount': amount,
  '/results/leads': '62',
  '/results/pipeline/amount': '95,000.00',
  '/results/notes': 'Sixty-two scanned badges; nine asked for a proof of concept.',
});

/** Opens the claim form, fills it in and drops `files` on it. */
export async function claimWithFiles(context: Canvas, files: File[], amount = '5,180.00'): Promise<Shadowed> {
  const el = await openClaim(context, CLAIMED);
  await fillForm(el, claimValues(amount));
  await dropFiles(el, files);
  await waitFor(
    () => expect(el.shadowRoot.querySelector('[part~=file-list], [part~=files] [role=alert]')).toBeTruthy(),
    within,
  );
  return el;
}

/** Sends the claim form, then waits for its error summary to take focus. */
export async function sendClaimAndExpectSummary(el: Shadowed): Promise<void> {
  await send(el, 'cform');
  await waitFor(() => expect(el.shadowRoot.activeElement?.id).toBe('csummary'), within);
}

/** Opens the status history of the request titled `title`. */
export async function openHistoryOf(context: Canvas, title: string): Promise<void> {
  const el = await loadedMdf(context);
  const row = [...el.shadowRoot.querySelectorAll('[part~=row]')].find(
    (r) => r.querySelector('h3')?.textContent?.trim() === title,
  );
  if (!row) throw new Error(`no request titled ${title}`);
  await userEvent.click(row.querySelector<HTMLButtonElement>('button[aria-expanded]')!);
  await shown(el, '[part~=history]');
}
