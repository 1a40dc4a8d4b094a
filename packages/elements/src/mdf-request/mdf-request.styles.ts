import { css } from 'lit';

export const mdfStyles = css`
:host{display:grid;gap:calc(var(--_pk-space)*1.5);background:var(--pk-mdf-background,var(--_pk-surface));--_pk-column:var(--pk-mdf-column,14rem);--_pk-card-border:var(--pk-mdf-border-color,var(--_pk-border))}
section{display:grid;gap:calc(var(--_pk-space)/2)}
h2{overflow-wrap:anywhere}
[part~=bar]{display:flex;block-size:1.25rem;border:1px solid var(--_pk-border);border-radius:var(--_pk-radius);overflow:hidden}
[part~=bar] span+span{border-inline-start:2px solid var(--_pk-surface)}
.paid{--_c:var(--pk-mdf-paid,var(--_pk-success))}
.claimed{--_c:var(--pk-mdf-claimed,var(--_pk-primary))}
.approved{--_c:var(--pk-mdf-approved,color-mix(in srgb,var(--_pk-primary) 40%,var(--_pk-surface)))}
.requested{--_c:repeating-linear-gradient(45deg,var(--pk-mdf-requested,var(--_pk-warning)) 0 3px,transparent 3px 6px)}
[part~=bar] span,dt::before{background:var(--_c)}
dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:calc(var(--_pk-space)/2);margin:0}
dt::before{content:"";display:inline-block;inline-size:.75em;block-size:.75em;margin-inline-end:.4em;border:1px solid var(--_pk-border)}
.allocated dt::before{display:none}
dd{margin:0;font-weight:700;overflow-wrap:anywhere}
[part~=notice]{border-inline-start:4px solid var(--_pk-primary);padding:calc(var(--_pk-space)/2) var(--_pk-space)}
[part~=claims] li{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/4) calc(var(--_pk-space)/2);align-items:center}
[part~=claims] p{flex-basis:100%}
`;
