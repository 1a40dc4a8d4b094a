// Play steps of the <pk-training-tracker> stories: what a partner does with their training.
import { expect, userEvent, waitFor } from 'storybook/test';
import { type Canvas, loaded, type Shadowed, shown, within } from './play.js';

/** The story's tracker, once its courses (or its empty state) have rendered. */
export const loadedTracker = (context: Canvas): Promise<Shadowed> =>
  loaded(context, 'pk-training-tracker', '[part~=course], [part~=empty]');

/** The button labelled `label` in the card of the course titled `title`. */
function buttonOf(el: Shadowed, title: string, label: string): HTMLButtonElement {
  const card = [...el.shadowRoot.querySelectorAll('[part~=course]')].find(
    (c) => c.querySelector('h3')?.textContent?.trim() === title,
  );
  const button = [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`no course "${title}" with a "${label}" button`);
  return button;
}

/** Resumes the course titled `title`: its modules open, the next one to do has focus. */
export async function resume(context: Canvas, title = 'Selling Acme Analytics'): Promise<Shadowed> {
  const el = await loadedTracker(context);
  await userEvent.click(buttonOf(el, title, 'Resume'));
  await waitFor(
    () => expect(el.shadowRoot.activeElement?.textContent?.trim()).toBe('Mark as complete'),
    within,
  );
  return el;
}

/** Resumes the sales course and completes its last module, which grants its certification. */
export async function earnCertification(context: Canvas): Promise<void> {
  const el = await resume(context);
  await userEvent.click(el.shadowRoot.activeElement!);
  await shown(el, '[part~=earned]');
  await waitFor(() => expect(el.shadowRoot.activeElement?.getAttribute('part')).toBe('earned'), within);
}

/** Resumes the sales course and tries to complete its last module: the course shows the failure. */
export async function completionFails(context: Canvas): Promise<void> {
  const el = await resume(context);
  await userEvent.click(el.shadowRoot.activeElement!);
  await shown(el, '[part~=course] [role=alert]');
}
