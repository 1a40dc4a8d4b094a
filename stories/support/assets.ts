// Play steps of the <pk-asset-library> stories: what a partner does in the library.
import { expect, userEvent, waitFor } from 'storybook/test';
import { type Canvas, loaded, type Shadowed, shown, within } from './play.js';

/** The story's library, once its first assets are in the page. */
export const loadedLibrary = (context: Canvas): Promise<Shadowed> =>
  loaded(context, 'pk-asset-library', '[part~=item]');

/** Types `text` into the library's search, and waits for the search to apply. */
export async function searchFor(context: Canvas, text: string): Promise<Shadowed> {
  const el = await loadedLibrary(context);
  const input = el.shadowRoot.querySelector<HTMLInputElement>('input[type=search]')!;
  const before = el.shadowRoot.querySelector('[part~=count]')?.textContent;
  await userEvent.type(input, text);
  await waitFor(
    () => expect(el.shadowRoot.querySelector('[part~=count]')?.textContent).not.toBe(before),
    within,
  );
  return el;
}

/** Clicks the button `label` of the first asset that has one. */
export async function clickOnAsset(context: Canvas, label: string): Promise<Shadowed> {
  const el = await loadedLibrary(context);
  await waitFor(() => {
    const button = [...el.shadowRoot.querySelectorAll('[part~=item] button')].find(
      (b) => b.textContent?.trim() === label,
    );
    expect(button).toBeTruthy();
  }, within);
  const button = [...el.shadowRoot.querySelectorAll<HTMLButtonElement>('[part~=item] button')].find(
    (b) => b.textContent?.trim() === label,
  )!;
  await userEvent.click(button);
  return el;
}

/** Opens the co-branding of the first template, and waits for its preview. */
export async function openCoBranding(context: Canvas): Promise<Shadowed> {
  const el = await loadedLibrary(context);
  // A template's button is the primary one of its asset, in any language.
  await waitFor(
    () => expect(el.shadowRoot.querySelector('[part~=item] button.primary')).toBeTruthy(),
    within,
  );
  await userEvent.click(el.shadowRoot.querySelector<HTMLButtonElement>('[part~=item] button.primary')!);
  await shown(el, 'dialog [part~=preview]');
  return el;
}

/** Tries a download that fails, and waits for its alert. */
export async function downloadAndExpectFailure(context: Canvas): Promise<void> {
  const el = await clickOnAsset(context, 'Download');
  await shown(el, '[part~=error]');
}
