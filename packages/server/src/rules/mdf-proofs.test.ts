import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ApiError } from '../types.js';
import { decodeBase64Strict, decodeProofs, MAX_PROOF_BYTES, matchesMagic } from './mdf-proofs.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n');
const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

function invalid(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 422);
    assert.equal(e.code, 'invalid_file');
    return e;
  }
  assert.fail('expected invalid_file');
}

describe('strict base64', () => {
  test('round-trips what it decodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        assert.deepEqual(new Uint8Array(decodeBase64Strict(text)!), bytes);
      }),
    );
  });

  test('refuses what Buffer would silently skip or misread', () => {
    for (const bad of ['', 'abc', 'ab=c', 'a===', 'YWJj ZA==', 'YWJj\nZA==', 'YW-j', 'YW_j', 'YWJjZB==']) {
      assert.equal(decodeBase64Strict(bad), null, JSON.stringify(bad));
    }
  });
});

describe('magic numbers', () => {
  test('each declared type must match its signature', () => {
    assert.equal(matchesMagic(pdf, 'application/pdf'), true);
    assert.equal(matchesMagic(png, 'image/png'), true);
    assert.equal(matchesMagic(jpeg, 'image/jpeg'), true);
    assert.equal(matchesMagic(png, 'application/pdf'), false);
    assert.equal(matchesMagic(pdf, 'image/jpeg'), false);
    assert.equal(matchesMagic(Buffer.from([0x89, 0x50]), 'image/png'), false);
  });
});

describe('decodeProofs', () => {
  test('decodes good files', () => {
    const out = decodeProofs([
      { fileName: 'invoice.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') },
      { fileName: 'booth.png', contentType: 'image/png', dataBase64: png.toString('base64') },
      { fileName: 'crowd.jpg', contentType: 'image/jpeg', dataBase64: jpeg.toString('base64') },
    ]);
    assert.deepEqual(
      out.map((p) => [p.fileName, p.contentType, p.bytes.length]),
      [
        ['invoice.pdf', 'application/pdf', pdf.length],
        ['booth.png', 'image/png', png.length],
        ['crowd.jpg', 'image/jpeg', jpeg.length],
      ],
    );
  });

  test('names every bad file by pointer, and refuses them all together', () => {
    const e = invalid(() =>
      decodeProofs([
        { fileName: 'ok.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') },
        { fileName: 'fake.pdf', contentType: 'application/pdf', dataBase64: png.toString('base64') },
        { fileName: 'broken.png', contentType: 'image/png', dataBase64: 'iVBORw0KGgo=x' },
        { fileName: 'x.gif', contentType: 'image/gif', dataBase64: 'R0lGODlh' },
      ]),
    );
    assert.deepEqual(
      e.extra.errors?.map((f) => [f.pointer, f.code]),
      [
        ['/proofs/1/dataBase64', 'content_type_mismatch'],
        ['/proofs/2/dataBase64', 'invalid_base64'],
        ['/proofs/3/contentType', 'enum'],
      ],
    );
  });

  test('refuses a file above the size limit', () => {
    const big = Buffer.alloc(MAX_PROOF_BYTES + 3);
    pdf.copy(big);
    const e = invalid(() =>
      decodeProofs([
        { fileName: 'big.pdf', contentType: 'application/pdf', dataBase64: big.toString('base64') },
      ]),
    );
    assert.equal(e.extra.errors?.[0]?.code, 'file_too_large');
  });

  test('property: random bytes are accepted only when they carry the declared signature', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('application/pdf', 'image/png', 'image/jpeg'),
        (bytes, contentType) => {
          const input = [{ fileName: 'f', contentType, dataBase64: Buffer.from(bytes).toString('base64') }];
          const ok = matchesMagic(bytes, contentType as 'image/png');
          if (ok) assert.equal(decodeProofs(input).length, 1);
          else invalid(() => decodeProofs(input));
        },
      ),
    );
  });
});
