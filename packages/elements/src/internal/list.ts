import type { Page } from '@partnerkit/sdk';
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { commonCatalog, type PkElement } from './element.js';
import { Load } from './load.js';

export interface ListOptions<T> {
  /** The SDK call, as `pk-error` names it (`deals.list`). */
  operation: string;
  /** One page of the list: the first without a cursor, then each at the cursor of the one before. */
  page(cursor: string | undefined, signal: AbortSignal): Promise<Page<T>>;
  /**
   * What the list depends on (the client, the server-side filters): it loads afresh when one of
   * them changes, and waits while this is `undefined`.
   */
  args(): unknown[] | undefined;
  /** After each page that arrived (to announce it). */
  loaded?(items: T[], more: boolean): void;
}

/** What `render()` shows in each state of the list. */
export interface ListViews<T> {
  /** The label of the loading state. */
  loading: string;
  /** Nothing to show (nothing loaded, or nothing that matches the search and filters). */
  empty(): unknown;
  /** The items shown, when there are some (the "Show more" button follows on its own). */
  items(items: T[]): unknown;
}

/**
 * A cursor-paged list of a component: the first page when the component has what it needs (and
 * again when a server-side filter changes: the older load is aborted and its outcome dropped),
 * the next page on "Show more" (a failed one is retried at the same cursor), the loading, empty
 * and error states each with a retry, a search that waits for a pause in the typing, and a local
 * filter over what has been loaded.
 */
export class ListController<T> implements ReactiveController {
  /** Every item loaded so far, in the server's order. */
  items: T[] = [];
  /** Whether the server has more than what is loaded. */
  more = false;
  /** The search text in use (after the pause in typing). */
  search = '';
  /** The first page: its status is the list's (0 idle, 1 loading, 2 done, 3 failed). */
  readonly first: Load<void>;
  /** The next page, on "Show more". */
  readonly next: Load<void>;

  readonly #host: PkElement;
  readonly #options: ListOptions<T>;
  /** The cursor of the next page; a failed page is asked for again at the same cursor. */
  #cursor?: string;
  /** The load the pages belong to: a page of an older one (the filter changed) is dropped. */
  #signal?: AbortSignal;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: PkElement, options: ListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.first = new Load(
      host,
      async (signal) => {
        this.#signal = signal;
        this.#cursor = undefined;
        await this.#pull(true);
      },
      options.args,
    );
    this.next = new Load(host, () => this.#pull(false));
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The next page; `first` starts the list afresh. */
  async #pull(first: boolean): Promise<void> {
    const signal = this.#signal!;
    let page: Page<T>;
    try {
      page = await this.#options.page(first ? undefined : this.#cursor, signal);
    } catch (error) {
      throw this.#host.fail(error, this.#options.operation);
    }
    if (signal !== this.#signal) return;
    // A cursor the server gave before would loop: the list ends there.
    this.more = !!page.nextCursor && page.nextCursor !== this.#cursor;
    this.#cursor = page.nextCursor ?? undefined;
    this.items = first ? page.items : [...this.items, ...page.items];
    this.#options.loaded?.(this.items, this.more);
  }

  /** Loads the list afresh (after a change elsewhere on the page). */
  refresh(): void {
    this.first.run();
  }

  /** Puts `item` in place of the loaded one it matches. */
  replace(item: T, same: (a: T, b: T) => boolean): void {
    this.items = this.items.map((x) => (same(x, item) ? item : x));
    this.#host.requestUpdate();
  }

  /** Takes `text` as the search once the partner has paused typing for `delay` milliseconds. */
  setSearch(text: string, delay = 300): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.search = text.trim();
      this.#host.requestUpdate();
    }, delay);
  }

  /**
   * The list in its current state: loading, failed (with a retry), empty, or the items that pass
   * `match` with "Show more" and its own failure below them.
   */
  render(views: ListViews<T>, match?: (item: T) => boolean): TemplateResult {
    const host = this.#host;
    const { first, next } = this;
    if (first.status === 3) return host.failure(first.error, () => first.run());
    if (first.status !== 2) return host.loading(views.loading);
    const shown = match ? this.items.filter(match) : this.items;
    const t = host.strings(commonCatalog);
    const busy = next.status === 1;
    return html`${shown.length ? views.items(shown) : views.empty()}
${next.status === 3 ? host.failure(next.error, () => next.run()) : ''}
${this.more ? html`<div><button part="button more" type="button" aria-disabled=${busy} @click=${() => busy || next.run()}>${busy ? t.loadingMore : t.more}</button></div>` : ''}`;
  }
}
