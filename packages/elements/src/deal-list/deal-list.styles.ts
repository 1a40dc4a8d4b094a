import { css } from 'lit';

export const listStyles = css`
:host{background:var(--pk-list-background,var(--_pk-surface));--_pk-card-border:var(--pk-list-border-color,var(--_pk-border))}
:host>div{display:grid;gap:var(--_pk-space)}
[part~=extension]{display:grid;gap:calc(var(--_pk-space)/2)}
[part~=extension] form{gap:calc(var(--_pk-space)/2)}
`;
