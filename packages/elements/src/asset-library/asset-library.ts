import type { Asset } from '@partnerkit/api';
import { html, nothing } from 'lit';
import { commonCatalog, PkElement } from '../internal/element.js';
import { language } from '../internal/format.js';
import { Catalog } from '../internal/i18n.js';
import { ListController } from '../internal/list.js';
import { choice } from '../internal/parts.js';
import { base } from '../internal/styles.js';
import { libraryStyles } from './asset-library.styles.js';
import type { CoBrand } from './cobrand/cobrand.js';
import { type Entry, type Filters, Index, type Sort } from './library.js';
import { save } from './save.js';
import en from './strings/en.js';
import type { Window } from './window.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

const SORTS: Sort[] = ['newest', 'title', 'popular'];
const VIEWS = ['grid', 'list'] as const;
/** Past this many assets the list is windowed (its module loads then): only what is in view is rendered. */
const WINDOW_FROM = 250;
/** Row heights and the narrowest grid column, in em of the list (as the styles draw them). */
const ROW = { list: 5.5, grid: 16 };
const COLUMN = 14;

/**
 * @tagname pk-asset-library
 * @summary The vendor's approved, unexpired marketing assets: search, filters (type, product,
 * language, audience), sort, grid or list, fast with thousands of assets; plain downloads, and
 * co-branding of templates with the partner's logo, name and contact, previewed live and
 * downloaded as SVG, PNG or the server's PDF. Every download is recorded for the vendor.
 *
 * @event pk-asset-downloaded - A file was handed to the browser; `detail` is `{ assetId, format, coBranded }`.
 * @event pk-error - A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`.
 *
 * @csspart filters - The search, filters, sort and view switch.
 * @csspart count - How many assets match.
 * @csspart list - The list of assets (only the visible ones are in the page).
 * @csspart item - One asset.
 * @csspart thumbnail - The picture of an asset.
 * @csspart badge - "Co-brandable", in text.
 * @csspart button - Every button.
 * @csspart status - The loading, empty and error states.
 * @csspart cobrand - The co-branding dialog of a template.
 * @csspart preview - The live preview of the co-branded template.
 *
 * @cssproperty --pk-asset-library-background - Background of the component.
 * @cssproperty --pk-asset-library-border-color - Border of each asset.
 * @cssproperty --pk-asset-library-height - The tallest the list grows before it scrolls (default `36rem`).
 */
export class PkAssetLibrary extends PkElement {
  static override styles = [base, libraryStyles];
  static override properties = {
    view: { reflect: true },
    sort: { reflect: true },
    searchDelay: { type: Number, attribute: 'search-delay' },
    filters: { state: true },
    said: { state: true },
    failed: { state: true },
  };

  /** `grid` (thumbnails in columns) or `list` (one asset a row). */
  view: 'grid' | 'list' = 'grid';
  /** The order: `newest`, `title` (by name) or `popular` (most downloaded first). */
  sort: Sort = 'newest';
  /** Milliseconds of quiet typing before the search applies (default 250). */
  searchDelay = 250;

  private filters: Filters = { type: '', product: '', language: '', audience: '' };
  /** The last announcement for screen readers. */
  private said = '';
  /** A download that failed, with its retry. */
  private failed?: { error: unknown; retry: () => void };

  #index = new Index('en');
  /** The vendor's products' names, by id. */
  #products = new Map<string, string>();
  #shown: Entry[] = [];
  /** The sort, filters and search of `#shown`. */
  #key = '';
  /** The list goes back to its top at the next paint (a new search, filter or order). */
  #top = false;
  /** The item that takes Tab (roving focus), by its index in `#shown`. */
  #active = 0;
  /** The windowed list, once the library is large (a smaller one is rendered whole). */
  #window?: Window;
  #windowing?: Promise<void>;
  #busy = new Set<string>();
  #cobrand?: CoBrand;
  #size = { width: 0, height: 0, em: 16 };
  #observer = new ResizeObserver(([entry]) => {
    const { width, height } = entry!.contentRect;
    if (width !== this.#size.width || height !== this.#size.height) {
      this.#size = { width, height, em: Number.parseFloat(getComputedStyle(entry!.target).fontSize) };
      // In the next frame: painting changes the sizes observed.
      requestAnimationFrame(() => this.requestUpdate());
    }
  });

  /** Every page of the library, one after the other, into the local index as each arrives. */
  readonly #list: ListController<Asset> = new ListController<Asset>(this, {
    operation: 'assets.list',
    page: async (cursor, signal) => {
      const { client } = this.portal!;
      if (!cursor) {
        this.#index = new Index(this.locale);
        const products = await client.products.list({ signal }).catch(() => []);
        this.#products = new Map(products.map((p) => [p.id, p.name]));
      }
      return client.assets.list({ limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
    },
    args: () => this.portal && [this.portal.client],
    loaded: (items, more) => {
      this.#index.add(items.slice(this.#index.all.length));
      if (items.length > WINDOW_FROM) this.#windowed();
      if (more) this.#list.next.run();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  protected override willUpdate(): void {
    // Bad input gets a clear message and a working library, not a failure.
    for (const [name, allowed] of [
      ['view', VIEWS],
      ['sort', SORTS],
    ] as const) {
      if (!(allowed as readonly string[]).includes(this[name])) {
        console.warn(
          `<pk-asset-library>: ${name} "${this[name]}" is not one of ${allowed}; using ${allowed[0]}.`,
        );
        (this as Record<string, unknown>)[name] = allowed[0];
      }
    }
    const { filters: f, sort } = this;
    const { search } = this.#list;
    const key = `${sort}\n${f.type}\n${f.product}\n${f.language}\n${f.audience}\n${search}`;
    if (key !== this.#key) {
      // A new question: the first answer takes Tab, the list starts at the top, the count is said.
      this.#key = key;
      this.#active = 0;
      this.said = '';
      this.#top = true;
    }
    this.#shown = this.#index.query(sort, f, search);
  }

  /** The metrics of the window: row height in pixels, columns, rows in view. */
  get #metrics() {
    const { width, height, em } = this.#size;
    const list = this.view === 'list';
    const row = ROW[this.view] * em;
    const columns = list ? 1 : Math.max(1, Math.floor(width / (COLUMN * em)));
    return { row, columns, rows: Math.ceil((height || 600) / row) + 1 };
  }

  /** Loads the windowed list (once; again at the next page if it could not be loaded). */
  #windowed(): void {
    this.#windowing ??= import('./window.js').then(
      ({ Window }) => {
        this.#window = new Window(this);
        this.requestUpdate();
      },
      () => {
        this.#windowing = undefined;
      },
    );
  }

  /**
   * After each render: back to the top after a new question, and the visible items of a windowed
   * list put in the page (on scrolling too).
   */
  #paint(): void {
    const ul = this.renderRoot.querySelector('ul');
    const scroller = ul?.parentElement;
    if (!ul || !scroller) return;
    // Set when painting, where the layout is needed anyway (setting it earlier forces one more).
    if (this.#top) scroller.scrollTop = 0;
    this.#top = false;
    this.#window?.paint(ul, scroller, this.#shown, this.#metrics, this.#active, (e, i) =>
      this.#item(e.asset, i),
    );
  }

  /** Shows a change of the items: painted again in a windowed list, rendered again otherwise. */
  #repaint(): void {
    if (this.#window) this.#paint();
    else this.requestUpdate();
  }

  #item(a: Asset, i: number) {
    const t = this.strings(catalog);
    const busy = this.#busy.has(a.id);
    return html`<div class="card"><img part="thumbnail" src=${a.thumbnailUrl || nothing} alt="" loading="lazy">
<div class="text"><h3 id="t${i}">${a.title}</h3>
<p class="muted">${a.coBrandable ? html`<span part="badge">${t.coBrandable}</span> · ` : ''}${t.types[a.type] ?? a.type} · ${a.format.toUpperCase()} · ${language(this.locale, a.language)}</p>
</div>
<button part="button" class=${a.coBrandable ? 'primary' : ''} type="button" tabindex=${i === this.#active ? 0 : -1} aria-describedby="t${i}" aria-disabled=${busy} @click=${() => this.#take(a)}>${busy ? t.preparing : a.coBrandable ? t.coBrand : t.download}</button></div>`;
  }

  /** Arrow keys, Home, End, Page Up and Page Down move between the items. */
  #keydown(e: KeyboardEvent): void {
    const { columns, rows } = this.#metrics;
    const ahead = this.matches(':dir(rtl)') ? -1 : 1;
    const step: Record<string, number> = {
      ArrowDown: columns,
      ArrowUp: -columns,
      ArrowRight: ahead,
      ArrowLeft: -ahead,
      PageDown: rows * columns,
      PageUp: -rows * columns,
      Home: -1e9,
      End: 1e9,
    };
    const by = step[e.key];
    if (by === undefined || !this.#shown.length) return;
    e.preventDefault();
    this.#focus(Math.min(this.#shown.length - 1, Math.max(0, this.#active + by)));
  }

  /** Moves the roving focus to item `i`: rendered first, then focused (which scrolls it into view). */
  #focus(i: number): void {
    this.#active = i;
    this.#repaint();
    this.renderRoot.querySelector<HTMLElement>(`li[data-i="${i}"] button`)?.focus();
  }

  #focused(e: FocusEvent): void {
    this.#active = Number((e.target as HTMLElement).closest('li')!.dataset.i);
    this.#repaint();
  }

  /** A plain asset is downloaded; a template opens its co-branding. */
  async #take(asset: Asset): Promise<void> {
    if (this.#busy.has(asset.id)) return;
    this.#busy.add(asset.id);
    this.failed = undefined;
    this.#repaint();
    try {
      if (asset.coBrandable) {
        const { CoBrand } = await import('./cobrand/cobrand.js');
        // The dialog returns focus to this asset's button when it closes.
        this.#cobrand = new CoBrand(this, this.portal!, asset);
      } else {
        const d = await this.portal!.client.assets.download(asset.id, { coBrand: false });
        save(d.url, d.fileName);
        this.said = this.strings(catalog).downloaded(asset.title);
        this.emit('pk-asset-downloaded', { assetId: asset.id, format: d.format, coBranded: false });
      }
    } catch (error) {
      this.failed = {
        error: this.fail(error, 'assets.download'),
        retry: () => this.#take(asset),
      };
    } finally {
      this.#busy.delete(asset.id);
      this.requestUpdate();
    }
  }

  protected override updated(): void {
    const scroller = this.renderRoot.querySelector('.scroll');
    if (scroller) this.#observer.observe(scroller);
    this.#paint();
  }

  #select(
    key: keyof Filters,
    label: string,
    all: string,
    values: Iterable<string>,
    name: (v: string) => string,
  ) {
    const options = [...values]
      .map((v) => [v, name(v)] as const)
      .sort((a, b) => a[1].localeCompare(b[1], this.locale));
    return choice(label, [['', all], ...options], this.filters[key] ?? '', (v) => {
      this.filters = { ...this.filters, [key]: v };
    });
  }

  protected override render() {
    const t = this.strings(catalog);
    const c = this.strings(commonCatalog);
    const list = this.#list;
    const index = this.#index;
    const loaded = index.all.length;
    const n = this.#shown.length;
    const failed = list.first.status === 3 ? list.first : list.next.status === 3 ? list.next : undefined;
    const done = !list.more && list.first.status === 2;
    // toLocaleString keeps its formatter; `format.number` makes one a call (slow, per keystroke).
    const count = `${t.count(n.toLocaleString(this.locale), loaded.toLocaleString(this.locale))}${failed || done ? '' : ` · ${c.loadingMore}`}`;
    let body: unknown;
    if (!loaded) {
      body = failed
        ? this.failure(failed.error, () => failed.run())
        : done
          ? html`<p part="status empty">${t.empty}</p>`
          : this.loading(c.loading);
    } else {
      const products = this.#products;
      const { row, columns } = this.#metrics;
      body = html`<div part="filters" role="search">
<label class="q">${t.search}<input type="search" @input=${(e: Event) => this.#list.setSearch((e.target as HTMLInputElement).value, this.searchDelay)}></label>
${this.#select('type', t.type, t.allTypes, index.types, (v) => t.types[v] ?? v)}
${products.size ? this.#select('product', t.product, t.allProducts, products.keys(), (v) => products.get(v)!) : ''}
${this.#select('language', t.language, t.allLanguages, index.languages, (v) => language(this.locale, v))}
${this.#select('audience', t.audience, t.allAudiences, index.audiences, (v) => t.audiences[v] ?? v)}
${choice(
  t.sort,
  SORTS.map((s) => [s, t.sorts[s]]),
  this.sort,
  (v) => (this.sort = v as Sort),
)}
<div role="group" aria-label=${t.view}>${VIEWS.map((v) => html`<button part="button" type="button" aria-pressed=${this.view === v} @click=${() => (this.view = v)}>${t[v]}</button>`)}</div></div>
<p part="count" class="muted">${count}</p>
${failed ? this.failure(failed.error, () => failed.run()) : ''}
${this.failed ? this.failure(this.failed.error, this.failed.retry) : ''}
${n ? '' : html`<p part="status empty">${t.none}</p>`}
<div class="scroll" ?hidden=${!n} @scroll=${this.#paint}><ul part="list" class=${this.view} role="list" aria-label=${t.assets} .style=${`--h:${row}px;--c:${columns};block-size:${Math.ceil(n / columns) * row}px`} @keydown=${this.#keydown} @focusin=${this.#focused}>${
        this.#window
          ? ''
          : this.#shown.map(
              (e, i) =>
                html`<li part="item" data-i=${i} aria-setsize=${n} aria-posinset=${i + 1} .style=${`--r:${Math.floor(i / columns)};--k:${i % columns}`}>${this.#item(e.asset, i)}</li>`,
            )
      }</ul></div>`;
    }
    return html`<div class="w">${body}${this.#cobrand?.render()}${this.live(this.said || (done ? count : ''))}</div>`;
  }
}
