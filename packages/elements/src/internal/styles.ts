import { css } from 'lit';

/**
 * Shared by every component. Public `--pk-*` tokens are read once into private `--_pk-*` values
 * with light and dark defaults (`light-dark()`, driven by the inherited `color-scheme` that
 * `<pk-portal theme>` or the page sets). Only logical properties, so right-to-left works.
 */
export const base = css`
:host{
--_pk-primary:var(--pk-color-primary,light-dark(#1d4ed8,#8ab4f8));
--_pk-on-primary:var(--pk-color-on-primary,light-dark(#fff,#0b1e3f));
--_pk-surface:var(--pk-color-surface,light-dark(#fff,#1b1e24));
--_pk-text:var(--pk-color-text,light-dark(#1a1d23,#e8eaed));
--_pk-muted:var(--pk-color-muted,light-dark(#545b66,#b0b6c0));
--_pk-border:var(--pk-color-border,#80868f);
--_pk-danger:var(--pk-color-danger,light-dark(#b3261e,#ffb4ab));
--_pk-warning:var(--pk-color-warning,light-dark(#8a4b00,#ffcc80));
--_pk-success:var(--pk-color-success,light-dark(#146c2e,#7ddc8e));
--_pk-focus:var(--pk-color-focus-ring,light-dark(#1d4ed8,#8ab4f8));
--_pk-radius:var(--pk-radius,.375rem);
--_pk-space:calc(var(--pk-spacing,1rem) * var(--pk-density,1));
--_pk-pad:calc(var(--_pk-space)/2) calc(var(--_pk-space)*.75);
display:block;
font-family:var(--pk-font-family,system-ui,sans-serif);
font-size:var(--pk-font-size,1rem);
line-height:1.5;
color:var(--_pk-text);
}
:host([hidden]){display:none}
*{box-sizing:border-box}
h2,h3,p{margin:0}
h2{font-size:1.25em}
.sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.muted{color:var(--_pk-muted)}
button{font:inherit;font-weight:600;cursor:pointer;padding:var(--_pk-pad);border-radius:var(--pk-button-radius,var(--_pk-radius));border:2px solid var(--_pk-primary);background:var(--_pk-surface);color:var(--_pk-primary)}
.primary{background:var(--_pk-primary);color:var(--_pk-on-primary)}
[aria-disabled=true]{opacity:.7;cursor:progress}
:focus-visible{outline:3px solid var(--_pk-focus);outline-offset:2px}
[part~=status]{display:flex;gap:var(--_pk-space);align-items:center;padding:var(--_pk-space)}
[role=alert]{display:block;border-inline-start:4px solid var(--_pk-danger);padding:var(--_pk-space)}
[role=alert]>*+*{margin-block-start:calc(var(--_pk-space)/2)}
.spin{flex:none;inline-size:1.25em;block-size:1.25em;border:3px solid var(--_pk-border);border-block-start-color:var(--_pk-primary);border-radius:50%;animation:s 1s linear infinite}
@keyframes s{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){.spin{animation-duration:4s}}
`;
