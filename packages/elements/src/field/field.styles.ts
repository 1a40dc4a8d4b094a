import { css } from 'lit';

export const fieldStyles = css`
[part~=field]{display:grid;gap:calc(var(--_pk-space)/4)}
[part~=label]{font-weight:600}
[part~=label] .muted{font-weight:400}
[part~=hint]{color:var(--_pk-muted);font-size:.9em}
[part~=error]{color:var(--_pk-danger);font-weight:600}
[part~=input]{font:inherit;color:inherit;inline-size:100%;min-block-size:2.5em;padding:var(--_pk-pad);background:var(--pk-field-background,var(--_pk-surface));border:1px solid var(--pk-field-border-color,var(--_pk-border));border-radius:var(--_pk-radius)}
:host(:state(user-invalid)) [part~=input]{border:2px solid var(--_pk-danger)}
textarea{min-block-size:6em;resize:vertical}
select[multiple]{padding:0}
option{padding:.25em .5em}
.checkbox{grid-template-columns:auto 1fr;column-gap:calc(var(--_pk-space)/2);align-items:start}
.checkbox>:not(input){grid-column:2}
.checkbox [part~=label]{font-weight:400}
fieldset{margin:0;padding:0;border:0;min-inline-size:0}
legend{padding:0;margin-block-end:calc(var(--_pk-space)/4)}
[part~=options]{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/4) var(--_pk-space)}
[part~=options] label{display:flex;gap:.5em;align-items:start}
input[type=checkbox]{inline-size:1.25em;min-block-size:1.25em;margin-block-start:.15em;accent-color:var(--_pk-primary)}
`;
