import { css } from 'lit';

/** The co-branding dialog's own rules, adopted by the library when the dialog first opens. */
export const cobrandStyles = css`
dialog{inline-size:min(60rem,calc(100vw - 2rem));max-block-size:calc(100vh - 2rem);padding:var(--_pk-space);border:1px solid var(--_pk-border);border-radius:var(--_pk-radius);background:var(--_pk-surface);color:var(--_pk-text)}
dialog::backdrop{background:rgb(0 0 0/.5)}
dialog>*+*{margin-block-start:var(--_pk-space)}
.head,.actions{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:center}
.head{justify-content:space-between}
.cb{display:grid;gap:var(--_pk-space);grid-template-columns:repeat(auto-fit,minmax(min(18rem,100%),1fr));align-items:start}
figure{margin:0;display:grid;gap:calc(var(--_pk-space)/4)}
[part~=preview]{inline-size:100%;block-size:auto;max-block-size:60vh;object-fit:contain;border:1px solid var(--_pk-border);background:repeating-conic-gradient(#e8eaed 0 25%,#fff 0 50%) 0 0/16px 16px}
fieldset{display:grid;gap:calc(var(--_pk-space)/2);margin:0;padding:0;border:0;min-inline-size:0}
legend{font-weight:600;padding:0}
.note{border-inline-start:4px solid var(--_pk-warning);padding-inline-start:calc(var(--_pk-space)/2)}
`;
