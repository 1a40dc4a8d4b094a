// Play steps every story file uses: find a component in the story, wait until it has loaded, wait
// for its alert or for a field's inline error, check that it fits its column. The steps of one
// component (submitting the form, opening a row of the list) build on these.
import { expect, waitFor } from 'storybook/test';

/** The part of a play function's context these steps use. */
export type Canvas = { canvasElement: HTMLElement };

/** A Partnerkit element: its shadow root is open. */
export type Shadowed = HTMLElement & { shadowRoot: ShadowRoot };

/** How long a step waits for the mock API and the component (the timeout stories take 1 s). */
export const within = { timeout: 5000 };

/** What a component shows when it cannot load: its message and a retry. */
const ALERT = '[part~=status][role=alert], .alert';

/** The story's `<tag>` once `ready` (a selector inside its shadow root) has rendered. */
export async function loaded({ canvasElement }: Canvas, tag: string, ready: string): Promise<Shadowed> {
  const el = canvasElement.querySelector(tag);
  if (!el) throw new Error(`the story has no <${tag}>`);
  await waitFor(() => expect(el.shadowRoot?.querySelector(ready)).toBeTruthy(), within);
  return el as Shadowed;
}

/** A play step: waits for `<tag>` to show that it could not load. */
export const expectAlert =
  (tag: string) =>
  async (context: Canvas): Promise<void> => {
    await loaded(context, tag, ALERT);
  };

/** Waits for `selector` to appear inside `el`'s shadow root, and returns what it found. */
export async function shown<E extends Element = HTMLElement>(el: Shadowed, selector: string): Promise<E> {
  return waitFor(() => {
    const found = el.shadowRoot.querySelector<E>(selector);
    expect(found).toBeTruthy();
    return found!;
  }, within);
}

/** Waits for a `<pk-field>`'s inline error to show. */
export async function expectFieldError(field: Element): Promise<void> {
  await waitFor(
    () => expect(field.shadowRoot?.querySelector('[part=error]')?.hasAttribute('hidden')).toBe(false),
    within,
  );
}

/** Waits for `el` to fit the width its column gives it: nothing sticks out sideways. */
export async function expectFits(el: HTMLElement): Promise<void> {
  await waitFor(() => expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth), within);
}
