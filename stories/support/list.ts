// Play steps of the <pk-deal-list> stories: what a partner does with the list.
import { expect, userEvent, waitFor } from 'storybook/test';
import { type Canvas, expectFieldError, loaded, type Shadowed, shown, within } from './play.js';

/** The story's list, once its first page has loaded. */
export const loadedList = (context: Canvas): Promise<Shadowed> =>
  loaded(context, 'pk-deal-list', '[part~=row]');

/** Clicks the first button of the first row whose text is `label`. */
export async function clickInFirstRow(context: Canvas, label: string): Promise<Shadowed> {
  const el = await loadedList(context);
  const button = [...el.shadowRoot.querySelectorAll('[part~=row] button')].find(
    (b) => b.textContent?.trim() === label,
  );
  if (!button) throw new Error(`no row has a "${label}" button`);
  await userEvent.click(button);
  return el;
}

/** Clicks "Show more" and waits for the list to hold `rows` rows. */
export async function showMore(context: Canvas, rows: number): Promise<void> {
  const el = await loadedList(context);
  const more = el.shadowRoot.querySelector<HTMLButtonElement>('[part~=more]');
  if (!more) throw new Error('no "Show more" button');
  await userEvent.click(more);
  await waitFor(() => expect(el.shadowRoot.querySelectorAll('[part~=row]').length).toBe(rows), within);
}

/** Opens the status history of the first registration. */
export async function openHistory(context: Canvas): Promise<void> {
  await shown(await clickInFirstRow(context, 'Status history'), '[part~=history]');
}

/** Opens the extension form of the first registration that allows one. */
export async function openExtension(context: Canvas): Promise<Shadowed> {
  const el = await clickInFirstRow(context, 'Request an extension');
  await shown(el, '[part~=extension]');
  return el;
}

/** A reason the vendor accepts for extending a registration's protection. */
export const extensionReason = 'The customer’s board meets again in six weeks.';

/** Opens the extension form, gives `reason` (none when empty) and sends it. */
async function requestExtension(context: Canvas, reason: string): Promise<Shadowed> {
  const el = await openExtension(context);
  const field = await shown(el, '[part~=extension] pk-field');
  const input = await waitFor(() => {
    const i = field.shadowRoot?.querySelector('textarea');
    expect(i).toBeTruthy();
    return i!;
  }, within);
  if (reason) await userEvent.type(input, reason);
  const send = el.shadowRoot.querySelector<HTMLButtonElement>('[part~=extension] button[type=submit]');
  if (!send) throw new Error('the extension form has no send button');
  await userEvent.click(send);
  return el;
}

/** Sends the extension request without a reason: the reason field shows its error. */
export async function requestExtensionWithoutReason(context: Canvas): Promise<void> {
  const el = await requestExtension(context, '');
  await expectFieldError(el.shadowRoot.querySelector('[part~=extension] pk-field')!);
}

/** Sends the extension request: the form closes once the vendor has it. */
export async function requestExtensionAndExpectSent(context: Canvas): Promise<void> {
  const el = await requestExtension(context, extensionReason);
  await waitFor(() => expect(el.shadowRoot.querySelector('[part~=extension]')).toBeNull(), within);
}

/** Sends the extension request: the form stays open with the failure's message. */
export async function requestExtensionAndExpectFailure(context: Canvas): Promise<void> {
  const el = await requestExtension(context, extensionReason);
  await shown(el, '[part~=extension] [part~=summary]');
}
