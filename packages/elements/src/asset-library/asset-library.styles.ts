import { css } from 'lit';

export const libraryStyles = css`
:host{background:var(--pk-asset-library-background,var(--_pk-surface))}
.w,label{display:grid;gap:var(--_pk-space)}
[part~=filters],[role=group]{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:end}
label{gap:.125em;font-size:.875em;font-weight:600}
.q{flex:1 1 14em}
input,select{font:inherit;font-weight:400;color:inherit;background:var(--_pk-surface);border:1px solid var(--_pk-border);border-radius:var(--_pk-radius);padding:.25em .5em}
[aria-pressed=true]{background:var(--_pk-primary);color:var(--_pk-on-primary)}
[aria-pressed=true]::before{content:"✓ " / ""}
.scroll{max-block-size:var(--pk-asset-library-height,36rem);overflow:auto}
ul{position:relative;margin:0;padding:0;list-style:none}
li{position:absolute;contain:strict;block-size:var(--h);inline-size:calc(100%/var(--c));inset-block-start:calc(var(--r)*var(--h));inset-inline-start:calc(100%/var(--c)*var(--k));padding:.25em}
.card{block-size:100%;display:grid;grid-template-columns:auto minmax(0,1fr) auto;gap:.25em .75em;align-items:center;padding:.5em .75em;border:1px solid var(--pk-asset-library-border-color,var(--_pk-border));border-radius:var(--_pk-radius);overflow:hidden}
.grid .card{grid-template-columns:minmax(0,1fr);align-items:start}
[part~=thumbnail]{inline-size:5.5em;block-size:3.5em;object-fit:cover;border-radius:var(--_pk-radius);background:var(--_pk-border)}
.grid [part~=thumbnail]{inline-size:100%;block-size:6em}
h3,.text p{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.grid h3{white-space:normal;block-size:3em}
h3,.text p,[part~=count]{unicode-bidi:plaintext}
.text p,[part~=count]{font-size:.875em}
.card>button{justify-self:start}
[part~=badge]{font-size:.8125em;font-weight:600;color:var(--_pk-success)}
`;
