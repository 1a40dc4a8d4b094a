import '../define/pk-portal.js';
import '../define/pk-asset-library.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { PkAssetDownloadedDetail } from '@partnerkit/elements';
import { sendKeys } from '@web/test-runner-commands';
import { mount, pause, savedFiles, text } from '../../test/helpers.js';
import { type MockAsset, makeAssets } from '../../test/mock-api.js';
import type { PkAssetLibrary } from './asset-library.js';

const NOW = Date.parse('2026-11-10T10:00:00Z');
const library = html`<pk-asset-library search-delay="30"></pk-asset-library>`;
const root = (el: PkAssetLibrary) => el.shadowRoot!;
const items = (el: PkAssetLibrary) => [...root(el).querySelectorAll<HTMLLIElement>('li[part~=item]')];
/** The titles in view, in their order on screen. */
const titles = (el: PkAssetLibrary) =>
  items(el)
    .sort((a, b) => Number(a.dataset.i) - Number(b.dataset.i))
    .map((li) => text(li.querySelector('h3')));
const count = (el: PkAssetLibrary) => text(root(el).querySelector('[part~=count]'));
/** Waits until all `n` assets are loaded (the count no longer says it is loading). */
const loaded = (el: PkAssetLibrary, n: number, locale = 'en') =>
  waitUntil(
    () =>
      !count(el).includes('…') && count(el).includes(` ${n.toLocaleString(locale)} `) && items(el).length > 0,
    `the library did not load ${n} assets (${count(el)})`,
    { timeout: 15000 },
  );
const select = (el: PkAssetLibrary, label: string) =>
  [...root(el).querySelectorAll('label')].find((l) => text(l).startsWith(label))!.querySelector('select')!;
const choose = async (el: PkAssetLibrary, label: string, value: string) => {
  const s = select(el, label);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
};
const search = (el: PkAssetLibrary) => root(el).querySelector<HTMLInputElement>('input[type=search]')!;
const type = async (el: PkAssetLibrary, q: string) => {
  const input = search(el);
  input.value = q;
  input.dispatchEvent(new Event('input'));
};
const button = (el: Element | ShadowRoot, label: RegExp | string) =>
  [...el.querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  )!;
const focused = (el: PkAssetLibrary) => root(el).activeElement as HTMLElement | null;
const focusedItem = (el: PkAssetLibrary) => focused(el)?.closest('li');

/** The files handed to the browser (the link clicked), instead of saving them. */
const saved = savedFiles();

const asset = (id: string, over: Partial<MockAsset> = {}): MockAsset => ({
  ...makeAssets(1, NOW)[0]!,
  template: null,
  coBrandable: false,
  id,
  ...over,
});

describe('<pk-asset-library>: states', () => {
  it('shows a labelled loading state', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { latency: 'never' });
    await waitUntil(() => root(el).querySelector('[part~=loading]'));
    expect(text(root(el).querySelector('[part~=loading]'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const { el, api } = await mount<PkAssetLibrary>(library, {
      assets: 5,
      fail: { listAssets: { kind: 'server', times: 1 } },
    });
    await waitUntil(() => root(el).querySelector('[part~=error]'));
    expect(text(root(el).querySelector('[part~=error]'))).to.contain('Something went wrong on our side.');
    await expect(el).to.be.accessible();
    button(root(el), 'Try again').click();
    await loaded(el, 5);
    expect(api.callsOf('listAssets')).to.have.length(2);
  });

  it('keeps what it loaded when a later page fails, and retries that page at its cursor', async () => {
    const { el, api } = await mount<PkAssetLibrary>(library, {
      assets: 250,
      fail: { listAssets: { kind: 'network', after: 1, times: 1 } },
    });
    await waitUntil(() => root(el).querySelector('[part~=error]'), 'no error', { timeout: 5000 });
    expect(count(el)).to.equal('100 of 100 assets');
    expect(items(el).length).to.be.greaterThan(0);
    expect(text(root(el).querySelector('[part~=error]'))).to.contain('The server could not be reached.');
    await expect(el).to.be.accessible();
    button(root(el), 'Try again').click();
    await loaded(el, 250);
    expect(api.callsOf('listAssets').map((c) => c.query.get('cursor'))).to.deep.equal([
      null,
      '100',
      '100',
      '200',
    ]);
  });

  it('says so when the library is empty', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: [] });
    await waitUntil(() => root(el).querySelector('[part~=empty]'));
    expect(text(root(el).querySelector('[part~=empty]'))).to.equal('The library has no assets for you yet.');
    await expect(el).to.be.accessible();
  });

  it('offers only what the server offers: approved, published, unexpired', async () => {
    const { el } = await mount<PkAssetLibrary>(library, {
      now: NOW,
      assets: [
        asset('ast_ok', { title: 'Offered' }),
        asset('ast_draft', { title: 'Draft', approvalStatus: 'draft' }),
        asset('ast_expired', { title: 'Expired', expiresAt: new Date(NOW - 1000).toISOString() }),
        asset('ast_later', { title: 'Scheduled', publishedAt: new Date(NOW + 86_400_000).toISOString() }),
      ],
    });
    await loaded(el, 1);
    expect(titles(el)).to.deep.equal(['Offered']);
  });
});

describe('<pk-asset-library>: search, filters, sorts, views', () => {
  it('searches after a pause in typing, locally, and says how many match', async () => {
    const { el, api } = await mount<PkAssetLibrary>(library, { assets: 300, now: NOW });
    await loaded(el, 300);
    const calls = api.calls.length;
    await type(el, 'shie');
    await el.updateComplete;
    // Not yet: the partner may still be typing.
    expect(count(el)).to.equal('300 of 300 assets');
    await type(el, 'shield');
    await waitUntil(() => count(el) !== '300 of 300 assets');
    const expected = makeAssets(300, NOW).filter((a) =>
      /\bshield/i.test(`${a.title} ${a.tags} ${a.description}`),
    );
    expect(count(el)).to.equal(`${expected.length} of 300 assets`);
    expect(titles(el).every((t) => /shield/i.test(t))).to.equal(true);
    expect(api.calls.length).to.equal(calls, 'no request for a search');
    expect(text(root(el).querySelector('[role=status]'))).to.equal(count(el));
    await type(el, 'zzzz');
    await waitUntil(() => root(el).querySelector('[part~=empty]'));
    expect(text(root(el).querySelector('[part~=empty]'))).to.equal(
      'No asset matches your search and filters.',
    );
    await expect(el).to.be.accessible();
  });

  it('filters by type, product, language and audience, together', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 400, now: NOW });
    await loaded(el, 400);
    // Each filter is a select named by its label; none carries an empty id.
    expect(root(el).querySelectorAll('select')).to.have.length(5);
    expect(root(el).querySelectorAll('[id=""]')).to.have.length(0);
    const all = makeAssets(400, NOW);
    expect([...select(el, 'Product').options].map((o) => o.text)).to.deep.equal([
      'All products',
      'Acme Analytics',
      'Acme Flow',
      'Acme Shield',
      'Acme Warehouse',
    ]);
    expect([...select(el, 'Language').options].map((o) => o.text)).to.include.members([
      'German',
      'British English',
    ]);
    await choose(el, 'Type', 'brochure');
    expect(count(el)).to.equal(`${all.filter((a) => a.type === 'brochure').length} of 400 assets`);
    const one = all.find((a) => a.type === 'brochure' && a.language === 'de')!;
    await choose(el, 'Product', one.products[0]!);
    await choose(el, 'Language', 'de');
    await choose(el, 'Audience', one.audience);
    const expected = all.filter(
      (a) =>
        a.type === 'brochure' &&
        a.products.includes(one.products[0]!) &&
        a.language === 'de' &&
        a.audience === one.audience,
    );
    expect(count(el)).to.equal(`${expected.length} of 400 assets`);
    expect(titles(el)).to.have.members(expected.map((a) => a.title));
    await choose(el, 'Type', '');
    expect(Number(count(el).split(' ')[0])).to.be.greaterThan(expected.length);
    await expect(el).to.be.accessible();
  });

  it('sorts by newest, name and most used', async () => {
    const assets = [
      asset('a1', { title: 'Beta deck', publishedAt: '2026-01-03T00:00:00Z', downloadCount: 5 }),
      asset('a2', { title: 'alpha brief', publishedAt: '2026-01-01T00:00:00Z', downloadCount: 50 }),
      asset('a3', { title: 'Gamma sheet 10', publishedAt: '2026-01-02T00:00:00Z', downloadCount: 7 }),
      asset('a4', { title: 'Gamma sheet 9', publishedAt: '2025-12-01T00:00:00Z', downloadCount: 7 }),
    ];
    const { el } = await mount<PkAssetLibrary>(library, { assets, now: NOW });
    await loaded(el, 4);
    expect(titles(el)).to.deep.equal(['Beta deck', 'Gamma sheet 10', 'alpha brief', 'Gamma sheet 9']);
    await choose(el, 'Sort by', 'title');
    expect(el.sort).to.equal('title');
    expect(titles(el)).to.deep.equal(['alpha brief', 'Beta deck', 'Gamma sheet 9', 'Gamma sheet 10']);
    el.sort = 'popular';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['alpha brief', 'Gamma sheet 9', 'Gamma sheet 10', 'Beta deck']);
    expect(select(el, 'Sort by').value).to.equal('popular');
  });

  it('shows a grid or a list, switched by buttons that say which is on', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 40, now: NOW });
    el.style.width = '1000px';
    await loaded(el, 40);
    await pause(50);
    const rowsOf = () => new Set(items(el).map((li) => Math.round(li.getBoundingClientRect().top))).size;
    const grid = button(root(el), /Grid/);
    const list = button(root(el), /List/);
    expect(grid.getAttribute('aria-pressed')).to.equal('true');
    expect(items(el)[0]!.getBoundingClientRect().width).to.be.lessThan(500);
    expect(rowsOf()).to.be.lessThan(items(el).length);
    list.click();
    await el.updateComplete;
    expect(el.view).to.equal('list');
    expect(el.getAttribute('view')).to.equal('list');
    expect(list.getAttribute('aria-pressed')).to.equal('true');
    expect(rowsOf()).to.equal(items(el).length, 'one asset a row');
    expect(items(el)[0]!.getBoundingClientRect().width).to.be.greaterThan(900);
    await expect(el).to.be.accessible();
  });

  it('warns about bad attribute values and uses working defaults', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { el } = await mount<PkAssetLibrary>(
        html`<pk-asset-library view="table" sort="cheapest"></pk-asset-library>`,
        {
          assets: 3,
        },
      );
      await loaded(el, 3);
      expect([el.view, el.sort]).to.deep.equal(['grid', 'newest']);
      expect(warnings).to.include('<pk-asset-library>: view "table" is not one of grid,list; using grid.');
      expect(warnings.some((w) => w.includes('sort "cheapest"'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});

describe('<pk-asset-library>: thousands of assets', () => {
  it('puts only the visible assets in the page at 10,000, as a list that says its size and positions', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 10_000, now: NOW });
    await loaded(el, 10_000);
    const ul = root(el).querySelector('ul')!;
    expect(ul.getAttribute('role')).to.equal('list');
    expect(items(el).length).to.be.within(4, 120);
    expect(items(el).every((li) => li.getAttribute('aria-setsize') === '10000')).to.equal(true);
    expect(items(el)[0]!.getAttribute('aria-posinset')).to.equal('1');
    expect(items(el)[0]!.querySelectorAll('img[loading=lazy]')).to.have.length(1);
    // Scrolled to the middle: what is there is what is in view, and no more.
    const scroller = ul.parentElement!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await waitUntil(() => items(el).some((li) => Number(li.dataset.i) > 4000));
    expect(items(el).length).to.be.within(4, 121);
    const box = scroller.getBoundingClientRect();
    const visible = items(el).filter((li) => {
      const r = li.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
    expect(visible.length).to.be.greaterThan(0);
    for (const li of visible)
      expect(li.getAttribute('aria-posinset')).to.equal(String(Number(li.dataset.i) + 1));
    await expect(el).to.be.accessible();
  });

  it('puts every asset of a library of some hundreds in the page, in order, with its position', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 200, now: NOW });
    await loaded(el, 200);
    await pause(50);
    const all = items(el);
    expect(all).to.have.length(200);
    expect(all.map((li) => li.dataset.i)).to.deep.equal(all.map((_, i) => String(i)));
    expect(all[199]!.getAttribute('aria-posinset')).to.equal('200');
    expect(all[199]!.getAttribute('aria-setsize')).to.equal('200');
    // A search narrows what is in the page to what matches.
    const title = titles(el)[7]!;
    await type(el, title);
    await waitUntil(() => items(el).length < 200 && titles(el).includes(title));
    expect(count(el)).to.equal(`${items(el).length} of 200 assets`);
  });

  it('moves through 10,000 by keyboard, focus kept on the asset as rows are reused', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 10_000, now: NOW });
    await loaded(el, 10_000);
    el.view = 'list';
    await el.updateComplete;
    search(el).focus();
    // Through the filters to the list: the first asset takes Tab, the others do not.
    for (let i = 0; i < 8 && !focusedItem(el); i++) await sendKeys({ press: 'Tab' });
    expect(focusedItem(el)?.getAttribute('aria-posinset')).to.equal('1');
    expect(items(el).filter((li) => li.querySelector('button')!.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedItem(el)?.getAttribute('aria-posinset')).to.equal('2');
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedItem(el)?.getAttribute('aria-posinset') === '10000');
    expect(items(el).length).to.be.lessThan(121);
    await sendKeys({ press: 'PageUp' });
    const up = Number(focusedItem(el)?.getAttribute('aria-posinset'));
    expect(up).to.be.lessThan(10_000).and.greaterThan(9_980);
    await sendKeys({ press: 'Home' });
    expect(focusedItem(el)?.getAttribute('aria-posinset')).to.equal('1');
    const top = focused(el)!;
    // Scrolled away with the mouse: the focused asset stays in the page, and focused.
    const scroller = root(el).querySelector('.scroll')!;
    scroller.scrollTop = 100_000;
    await waitUntil(() => items(el).some((li) => Number(li.dataset.i) > 1000));
    await pause(50);
    expect(focused(el)).to.equal(top);
    expect(top.isConnected).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedItem(el)?.getAttribute('aria-posinset')).to.equal('2');
    // Items that stay in view keep their element while the list scrolls by a row.
    scroller.scrollTop = 0;
    await waitUntil(() => items(el).some((li) => li.dataset.i === '0'));
    const second = items(el).find((li) => li.dataset.i === '5')!;
    scroller.scrollTop += 80;
    await pause(50);
    expect(items(el).find((li) => li.dataset.i === '5')).to.equal(second);
  });

  it('moves by columns in the grid, mirrored right to left', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 60, now: NOW, dir: 'rtl' });
    el.style.width = '1000px';
    await loaded(el, 60);
    await pause(50);
    const columns = new Set(items(el).map((li) => Math.round(li.getBoundingClientRect().left))).size;
    expect(columns).to.be.greaterThan(1);
    items(el)
      .find((li) => li.dataset.i === '0')!
      .querySelector('button')!
      .focus();
    const first = items(el)
      .find((li) => li.dataset.i === '0')!
      .getBoundingClientRect();
    const second = items(el)
      .find((li) => li.dataset.i === '1')!
      .getBoundingClientRect();
    expect(second.left).to.be.lessThan(first.left, 'the second asset is to the left of the first');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedItem(el)?.dataset.i).to.equal('1');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedItem(el)?.dataset.i).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedItem(el)?.dataset.i).to.equal(String(columns));
    await expect(el).to.be.accessible();
  });
});

describe('<pk-asset-library>: downloads', () => {
  // The mock makes its PDFs with pdf-lib, loaded the first time one is asked for.
  before(() => import('pdf-lib/dist/pdf-lib.esm.js'));
  it('records a plain download once, hands its link to the browser and says so', async () => {
    const assets = [
      asset('ast_plain', { title: 'Shield datasheet', format: 'pdf', type: 'datasheet', downloadCount: 3 }),
    ];
    const { el, api } = await mount<PkAssetLibrary>(library, {
      assets,
      now: NOW,
      latency: { createAssetDownload: 50 },
    });
    await loaded(el, 1);
    const events: PkAssetDownloadedDetail[] = [];
    el.addEventListener('pk-asset-downloaded', (e) => events.push(e.detail));
    const download = button(items(el)[0]!, 'Download');
    download.click();
    download.click();
    await el.updateComplete;
    expect(text(button(items(el)[0]!, /Preparing/))).to.equal('Preparing…');
    await waitUntil(() => events.length === 1, 'no download', { timeout: 8000 });
    await pause(80);
    expect(api.callsOf('createAssetDownload')).to.have.length(1);
    expect(api.callsOf('createAssetDownload')[0]!.body).to.deep.equal({ coBrand: false });
    expect(api.state.downloads).to.have.length(1);
    expect(api.state.assets[0]!.downloadCount).to.equal(4);
    expect(events).to.deep.equal([{ assetId: 'ast_plain', format: 'pdf', coBranded: false }]);
    expect(saved).to.have.length(1);
    expect(saved[0]!.name).to.equal('shield-datasheet.pdf');
    const bytes = new Uint8Array(await (await fetch(saved[0]!.href)).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
    expect(text(root(el).querySelector('[role=status]'))).to.equal('Shield datasheet: download started.');
    expect(text(button(items(el)[0]!, 'Download'))).to.equal('Download');
  });

  it('shows a failed download with a retry, and records it once when it works', async () => {
    const { el, api } = await mount<PkAssetLibrary>(library, {
      assets: [asset('ast_1', { title: 'Brief' })],
      fail: { createAssetDownload: { kind: 'rate_limit', times: 1 } },
    });
    await loaded(el, 1);
    button(items(el)[0]!, 'Download').click();
    await waitUntil(() => root(el).querySelector('[part~=error]'));
    expect(text(root(el).querySelector('[part~=error]'))).to.contain('Too many requests.');
    expect(saved).to.have.length(0);
    await expect(el).to.be.accessible();
    button(root(el).querySelector('[part~=error]')!, 'Try again').click();
    await waitUntil(() => saved.length === 1);
    expect(api.state.downloads).to.have.length(1);
    await waitUntil(() => !root(el).querySelector('[part~=error]'));
  });
});

describe('<pk-asset-library>: hostile text', () => {
  it('shows titles as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">"><script>window.__pwned=1</script>';
    const { el } = await mount<PkAssetLibrary>(library, {
      assets: [asset('ast_x', { title: hostile, description: hostile, tags: [hostile] })],
    });
    await loaded(el, 1);
    expect(titles(el)).to.deep.equal([hostile]);
    expect(items(el)[0]!.querySelectorAll('script, img:not([part~=thumbnail])')).to.have.length(0);
    await type(el, 'img src');
    await waitUntil(() => text(root(el).querySelector('[role=status]')) === '1 of 1 assets');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<pk-asset-library>: in German', () => {
  it('speaks German, with German numbers', async () => {
    const { el } = await mount<PkAssetLibrary>(library, { assets: 1200, now: NOW, locale: 'de' });
    await loaded(el, 1200, 'de');
    await el.updateComplete;
    expect(count(el)).to.equal('1.200 von 1.200 Assets');
    expect(text(root(el).querySelector('label'))).to.equal('Suche');
    expect(text(button(root(el), /Raster/))).to.contain('Raster');
    expect([...select(el, 'Art').options].map((o) => o.text)).to.include('Broschüre');
    expect([...select(el, 'Sprache').options].map((o) => o.text)).to.include('Deutsch');
    expect(items(el).some((li) => text(li).includes('Herunterladen'))).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
