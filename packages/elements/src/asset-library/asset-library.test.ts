import '../define/pk-portal.js';
import '../define/pk-asset-library.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { mount, text } from '../../test/helpers.js';
import type { PkAssetLibrary } from './asset-library.js';

const library = html`<pk-asset-library search-delay="20"></pk-asset-library>`;
const items = (el: PkAssetLibrary) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part~=item]')];
const loaded = (el: PkAssetLibrary, n: number) =>
  waitUntil(
    () => text(el.shadowRoot!.querySelector('[part~=count]')).endsWith(`of ${n.toLocaleString('en')} assets`),
    'not loaded',
    { timeout: 8000 },
  );

describe('<pk-asset-library>', () => {
  it('smoke', async () => {
    const t0 = performance.now();
    const { el } = await mount<PkAssetLibrary>(library, { assets: 10000 });
    await loaded(el, 10000);
    console.log(
      items(el).length,
      text(el.shadowRoot!.querySelector('[part~=count]')),
      performance.now() - t0,
    );
    await expect(el).to.be.accessible();
  });
});
