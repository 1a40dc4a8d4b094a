// The windowed list of a large asset library: `<pk-asset-library>` loads this module the first
// time it holds more than some hundreds of assets (a smaller library is rendered whole). Only the
// visible rows, and the asset that takes Tab, are in the page.
import { render, type TemplateResult } from 'lit';
import type { Entry } from './library.js';

/** Rows rendered beyond each edge of the visible ones. */
const OVERSCAN = 3;

/** The layout of the list: row height in pixels, columns, rows in view. */
export interface Metrics {
  row: number;
  columns: number;
  rows: number;
}

/** Sets an item's place in the list: its index, the set's size, its row and column. */
const place = (li: HTMLElement, i: number, n: number, columns: number): void => {
  li.dataset.i = String(i);
  li.ariaSetSize = String(n);
  li.ariaPosInSet = String(i + 1);
  li.style.cssText = `--r:${Math.floor(i / columns)};--k:${i % columns}`;
};

export class Window {
  /** The rendered items, by asset id. */
  readonly #items = new Map<string, HTMLLIElement>();

  constructor(readonly host: HTMLElement) {}

  /**
   * Puts the visible items of `shown`, and item `active`, in `ul` (scrolled by `scroller`), each
   * rendered by `item`. Each asset keeps its element while it stays in view (focus stays on it);
   * elements are added and removed at the edges, the others are not moved. An element that leaves
   * (never the active asset's) is filled with another asset, cheaper than a new one.
   */
  paint(
    ul: HTMLElement,
    scroller: HTMLElement,
    shown: Entry[],
    { row, columns, rows }: Metrics,
    active: number,
    item: (entry: Entry, i: number) => TemplateResult,
  ): void {
    const n = shown.length;
    const first = Math.max(0, Math.floor(scroller.scrollTop / row) - OVERSCAN) * columns;
    const last = Math.min(n, first + (rows + 2 * OVERSCAN) * columns);
    const indices: number[] = [];
    if (active < first && active < n) indices.push(active);
    for (let i = first; i < last; i++) indices.push(i);
    if (active >= last && active < n) indices.push(active);
    const keep = new Set(indices.map((i) => shown[i]!.asset.id));
    const spare = new Set<Element>();
    for (const [id, li] of this.#items) {
      if (!keep.has(id)) {
        spare.add(li);
        this.#items.delete(id);
      }
    }
    let next = ul.firstElementChild;
    for (const i of indices) {
      const entry = shown[i]!;
      let li = this.#items.get(entry.asset.id);
      // Spare elements before one that stays go out of the way: the one that stays is never
      // moved (a move loses focus).
      while (li && next !== li && spare.has(next!)) {
        const gone = next!;
        next = gone.nextElementSibling;
        gone.remove();
      }
      if (!li) {
        // A spare element in its place is filled in place: nothing moves.
        li = (next && spare.has(next) ? next : spare.values().next().value) as HTMLLIElement | undefined;
        li ??= document.createElement('li');
        spare.delete(li);
        li.setAttribute('part', 'item');
        this.#items.set(entry.asset.id, li);
      }
      place(li, i, n, columns);
      render(item(entry, i), li, { host: this.host });
      if (li === next) next = li.nextElementSibling;
      else ul.insertBefore(li, next);
    }
    for (const li of spare) li.remove();
  }
}
