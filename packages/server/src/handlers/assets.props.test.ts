// Property-based tests of the asset library through real HTTP: any download body gets a 201 or a
// 4xx problem document, never a 5xx; whatever a partner puts in the co-brand fields comes back as
// exactly that text in a well-formed SVG; any search or filter query answers without a 5xx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Asset, AssetDownload, AssetPage } from '@partnerkit/api';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { plainText } from '../rules/cobrand.js';
import { seedAssets } from '../seed/assets.js';
import { KEYS, startTestServer, type TestServer, testClock } from '../test/harness.js';

const clock = testClock(new Date('2026-11-10T10:00:00Z'));
let server: TestServer;
let cover: Asset;
let plain: Asset;

before(async () => {
  server = await startTestServer({ seed: 'core', clock });
  await seedAssets(server.db, clock.now());
  const covers = await server.request<AssetPage>(
    'GET',
    '/v1/assets?type=datasheet&coBrandable=true&q=cover',
    {
      token: KEYS.northwind,
    },
  );
  cover = covers.body.items[0]!;
  const plains = await server.request<AssetPage>('GET', '/v1/assets?coBrandable=false&type=logo', {
    token: KEYS.northwind,
  });
  plain = plains.body.items[0]!;
  assert.ok(cover && plain);
});
after(async () => {
  await server?.close();
});

async function send(method: string, path: string, body?: unknown, raw?: string) {
  const res = await fetch(new URL(path, server.url), {
    method,
    headers: {
      authorization: `Bearer ${KEYS.northwind}`,
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function assertAnswer(r: { status: number; type: string; text: string }, context: unknown) {
  const where = `${JSON.stringify(context)?.slice(0, 300)} -> ${r.status} ${r.text.slice(0, 300)}`;
  assert.ok(r.status < 500, `never a 5xx: ${where}`);
  if (r.status >= 400) {
    assert.match(r.type, /application\/problem\+json/, where);
    assert.equal(JSON.parse(r.text).status, r.status, where);
  }
}

const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '" onload="alert(1)',
    "' onmouseover='x",
    ']]><![CDATA[',
    '&amp;&lt;&#x3C;',
    '<!ENTITY x SYSTEM "file:///etc/passwd">',
    'javascript:alert(1)',
    'a\u0000b',
    '\ud800',
    '\u202eevil',
    '',
    ' ',
  ),
);
const field = fc.oneof(
  hostile,
  fc.constantFrom(null, 1, true, [], {}),
  fc.string({ minLength: 201, maxLength: 300 }),
);

describe('createAssetDownload never fails on bad input', () => {
  test('any body: a 201 or a 4xx problem', async () => {
    const body = fc.oneof(
      fc.record(
        {
          coBrand: fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null)),
          fields: fc.oneof(
            fc.record(
              {
                partner_name: field,
                contact_name: field,
                contact_email: field,
                contact_phone: field,
                website: field,
              },
              { requiredKeys: [] },
            ),
            fc.dictionary(fc.string({ maxLength: 10 }), field, { maxKeys: 3 }),
            fc.jsonValue({ maxDepth: 1 }),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(cover, plain), async (b, asset) => {
        assertAnswer(await send('POST', `/v1/assets/${asset.id}/downloads`, b), b);
      }),
      { numRuns: 150 },
    );
    for (const raw of [
      '{',
      '[',
      'null',
      '"x"',
      `{"fields":{"partner_name":"${'x'.repeat(2 * 1024 * 1024)}"}}`,
    ]) {
      const r = await send('POST', `/v1/assets/${cover.id}/downloads`, undefined, raw);
      assertAnswer(r, raw.slice(0, 30));
      assert.ok(r.status >= 400);
    }
  });

  test('whatever the partner name, the co-branded SVG is well-formed and shows exactly that text', async () => {
    const textValue = fc.oneof(
      fc.string({ maxLength: 25 }),
      // Any Unicode text the API can store (NUL is refused before it gets here).
      fc.string({ unit: 'grapheme', maxLength: 12 }).filter((t) => !t.includes('\u0000')),
      fc.constantFrom('<script>alert(1)</script>', '"onload="x', 'A & B <C>', ']]>', 'Ünïcödé 日本 🚀'),
    );
    await fc.assert(
      fc.asyncProperty(textValue, async (name) => {
        const r = await send('POST', `/v1/assets/${cover.id}/downloads`, {
          coBrand: true,
          fields: { partner_name: name },
        });
        assert.equal(r.status, 201, r.text);
        const d = JSON.parse(r.text) as AssetDownload;
        const svg = await (await fetch(d.url)).text();
        const errors: string[] = [];
        const doc = new DOMParser({
          onError: (level, msg) => level !== 'warning' && errors.push(msg),
        }).parseFromString(svg, 'image/svg+xml');
        assert.deepEqual(errors, [], 'well-formed');
        assert.equal(doc.getElementsByTagName('script').length, 0);
        const slot = Array.from(doc.getElementsByTagName('text')).find(
          (e) => e.getAttribute('data-pk-slot') === 'partner_name',
        );
        const expected = plainText(name);
        if (expected === '') assert.equal(slot, undefined);
        else {
          const shown = slot?.textContent ?? '';
          assert.ok(
            shown === expected || (shown.endsWith('…') && expected.startsWith(shown.slice(0, -1))),
            `${shown} for ${expected}`,
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('listAssets never fails on any query', () => {
  test('random search text, filters, sorts, limits and cursors', async () => {
    const param = fc.oneof(
      fc.tuple(fc.constant('q'), fc.oneof(fc.string({ maxLength: 40 }), hostile)),
      fc.tuple(
        fc.constantFrom('type', 'product', 'language', 'audience'),
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('datasheet', 'de', 'prd_shield', 'technical')),
      ),
      fc.tuple(fc.constantFrom('coBrandable'), fc.constantFrom('true', 'false', 'yes', '')),
      fc.tuple(fc.constant('sort'), fc.constantFrom('relevance', 'newest', 'title', 'popular', 'random')),
      fc.tuple(fc.constant('limit'), fc.constantFrom('1', '100', '0', '101', '-1', 'ten')),
      fc.tuple(
        fc.constant('cursor'),
        fc.oneof(fc.string({ maxLength: 40 }), fc.base64String({ maxLength: 40 })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(param, { maxLength: 5 }), async (params) => {
        const qs = new URLSearchParams(params as [string, string][]).toString();
        const r = await send('GET', `/v1/assets?${qs}`);
        assertAnswer(r, qs);
        if (r.status === 200) {
          const page = JSON.parse(r.text) as AssetPage;
          assert.ok(page.items.length <= page.total);
        }
      }),
      { numRuns: 150 },
    );
  });
});
