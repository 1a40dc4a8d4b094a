import { css } from 'lit';

/** The forms of `<pk-mdf-request>`: the confirmation, the claim form and its drop zone of files. */
export const formsStyles = css`
[part~=success],[part~=claim],[part~=files]{display:grid;gap:calc(var(--_pk-space)/2)}
[part~=success]{border-inline-start:4px solid var(--_pk-success);padding:var(--_pk-space)}
[part~=success] dl{grid-template-columns:max-content 1fr}
[part~=success] dt::before{display:none}
[part~=claim]{border-block-start:1px solid var(--_pk-border);padding-block-start:var(--_pk-space)}
[part~=files]{grid-column:1/-1;padding:var(--_pk-space);border:2px dashed var(--_pk-border);border-radius:var(--_pk-radius)}
.over{border-color:var(--_pk-primary);background:color-mix(in srgb,var(--_pk-primary) 8%,var(--_pk-surface))}
.label{font-weight:600}
[part~=files] [part~=hint]{color:var(--_pk-muted);font-size:.9em}
[part~=files] [part~=error]{color:var(--_pk-danger);font-weight:600}
[part~=file-list] li{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:center;overflow-wrap:anywhere}
`;
