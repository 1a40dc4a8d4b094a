import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../types.js';
import {
  approve,
  canRequestExtension,
  close,
  DAY_MS,
  effectiveStatus,
  extend,
  isActive,
  type RegistrationState,
  reject,
  startReview,
} from './protection.js';

const now = new Date('2026-03-01T12:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * DAY_MS);
const state = (
  status: RegistrationState['status'],
  protectedUntil: Date | null = null,
  extended = false,
) => ({
  status,
  protectedUntil,
  extended,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError);
    return `${e.status} ${e.code}`;
  }
  assert.fail('expected an ApiError');
};

describe('protection', () => {
  it('approval protects for the given days from now', () => {
    const r = approve(state('submitted'), now, 90);
    assert.equal(r.to, 'approved');
    assert.equal(r.protectedUntil.toISOString(), '2026-05-30T12:00:00.000Z');
    assert.equal(approve(state('under_review'), now, 7).protectedUntil.getTime(), later(7).getTime());
  });

  it('approval and rejection only from submitted or under review', () => {
    for (const s of ['approved', 'rejected', 'expired', 'won', 'lost'] as const) {
      assert.equal(
        code(() => approve(state(s, later(10)), now, 90)),
        '409 invalid_state',
        s,
      );
      assert.equal(
        code(() => reject(state(s, later(10)), now)),
        '409 invalid_state',
        s,
      );
    }
    assert.equal(reject(state('under_review'), now).to, 'rejected');
  });

  it('review only from submitted', () => {
    assert.equal(startReview(state('submitted'), now).to, 'under_review');
    assert.equal(
      code(() => startReview(state('under_review'), now)),
      '409 invalid_state',
    );
  });

  it('an approved registration past its end is expired at once', () => {
    const lapsed = state('approved', now);
    assert.equal(effectiveStatus(lapsed, now), 'expired');
    assert.equal(isActive(lapsed, now), false);
    assert.equal(effectiveStatus(state('approved', later(1)), now), 'approved');
    assert.equal(isActive(state('approved', later(1)), now), true);
    assert.equal(isActive(state('submitted'), now), true);
    assert.equal(isActive(state('under_review'), now), true);
    for (const s of ['rejected', 'expired', 'won', 'lost'] as const)
      assert.equal(isActive(state(s), now), false);
  });

  it('one extension, before the end, adds the extension days to the current end', () => {
    const reg = state('approved', later(10));
    assert.equal(canRequestExtension(reg, now), true);
    const r = extend(reg, now, 30);
    assert.equal(r.previousEnd.getTime(), later(10).getTime());
    assert.equal(r.newEnd.getTime(), later(40).getTime());
    const extended = state('approved', r.newEnd, true);
    assert.equal(canRequestExtension(extended, now), false);
    assert.equal(
      code(() => extend(extended, now, 30)),
      '409 already_extended',
    );
  });

  it('no extension after the end or outside approval', () => {
    assert.equal(
      code(() => extend(state('approved', now), now, 30)),
      '409 invalid_state',
    );
    assert.equal(canRequestExtension(state('approved', now), now), false);
    for (const s of ['submitted', 'under_review', 'rejected', 'expired', 'won', 'lost'] as const) {
      assert.equal(
        code(() => extend(state(s), now, 30)),
        '409 invalid_state',
        s,
      );
      assert.equal(canRequestExtension(state(s), now), false);
    }
  });

  it('won or lost only from approved and still protected', () => {
    assert.equal(close(state('approved', later(1)), now, 'won').to, 'won');
    assert.equal(close(state('approved', later(1)), now, 'lost').to, 'lost');
    assert.equal(
      code(() => close(state('approved', now), now, 'won')),
      '409 invalid_state',
    );
    for (const s of ['submitted', 'under_review', 'rejected', 'expired', 'won', 'lost'] as const) {
      assert.equal(
        code(() => close(state(s), now, 'won')),
        '409 invalid_state',
        s,
      );
    }
  });
});
