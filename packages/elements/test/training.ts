// Helpers of the <pk-training-tracker> tests: finding courses, certifications and their buttons.
import { waitUntil } from '@open-wc/testing';
import type { PkTrainingTracker } from '../src/training-tracker/training-tracker.js';
import { text } from './helpers.js';
import { DAY } from './mock-api.js';

export const courses = (el: PkTrainingTracker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=course]'),
];
export const certifications = (el: PkTrainingTracker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=certification]'),
];
/** The card of the course titled `title`. */
export const courseOf = (el: PkTrainingTracker, title: string) =>
  courses(el).find((c) => text(c.querySelector('h3')) === title)!;
/** The card of the certification named `name`. */
export const certificationOf = (el: PkTrainingTracker, name: string) =>
  certifications(el).find((c) => text(c.querySelector('h3')) === name)!;
/** The button in `root` whose text is `label`. */
export const buttonIn = (root: Element, label: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement | undefined;
/** What the live region says. */
export const said = (el: PkTrainingTracker) => text(el.shadowRoot!.querySelector('.sr[role=status]'));
/** Waits until the courses (or the empty state) have rendered. */
export const loaded = (el: PkTrainingTracker) =>
  waitUntil(() => el.shadowRoot?.querySelector('[part~=course], [part~=empty]'), 'not loaded', {
    timeout: 5000,
  });

/** A timestamp `n` calendar days from today, at noon (days count by the calendar, as the tracker does). */
export function inDays(n: number): string {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, 12).toISOString();
}

/** A timestamp `n` days ago. */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
