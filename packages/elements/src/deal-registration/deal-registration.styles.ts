import { css } from 'lit';

export const registrationStyles = css`
:host{background:var(--pk-registration-background,var(--_pk-surface))}
form,[part~=success]{display:grid;gap:var(--_pk-space)}
fieldset{margin:0;padding:0;border:0;display:grid;gap:var(--_pk-space);grid-template-columns:repeat(auto-fill,minmax(min(100%,var(--pk-registration-column,16rem)),1fr))}
legend{font-size:1.125em;font-weight:700;padding:0;margin-block-end:calc(var(--_pk-space)/2)}
[type=textarea],[part~=conflict]{grid-column:1/-1}
[part~=conflict]:empty{display:none}
[part~=conflict]{border-inline-start:4px solid var(--_pk-warning);padding-inline-start:calc(var(--_pk-space)/2)}
.conflict{border-color:var(--_pk-danger);font-weight:600}
[part~=summary]{border:3px solid var(--_pk-danger);padding:var(--_pk-space);display:grid;gap:calc(var(--_pk-space)/2)}
[part~=summary] ul{margin:0;padding-inline-start:1.25em}
a{color:var(--_pk-danger);font-weight:600}
[part~=notice]{display:flex;flex-wrap:wrap;gap:var(--_pk-space);align-items:center;border-inline-start:4px solid var(--_pk-primary);padding:calc(var(--_pk-space)/2) var(--_pk-space)}
[part~=success]{border-inline-start:4px solid var(--_pk-success);padding:var(--_pk-space)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:calc(var(--_pk-space)/4) var(--_pk-space);margin:0}
dt{font-weight:600}
dd{margin:0}
`;
