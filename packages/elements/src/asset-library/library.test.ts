import { expect } from '@open-wc/testing';
import type { Asset } from '@partnerkit/api';
import { makeAssets } from '../../test/mock-api.js';
import { type Filters, Index, type Sort, words } from './library.js';

const none: Filters = { type: '', product: '', language: '', audience: '' };
const ids = (entries: { asset: Asset }[]) => entries.map((e) => e.asset.id);

/** Every asset whose title, tags or description has a word starting with each word of `q`. */
const matching = (assets: Asset[], q: string, f: Filters = none) =>
  assets.filter((a) => {
    const own = words(`${a.title} ${a.tags.join(' ')} ${a.description}`);
    return (
      words(q).every((w) => own.some((x) => x.startsWith(w))) &&
      (!f.type || a.type === f.type) &&
      (!f.product || a.products.includes(f.product)) &&
      (!f.language || a.language === f.language) &&
      (!f.audience || a.audience === f.audience)
    );
  });

describe('the local index of the asset library', () => {
  const assets = makeAssets(2000, Date.parse('2026-11-10T10:00:00Z'));
  // Some equal keys, so the tie-breaks count.
  assets[10]!.downloadCount = assets[11]!.downloadCount;
  assets[20]!.title = assets[21]!.title;

  it('keeps each order when pages arrive later, as sorting everything at once would', () => {
    const fresh = new Index('en');
    fresh.add(assets);
    const paged = new Index('en');
    paged.add(assets.slice(0, 100));
    // The orders kept before the later pages arrive are merged with them.
    for (const sort of ['newest', 'title', 'popular'] as Sort[]) paged.sorted(sort);
    for (let i = 100; i < assets.length; i += 100) paged.add([...assets.slice(i, i + 100)].reverse());
    for (const sort of ['newest', 'title', 'popular'] as Sort[]) {
      expect(ids(paged.sorted(sort)), sort).to.deep.equal(ids(fresh.sorted(sort)));
    }
    const newest = fresh.sorted('newest').map((e) => e.asset.publishedAt);
    expect(newest).to.deep.equal([...newest].sort().reverse());
    const popular = fresh.sorted('popular').map((e) => e.asset.downloadCount);
    expect(popular).to.deep.equal([...popular].sort((a, b) => b - a));
    const titles = fresh.sorted('title').map((e) => e.asset.title);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(titles).to.deep.equal([...titles].sort(collator.compare));
  });

  it('matches every word as the start of a word of the title, tags or description, with the filters', () => {
    const index = new Index('en');
    index.add(assets);
    for (const [q, f] of [
      ['', none],
      ['shie', none],
      ['ACME battle', none],
      ['playbook health', { ...none, language: 'de' }],
      ['', { ...none, type: 'brochure', audience: 'end_customer' }],
      ['co-branded', { ...none, product: 'prd_shield' }],
      ['nothing-like-this', none],
    ] as [string, Filters][]) {
      const found = index.query('title', f, q);
      expect(ids(found), `${q} ${JSON.stringify(f)}`).to.have.members(
        matching(assets, q, f).map((a) => a.id),
      );
    }
    expect(index.query('newest', none, 'attle')).to.have.length(0, 'a word is matched from its start');
  });

  it('narrows the result before as the search grows, with the same answer as a fresh search', () => {
    const index = new Index('en');
    index.add(assets);
    const filters = { ...none, language: 'en' };
    let previous = index.query('popular', filters, '');
    for (const q of ['s', 'sh', 'shi', 'shield', 'shield b', 'shield battle']) {
      const narrowed = index.query('popular', filters, q);
      const fresh = new Index('en');
      fresh.add(assets);
      expect(ids(narrowed), q).to.deep.equal(ids(fresh.query('popular', filters, q)));
      expect(narrowed.every((e) => previous.includes(e))).to.equal(true);
      previous = narrowed;
    }
    // Wider again (a letter deleted): everything that matches, not only what the narrower found.
    expect(ids(index.query('popular', filters, 'shi'))).to.have.members(
      matching(assets, 'shi', filters).map((a) => a.id),
    );
  });

  it('knows the types, languages and audiences loaded', () => {
    const index = new Index('en');
    index.add(assets.slice(0, 50));
    expect([...index.types]).to.have.members([...new Set(assets.slice(0, 50).map((a) => a.type))]);
    expect([...index.languages]).to.include('en-GB');
    expect(index.audiences.size).to.equal(4);
  });
});
