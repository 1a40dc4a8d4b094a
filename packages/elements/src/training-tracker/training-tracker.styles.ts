import { css } from 'lit';

export const trainingStyles = css`
:host{background:var(--pk-training-background,var(--_pk-surface));--_pk-card-border:var(--pk-training-border-color,var(--_pk-border))}
:host>div,section{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--_pk-space)}
label{display:grid;grid-template-columns:minmax(0,1fr);max-inline-size:100%;font-weight:600}
label>*{font-weight:400;min-block-size:2.25em}
[part~=filter]{align-items:end}
[part~=warning]{color:var(--_pk-warning);font-weight:600}
[part~=warning]::before{content:"! " / ""}
[part~=counts]{gap:0;list-style:disc;padding-inline-start:1.25em}
[part~=modules]{gap:0;border-block-start:1px solid var(--_pk-border)}
[part~=module]{display:flex;flex-wrap:wrap;align-items:center;gap:calc(var(--_pk-space)/2);padding-block:calc(var(--_pk-space)/2);border-block-end:1px solid var(--_pk-border)}
[part~=module]>:first-child{flex:1 1 12rem;overflow-wrap:anywhere}
[part~=module] [role=alert]{flex-basis:100%}
[part~=earned]{border:2px solid var(--_pk-success);border-radius:var(--_pk-radius);padding:calc(var(--_pk-space)/2);font-weight:600}
[part~=earned]::before{content:"✓ " / ""}
`;
