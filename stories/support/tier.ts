// Play steps of the <pk-tier-progress> stories: what moves a partner's tier while the page is open.
import type { PkPortal } from '@partnerkit/elements';
import { expect, waitFor } from 'storybook/test';
import { type Canvas, loaded, type Shadowed, within } from './play.js';

/** The story's tier progress, once it has loaded (full or compact). */
export const loadedProgress = (context: Canvas): Promise<Shadowed> =>
  loaded(context, 'pk-tier-progress', '[part~=summary], [part~=compact]');

/**
 * The partner user completes the last module of the sales course, which grants the sales
 * certification, and the page says so with `pk-certification-earned`, as the training tracker
 * does; then waits for the tier progress to show `state`.
 */
export async function earnCertification(context: Canvas, state: string): Promise<void> {
  const el = await loadedProgress(context);
  const client = context.canvasElement.querySelector<PkPortal>('pk-portal')?.client;
  if (!client) throw new Error('the story has no portal with a client');
  const { items } = await client.training.listEnrollments();
  const sales = items.find((e) => e.courseId === 'crs_sales');
  if (!sales) throw new Error('the caller is not enrolled in the sales course');
  const { certification } = await client.training.completeModule(sales.id, 'crs_sales_m4');
  el.dispatchEvent(
    new CustomEvent('pk-certification-earned', { detail: certification!, bubbles: true, composed: true }),
  );
  await waitFor(
    () => expect(el.shadowRoot.querySelector('[part~=state]')?.textContent?.trim()).toBe(state),
    within,
  );
}
