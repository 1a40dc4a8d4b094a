import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canonicalJson,
  decideIdempotency,
  IDEMPOTENCY_TTL_MS,
  IN_PROGRESS_STALE_MS,
  isStorableStatus,
  requestFingerprint,
  type StoredKey,
} from './idempotency.js';

const now = new Date('2026-05-01T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const fp = requestFingerprint('POST', '/v1/deal-registrations', { a: 1 });
const stored = (over: Partial<StoredKey> = {}): StoredKey => ({
  fingerprint: fp,
  state: 'done',
  status: 201,
  body: { id: 'dr_1' },
  headers: {},
  createdAt: ago(1000),
  updatedAt: ago(1000),
  ...over,
});

describe('idempotency', () => {
  it('fingerprints ignore key order but not values, method or path', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }),
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const base = requestFingerprint('POST', '/p', { a: 1, b: [1, 2] });
    assert.equal(requestFingerprint('post', '/p', { b: [1, 2], a: 1 }), base);
    assert.notEqual(requestFingerprint('POST', '/p', { a: 1, b: [2, 1] }), base);
    assert.notEqual(requestFingerprint('POST', '/q', { a: 1, b: [1, 2] }), base);
    assert.notEqual(requestFingerprint('POST', '/p', { a: '1', b: [1, 2] }), base);
    assert.equal(requestFingerprint('POST', '/p', undefined), requestFingerprint('POST', '/p', null));
  });

  it('runs a new key', () => {
    assert.deepEqual(decideIdempotency(null, fp, now), { kind: 'run', takeOver: false });
  });

  it('replays a finished request with the same fingerprint', () => {
    assert.deepEqual(decideIdempotency(stored(), fp, now), {
      kind: 'replay',
      status: 201,
      body: { id: 'dr_1' },
      headers: {},
    });
  });

  it('refuses the same key with another request, finished or not', () => {
    const other = requestFingerprint('POST', '/v1/deal-registrations', { a: 2 });
    assert.deepEqual(decideIdempotency(stored(), other, now), { kind: 'reused' });
    assert.deepEqual(decideIdempotency(stored({ state: 'in_progress', status: null }), other, now), {
      kind: 'reused',
    });
  });

  it('says "in progress" while the first request runs, and takes over a stale one', () => {
    const running = stored({ state: 'in_progress', status: null, updatedAt: ago(IN_PROGRESS_STALE_MS - 1) });
    assert.deepEqual(decideIdempotency(running, fp, now), { kind: 'in_progress' });
    const stale = stored({ state: 'in_progress', status: null, updatedAt: ago(IN_PROGRESS_STALE_MS) });
    assert.deepEqual(decideIdempotency(stale, fp, now), { kind: 'run', takeOver: true });
  });

  it('forgets keys after the retention period', () => {
    const old = stored({ createdAt: ago(IDEMPOTENCY_TTL_MS), fingerprint: 'something else' });
    assert.deepEqual(decideIdempotency(old, fp, now), { kind: 'run', takeOver: true });
  });

  it('keeps every outcome but server errors', () => {
    for (const s of [200, 201, 400, 404, 409, 422]) assert.ok(isStorableStatus(s));
    for (const s of [500, 502, 503]) assert.ok(!isStorableStatus(s));
  });
});
