import { css } from 'lit';

export const registrationStyles = css`
:host{background:var(--pk-registration-background,var(--_pk-surface));--_pk-column:var(--pk-registration-column,16rem)}
[part~=success]{display:grid;gap:var(--_pk-space)}
[part~=conflict]{grid-column:1/-1}
[part~=conflict]:empty{display:none}
[part~=conflict]{border-inline-start:4px solid var(--_pk-warning);padding-inline-start:calc(var(--_pk-space)/2)}
.conflict{border-color:var(--_pk-danger);font-weight:600}
[part~=success]{border-inline-start:4px solid var(--_pk-success);padding:var(--_pk-space)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:calc(var(--_pk-space)/4) var(--_pk-space);margin:0}
dt{font-weight:600}
dd{margin:0}
`;
