import { css } from 'lit';

export const listStyles = css`
:host{background:var(--pk-list-background,var(--_pk-surface))}
:host>div{display:grid;gap:var(--_pk-space)}
[part~=filter]{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:center}
select{font:inherit;color:inherit;background:var(--_pk-surface);border:1px solid var(--_pk-border);border-radius:var(--_pk-radius);padding:calc(var(--_pk-space)/4) calc(var(--_pk-space)/2)}
ul,ol{margin:0;padding:0;list-style:none}
ul{display:grid;gap:calc(var(--_pk-space)/2)}
[part~=row]{display:grid;gap:calc(var(--_pk-space)/4);padding:var(--_pk-space);border:1px solid var(--pk-list-border-color,var(--_pk-border));border-radius:var(--_pk-radius)}
.top,.actions{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:center;justify-content:space-between}
.actions{justify-content:start}
h3{font-size:1em;overflow-wrap:anywhere}
[part~=badge]{font-size:.875em;font-weight:600;padding:0 .5em;border-radius:1em;border:1px solid currentColor;white-space:nowrap}
[part~=badge]::before{content:"● " / ""}
[data-status=approved],[data-status=won]{color:var(--_pk-success)}
[data-status=approved]::before,[data-status=won]::before{content:"✓ " / ""}
[data-status=rejected],[data-status=lost]{color:var(--_pk-danger)}
[data-status=rejected]::before,[data-status=lost]::before{content:"✕ " / ""}
[data-status=expired]{color:var(--_pk-muted)}
[data-status=expired]::before{content:"○ " / ""}
[part~=history]{border-inline-start:2px solid var(--_pk-border);padding-inline-start:calc(var(--_pk-space)/2)}
[part~=extension]{display:grid;gap:calc(var(--_pk-space)/2)}
[part~=extension] form{gap:calc(var(--_pk-space)/2)}
`;
