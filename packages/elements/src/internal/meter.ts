import { css, html, type TemplateResult } from 'lit';

/**
 * Progress toward `max` as a bar (`part="meter"`) with its text beside it, which is also the
 * bar's spoken value: never a bar alone. Style it with `meterStyles`.
 */
export const meter = (value: number, max: number, label: string, text: string): TemplateResult =>
  html`<div part="meter"><progress max=${max || 1} .value=${Math.min(value, max || 1)} aria-label=${label}
aria-valuetext=${text}></progress><span>${text}</span></div>`;

/** The bar of `meter()`: a track, its filled share, the text beside it. */
export const meterStyles = css`
[part~=meter]{display:flex;flex-wrap:wrap;gap:0 calc(var(--_pk-space)/2);align-items:center}
progress{flex:1 1 8rem;appearance:none;block-size:.625rem;border:1px solid var(--_pk-border);border-radius:1rem;overflow:hidden;background:var(--_pk-surface);color:var(--_pk-primary)}
progress::-webkit-progress-bar{background:var(--_pk-surface)}
progress::-webkit-progress-value{background:var(--_pk-primary)}
progress::-moz-progress-bar{background:var(--_pk-primary)}
`;
