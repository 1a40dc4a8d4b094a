// The asset library through real HTTP against a real server with the demo library, on PGlite in
// memory (or on PostgreSQL in a fresh schema when DATABASE_URL is set): what is offered, search,
// filters, every sort with stable cursor pages, templates, co-branded and plain downloads behind
// signed links, and the same at a few thousand assets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Asset, AssetDetail, AssetDownload, AssetPage, Me, Problem } from '@partnerkit/api';
import { DOMParser } from '@xmldom/xmldom';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { seedAssets } from '../seed/assets.js';
import { KEYS, startTestServer, type TestServer, testClock } from '../test/harness.js';

const clock = testClock(new Date('2026-11-10T10:00:00Z'));
let server: TestServer;

before(async () => {
  server = await startTestServer({ seed: 'core', clock });
  await seedAssets(server.db, clock.now());
});
after(async () => {
  await server?.close();
});

const OFFERED = `approval_status = 'approved' AND published_at <= $1 AND (expires_at IS NULL OR expires_at > $1)`;

async function ids(sql: string, params: unknown[] = []): Promise<string[]> {
  return (await server.db.query<{ id: string }>(sql, params)).rows.map((r) => r.id);
}

async function list(query: string, token: string = KEYS.northwind) {
  const r = await server.request<AssetPage>('GET', `/v1/assets${query ? `?${query}` : ''}`, { token });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

/** Every page of a query, checking that each page agrees on the total. */
async function allPages(query: string, limit = 17): Promise<{ items: Asset[]; total: number }> {
  const items: Asset[] = [];
  let cursor: string | null = null;
  let total = -1;
  for (let i = 0; i < 500; i++) {
    const page: AssetPage = await list(
      `${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (total === -1) total = page.total;
    assert.equal(page.total, total, 'the total is the same on every page');
    assert.ok(page.items.length <= limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return { items, total };
  }
  assert.fail('pagination did not end');
}

function assertNoRepeats(items: Asset[]) {
  assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'no asset twice');
}

function assertProblem(
  r: { status: number; body: unknown; text: string },
  status: number,
  code: string,
  pointer?: string,
) {
  assert.equal(r.status, status, r.text);
  assert.equal((r.body as Problem).code, code, r.text);
  if (pointer)
    assert.ok(
      (r.body as Problem).errors?.some((e) => e.pointer === pointer),
      r.text,
    );
}

describe('what is offered', () => {
  test('only vendor-approved, published, unexpired assets, all of them, with the right total', async () => {
    const now = clock.now();
    const hidden = {
      expired: await ids(`SELECT id FROM assets WHERE expires_at <= $1`, [now]),
      draft: await ids(`SELECT id FROM assets WHERE approval_status <> 'approved'`),
      scheduled: await ids(`SELECT id FROM assets WHERE published_at > $1`, [now]),
    };
    for (const [kind, list] of Object.entries(hidden))
      assert.ok(list.length > 0, `the demo library has ${kind} assets`);
    const expected = await ids(`SELECT id FROM assets WHERE ${OFFERED}`, [now]);
    assert.ok(expected.length >= 150, `about two hundred assets (${expected.length} offered)`);
    const { items, total } = await allPages('');
    assertNoRepeats(items);
    assert.equal(total, expected.length);
    assert.deepEqual(items.map((a) => a.id).sort(), [...expected].sort());
    for (const id of Object.values(hidden).flat()) {
      assert.ok(!items.some((a) => a.id === id), `${id} is not offered`);
      assertProblem(
        await server.request('GET', `/v1/assets/${id}`, { token: KEYS.northwind }),
        404,
        'not_found',
      );
      assertProblem(
        await server.request('POST', `/v1/assets/${id}/downloads`, { token: KEYS.northwind, body: {} }),
        404,
        'not_found',
      );
    }
  });

  test('every type, format and language of the demo library is there, many co-brandable', async () => {
    const { items } = await allPages('', 100);
    for (const type of [
      'brochure',
      'datasheet',
      'case_study',
      'presentation',
      'logo',
      'banner',
      'social',
      'email_template',
      'whitepaper',
    ]) {
      assert.ok(
        items.some((a) => a.type === type),
        type,
      );
    }
    assert.deepEqual([...new Set(items.map((a) => a.language))].sort(), ['de', 'en', 'es', 'fr', 'ja']);
    assert.deepEqual([...new Set(items.map((a) => a.format))].sort(), ['html', 'pdf', 'png', 'svg']);
    const co = items.filter((a) => a.coBrandable);
    assert.ok(co.length >= 40, `${co.length} co-brandable`);
    assert.ok(co.some((a) => a.format === 'svg') && co.some((a) => a.format === 'pdf'));
    assert.ok(items.every((a) => a.size > 0 && a.thumbnailUrl?.startsWith('data:image/svg+xml;base64,')));
  });
});

describe('sorting and cursors', () => {
  test('newest: by publication, newest first', async () => {
    const { items, total } = await allPages('sort=newest');
    assertNoRepeats(items);
    assert.equal(items.length, total);
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      assert.ok(
        a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.id > b.id),
        `${a.id} before ${b.id}`,
      );
    }
    assert.deepEqual((await list('')).items, (await list('sort=newest')).items, 'newest is the default');
  });

  test('title: alphabetical, as the database collates, ignoring case', async () => {
    const { items } = await allPages('sort=title', 13);
    assertNoRepeats(items);
    const expected = await ids(`SELECT id FROM assets WHERE ${OFFERED} ORDER BY lower(title), id`, [
      clock.now(),
    ]);
    assert.deepEqual(
      items.map((a) => a.id),
      expected,
    );
  });

  test('popular: by downloads, most first', async () => {
    const { items, total } = await allPages('sort=popular', 11);
    assertNoRepeats(items);
    assert.equal(items.length, total);
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.downloadCount >= items[i]!.downloadCount);
  });

  test('relevance: matches in titles and tags rank above matches in descriptions', async () => {
    const { items, total } = await allPages('q=shield&sort=relevance', 5);
    assertNoRepeats(items);
    assert.equal(items.length, total);
    assert.ok(total > 5);
    const inTitle = (a: Asset) => /shield/i.test(a.title) || a.tags.some((t) => /shield/i.test(t));
    const firstDescriptionOnly = items.findIndex((a) => !inTitle(a));
    if (firstDescriptionOnly !== -1) assert.ok(items.slice(firstDescriptionOnly).every((a) => !inTitle(a)));
    // Without words there is nothing to rank: relevance falls back to newest.
    assert.deepEqual((await list('sort=relevance')).items, (await list('sort=newest')).items);
  });

  test('a cursor works only with its own sort order; a forged one is refused', async () => {
    const page = await list('sort=newest&limit=3');
    assert.ok(page.nextCursor);
    assertProblem(
      await server.request('GET', `/v1/assets?sort=title&cursor=${page.nextCursor}`, {
        token: KEYS.northwind,
      }),
      400,
      'validation_failed',
      '/query/cursor',
    );
    for (const forged of [
      'abc',
      Buffer.from('["popular","x","y"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
    ]) {
      assertProblem(
        await server.request('GET', `/v1/assets?sort=popular&cursor=${forged}`, { token: KEYS.northwind }),
        400,
        'validation_failed',
        '/query/cursor',
      );
    }
  });
});

describe('search and filters', () => {
  test('words match prefixes of title, description and tag words, all of them', async () => {
    const { items } = await allPages('q=datash');
    assert.ok(items.length >= 8);
    assert.ok(items.every((a) => /datash/i.test(`${a.title} ${a.description} ${a.tags.join(' ')}`)));
    const two = await allPages('q=acme%20shie');
    assert.ok(two.items.length > 0);
    assert.ok(two.items.every((a) => /shie/i.test(`${a.title} ${a.description} ${a.tags.join(' ')}`)));
    const byTag = await allPages('q=linkedin');
    assert.ok(byTag.items.length > 0 && byTag.items.every((a) => a.tags.includes('linkedin')));
    const ja = await allPages('q=%E3%83%87%E3%83%BC%E3%82%BF');
    assert.ok(
      ja.items.some((a) => a.language === 'ja' && a.type === 'datasheet'),
      'Japanese words are found too',
    );
    assert.equal((await list('q=zzzqqqxxy')).total, 0);
  });

  test('hostile search text is only text', async () => {
    const all = (await list('')).total;
    for (const q of [
      "'; DROP TABLE assets; --",
      ':* & | ! ( )',
      '<script>alert(1)</script>',
      '\\',
      '%',
      '"""',
      '!!!',
      ' ',
    ]) {
      const page = await list(`q=${encodeURIComponent(q)}`);
      if (!/[\p{L}\p{N}]/u.test(q)) assert.equal(page.total, all, `${q} has no words: everything matches`);
    }
    const script = await list(`q=${encodeURIComponent('<script>')}`);
    assert.equal(script.total, 0);
    assert.equal((await list('')).total, all, 'the library is intact');
  });

  test('filters: OR within one, AND across them; totals agree with the library', async () => {
    const now = clock.now();
    const count = async (where: string, params: unknown[] = []) =>
      Number(
        (
          await server.db.query<{ n: number }>(
            `SELECT count(*) AS n FROM assets WHERE ${OFFERED} AND ${where}`,
            [now, ...params],
          )
        ).rows[0]!.n,
      );
    const types = await allPages('type=datasheet&type=brochure');
    assert.ok(types.items.every((a) => a.type === 'datasheet' || a.type === 'brochure'));
    assert.equal(types.total, await count(`type IN ('datasheet', 'brochure')`));

    const product = await allPages('product=prd_shield&product=prd_vault');
    assert.ok(
      product.items.every((a) => a.products.includes('prd_shield') || a.products.includes('prd_vault')),
    );
    assert.equal(product.total, await count(`product_ids && ARRAY['prd_shield', 'prd_vault']`));

    const german = await allPages('language=de');
    assert.ok(
      german.total > 0 && german.items.every((a) => a.language === 'de' || a.language.startsWith('de-')),
    );
    assert.equal((await list('language=de-AT')).total, 0, 'a regional tag matches only that region');

    const audience = await allPages('audience=technical');
    assert.ok(audience.items.every((a) => a.audience === 'technical'));
    assert.equal(audience.total, await count(`audience = 'technical'`));

    const co = await allPages('coBrandable=true');
    const plain = await allPages('coBrandable=false');
    assert.ok(co.items.every((a) => a.coBrandable) && plain.items.every((a) => !a.coBrandable));
    assert.equal(co.total + plain.total, (await list('')).total);

    const combined = await allPages('type=banner&type=social&coBrandable=true&language=en&q=acme');
    assert.ok(combined.total > 0);
    assert.ok(
      combined.items.every(
        (a) =>
          ['banner', 'social'].includes(a.type) &&
          a.coBrandable &&
          a.language === 'en' &&
          /acme/i.test(`${a.title} ${a.description} ${a.tags}`),
      ),
    );
    const bad = await server.request('GET', '/v1/assets?type=poster', { token: KEYS.northwind });
    assert.equal(bad.status, 400, bad.text);
  });
});

describe('getAsset', () => {
  test('an SVG template comes with its source and slots; a PDF template with its slots; a plain asset with none', async () => {
    const svg = (await list('coBrandable=true&type=banner&limit=1')).items[0]!;
    const r = await server.request<AssetDetail>('GET', `/v1/assets/${svg.id}`, { token: KEYS.northwind });
    assert.equal(r.status, 200, r.text);
    const { template, ...asset } = r.body;
    assert.deepEqual(asset, svg);
    assert.equal(template?.format, 'svg');
    assert.ok(template?.source?.trimStart().startsWith('<svg'));
    assert.ok(template.slots.some((s) => s.key === 'logo' && s.kind === 'image'));
    assert.ok(template.slots.some((s) => s.key === 'partner_name' && s.kind === 'text'));
    assert.ok(template.width > 0 && template.height > 0);

    const pdf = (await allPages('coBrandable=true&type=brochure')).items[0]!;
    const p = await server.request<AssetDetail>('GET', `/v1/assets/${pdf.id}`, { token: KEYS.northwind });
    assert.equal(p.body.template?.format, 'pdf');
    assert.equal(p.body.template?.source, undefined);
    assert.ok(p.body.template?.slots.every((s) => s.page === 2));

    const plain = (await list('coBrandable=false&limit=1')).items[0]!;
    const q = await server.request<AssetDetail>('GET', `/v1/assets/${plain.id}`, { token: KEYS.contoso });
    assert.equal(q.body.template, null);
    assertProblem(
      await server.request('GET', '/v1/assets/ast_nothing', { token: KEYS.northwind }),
      404,
      'not_found',
    );
  });
});

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => level !== 'warning' && errors.push(msg),
  }).parseFromString(text, 'image/svg+xml');
  assert.deepEqual(errors, []);
  return doc;
}

function slotText(doc: ReturnType<typeof parseXml>, key: string) {
  return (
    Array.from(doc.getElementsByTagName('text')).find((e) => e.getAttribute('data-pk-slot') === key)
      ?.textContent ?? null
  );
}

async function download(assetId: string, body: unknown, token: string = KEYS.northwind) {
  const r = await server.request<AssetDownload>('POST', `/v1/assets/${assetId}/downloads`, { token, body });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

async function fetchFile(url: string) {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('downloads', () => {
  test('a co-branded SVG carries the partner, and the download is recorded', async () => {
    const asset = (await list('coBrandable=true&type=social&language=en&limit=1')).items[0]!;
    const d = await download(asset.id, { coBrand: true });
    assert.equal(d.assetId, asset.id);
    assert.equal(d.coBranded, true);
    assert.equal(d.contentType, 'image/svg+xml');
    assert.match(d.fileName, /-northwind-systems\.svg$/);
    assert.ok(d.url.startsWith(`${server.url}/v1/files/`), d.url);
    assert.equal(Date.parse(d.expiresAt) - clock.now().getTime(), 15 * 60_000);

    const file = await fetchFile(d.url);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/svg+xml');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="[^"]+\.svg"/);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    const doc = parseXml(file.bytes.toString('utf8'));
    assert.equal(slotText(doc, 'partner_name'), 'Northwind Systems');
    assert.equal(slotText(doc, 'website'), 'northwind.example');

    const after = await server.request<AssetDetail>('GET', `/v1/assets/${asset.id}`, {
      token: KEYS.northwind,
    });
    assert.equal(after.body.downloadCount, asset.downloadCount + 1);
    const usage = await server.db.query<{
      partner_id: string;
      user_name: string;
      co_branded: boolean;
      created_at: Date;
    }>('SELECT partner_id, user_name, co_branded, created_at FROM asset_downloads WHERE id = $1', [d.id]);
    assert.deepEqual(usage.rows[0], {
      partner_id: 'ptn_northwind',
      user_name: usage.rows[0]!.user_name,
      co_branded: true,
      created_at: clock.now(),
    });
    assert.ok(usage.rows[0]!.user_name.length > 0);
  });

  test("the download's fields override the partner's details, and hostile text stays text", async () => {
    const asset = (await allPages('coBrandable=true&type=datasheet&q=cover')).items[0]!;
    const hostile = '<script>alert(1)</script>"onload=';
    const d = await download(asset.id, {
      coBrand: true,
      fields: { partner_name: hostile, website: 'https://www.example.org/', contact_phone: '' },
    });
    const text = (await fetchFile(d.url)).bytes.toString('utf8');
    const doc = parseXml(text);
    assert.equal(slotText(doc, 'partner_name'), hostile);
    assert.equal(slotText(doc, 'website'), 'www.example.org');
    assert.equal(slotText(doc, 'contact_phone'), null, 'an empty override blanks the slot');
    const me = await server.request<Me>('GET', '/v1/me', { token: KEYS.northwind });
    assert.equal(slotText(doc, 'contact_email'), me.body.partner?.contact.email, "the partner's own contact");
    assert.equal(doc.getElementsByTagName('script').length, 0);
    assert.ok(!/<script/i.test(text));
    // Too long for its slot: cut, with an ellipsis, still text.
    const long = `${'"><script>alert(document.domain)</script>'.repeat(3)}`;
    const cut = parseXml(
      (
        await fetchFile((await download(asset.id, { coBrand: true, fields: { partner_name: long } })).url)
      ).bytes.toString('utf8'),
    );
    const shown = slotText(cut, 'partner_name')!;
    assert.ok(shown.endsWith('…') && long.startsWith(shown.slice(0, -1)), shown);
    assert.equal(cut.getElementsByTagName('script').length, 0);
    const stored = await server.db.query<{ fields: unknown }>(
      'SELECT fields FROM asset_downloads WHERE id = $1',
      [d.id],
    );
    assert.deepEqual(stored.rows[0]!.fields, {
      partner_name: hostile,
      website: 'https://www.example.org/',
      contact_phone: '',
    });
  });

  test('a co-branded PDF has the partner on the template page and parses', async () => {
    const asset = (await allPages('coBrandable=true&type=brochure&language=de')).items[0]!;
    const d = await download(
      asset.id,
      { coBrand: true, fields: { contact_name: 'Renée Müller' } },
      KEYS.contoso,
    );
    assert.equal(d.contentType, 'application/pdf');
    assert.match(d.fileName, /\.pdf$/);
    const file = await fetchFile(d.url);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    const pdf = await PDFDocument.load(file.bytes);
    assert.equal(pdf.getPageCount(), 2);
    const page = pdf.getPage(1);
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
    const ops = streams
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
      .join('\n');
    const shown = (t: string) => `<${Buffer.from(t, 'latin1').toString('hex').toUpperCase()}> Tj`;
    assert.ok(ops.includes(shown('Contoso Cloud')), 'partner name on the back page');
    assert.ok(ops.includes(shown('Renée Müller')), 'the override, in the font encoding');
  });

  test('a plain download serves the stored file byte for byte, even when co-branding is asked for', async () => {
    const asset = (await list('coBrandable=false&type=logo&limit=1')).items[0]!;
    const d = await download(asset.id, { coBrand: true });
    assert.equal(d.coBranded, false);
    const file = await fetchFile(d.url);
    const stored = await server.db.query<{ data: Uint8Array; content_type: string }>(
      'SELECT f.data, f.content_type FROM assets a JOIN asset_files f ON f.id = a.file_id WHERE a.id = $1',
      [asset.id],
    );
    assert.deepEqual(file.bytes, Buffer.from(stored.rows[0]!.data));
    assert.equal(file.headers.get('content-type'), stored.rows[0]!.content_type);
    assert.equal(d.contentType, stored.rows[0]!.content_type);
    const noBody = await server.request<AssetDownload>('POST', `/v1/assets/${asset.id}/downloads`, {
      token: KEYS.northwindUser,
    });
    assert.equal(noBody.status, 201, noBody.text);
    assert.equal(noBody.body.coBranded, false);
  });

  test('a co-branded SVG template taken as PNG is recorded as a PNG; its link serves the SVG to render', async () => {
    const asset = (await list('coBrandable=true&type=banner&limit=1')).items[0]!;
    const d = await download(asset.id, {
      coBrand: true,
      format: 'png',
      fields: { partner_name: 'Png & Partners' },
    });
    assert.equal(d.format, 'png');
    assert.equal(d.coBranded, true);
    assert.equal(d.contentType, 'image/svg+xml');
    assert.match(d.fileName, /-png-partners\.svg$/);
    const file = await fetchFile(d.url);
    assert.equal(file.headers.get('content-type'), 'image/svg+xml');
    assert.equal(slotText(parseXml(file.bytes.toString('utf8')), 'partner_name'), 'Png & Partners');
    const usage = await server.db.query<{ format: string; content_type: string }>(
      'SELECT format, content_type FROM asset_downloads WHERE id = $1',
      [d.id],
    );
    assert.deepEqual(usage.rows[0], { format: 'png', content_type: 'image/svg+xml' });
    const svg = await download(asset.id, { coBrand: true });
    assert.equal(svg.format, 'svg');
    const plain = await download((await list('coBrandable=false&type=whitepaper&limit=1')).items[0]!.id, {});
    assert.equal(plain.format, 'pdf');
  });

  test('a format the asset is not offered in is refused with 422, and nothing is recorded', async () => {
    const svg = (await list('coBrandable=true&type=social&limit=1')).items[0]!;
    const pdf = (await allPages('coBrandable=true&type=brochure')).items[0]!;
    const plain = (await allPages('coBrandable=false&type=logo')).items.find((a) => a.format === 'svg')!;
    const count = async () =>
      Number((await server.db.query<{ n: number }>('SELECT count(*) AS n FROM asset_downloads')).rows[0]!.n);
    const before = await count();
    for (const [asset, body] of [
      [svg, { coBrand: false, format: 'png' }],
      [svg, { coBrand: true, format: 'pdf' }],
      [pdf, { coBrand: true, format: 'png' }],
      [plain, { coBrand: true, format: 'png' }],
    ] as const) {
      const r = await server.request('POST', `/v1/assets/${asset.id}/downloads`, {
        token: KEYS.northwind,
        body,
      });
      assertProblem(r, 422, 'format_unavailable', '/format');
    }
    const bad = await server.request('POST', `/v1/assets/${svg.id}/downloads`, {
      token: KEYS.northwind,
      body: { coBrand: true, format: 'gif' },
    });
    assertProblem(bad, 400, 'validation_failed', '/format');
    assert.equal(await count(), before);
  });

  test('a vendor admin can try a template with the fields it passes', async () => {
    const asset = (await list('coBrandable=true&type=social&limit=1')).items[0]!;
    const d = await download(
      asset.id,
      { coBrand: true, fields: { partner_name: 'Preview Partner GmbH' } },
      KEYS.vendor,
    );
    const doc = parseXml((await fetchFile(d.url)).bytes.toString('utf8'));
    assert.equal(slotText(doc, 'partner_name'), 'Preview Partner GmbH');
    const usage = await server.db.query<{ partner_id: string | null }>(
      'SELECT partner_id FROM asset_downloads WHERE id = $1',
      [d.id],
    );
    assert.equal(usage.rows[0]!.partner_id, null);
  });

  test('links need no token, expire after 15 minutes (410), and cannot be forged (404)', async () => {
    const asset = (await list('coBrandable=true&limit=1')).items[0]!;
    const d = await download(asset.id, { coBrand: true });
    const token = d.url.split('/v1/files/')[1]!;
    assert.ok(token.length < 100, 'short enough for any router');
    const [head, payload, signature] = token.split('.');
    const flipped = `${head}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [
      flipped,
      `${head}.${payload}.`,
      'nonsense',
      'a.b.c',
      `${head}.${Buffer.alloc(16).toString('base64url')}.${signature}`,
    ]) {
      const r = await server.request('GET', `/v1/files/${bad}`);
      assertProblem(r, 404, 'not_found');
    }
    clock.advance(15 * 60_000 - 1000);
    assert.equal((await fetchFile(d.url)).status, 200);
    clock.advance(1000);
    const gone = await server.request('GET', `/v1/files/${token}`);
    assertProblem(gone, 410, 'gone');
    clock.set(new Date('2026-11-10T10:00:00Z'));
  });

  test('an asset that expires after its link was made is no longer served', async () => {
    const asset = (await list('coBrandable=false&type=whitepaper&limit=1')).items[0]!;
    const d = await download(asset.id, {});
    await server.db.query('UPDATE assets SET expires_at = $2 WHERE id = $1', [
      asset.id,
      new Date(clock.now().getTime() + 60_000),
    ]);
    assert.equal((await fetchFile(d.url)).status, 200);
    clock.advance(60_000);
    assertProblem(await server.request('GET', d.url.replace(server.url, '')), 404, 'not_found');
    assertProblem(
      await server.request('GET', `/v1/assets/${asset.id}`, { token: KEYS.northwind }),
      404,
      'not_found',
    );
    assert.ok(!(await allPages('type=whitepaper')).items.some((a) => a.id === asset.id));
    clock.set(new Date('2026-11-10T10:00:00Z'));
  });

  test('bad download bodies are refused', async () => {
    const asset = (await list('coBrandable=true&limit=1')).items[0]!;
    for (const body of [
      { coBrand: 'yes' },
      { fields: { logo: 'x' } },
      { fields: { partner_name: 'x'.repeat(201) } },
      { extra: 1 },
    ]) {
      const r = await server.request('POST', `/v1/assets/${asset.id}/downloads`, {
        token: KEYS.northwind,
        body,
      });
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    }
    const anonymous = await server.request('POST', `/v1/assets/${asset.id}/downloads`, { body: {} });
    assert.equal(anonymous.status, 401);
  });
});

describe('a library of thousands', () => {
  const BULK = 3000;

  before(async () => {
    // Varied, realistic titles: product x kind x topic x region, in several languages.
    await server.db.query(
      `INSERT INTO asset_files (id, file_name, content_type, size, data, created_at)
       VALUES ('bulk_file', 'bulk.pdf', 'application/pdf', 9, '\\x255044462d312e340a'::bytea, $1)`,
      [clock.now()],
    );
    await server.db.query(
      `INSERT INTO assets (id, title, description, type, format, language, audience, product_ids, tags, file_id,
         approval_status, published_at, expires_at, download_count, created_at, updated_at)
       SELECT 'bulk_' || i,
              (ARRAY['Acme Cloud Core', 'Acme Edge Gateway', 'Acme Data Lake', 'Acme Shield', 'Acme Identity',
                     'Acme Key Vault', 'Acme Insight', 'Acme Stream Analytics'])[1 + i % 8] || ' ' ||
              (ARRAY['battlecard', 'pricing sheet', 'migration playbook', 'ROI calculator', 'solution brief',
                     'reference architecture', 'competitive overview'])[1 + (i / 8) % 7] || ': ' ||
              (ARRAY['healthcare', 'retail', 'manufacturing', 'public sector', 'financial services', 'education',
                     'logistics', 'energy', 'telecom', 'media'])[1 + (i / 56) % 10] || ' edition ' || (i / 560 + 1),
              'Field material for partner teams in the ' ||
              (ARRAY['EMEA', 'North America', 'APAC', 'LATAM'])[1 + i % 4] || ' region.',
              (ARRAY['brochure', 'datasheet', 'case_study', 'presentation', 'whitepaper'])[1 + i % 5],
              'pdf',
              (ARRAY['en', 'de', 'fr', 'es', 'ja'])[1 + (i / 3) % 5],
              (ARRAY['end_customer', 'partner_sales', 'partner_marketing', 'technical'])[1 + (i / 7) % 4],
              ARRAY[(ARRAY['prd_core', 'prd_edge', 'prd_datalake', 'prd_shield', 'prd_identity', 'prd_vault',
                           'prd_insight', 'prd_stream'])[1 + i % 8]],
              ARRAY['bulk', 'field material'],
              'bulk_file',
              'approved',
              $1::timestamptz - (i * interval '37 minutes'),
              NULL,
              (i * 7919) % 1000,
              $1::timestamptz - (i * interval '37 minutes'),
              $1::timestamptz
         FROM generate_series(1, ${BULK}) AS i`,
      [clock.now()],
    );
  });

  test('every sort pages through all of it, once each', async () => {
    const expected = Number(
      (
        await server.db.query<{ n: number }>(`SELECT count(*) AS n FROM assets WHERE ${OFFERED}`, [
          clock.now(),
        ])
      ).rows[0]!.n,
    );
    assert.ok(expected > BULK);
    for (const sort of ['newest', 'title', 'popular']) {
      const { items, total } = await allPages(`sort=${sort}`, 100);
      assert.equal(total, expected, sort);
      assert.equal(items.length, expected, sort);
      assertNoRepeats(items);
    }
    const search = await allPages('q=shield%20battlecard&sort=relevance', 100);
    assertNoRepeats(search.items);
    assert.ok(search.total >= BULK / 8 / 7 - 1);
    assert.ok(search.items.every((a) => /shield/i.test(a.title) && /battlecard/i.test(a.title)));
    const filtered = await allPages('q=retail&language=de&type=datasheet&product=prd_edge', 100);
    assert.ok(
      filtered.items.every(
        (a) => a.language === 'de' && a.type === 'datasheet' && a.products.includes('prd_edge'),
      ),
    );
    const { rows } = await server.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM assets WHERE ${OFFERED} AND title ILIKE '%retail%' AND language = 'de'
         AND type = 'datasheet' AND 'prd_edge' = ANY(product_ids)`,
      [clock.now()],
    );
    assert.equal(filtered.total, Number(rows[0]!.n));
  });
});
