// The co-branded asset library: only published, unexpired assets are offered; filters, search and
// every sort order return exactly what they promise, page after page; a download is recorded once
// per idempotency key and its link serves the file without a token; a co-branded file carries the
// partner's details; bad input is a 400 naming the field, and records nothing.
//
// The suite cannot create assets (the contract has no operation for it): it discovers the library
// through `GET /v1/assets` and needs at least one asset, and one co-brandable SVG or PDF template.
import { inflateSync } from 'node:zlib';
import type { Asset, AssetDetail } from '@partnerkit/api';
import type { AssetListQuery, DownloadAssetInput } from '@partnerkit/sdk';
import {
  type Context,
  check,
  checkEqual,
  expectError,
  type FetchedFile,
  fieldPointers,
  show,
} from './context.js';
import type { Scenario } from './scenarios.js';

const MINUTE = 60_000;
/** Clocks differ: an expiry or publication this close to now is given the benefit of the doubt. */
const SKEW = 5 * MINUTE;

/** Walks every page of a listing; fails on an item seen twice or a page over `limit`. */
async function walk(
  ctx: Context,
  query: AssetListQuery,
  what: string,
  maxPages = 1000,
): Promise<{ items: Asset[]; total: number; pages: number; complete: boolean }> {
  const items: Asset[] = [];
  const seen = new Set<string>();
  let total = -1;
  let cursor: string | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await ctx.partner.assets.list({ ...query, ...(cursor ? { cursor } : {}) });
    if (total < 0) total = page.total;
    else checkEqual(page.total, total, `${what}: total on page ${pages}`);
    const limit = query.limit ?? 25;
    check(page.items.length <= limit, `${what}: a page of limit ${limit} held ${page.items.length} assets`);
    for (const asset of page.items) {
      check(!seen.has(asset.id), `${what}: ${asset.id} came twice (page ${pages})`);
      seen.add(asset.id);
      items.push(asset);
    }
    if (!page.nextCursor) return { items, total, pages, complete: true };
    check(page.items.length > 0, `${what}: an empty page with a nextCursor`);
    cursor = page.nextCursor;
  }
  return { items, total, pages: maxPages, complete: false };
}

const sameIds = (a: Asset[], b: Asset[]) =>
  a
    .map((x) => x.id)
    .sort()
    .join() ===
  b
    .map((x) => x.id)
    .sort()
    .join();

/**
 * Fails unless `filtered` holds every asset of `required` and nothing outside `allowed` (the two
 * differ only where the contract leaves room: a language filter may admit regional variants).
 */
function checkExactly(filtered: Asset[], allowed: Asset[], required: Asset[], what: string): void {
  const got = new Set(filtered.map((a) => a.id));
  const may = new Set(allowed.map((a) => a.id));
  const extra = [...got].filter((id) => !may.has(id));
  const missing = required.map((a) => a.id).filter((id) => !got.has(id));
  check(extra.length === 0, `${what}: returned ${extra.length} asset(s) that do not match, e.g. ${extra[0]}`);
  check(missing.length === 0, `${what}: left out ${missing.length} matching asset(s), e.g. ${missing[0]}`);
}

/** The value that most assets share, for a filter that matches some but (ideally) not all. */
function commonest<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Whether a PDF draws `text`: looked for in its content streams (inflated when compressed), as a
 * literal string or as a hex string of its Latin-1 bytes.
 */
function pdfShows(bytes: Uint8Array, text: string): boolean {
  const raw = Buffer.from(bytes);
  const parts: string[] = [raw.toString('latin1')];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let from = start + 'stream'.length;
    if (raw[from] === 0x0d) from++;
    if (raw[from] === 0x0a) from++;
    const end = raw.indexOf('endstream', from, 'latin1');
    if (end < 0) break;
    try {
      parts.push(inflateSync(raw.subarray(from, end)).toString('latin1'));
    } catch {
      // not a compressed stream
    }
    at = end + 'endstream'.length;
  }
  const haystack = parts.join('\n');
  const hex = Buffer.from(text, 'latin1').toString('hex');
  return haystack.includes(`(${text})`) || haystack.toLowerCase().includes(`<${hex}>`);
}

function fileShows(file: FetchedFile, text: string): boolean {
  if (file.contentType === 'application/pdf') return pdfShows(file.bytes, text);
  return file.text.includes(xmlEscape(text)) || file.text.includes(text);
}

/** A download link fetched without a token: 200, the announced media type, some bytes. */
async function fetchDownload(
  ctx: Context,
  download: { url: string; contentType: string },
  what: string,
): Promise<FetchedFile> {
  check(/^https?:\/\//.test(download.url), `${what}: the url ${show(download.url)} is not absolute`);
  const file = await ctx.fetchFile(download.url);
  checkEqual(file.status, 200, `${what}: status of the link fetched without a token`);
  checkEqual(
    file.contentType,
    download.contentType.split(';')[0]!.trim().toLowerCase(),
    `${what}: file type`,
  );
  check(file.bytes.length > 0, `${what}: the file is empty`);
  return file;
}

async function downloadCount(ctx: Context, id: string): Promise<number> {
  return (await ctx.partner.assets.get(id)).downloadCount;
}

export const assetScenarios: Scenario[] = [
  {
    name: 'assets: the library offers only published, unexpired assets, and each can be read',
    async run(ctx) {
      const { items, total } = await ctx.offeredAssets();
      checkEqual(items.length, total, 'assets found by walking every page against the first page’s total');
      const now = Date.now();
      for (const asset of items) {
        check(
          asset.expiresAt === null || Date.parse(asset.expiresAt) > now - SKEW,
          `an expired asset is offered: ${asset.id} expired at ${asset.expiresAt}`,
        );
        check(
          Date.parse(asset.publishedAt) <= now + SKEW,
          `an unpublished asset is offered: ${asset.id} is published at ${asset.publishedAt}`,
        );
      }
      const sample = [
        ...items.slice(0, 3),
        ...items.filter((a) => a.coBrandable).slice(0, 2),
        ...items.filter((a) => !a.coBrandable).slice(0, 1),
        ...items.filter((a) => a.expiresAt !== null).slice(0, 1),
      ];
      for (const listed of new Map(sample.map((a) => [a.id, a])).values()) {
        const detail: AssetDetail = await ctx.partner.assets.get(listed.id);
        for (const key of [
          'id',
          'title',
          'type',
          'format',
          'language',
          'coBrandable',
          'expiresAt',
        ] as const) {
          checkEqual(detail[key], listed[key], `GET /v1/assets/${listed.id}: ${key} against the list`);
        }
        check(
          (detail.template !== null) === detail.coBrandable,
          `GET /v1/assets/${listed.id}: coBrandable is ${detail.coBrandable} but template is ${show(detail.template)}`,
        );
        if (detail.template) {
          check(detail.template.slots.length > 0, `the co-brand template of ${listed.id} has no slots`);
        }
      }
      const other = await ctx.other.assets.list({ limit: 1 });
      checkEqual(other.total, total, 'total offered to the other partner (the library is the vendor’s)');
      await expectError(
        ctx.partner.assets.get(`missing-${ctx.run}`),
        404,
        'not_found',
        'an asset id that does not exist',
      );
    },
  },
  {
    name: 'assets: filters and search return exactly the matching assets',
    async run(ctx) {
      const { items } = await ctx.offeredAssets();
      const type = commonest(items.map((a) => a.type))!;
      const language = commonest(items.map((a) => a.language))!;
      const audience = commonest(items.map((a) => a.audience))!;
      const product = commonest(items.flatMap((a) => a.products));
      const sameLanguage = (a: Asset) => a.language === language;
      // A language filter may also admit regional variants of the language (`en` admits `en-GB`).
      const ofLanguage = (a: Asset) =>
        a.language.toLowerCase() === language.toLowerCase() ||
        a.language.toLowerCase().startsWith(`${language.toLowerCase()}-`);
      type Filter = [string, AssetListQuery, (a: Asset) => boolean, ((a: Asset) => boolean)?];
      const filters: Filter[] = [
        [`type=${type}`, { type: [type] }, (a) => a.type === type],
        [`audience=${audience}`, { audience: [audience] }, (a) => a.audience === audience],
        ['coBrandable=true', { coBrandable: true }, (a) => a.coBrandable],
        ['coBrandable=false', { coBrandable: false }, (a) => !a.coBrandable],
        [`language=${language}`, { language: [language] }, ofLanguage, sameLanguage],
        [
          `type=${type}&language=${language}`,
          { type: [type], language: [language] },
          (a) => a.type === type && ofLanguage(a),
          (a) => a.type === type && sameLanguage(a),
        ],
      ];
      if (product) {
        filters.push([`product=${product}`, { product: [product] }, (a) => a.products.includes(product)]);
      }
      const types = [...new Set(items.map((a) => a.type))].slice(0, 2);
      if (types.length === 2) {
        filters.push([`type=${types.join('&type=')}`, { type: types }, (a) => types.includes(a.type)]);
      }
      for (const [what, query, allowed, required = allowed] of filters) {
        const found = await walk(ctx, { ...query, limit: 100 }, what);
        checkExactly(found.items, items.filter(allowed), items.filter(required), what);
        checkEqual(found.total, found.items.length, `${what}: total against the assets on its pages`);
      }

      // Search: a word of one asset's title finds that asset; a word nobody uses finds nothing.
      const target = items.find((a) => /\p{L}{5,}/u.test(a.title)) ?? items[0]!;
      const word = target.title.match(/\p{L}{5,}/u)?.[0] ?? target.title.split(/\s+/)[0]!;
      const search = await walk(ctx, { q: word, limit: 100 }, `q=${word}`);
      check(
        search.items.some((a) => a.id === target.id),
        `q=${show(word)} does not find ${target.id} (${show(target.title)})`,
      );
      const nothing = await ctx.partner.assets.list({ q: `zq${ctx.run}xv`, limit: 10 });
      checkEqual(nothing.items.length, 0, `q=zq${ctx.run}xv: assets found`);
      checkEqual(nothing.total, 0, `q=zq${ctx.run}xv: total`);
    },
  },
  {
    name: 'assets: every sort order pages through without repeats, and cursors are stable',
    async run(ctx) {
      const { items } = await ctx.offeredAssets();
      // The whole library in pages of two (its first 400 assets, when it is larger), against the
      // walk at limit 100, which is in the default order, newest first.
      const newest = await walk(ctx, { sort: 'newest', limit: 2 }, 'sort=newest, limit=2', 200);
      if (newest.complete) {
        checkEqual(newest.items.length, items.length, 'sort=newest, limit=2: assets found on every page');
        check(sameIds(newest.items, items), 'sort=newest, limit=2: not the same assets as at limit=100');
      } else {
        checkEqual(
          newest.items.map((a) => a.id).join(),
          items
            .slice(0, newest.items.length)
            .map((a) => a.id)
            .join(),
          `sort=newest: the first ${newest.items.length} assets in pages of 2 against pages of 100`,
        );
      }
      for (let i = 1; i < newest.items.length; i++) {
        const [a, b] = [newest.items[i - 1]!, newest.items[i]!];
        check(
          Date.parse(a.publishedAt) >= Date.parse(b.publishedAt),
          `sort=newest: ${b.id} (${b.publishedAt}) comes after ${a.id} (${a.publishedAt})`,
        );
      }
      for (const sort of ['title', 'popular'] as const) {
        const small = await walk(ctx, { sort, limit: 2 }, `sort=${sort}, limit=2`, 10);
        const large = await ctx.partner.assets.list({ sort, limit: small.items.length || 1 });
        checkEqual(
          small.items.map((a) => a.id).join(),
          large.items.map((a) => a.id).join(),
          `sort=${sort}: the first ${small.items.length} by pages of 2 against one page`,
        );
        if (sort === 'popular') {
          for (let i = 1; i < small.items.length; i++) {
            const [a, b] = [small.items[i - 1]!, small.items[i]!];
            check(
              a.downloadCount >= b.downloadCount,
              `sort=popular: ${b.id} (${b.downloadCount} downloads) comes after ${a.id} (${a.downloadCount})`,
            );
          }
        }
      }
      const first = await ctx.partner.assets.list({ limit: 1 });
      if (items.length > 1) {
        check(first.nextCursor, `the first page of limit 1 has no nextCursor with ${items.length} assets`);
        const a = await ctx.partner.assets.list({ limit: 1, cursor: first.nextCursor });
        const b = await ctx.partner.assets.list({ limit: 1, cursor: first.nextCursor });
        checkEqual(b.items.map((x) => x.id).join(), a.items.map((x) => x.id).join(), 'the same cursor twice');
        check(a.items[0]?.id !== first.items[0]?.id, 'the second page repeats the first');
      }
    },
  },
  {
    name: 'assets: a download is recorded once per idempotency key, and its link serves the file without a token',
    async run(ctx) {
      const { items } = await ctx.offeredAssets();
      const asset = items.find((a) => !a.coBrandable) ?? items[0]!;
      const before = await downloadCount(ctx, asset.id);
      const key = `conformance-${ctx.run}-download`;
      const first = await ctx.partner.raw.POST('/v1/assets/{id}/downloads', {
        params: { path: { id: asset.id } },
        body: { coBrand: false },
        headers: { 'Idempotency-Key': key },
      });
      checkEqual(first.response.status, 201, 'POST /v1/assets/{id}/downloads status');
      const download = first.data;
      check(download, 'no download in the answer');
      checkEqual(download.assetId, asset.id, 'assetId');
      checkEqual(download.coBranded, false, 'coBranded of a plain download');
      checkEqual(download.format, asset.format, "format of a plain download (the asset's own)");
      check(
        Date.parse(download.expiresAt) > Date.now() - SKEW,
        `the link expires in the past: ${download.expiresAt}`,
      );
      check(download.fileName.trim() !== '', 'the download has no fileName');
      const replay = await ctx.partner.raw.POST('/v1/assets/{id}/downloads', {
        params: { path: { id: asset.id } },
        body: { coBrand: false },
        headers: { 'Idempotency-Key': key },
      });
      checkEqual(replay.data?.id, download.id, 'the replayed download’s id');
      checkEqual(replay.response.headers.get('Idempotent-Replayed'), 'true', 'Idempotent-Replayed header');
      checkEqual(
        await downloadCount(ctx, asset.id),
        before + 1,
        `downloadCount of ${asset.id} after one download (and its replay)`,
      );
      await fetchDownload(ctx, download, 'a plain download');
      const again = await ctx.other.assets.download(asset.id);
      checkEqual(again.assetId, asset.id, 'the other partner’s download assetId');
      check(again.id !== download.id, 'two partners’ downloads share an id');
      checkEqual(await downloadCount(ctx, asset.id), before + 2, 'downloadCount after a second download');
    },
  },
  {
    name: "assets: a co-branded download carries the partner's details",
    async run(ctx) {
      const me = await ctx.partnerMe();
      const otherMe = await ctx.otherMe();
      check(me.partner && otherMe.partner, 'the partner keys have no partner organisation');
      const coBrandable = await walk(ctx, { coBrandable: true, limit: 100 }, 'coBrandable=true', 5);
      // One template of each format the library has (SVG and PDF), each with a partner-name slot.
      const chosen = new Map<string, AssetDetail>();
      for (const asset of coBrandable.items) {
        if (chosen.size === 2) break;
        const detail = await ctx.partner.assets.get(asset.id);
        const format = detail.template?.format;
        if (!format || chosen.has(format)) continue;
        if (detail.template!.slots.some((s) => s.key === 'partner_name')) chosen.set(format, detail);
      }
      check(
        chosen.size > 0,
        'needs a co-brandable asset whose template has a partner_name slot in GET /v1/assets?coBrandable=true',
      );
      for (const [format, asset] of chosen) {
        const what = `co-branded ${format} ${asset.id}`;
        const slots = new Set(asset.template!.slots.map((s) => s.key));
        const before = await downloadCount(ctx, asset.id);
        const download = await ctx.partner.assets.download(asset.id, { coBrand: true });
        checkEqual(download.coBranded, true, `${what}: coBranded`);
        checkEqual(download.assetId, asset.id, `${what}: assetId`);
        const file = await fetchDownload(ctx, download, what);
        const name = me.partner.name;
        const firstWord = name.split(/\s+/)[0]!;
        check(
          fileShows(file, name) || fileShows(file, firstWord),
          `${what}: the file does not show the partner's name ${show(name)}`,
        );
        const otherFirstWord = otherMe.partner.name.split(/\s+/)[0]!;
        if (otherFirstWord.length >= 3 && !name.includes(otherFirstWord)) {
          check(
            !fileShows(file, otherFirstWord),
            `${what}: the file shows the other partner's name ${show(otherMe.partner.name)}`,
          );
        }
        checkEqual(await downloadCount(ctx, asset.id), before + 1, `${what}: downloadCount after it`);

        // The partner's details for one download, overridden field by field.
        const fields = {
          partner_name: `Zq ${ctx.run}`,
          contact_name: `Cy ${ctx.run}`,
          contact_email: `cy.${ctx.run}@example.com`,
        };
        const custom = await ctx.partner.assets.download(asset.id, { coBrand: true, fields });
        checkEqual(custom.coBranded, true, `${what} with fields: coBranded`);
        const customFile = await fetchDownload(ctx, custom, `${what} with fields`);
        for (const [key, value] of Object.entries(fields)) {
          if (!slots.has(key as never)) continue;
          check(fileShows(customFile, value), `${what}: the file does not show ${key} ${show(value)}`);
        }

        const theirs = await ctx.other.assets.download(asset.id, { coBrand: true });
        const theirFile = await fetchDownload(ctx, theirs, `${what} for the other partner`);
        check(
          fileShows(theirFile, otherMe.partner.name) || fileShows(theirFile, otherFirstWord),
          `${what}: the other partner's file does not show its name ${show(otherMe.partner.name)}`,
        );
        if (firstWord.length >= 3 && !otherMe.partner.name.includes(firstWord)) {
          check(
            !fileShows(theirFile, firstWord),
            `${what}: the other partner's file shows the partner's name ${show(name)}`,
          );
        }
      }
    },
  },
  {
    name: 'assets: a co-branded SVG template taken as PNG is recorded as a PNG, and other formats are refused with 422',
    async run(ctx) {
      const me = await ctx.partnerMe();
      check(me.partner, 'the partner key has no partner organisation');
      const coBrandable = await walk(ctx, { coBrandable: true, limit: 100 }, 'coBrandable=true', 5);
      let template: AssetDetail | undefined;
      for (const asset of coBrandable.items.filter((a) => a.format === 'svg').slice(0, 10)) {
        const detail = await ctx.partner.assets.get(asset.id);
        if (
          detail.template?.format === 'svg' &&
          detail.template.slots.some((s) => s.key === 'partner_name')
        ) {
          template = detail;
          break;
        }
      }
      check(
        template,
        'needs a co-brandable SVG template with a partner_name slot (coBrandable=true, format svg)',
      );
      const what = `co-branded ${template.id} as png`;
      const before = await downloadCount(ctx, template.id);
      const fields = { partner_name: `Png ${ctx.run}` };
      const png = await ctx.partner.assets.download(template.id, { coBrand: true, format: 'png', fields });
      checkEqual(png.format, 'png', `${what}: format`);
      checkEqual(png.coBranded, true, `${what}: coBranded`);
      // The link serves the co-branded SVG the PNG is rendered from.
      const file = await fetchDownload(ctx, png, what);
      checkEqual(file.contentType, 'image/svg+xml', `${what}: the file behind the link`);
      check(
        fileShows(file, fields.partner_name),
        `${what}: the SVG does not show ${show(fields.partner_name)}`,
      );
      checkEqual(await downloadCount(ctx, template.id), before + 1, `${what}: downloadCount after it`);
      const svg = await ctx.partner.assets.download(template.id, { coBrand: true });
      checkEqual(svg.format, 'svg', `co-branded ${template.id} without a format: format`);

      const { items } = await ctx.offeredAssets();
      const pdf = items.find((a) => a.format === 'pdf');
      const refusals: Array<[string, string, DownloadAssetInput]> = [
        [`${template.id} as png without co-branding`, template.id, { coBrand: false, format: 'png' }],
        [`${template.id} as pdf`, template.id, { coBrand: true, format: pdf ? 'html' : 'pdf' }],
        ...(pdf
          ? [
              [`${pdf.id} (pdf) as png`, pdf.id, { coBrand: true, format: 'png' }] as [
                string,
                string,
                DownloadAssetInput,
              ],
            ]
          : []),
      ];
      for (const [refused, id, input] of refusals) {
        const count = await downloadCount(ctx, id);
        const error = await expectError(
          ctx.partner.assets.download(id, input),
          422,
          'format_unavailable',
          `a download of ${refused}`,
        );
        check(
          fieldPointers(error).includes('/format'),
          `a download of ${refused}: errors should name /format, got ${show(error.errors)}`,
        );
        checkEqual(
          await downloadCount(ctx, id),
          count,
          `downloadCount after the refused download of ${refused}`,
        );
      }
    },
  },
  {
    name: 'assets: bad input is refused with 400 naming each bad field, and records nothing',
    async run(ctx) {
      const { items } = await ctx.offeredAssets();
      const asset = items[0]!;
      const queries: Array<[string, Record<string, unknown>, string]> = [
        ['limit=0', { limit: 0 }, '/query/limit'],
        ['limit=101', { limit: 101 }, '/query/limit'],
        ['sort=cheapest', { sort: 'cheapest' }, '/query/sort'],
        ['type=poster', { type: ['poster'] }, '/query/type'],
        ['coBrandable=maybe', { coBrandable: 'maybe' }, '/query/coBrandable'],
        ['a search of 201 characters', { q: 'x'.repeat(201) }, '/query/q'],
      ];
      for (const [what, query, pointer] of queries) {
        const error = await expectError(
          ctx.partner.assets.list(query as AssetListQuery),
          400,
          'validation_failed',
          `GET /v1/assets with ${what}`,
        );
        check(
          fieldPointers(error).some((p) => p === pointer || p.startsWith(`${pointer}/`)),
          `${what}: errors should name ${pointer}, got ${show(error.errors)}`,
        );
      }
      const before = await downloadCount(ctx, asset.id);
      const bodies: Array<[string, unknown, string]> = [
        ['coBrand as text', { coBrand: 'yes' }, '/coBrand'],
        [
          'a partner name of 201 characters',
          { fields: { partner_name: 'x'.repeat(201) } },
          '/fields/partner_name',
        ],
        ['an unknown field', { fields: { slogan: 'Hi' } }, '/fields/slogan'],
        ['an unknown property', { colour: 'red' }, '/colour'],
        ['a format outside the contract', { format: 'gif' }, '/format'],
      ];
      for (const [what, body, pointer] of bodies) {
        const error = await expectError(
          ctx.partner.assets.download(asset.id, body as never),
          400,
          'validation_failed',
          `a download with ${what}`,
        );
        check(
          fieldPointers(error).includes(pointer),
          `a download with ${what}: errors should name ${pointer}, got ${show(error.errors)}`,
        );
      }
      const all = await expectError(
        ctx.partner.assets.download(asset.id, {
          coBrand: 'yes',
          fields: { partner_name: 'x'.repeat(201) },
          format: 'gif',
        } as never),
        400,
        'validation_failed',
        'a download with three bad fields',
      );
      for (const pointer of ['/coBrand', '/fields/partner_name', '/format']) {
        check(
          fieldPointers(all).includes(pointer),
          `three bad fields at once: errors should name ${pointer}, got ${show(fieldPointers(all))}`,
        );
      }
      await expectError(
        ctx.partner.assets.download(`missing-${ctx.run}`),
        404,
        'not_found',
        'a download of an asset that does not exist',
      );
      checkEqual(await downloadCount(ctx, asset.id), before, 'downloadCount after refused downloads');
    },
  },
];
