// The page bench/render/run.mjs drives: the asset library over the mock API (the real SDK,
// production Lit), and beside it a plain list of the same assets rendered with Lit's `repeat`,
// with no windowing, to compare against. Each figure is measured in the page with
// `performance.now()`: until the rows are in the page and laid out.
// The built package, as a vendor's page imports it (run.mjs builds it first).
import '@partnerkit/elements/define/pk-portal';
import '@partnerkit/elements/define/pk-asset-library';
import type { Asset } from '@partnerkit/api';
import type { PkAssetLibrary } from '@partnerkit/elements';
import { createPartnerkitClient } from '@partnerkit/sdk';
import { html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { createMockApi, MOCK_BASE_URL, makeAssets } from '../../packages/elements/test/mock-api.js';

/** The plain list: every asset that matches, all of them in the page. */
class PlainList extends LitElement {
  static override properties = { assets: { attribute: false }, q: {} };
  declare assets: Asset[];
  declare q: string;
  constructor() {
    super();
    this.assets = [];
    this.q = '';
  }
  protected override createRenderRoot() {
    return this;
  }
  protected override render() {
    const q = this.q.toLowerCase();
    const shown = q
      ? this.assets.filter((a) => `${a.title} ${a.tags.join(' ')} ${a.description}`.toLowerCase().includes(q))
      : this.assets;
    return html`<p>${shown.length} of ${this.assets.length} assets</p><ul>${repeat(
      shown,
      (a) => a.id,
      (a) =>
        html`<li><img src=${a.thumbnailUrl ?? ''} alt="" loading="lazy" width="88" height="55"><h3>${a.title}</h3><p>${a.type} · ${a.format} · ${a.language}</p><button type="button">Download</button></li>`,
    )}</ul>`;
  }
}
customElements.define('plain-list', PlainList);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const settle = (el: Element) => el.getBoundingClientRect().height;
const stage = document.getElementById('stage')!;

/** The searches typed, one letter at a time, then deleted letter by letter. */
function keystrokes(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    for (let i = 1; i <= word.length; i++) out.push(word.slice(0, i));
    for (let i = word.length - 1; i >= 0; i--) out.push(word.slice(0, i));
  }
  return out;
}

export interface Figures {
  firstRender: number;
  allLoaded: number;
  /** The time of each keystroke, one list per round of the same searches. */
  rounds: number[][];
  inPage: number;
}

/** A first round, not counted (the code's first runs), then `rounds` rounds of `typed`. */
async function rounds(typed: string[], count: number, stroke: (q: string) => Promise<number>) {
  for (const q of typed.slice(0, 12)) await stroke(q);
  const out: number[][] = [];
  for (let r = 0; r < count; r++) {
    const times: number[] = [];
    for (const q of typed) times.push(await stroke(q));
    out.push(times);
  }
  return out;
}

async function library(n: number, typed: string[], count: number): Promise<Figures> {
  stage.replaceChildren();
  const api = createMockApi({ assets: makeAssets(n) });
  const portal = document.createElement('pk-portal');
  portal.client = createPartnerkitClient({
    baseUrl: MOCK_BASE_URL,
    token: 'bench',
    fetch: api.fetch,
    retry: false,
  });
  const el = document.createElement('pk-asset-library') as PkAssetLibrary;
  el.searchDelay = 0;
  el.view = 'list';
  portal.append(el);
  const start = performance.now();
  stage.append(portal);
  const root = () => el.shadowRoot!;
  let firstRender = 0;
  while (!root()?.querySelector('li')) await new Promise((r) => setTimeout(r, 0));
  settle(el);
  firstRender = performance.now() - start;
  const counted = () => root().querySelector('[part~=count]')?.textContent ?? '';
  while (counted().includes('…')) await new Promise((r) => setTimeout(r, 5));
  await el.updateComplete;
  settle(el);
  const allLoaded = performance.now() - start;
  await frame();
  const input = root().querySelector('input')!;
  const measured = await rounds(typed, count, async (q) => {
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    // The search applies after its (zero) pause; then the component renders the visible rows.
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    settle(root().querySelector('ul')!);
    const t = performance.now() - t0;
    await frame();
    return t;
  });
  return { firstRender, allLoaded, rounds: measured, inPage: root().querySelectorAll('li').length };
}

async function plain(n: number, typed: string[], count: number): Promise<Figures> {
  stage.replaceChildren();
  const assets = makeAssets(n);
  const el = document.createElement('plain-list') as PlainList;
  const start = performance.now();
  el.assets = assets;
  stage.append(el);
  await el.updateComplete;
  settle(el);
  const firstRender = performance.now() - start;
  await frame();
  const measured = await rounds(typed, count, async (q) => {
    const t0 = performance.now();
    el.q = q;
    await el.updateComplete;
    settle(el);
    const t = performance.now() - t0;
    await frame();
    return t;
  });
  return { firstRender, allLoaded: firstRender, rounds: measured, inPage: el.querySelectorAll('li').length };
}

declare global {
  interface Window {
    bench(kind: 'library' | 'plain', n: number, strokes: number, rounds: number): Promise<Figures>;
  }
}

window.bench = (kind, n, strokes, count) => {
  const typed = keystrokes(['shield', 'data lake', 'brochure', 'retail 2', 'zz']).slice(0, strokes);
  return kind === 'library' ? library(n, typed, count) : plain(n, typed, count);
};
