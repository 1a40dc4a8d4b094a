import { html, nothing, type TemplateResult } from 'lit';

/**
 * Pieces of markup that several components render the same way, so that they look and behave
 * alike and their code is downloaded once: a labelled choice, a status badge, a status history
 * behind a button. Their styles are in `cards.ts`.
 */

/** `[value, text]` of an option. */
export type Choice = readonly [value: string, text: string];

/**
 * A native `<select>` inside its label, with `selected` chosen; `change` gets the chosen value.
 * `id` names the select (for a test or a page to find it).
 */
export const choice = (
  label: string,
  options: readonly Choice[],
  selected: string,
  change: (value: string) => void,
  id?: string,
): TemplateResult =>
  html`<label>${label} <select id=${id ?? nothing} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
${options.map(([v, text]) => html`<option value=${v} .selected=${v === selected}>${text}</option>`)}</select></label>`;

/**
 * The tone of each status's badge, for every component's statuses (deals, MDF requests and
 * claims, courses, certifications); the others are neutral.
 */
const TONES: Record<string, string> = {
  approved: 'ok',
  won: 'ok',
  paid: 'ok',
  completed: 'ok',
  active: 'ok',
  partially_approved: 'on',
  claimed: 'on',
  in_progress: 'on',
  not_started: 'off',
  expired: 'off',
  expiring: 'warn',
  rejected: 'bad',
  lost: 'bad',
};

/**
 * A status in words and a symbol: the tone (one of `cards.ts`) is the status's, or `tone`.
 */
export const badge = (status: string, text: string, tone = TONES[status]): TemplateResult =>
  html`<span part="badge" data-tone=${tone ?? ''}>${text}</span>`;

/** `open` with `id` added, or taken out if it was there: a new set, so that Lit sees the change. */
export const toggled = (open: ReadonlySet<string>, id: string): Set<string> => {
  const next = new Set(open);
  if (!next.delete(id)) next.add(id);
  return next;
};

/**
 * The button that shows or hides a status history (`aria-expanded`, `aria-controls`), beside the
 * other actions of the card (`more`), and under them the history of `id` when it is `open`: each
 * change worded, with the reason given for it.
 */
export const history = (
  id: string,
  open: boolean,
  label: string,
  click: () => void,
  changes: () => readonly (readonly [text: string, reason?: string | null])[],
  more: unknown,
): TemplateResult =>
  html`<div class="actions"><button part="button" type="button" aria-expanded=${open} aria-controls="h-${id}" @click=${click}>${label}</button>
${more}</div>
${open ? html`<ol part="history" id="h-${id}">${changes().map(([text, why]) => html`<li>${text}${why ? html`: ${why}` : ''}</li>`)}</ol>` : ''}`;
