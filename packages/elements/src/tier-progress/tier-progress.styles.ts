import { css } from 'lit';

export const tierStyles = css`
:host{background:var(--pk-tier-background,var(--_pk-surface));--_h:calc(var(--_pk-space)/2)}
.full,section,ul,ol,.benefit,[part~=criterion],[part~=tier]{display:grid;gap:var(--_h);align-content:start}
.full{gap:calc(var(--_pk-space)*1.5)}
.benefit,[part~=criterion]{gap:calc(var(--_h)/2)}
[part~=criteria] ul{gap:var(--_pk-space)}
[part~=tiers]{grid-template-columns:repeat(auto-fill,minmax(min(100%,11rem),1fr))}
[part~=requirements]{padding-inline-start:1.25em;list-style:disc;gap:0}
h3,h4{font-size:1em;margin:0}
strong,h2,h4,li{overflow-wrap:anywhere}
.top{gap:0 var(--_pk-space)}
[part~=criterion] progress{flex-basis:100%}
[part~=met] .left{color:var(--_pk-success);font-weight:600}
[part~=met] .left::before{content:"✓ " / ""}
a{color:var(--_pk-primary);font-weight:600;justify-self:start}
[part~=promotion]::before,[part~=top]::before{content:"★ " / ""}
[part~=gains]{margin-block-end:var(--_h)}
[part~=gains]>li{display:flex;gap:.5em}
[part~=gains]>li::before{content:"+" / "";font-weight:700;color:var(--_pk-success)}
[part~=tier]{padding:calc(var(--_pk-space)*.75);border:1px solid var(--pk-tier-border-color,var(--_pk-border));border-radius:var(--_pk-radius)}
[part~=current]{border:2px solid var(--_pk-primary)}
.muted{font-size:.9375em}
[part~=compact]{display:flex;flex-wrap:wrap;align-items:center;gap:var(--_h) calc(var(--_pk-space)*.75)}
[part~=compact] [part~=meter]{flex:1 1 16rem}
`;
