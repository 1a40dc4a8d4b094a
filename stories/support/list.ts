// Play steps of the <pk-deal-list> stories: what a partner does with the list.
import { expect, userEvent, waitFor } from 'storybook/test';

type Canvas = { canvasElement: HTMLElement };
type Shadowed = HTMLElement & { shadowRoot: ShadowRoot };

/** The story's list, once its first page has loaded. */
export async function loadedList({ canvasElement }: Canvas): Promise<Shadowed> {
  const el = canvasElement.querySelector('pk-deal-list');
  if (!el) throw new Error('the story has no <pk-deal-list>');
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~=row]')).toBeTruthy(), { timeout: 5000 });
  return el as Shadowed;
}

/** Clicks the first button of the first row whose text is `label`. */
export async function clickInFirstRow(context: Canvas, label: string): Promise<Shadowed> {
  const el = await loadedList(context);
  const row = [...el.shadowRoot.querySelectorAll('[part~=row]')].find((r) =>
    [...r.querySelectorAll('button')].some((b) => b.textContent?.trim() === label),
  );
  const button = [...(row?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`no row has a "${label}" button`);
  await userEvent.click(button);
  return el;
}
