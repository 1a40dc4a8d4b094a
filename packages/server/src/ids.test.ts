import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor } from './ids.js';
import { ApiError } from './types.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

test('a cursor round-trips its position', () => {
  const at = '2026-05-01T10:00:00.000Z';
  assert.deepEqual(decodeCursor(encode([at, 'dr_1'])), { at: new Date(at), id: 'dr_1' });
});

test('forged cursors are 400 validation problems naming the cursor, never a database error', () => {
  for (const forged of [
    'not base64 json',
    encode(['-100000-01-01T00:00:00.000Z', 'dr_1']),
    encode(['+275760-09-13T00:00:00.000Z', 'dr_1']),
    encode(['0000-01-01T00:00:00Z', 'dr_1']),
    encode(['now', 'dr_1']),
    encode(['2026-05-01T10:00:00.000Z', '']),
    encode({ at: '2026-05-01T10:00:00.000Z' }),
  ]) {
    assert.throws(
      () => decodeCursor(forged),
      (e: unknown) =>
        e instanceof ApiError && e.status === 400 && e.extra.errors?.[0]?.pointer === '/query/cursor',
      forged,
    );
  }
});
