import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ApiError } from '../types.js';
import {
  attachmentDisposition,
  decodeAssetCursor,
  decodeFileClaim,
  downloadFileName,
  downloadFormat,
  effectiveSort,
  encodeAssetCursor,
  encodeFileClaim,
  extensionFor,
  isOffered,
  languageFilter,
  MAX_SEARCH_WORDS,
  prefixTsQuery,
  searchWords,
  slug,
} from './assets.js';

const now = new Date('2026-11-10T10:00:00Z');
const day = 86_400_000;

describe('what is offered', () => {
  const base = { approvalStatus: 'approved', publishedAt: new Date(now.getTime() - day), expiresAt: null };
  test('approved, published and unexpired', () => {
    assert.equal(isOffered(base, now), true);
    assert.equal(isOffered({ ...base, expiresAt: new Date(now.getTime() + 1) }, now), true);
  });
  test('not approved, not yet published, or expired (the expiry instant included)', () => {
    assert.equal(isOffered({ ...base, approvalStatus: 'draft' }, now), false);
    assert.equal(isOffered({ ...base, approvalStatus: 'withdrawn' }, now), false);
    assert.equal(isOffered({ ...base, publishedAt: new Date(now.getTime() + 1) }, now), false);
    assert.equal(isOffered({ ...base, expiresAt: now }, now), false);
  });
});

describe('search text', () => {
  test('words are letters and digits, lower case, deduplicated', () => {
    assert.deepEqual(searchWords('  Acme  SHIELD, shield; data-sheet v2 '), [
      'acme',
      'shield',
      'data',
      'sheet',
      'v2',
    ]);
    assert.deepEqual(searchWords('Ｓｈｉｅｌｄ'), ['shield'], 'full-width letters are normalised');
    assert.deepEqual(searchWords('データシート 日本'), ['データシート', '日本']);
    assert.deepEqual(searchWords(undefined), []);
    assert.equal(
      searchWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).length,
      MAX_SEARCH_WORDS,
    );
  });

  test('every word becomes a prefix term; nothing else reaches the query syntax', () => {
    assert.equal(prefixTsQuery('acme shie'), "'acme':* & 'shie':*");
    assert.equal(prefixTsQuery("'; DROP TABLE assets; --"), "'drop':* & 'table':* & 'assets':*");
    assert.equal(prefixTsQuery(':* & | ! ()'), null);
    assert.equal(prefixTsQuery(''), null);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (q) => {
        const tsq = prefixTsQuery(q);
        if (tsq === null) return;
        assert.match(tsq, /^'[\p{L}\p{N}]+':\*( & '[\p{L}\p{N}]+':\*)*$/u);
      }),
    );
  });

  test('relevance needs words; without them the order is newest', () => {
    assert.equal(effectiveSort('relevance', false), 'newest');
    assert.equal(effectiveSort('relevance', true), 'relevance');
    assert.equal(effectiveSort(undefined, true), 'newest');
    assert.equal(effectiveSort('title', false), 'title');
  });

  test('a bare language matches every region of it; a regional tag only itself', () => {
    assert.deepEqual(languageFilter(['de', 'fr-CA', 'ja']), { exact: ['fr-CA'], base: ['de', 'ja'] });
    assert.deepEqual(languageFilter([]), { exact: [], base: [] });
  });
});

function badCursor(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 400);
    assert.equal(e.extra.errors?.[0]?.pointer, '/query/cursor');
    return;
  }
  assert.fail('expected a bad cursor');
}

describe('cursors', () => {
  test('round-trip for every sort order', () => {
    const cursors = [
      { sort: 'newest', publishedAt: '2026-01-02T03:04:05.000Z', id: 'ast_a' },
      { sort: 'title', title: 'acme shield datasheet', id: 'ast_b' },
      { sort: 'popular', downloads: 412, id: 'ast_c' },
      { sort: 'relevance', score: 60_793, id: 'ast_d' },
    ] as const;
    for (const c of cursors) assert.deepEqual(decodeAssetCursor(encodeAssetCursor(c), c.sort), c);
  });

  test('property: any title survives the round trip', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (title) => {
        const c = { sort: 'title' as const, title, id: 'ast_x' };
        assert.deepEqual(decodeAssetCursor(encodeAssetCursor(c), 'title'), c);
      }),
    );
  });

  test('a cursor of another sort order, or a forged one, is a 400 naming the cursor', () => {
    const newest = encodeAssetCursor({ sort: 'newest', publishedAt: now.toISOString(), id: 'ast_a' });
    badCursor(() => decodeAssetCursor(newest, 'title'));
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [
      'not base64 at all!',
      forge({}),
      forge(['popular', -1, 'ast_a']),
      forge(['popular', 1.5, 'ast_a']),
      forge(['popular', '7', 'ast_a']),
      forge(['newest', 'yesterday', 'ast_a']),
      forge(['title', 'x', "ast'; --"]),
      forge(['title', 'x'.repeat(301), 'ast_a']),
      forge(['relevance', 10]),
    ]) {
      badCursor(() => decodeAssetCursor(bad, 'popular'));
      badCursor(() => decodeAssetCursor(bad, 'title'));
    }
  });
});

describe('downloaded files', () => {
  test('names are slugs of the title, with the partner when co-branded, and the right extension', () => {
    assert.equal(slug('Fiche technique « Acme Shield » — été'), 'fiche-technique-acme-shield-ete');
    assert.equal(downloadFileName('Acme Shield datasheet', 'application/pdf'), 'acme-shield-datasheet.pdf');
    assert.equal(
      downloadFileName('Social card: Ransomware-ready in 30 days', 'image/svg+xml', 'Northwind Systems'),
      'social-card-ransomware-ready-in-30-days-northwind-systems.svg',
    );
    assert.equal(downloadFileName('データシート', 'image/png'), 'asset.png');
    assert.equal(extensionFor('text/html; charset=utf-8'), 'html');
    assert.equal(extensionFor('application/x-unknown'), 'bin');
  });

  test('Content-Disposition: an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(
      attachmentDisposition('Müller "quote".pdf'),
      `attachment; filename="M_ller _quote_.pdf"; filename*=UTF-8''M%C3%BCller%20%22quote%22.pdf`,
    );
    assert.equal(
      attachmentDisposition("it's (v2).pdf"),
      `attachment; filename="it's (v2).pdf"; filename*=UTF-8''it%27s%20%28v2%29.pdf`,
    );
  });

  test('a signed link carries the download id and expiry in 16 bytes', () => {
    for (let i = 0; i < 50; i++) {
      const id = `dl_${randomBytes(12).toString('base64url')}`;
      const expiresAt = new Date(Math.floor((now.getTime() + i * 1000) / 1000) * 1000);
      const bytes = encodeFileClaim(id, expiresAt);
      assert.equal(bytes.length, 16);
      assert.deepEqual(decodeFileClaim(bytes), { downloadId: id, expiresAt });
    }
    assert.throws(() => encodeFileClaim('dl_short', now));
    assert.equal(decodeFileClaim(new Uint8Array(15)), null);
  });
});

describe('the format of a download', () => {
  const svgTemplate = { format: 'svg', templateFormat: 'svg' } as const;
  const pdfTemplate = { format: 'pdf', templateFormat: 'pdf' } as const;
  const plainSvg = { format: 'svg', templateFormat: null } as const;
  const refused = (run: () => unknown, message: RegExp) =>
    assert.throws(run, (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 422);
      assert.equal(e.code, 'format_unavailable');
      assert.deepEqual(
        e.extra.errors?.map((x) => x.pointer),
        ['/format'],
      );
      assert.match(e.message, message);
      return true;
    });

  test("absent or the asset's own: the asset's own", () => {
    assert.equal(downloadFormat(svgTemplate, true, undefined), 'svg');
    assert.equal(downloadFormat(svgTemplate, false, 'svg'), 'svg');
    assert.equal(downloadFormat(pdfTemplate, true, 'pdf'), 'pdf');
    assert.equal(downloadFormat(plainSvg, false, undefined), 'svg');
  });

  test('a co-branded SVG template may be taken as PNG', () => {
    assert.equal(downloadFormat(svgTemplate, true, 'png'), 'png');
  });

  test('anything else is refused, saying what the asset is offered as', () => {
    refused(() => downloadFormat(svgTemplate, false, 'png'), /coBrand: true/);
    refused(() => downloadFormat(plainSvg, true, 'png'), /offered as svg, not as png/);
    refused(() => downloadFormat(pdfTemplate, true, 'png'), /offered as pdf, not as png/);
    refused(() => downloadFormat(svgTemplate, true, 'pdf'), /as svg \(or, co-branded, as png\), not as pdf/);
  });
});
