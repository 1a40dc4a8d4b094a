import '../define/pk-portal.js';
import '../define/pk-asset-library.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { Me } from '@partnerkit/api';
import type { PkAssetDownloadedDetail } from '@partnerkit/elements';
import { sendKeys } from '@web/test-runner-commands';
import { PDFDocument } from 'pdf-lib/dist/pdf-lib.esm.js';
import { mount, pause, savedFiles, text } from '../../test/helpers.js';
import {
  brochureTemplate,
  datasheetCover,
  demoMe,
  type MockApiOptions,
  type MockAsset,
  makeAssets,
  socialCard,
} from '../../test/mock-api.js';
import type { PkField } from '../field/field.js';
import type { PkAssetLibrary } from './asset-library.js';

const NOW = Date.parse('2026-11-10T10:00:00Z');
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#0f766e"/></svg>',
)}`;
const partner = (over: Partial<NonNullable<Me['partner']>> = {}): Me => ({
  ...demoMe,
  partner: { ...demoMe.partner!, logoUrl: LOGO, ...over },
});
const base = makeAssets(1, NOW)[0]!;
const template = (id: string, over: Partial<MockAsset>): MockAsset => ({
  ...base,
  id,
  coBrandable: true,
  ...over,
});
const SOCIAL = template('ast_social', {
  title: 'Social card: Shield',
  format: 'svg',
  type: 'social',
  template: socialCard('Shield'),
});
const COVER = template('ast_cover', {
  title: 'Shield datasheet cover',
  format: 'svg',
  type: 'datasheet',
  template: datasheetCover('Shield'),
});
const BROCHURE = template('ast_brochure', {
  title: 'Shield brochure',
  format: 'pdf',
  type: 'brochure',
  template: brochureTemplate(),
});

const root = (el: PkAssetLibrary) => el.shadowRoot!;
const dialog = (el: PkAssetLibrary) => root(el).querySelector('dialog');
const button = (scope: Element | ShadowRoot, label: RegExp | string) =>
  [...scope.querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  )!;
const item = (el: PkAssetLibrary, title: string) =>
  [...root(el).querySelectorAll('li')].find((li) => text(li.querySelector('h3')) === title)!;
const field = (el: PkAssetLibrary, name: string) =>
  dialog(el)!.querySelector<PkField>(`pk-field[name=${name}]`)!;
const preview = (el: PkAssetLibrary) => dialog(el)!.querySelector<HTMLImageElement>('[part~=preview]');
/** The co-branded SVG the preview shows, parsed. */
async function shown(el: PkAssetLibrary) {
  const source = await (await fetch(preview(el)!.src)).text();
  return { source, doc: new DOMParser().parseFromString(source, 'image/svg+xml') };
}
const slot = (doc: Document, key: string) => doc.querySelector(`[data-pk-slot=${key}]`);

const saved = savedFiles();

async function open(asset: MockAsset, options: MockApiOptions & { locale?: string; dir?: string } = {}) {
  const mounted = await mount<PkAssetLibrary>(html`<pk-asset-library></pk-asset-library>`, {
    assets: [asset, SOCIAL, COVER, BROCHURE].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i),
    me: partner(),
    now: NOW,
    ...options,
  });
  const { el } = mounted;
  await waitUntil(() => item(el, asset.title), 'no asset', { timeout: 5000 });
  button(item(el, asset.title), /./).click();
  await waitUntil(() => dialog(el)?.open && preview(el)?.src, 'no preview', { timeout: 5000 });
  await el.updateComplete;
  return mounted;
}

describe('<pk-asset-library>: co-branding', () => {
  before(() => import('pdf-lib/dist/pdf-lib.esm.js'));

  it("previews a template with the partner's logo, name and website, as an image in a modal dialog", async () => {
    const { el } = await open(SOCIAL);
    expect(text(dialog(el)!.querySelector('h2'))).to.equal('Co-brand: Social card: Shield');
    expect(dialog(el)!.matches(':modal')).to.equal(true);
    expect(preview(el)!.localName).to.equal('img');
    expect(preview(el)!.alt).to.equal('Preview of Social card: Shield with your details');
    expect(preview(el)!.src).to.match(/^blob:/);
    const { doc } = await shown(el);
    expect(slot(doc, 'partner_name')!.textContent).to.equal('Northwind Systems');
    expect(slot(doc, 'website')!.textContent).to.equal('northwind.example');
    expect(slot(doc, 'logo')!.localName).to.equal('image');
    expect(slot(doc, 'logo')!.getAttribute('href')).to.equal(LOGO);
    // The fields are the template's text slots only.
    expect([...dialog(el)!.querySelectorAll('pk-field')].map((f) => f.getAttribute('name'))).to.deep.equal([
      'partner_name',
      'website',
    ]);
    expect(button(dialog(el)!, 'Download SVG')).to.exist;
    expect(button(dialog(el)!, 'Download PNG')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('keeps a hostile partner name as text: escaped in the SVG, never markup', async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>&"'`;
    const { el } = await open(COVER, { me: partner({ name: hostile }) });
    const { doc, source } = await shown(el);
    expect(slot(doc, 'partner_name')!.textContent).to.equal(hostile);
    expect(doc.querySelectorAll('script, img, [onerror]')).to.have.length(0);
    expect(source).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;');
    expect(field(el, 'partner_name').value).to.equal(hostile);
  });

  it("leaves a template's scripts and event attributes out of the copy", async () => {
    const evil = {
      ...socialCard('Evil'),
      source:
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" onload="alert(1)"><script>alert(2)</script>' +
        '<a href="javascript:alert(3)"><rect width="10" height="10"/></a><foreignObject><div>x</div></foreignObject></svg>',
    };
    const { el } = await open(template('ast_evil', { title: 'Evil card', format: 'svg', template: evil }));
    const { doc, source } = await shown(el);
    expect(doc.querySelectorAll('script, foreignObject')).to.have.length(0);
    expect(source).not.to.match(/onload|javascript:/);
    expect(doc.querySelector('rect')).to.exist;
  });

  it("falls back to the partner's name when the logo does not load, and says so", async () => {
    const { el } = await open(SOCIAL, { me: partner({ logoUrl: 'https://logo.invalid/northwind.png' }) });
    const { doc } = await shown(el);
    expect(slot(doc, 'logo')!.localName).to.equal('text');
    expect(slot(doc, 'logo')!.textContent).to.equal('Northwind Systems');
    expect(doc.querySelectorAll('image')).to.have.length(0);
    expect(text(dialog(el)!.querySelector('.note'))).to.equal(
      'Your logo could not be loaded, so your company name stands in its place.',
    );
    await expect(el).to.be.accessible();
  });

  it('says when there is no logo on file, and refuses a logo URL that is not an image', async () => {
    const { el } = await open(SOCIAL, { me: partner({ logoUrl: 'javascript:alert(1)' }) });
    expect(slot((await shown(el)).doc, 'logo')!.localName).to.equal('text');
    const none = await open(SOCIAL, { me: partner({ logoUrl: null }) });
    expect(text(dialog(none.el)!.querySelector('.note'))).to.equal(
      'You have no logo on file, so your company name stands in its place.',
    );
  });

  it('updates the preview as the partner edits, and downloads that SVG with the edits recorded once', async () => {
    const { el, api } = await open(COVER, { latency: { createAssetDownload: 40 } });
    const name = field(el, 'partner_name');
    name.value = 'Northwind & Söhne <GmbH>';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(slot((await shown(el)).doc, 'partner_name')!.textContent).to.equal('Northwind & Söhne <GmbH>');
    const events: PkAssetDownloadedDetail[] = [];
    el.addEventListener('pk-asset-downloaded', (e) => events.push(e.detail));
    const svg = button(dialog(el)!, 'Download SVG');
    svg.click();
    svg.click();
    await waitUntil(() => saved.length === 1, 'nothing saved', { timeout: 5000 });
    expect(api.callsOf('createAssetDownload')).to.have.length(1);
    expect(api.callsOf('createAssetDownload')[0]!.body).to.deep.equal({
      coBrand: true,
      format: 'svg',
      fields: { partner_name: 'Northwind & Söhne <GmbH>' },
    });
    expect(api.state.downloads[0]).to.include({ format: 'svg', coBranded: true });
    expect(events).to.deep.equal([{ assetId: 'ast_cover', format: 'svg', coBranded: true }]);
    expect(saved[0]!.name).to.equal('shield-datasheet-cover-northwind-sohne-gmbh.svg');
    const file = new DOMParser().parseFromString(await (await fetch(saved[0]!.href)).text(), 'image/svg+xml');
    expect(slot(file, 'partner_name')!.textContent).to.equal('Northwind & Söhne <GmbH>');
    expect(slot(file, 'contact_email')!.textContent).to.equal('ada@northwind.example');
    expect(slot(file, 'logo')!.getAttribute('href')).to.equal(LOGO);
    expect(text(dialog(el)!.querySelector('[role=status]'))).to.equal(
      'shield-datasheet-cover-northwind-sohne-gmbh.svg: download started.',
    );
  });

  it("renders a PNG of the template's size from the preview, recorded as a PNG", async () => {
    const { el, api } = await open(SOCIAL);
    const events: PkAssetDownloadedDetail[] = [];
    el.addEventListener('pk-asset-downloaded', (e) => events.push(e.detail));
    button(dialog(el)!, 'Download PNG').click();
    await waitUntil(() => saved.length === 1, 'nothing saved', { timeout: 5000 });
    expect(api.callsOf('createAssetDownload')[0]!.body).to.deep.equal({
      coBrand: true,
      format: 'png',
      fields: {},
    });
    expect(events).to.deep.equal([{ assetId: 'ast_social', format: 'png', coBranded: true }]);
    expect(saved[0]!.name).to.match(/^social-card-shield-northwind-systems\.png$/);
    const blob = await (await fetch(saved[0]!.href)).blob();
    expect(blob.type).to.equal('image/png');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).to.equal('PNG');
    const image = await createImageBitmap(blob);
    expect([image.width, image.height]).to.deep.equal([1200, 628]);
    // The partner block is drawn: the pixels of the logo slot are the logo's colour, not the card's.
    const canvas = new OffscreenCanvas(1200, 628);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const [r, g, b] = ctx.getImageData(174, 544, 1, 1).data;
    expect([r, g, b]).to.deep.equal([15, 118, 110]);
  });

  it("downloads the server's co-branded PDF of a PDF template, which opens", async () => {
    const { el, api } = await open(BROCHURE);
    expect(text(dialog(el)!.querySelector('figcaption'))).to.equal(
      'Page 2, with your details where they will be printed',
    );
    expect(slot((await shown(el)).doc, 'contact_name')!.textContent).to.equal('Ada Lindqvist');
    expect(button(dialog(el)!, 'Download PDF')).to.exist;
    expect(button(dialog(el)!, /SVG|PNG/)).to.equal(undefined);
    await expect(el).to.be.accessible();
    const contact = field(el, 'contact_name');
    contact.value = 'Renée Müller';
    contact.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(dialog(el)!, 'Download PDF').click();
    await waitUntil(() => saved.length === 1, 'nothing saved', { timeout: 8000 });
    const call = api.callsOf('createAssetDownload')[0]!;
    expect(call.body).to.deep.equal({
      coBrand: true,
      format: 'pdf',
      fields: { contact_name: 'Renée Müller' },
    });
    expect(saved[0]!.name).to.equal('shield-brochure-northwind-systems.pdf');
    const bytes = new Uint8Array(await (await fetch(saved[0]!.href)).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).to.equal(2);
    expect(api.state.downloads[0]).to.include({ format: 'pdf', coBranded: true });
  });

  it('opens and closes by keyboard, focus back on the asset it was opened from', async () => {
    const { el } = await mount<PkAssetLibrary>(html`<pk-asset-library></pk-asset-library>`, {
      assets: [SOCIAL, COVER],
      me: partner(),
      now: NOW,
    });
    await waitUntil(() => item(el, COVER.title), 'no asset', { timeout: 5000 });
    const opener = button(item(el, COVER.title), 'Co-brand');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el)?.open && preview(el)?.src, 'no dialog', { timeout: 5000 });
    expect(dialog(el)!.contains(root(el).activeElement)).to.equal(true, 'focus is in the dialog');
    await sendKeys({ press: 'Tab' });
    expect(dialog(el)!.contains(root(el).activeElement)).to.equal(true, 'and stays in it');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'the dialog stays');
    expect(root(el).activeElement?.closest('li')).to.equal(item(el, COVER.title));
  });

  it('checks the edits before a download: a bad email stays on its field, and nothing is recorded', async () => {
    const { el, api } = await open(COVER);
    const email = field(el, 'contact_email');
    email.value = 'not an email';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(dialog(el)!, 'Download SVG').click();
    await waitUntil(() => text(email.shadowRoot!.querySelector('[part~=error]')), 'no error on the field');
    await pause(100);
    expect(email.validity.valid).to.equal(false);
    expect(email.shadowRoot!.activeElement ?? root(el).activeElement).to.exist;
    expect(api.callsOf('createAssetDownload')).to.have.length(0);
    expect(saved).to.have.length(0);
    expect(maxlengths(el)).to.deep.equal({
      partner_name: 200,
      contact_name: 200,
      contact_email: 254,
      contact_phone: 40,
      website: 253,
    });
  });

  it("puts the server's refusal of a field on that field, and shows a failed download with a retry", async () => {
    const { el, api } = await open(COVER, {
      fail: {
        createAssetDownload: {
          kind: 'validation',
          times: 1,
          errors: [{ pointer: '/fields/website', code: 'format', message: 'must be a host name' }],
        },
      },
    });
    button(dialog(el)!, 'Download SVG').click();
    await waitUntil(() => dialog(el)!.querySelector('[part~=error]'), 'no error');
    expect(field(el, 'website').error).to.equal('must be a host name');
    expect(saved).to.have.length(0);
    await expect(el).to.be.accessible();
    // The refusal stays on its field until the partner changes it.
    button(dialog(el)!.querySelector('[part~=error]')!, 'Try again').click();
    await pause(100);
    expect(api.callsOf('createAssetDownload')).to.have.length(1);
    const website = field(el, 'website');
    website.value = 'www.northwind.example';
    website.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(dialog(el)!.querySelector('[part~=error]')!, 'Try again').click();
    await waitUntil(() => saved.length === 1, 'nothing saved');
    expect(saved[0]!.name).to.match(/\.svg$/);
    expect(api.callsOf('createAssetDownload')[1]!.body).to.deep.equal({
      coBrand: true,
      format: 'svg',
      fields: { website: 'www.northwind.example' },
    });
    expect(api.state.downloads).to.have.length(1);
  });

  it('shows a template that fails to load, with a retry', async () => {
    const mounted = await mount<PkAssetLibrary>(html`<pk-asset-library></pk-asset-library>`, {
      assets: [SOCIAL],
      me: partner(),
      fail: { getAsset: { kind: 'network', times: 1 } },
    });
    const { el } = mounted;
    await waitUntil(() => item(el, SOCIAL.title), 'no asset', { timeout: 5000 });
    button(item(el, SOCIAL.title), 'Co-brand').click();
    await waitUntil(() => dialog(el)?.querySelector('[part~=error]'), 'no error', { timeout: 5000 });
    expect(text(dialog(el)!.querySelector('[part~=error]'))).to.contain('The server could not be reached.');
    await expect(el).to.be.accessible();
    button(dialog(el)!, 'Try again').click();
    await waitUntil(() => preview(el)?.src, 'no preview', { timeout: 5000 });
  });

  it('speaks German, right to left too', async () => {
    const { el } = await open(BROCHURE, { locale: 'de', dir: 'rtl' });
    await el.updateComplete;
    expect(text(dialog(el)!.querySelector('h2'))).to.equal('Co-Branding: Shield brochure');
    expect(field(el, 'partner_name').label).to.equal('Firmenname');
    expect(button(dialog(el)!, 'PDF herunterladen')).to.exist;
    expect(getComputedStyle(dialog(el)!).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});

function maxlengths(el: PkAssetLibrary): Record<string, number | undefined> {
  return Object.fromEntries(
    [...dialog(el)!.querySelectorAll<PkField>('pk-field')].map((f) => [f.name, f.maxlength]),
  );
}
