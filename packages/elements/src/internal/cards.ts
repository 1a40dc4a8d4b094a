import { css } from 'lit';

/**
 * Lists of cards, shared by the components that show them: a filter bar, the cards (`.card`, its
 * border `--_pk-card-border`, which each component takes from its own hook), a title row and a row
 * of actions, and a badge that says a status in words and a symbol, never colour alone. A badge's
 * `data-tone` gives the symbol and colour: `ok` (done, valid), `on` (under way), `off` (not
 * started, lapsed), `warn` (needs attention soon), `bad` (refused, expired); none is neutral. And
 * a status history (`part="history"`).
 */
export const cards = css`
[part~=filter]{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:center}
select,input{max-inline-size:100%;font:inherit;color:inherit;background:var(--_pk-surface);border:1px solid var(--_pk-border);border-radius:var(--_pk-radius);padding:calc(var(--_pk-space)/4) calc(var(--_pk-space)/2)}
ul,ol{margin:0;padding:0;list-style:none}
ul{display:grid;gap:calc(var(--_pk-space)/2)}
.card{display:grid;gap:calc(var(--_pk-space)/4);padding:var(--_pk-space);border:1px solid var(--_pk-card-border,var(--_pk-border));border-radius:var(--_pk-radius)}
.top,.actions{display:flex;flex-wrap:wrap;gap:calc(var(--_pk-space)/2);align-items:center;justify-content:space-between}
.actions{justify-content:start}
h3{font-size:1em;overflow-wrap:anywhere}
[part~=badge]{font-size:.875em;font-weight:600;padding:0 .5em;border-radius:1em;border:1px solid currentColor;white-space:nowrap}
[part~=badge]::before{content:"● " / ""}
[data-tone=ok]{color:var(--_pk-success)}
[data-tone=ok]::before{content:"✓ " / ""}
[data-tone=on]{color:var(--_pk-primary)}
[data-tone=on]::before{content:"◐ " / ""}
[data-tone=off]{color:var(--_pk-muted)}
[data-tone=off]::before{content:"○ " / ""}
[data-tone=warn]{color:var(--_pk-warning)}
[data-tone=warn]::before{content:"! " / ""}
[data-tone=bad]{color:var(--_pk-danger)}
[data-tone=bad]::before{content:"✕ " / ""}
[part~=history]{border-inline-start:2px solid var(--_pk-border);padding-inline-start:calc(var(--_pk-space)/2)}
`;
