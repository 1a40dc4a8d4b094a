import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ApiError } from '../types.js';
import {
  addDays,
  approveClaim,
  approveRequest,
  assertCalendarDays,
  assertClaimTransition,
  assertCurrency,
  assertDayRange,
  assertRequestTransition,
  CLAIM_WINDOW_DAYS,
  type ClaimAmounts,
  checkClaimAmount,
  checkRequestAmount,
  claimDeadline,
  claimHold,
  expiryOf,
  fundTotals,
  halfYear,
  isCalendarDay,
  type MdfClaimStatus,
  type MdfRequestStatus,
  periodsOverlap,
  type RequestAmounts,
  releaseOnClose,
  requestHold,
  utcDay,
} from './mdf.js';

function rejects(fn: () => unknown, status: number, code: string, pointer?: string): ApiError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError, `expected an ApiError, got ${e}`);
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    if (pointer) {
      assert.ok(
        e.extra.errors?.some((f) => f.pointer === pointer),
        `expected a field error at ${pointer}, got ${JSON.stringify(e.extra.errors)}`,
      );
    }
    return e;
  }
  assert.fail(`expected ${status} ${code}`);
}

const req = (
  status: MdfRequestStatus,
  requestedAmount: number,
  approvedAmount: number | null = null,
): RequestAmounts => ({
  status,
  requestedAmount,
  approvedAmount,
});
const claim = (
  status: MdfClaimStatus,
  amount: number,
  approvedAmount: number | null = null,
): ClaimAmounts => ({
  status,
  amount,
  approvedAmount,
});

describe('fund totals', () => {
  test('an empty fund has everything remaining', () => {
    assert.deepEqual(fundTotals(500_000, [], []), {
      allocated: 500_000,
      requested: 0,
      approved: 0,
      claimed: 0,
      remaining: 500_000,
    });
  });

  test('pending requests count as requested, approved ones as approved, closed ones not at all', () => {
    const totals = fundTotals(
      1_000_000,
      [
        req('submitted', 100_000),
        req('submitted', 50_000),
        req('approved', 200_000, 200_000),
        req('partially_approved', 300_000, 120_000),
        req('rejected', 400_000),
        req('expired', 70_000),
        req('expired', 90_000, 90_000),
      ],
      [],
    );
    assert.equal(totals.requested, 150_000);
    assert.equal(totals.approved, 320_000);
    assert.equal(totals.remaining, 1_000_000 - 150_000 - 320_000);
  });

  test('claimed counts what was granted to approved and paid claims only', () => {
    const totals = fundTotals(
      1_000_000,
      [req('approved', 500_000, 500_000)],
      [
        claim('submitted', 10_000),
        claim('approved', 50_000, 40_000),
        claim('paid', 30_000, 30_000),
        claim('rejected', 99_000),
      ],
    );
    assert.equal(totals.claimed, 70_000);
    // claims consume an approval; they do not change the fund's remaining amount
    assert.equal(totals.remaining, 500_000);
  });

  test('remaining never goes below zero even if the allocation were cut under the holds', () => {
    assert.equal(fundTotals(100, [req('submitted', 80), req('approved', 80, 80)], []).remaining, 0);
  });

  test('refuses amounts that are not whole minor units', () => {
    assert.throws(() => fundTotals(10.5, [], []), RangeError);
    assert.throws(() => fundTotals(-1, [], []), RangeError);
  });

  test('property: remaining = allocated - requested - approved, and holds never exceed the allocation when each request fit', () => {
    const status = fc.constantFrom<MdfRequestStatus>(
      'submitted',
      'approved',
      'partially_approved',
      'rejected',
      'expired',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(
          fc.tuple(status, fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 100 })),
          {
            maxLength: 30,
          },
        ),
        (allocated, specs) => {
          // Build the fund the way the server does: each request checked against what remains.
          const rows: RequestAmounts[] = [];
          for (const [s, amount, pct] of specs) {
            const before = fundTotals(allocated, rows, []);
            try {
              checkRequestAmount(before, amount);
            } catch {
              continue;
            }
            const submitted = req('submitted', amount);
            if (s === 'submitted') rows.push(submitted);
            else if (s === 'rejected' || s === 'expired') rows.push(req(s, amount));
            else {
              const partial =
                s === 'partially_approved' ? Math.max(1, Math.floor((amount * pct) / 100)) : amount;
              const outcome = approveRequest(submitted, partial);
              rows.push(req(outcome.status, amount, outcome.approvedAmount));
            }
          }
          const t = fundTotals(allocated, rows, []);
          assert.equal(t.remaining, allocated - t.requested - t.approved);
          assert.ok(t.requested + t.approved <= allocated);
        },
      ),
    );
  });
});

describe('requests against the remaining amount', () => {
  const totals = fundTotals(100_000, [req('submitted', 30_000), req('approved', 20_000, 20_000)], []);

  test('exactly the remaining amount is allowed', () => {
    assert.equal(totals.remaining, 50_000);
    checkRequestAmount(totals, 50_000);
  });

  test('one minor unit above the remaining amount is exceeds_remaining at /requestedAmount/amount', () => {
    const e = rejects(
      () => checkRequestAmount(totals, 50_001),
      422,
      'exceeds_remaining',
      '/requestedAmount/amount',
    );
    assert.match(e.message, /50001.*50000/);
  });

  test('a request of nothing is refused', () => {
    rejects(() => checkRequestAmount(totals, 0), 422, 'validation_failed', '/requestedAmount/amount');
  });

  test('an exhausted fund refuses any request', () => {
    rejects(
      () => checkRequestAmount(fundTotals(10, [req('submitted', 10)], []), 1),
      422,
      'exceeds_remaining',
    );
  });

  test('the currency must be the fund currency', () => {
    assertCurrency('EUR', 'EUR', '/requestedAmount/currency');
    rejects(
      () => assertCurrency('USD', 'EUR', '/requestedAmount/currency'),
      422,
      'currency_mismatch',
      '/requestedAmount/currency',
    );
  });

  test('the end date may equal but not precede the start date', () => {
    assertDayRange('2026-03-01', '2026-03-01', '/startsOn', '/endsOn');
    const e = rejects(
      () => assertDayRange('2026-03-02', '2026-03-01', '/startsOn', '/endsOn'),
      422,
      'validation_failed',
    );
    assert.deepEqual(
      e.extra.errors?.map((f) => f.pointer),
      ['/endsOn', '/startsOn'],
    );
  });
});

describe('approving and rejecting requests', () => {
  test('no amount approves in full and releases nothing', () => {
    assert.deepEqual(approveRequest({ status: 'submitted', requestedAmount: 80_000 }), {
      status: 'approved',
      approvedAmount: 80_000,
      released: 0,
    });
  });

  test('the requested amount itself is a full approval', () => {
    assert.equal(approveRequest({ status: 'submitted', requestedAmount: 80_000 }, 80_000).status, 'approved');
  });

  test('a lower amount is a partial approval that releases the difference', () => {
    assert.deepEqual(approveRequest({ status: 'submitted', requestedAmount: 80_000 }, 50_000), {
      status: 'partially_approved',
      approvedAmount: 50_000,
      released: 30_000,
    });
  });

  test('the fund gets the difference back after a partial approval', () => {
    const before = fundTotals(100_000, [req('submitted', 80_000)], []);
    const outcome = approveRequest({ status: 'submitted', requestedAmount: 80_000 }, 50_000);
    const after = fundTotals(100_000, [req(outcome.status, 80_000, outcome.approvedAmount)], []);
    assert.equal(after.remaining - before.remaining, outcome.released);
    assert.equal(after.approved, 50_000);
    assert.equal(after.requested, 0);
  });

  test('more than requested is refused', () => {
    rejects(
      () => approveRequest({ status: 'submitted', requestedAmount: 80_000 }, 80_001),
      422,
      'exceeds_requested',
      '/amount/amount',
    );
  });

  test('approving nothing is refused (reject instead)', () => {
    rejects(
      () => approveRequest({ status: 'submitted', requestedAmount: 80_000 }, 0),
      422,
      'validation_failed',
      '/amount/amount',
    );
  });

  test('only a submitted request can be decided', () => {
    for (const status of ['approved', 'partially_approved', 'rejected', 'expired'] as const) {
      rejects(() => approveRequest({ status, requestedAmount: 10 }), 409, 'invalid_state');
      rejects(() => assertRequestTransition(status, 'rejected'), 409, 'invalid_state');
    }
    assertRequestTransition('submitted', 'rejected');
  });

  test('rejecting or expiring releases everything the request held', () => {
    assert.equal(releaseOnClose(req('submitted', 40_000)), 40_000);
    assert.equal(releaseOnClose(req('partially_approved', 40_000, 25_000)), 25_000);
    assert.equal(releaseOnClose(req('approved', 40_000, 40_000)), 40_000);
    assert.equal(releaseOnClose(req('rejected', 40_000)), 0);
    assert.deepEqual(requestHold(req('expired', 40_000, 40_000)), { requested: 0, approved: 0 });
  });

  test('approved requests can only expire; closed requests never move', () => {
    assertRequestTransition('approved', 'expired');
    assertRequestTransition('partially_approved', 'expired');
    assertRequestTransition('submitted', 'expired');
    rejects(() => assertRequestTransition('expired', 'submitted'), 409, 'invalid_state');
    rejects(() => assertRequestTransition('rejected', 'expired'), 409, 'invalid_state');
  });
});

describe('claims against the approved amount', () => {
  const approved = { status: 'partially_approved' as const, approvedAmount: 60_000 };

  test('a claim up to the approved amount is allowed', () => {
    assert.deepEqual(checkClaimAmount(approved, [], 60_000), { claimedSoFar: 0, available: 60_000 });
  });

  test('pending, approved and paid claims count; rejected ones do not', () => {
    const existing = [
      claim('submitted', 10_000),
      claim('approved', 20_000, 15_000),
      claim('paid', 5_000, 5_000),
      claim('rejected', 50_000),
    ];
    assert.deepEqual(checkClaimAmount(approved, existing, 30_000), {
      claimedSoFar: 30_000,
      available: 30_000,
    });
    rejects(() => checkClaimAmount(approved, existing, 30_001), 422, 'exceeds_approved', '/amount/amount');
  });

  test('a partially approved claim gives the difference back to the request', () => {
    assert.equal(claimHold(claim('approved', 20_000, 15_000)), 15_000);
    assert.equal(claimHold(claim('submitted', 20_000)), 20_000);
    assert.equal(claimHold(claim('rejected', 20_000)), 0);
  });

  test('claims need an approved or partially approved request', () => {
    for (const status of ['submitted', 'rejected', 'expired'] as const) {
      rejects(() => checkClaimAmount({ status, approvedAmount: null }, [], 1), 409, 'invalid_state');
    }
  });

  test('a claim of nothing is refused', () => {
    rejects(() => checkClaimAmount(approved, [], 0), 422, 'validation_failed', '/amount/amount');
  });

  test('claims are approved in full, in part, never above the claim, never zero', () => {
    assert.equal(approveClaim({ status: 'submitted', amount: 9_000 }), 9_000);
    assert.equal(approveClaim({ status: 'submitted', amount: 9_000 }, 7_500), 7_500);
    rejects(
      () => approveClaim({ status: 'submitted', amount: 9_000 }, 9_001),
      422,
      'exceeds_claimed',
      '/amount/amount',
    );
    rejects(() => approveClaim({ status: 'submitted', amount: 9_000 }, 0), 422, 'validation_failed');
  });

  test('claim lifecycle: submitted -> approved -> paid, submitted -> rejected', () => {
    assertClaimTransition('submitted', 'approved');
    assertClaimTransition('submitted', 'rejected');
    assertClaimTransition('approved', 'paid');
    rejects(() => assertClaimTransition('submitted', 'paid'), 409, 'invalid_state');
    rejects(() => assertClaimTransition('approved', 'rejected'), 409, 'invalid_state');
    rejects(() => assertClaimTransition('paid', 'paid'), 409, 'invalid_state');
    rejects(() => approveClaim({ status: 'rejected', amount: 10 }), 409, 'invalid_state');
  });

  test('property: accepted claims never add up to more than the approved amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5_000_000 }),
            fc.constantFrom<MdfClaimStatus>('submitted', 'approved', 'rejected', 'paid'),
          ),
          {
            maxLength: 25,
          },
        ),
        (approvedAmount, attempts) => {
          const claims: ClaimAmounts[] = [];
          for (const [amount, status] of attempts) {
            try {
              checkClaimAmount({ status: 'approved', approvedAmount }, claims, amount);
            } catch {
              continue;
            }
            claims.push(
              status === 'approved' || status === 'paid'
                ? claim(status, amount, amount)
                : claim(status, amount),
            );
          }
          assert.ok(claims.reduce((s, c) => s + claimHold(c), 0) <= approvedAmount);
        },
      ),
    );
  });
});

describe('expiry', () => {
  test('a pending request expires the day after its fund period ends', () => {
    const r = { status: 'submitted' as const, endsOn: '2026-05-01' };
    assert.equal(expiryOf(r, '2026-06-30', 0, '2026-06-30'), null);
    assert.equal(expiryOf(r, '2026-06-30', 0, '2026-07-01'), 'fund_period_ended');
  });

  test(`an approved request with no claim expires ${CLAIM_WINDOW_DAYS} days after its activity ends`, () => {
    const r = { status: 'approved' as const, endsOn: '2026-03-31' };
    assert.equal(claimDeadline('2026-03-31'), '2026-05-30');
    assert.equal(expiryOf(r, '2026-06-30', 0, '2026-05-30'), null);
    assert.equal(expiryOf(r, '2026-06-30', 0, '2026-05-31'), 'not_claimed');
    assert.equal(
      expiryOf({ ...r, status: 'partially_approved' }, '2026-06-30', 0, '2026-05-31'),
      'not_claimed',
    );
  });

  test('a claim that still counts keeps an approved request alive', () => {
    assert.equal(expiryOf({ status: 'approved', endsOn: '2026-03-31' }, '2026-06-30', 1, '2027-01-01'), null);
  });

  test('rejected and expired requests never expire again', () => {
    assert.equal(expiryOf({ status: 'rejected', endsOn: '2020-01-01' }, '2020-06-30', 0, '2026-01-01'), null);
    assert.equal(expiryOf({ status: 'expired', endsOn: '2020-01-01' }, '2020-06-30', 0, '2026-01-01'), null);
  });
});

describe('calendar helpers', () => {
  test('real calendar days only', () => {
    for (const ok of ['2026-01-31', '2028-02-29', '2026-12-31', '1999-06-15'])
      assert.equal(isCalendarDay(ok), true, ok);
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0999-01-01',
      '2026-1-1',
      'x',
    ])
      assert.equal(isCalendarDay(bad), false, bad);
    const e = rejects(
      () => assertCalendarDays({ '/startsOn': '2026-02-30', '/endsOn': '2026-03-01' }),
      422,
      'validation_failed',
    );
    assert.deepEqual(
      e.extra.errors?.map((f) => f.pointer),
      ['/startsOn'],
    );
  });

  test('addDays crosses months, years and leap days', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });

  test('utcDay reads the UTC calendar day', () => {
    assert.equal(utcDay(new Date('2026-07-01T00:30:00+02:00')), '2026-06-30');
  });

  test('half-year periods', () => {
    assert.deepEqual(halfYear('2026-06-30'), {
      label: 'H1 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    assert.deepEqual(halfYear('2026-07-01'), {
      label: 'H2 2026',
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
    });
  });

  test('periods overlap when they share a day', () => {
    const h1 = { startsOn: '2026-01-01', endsOn: '2026-06-30' };
    assert.equal(periodsOverlap(h1, { startsOn: '2026-06-30', endsOn: '2026-09-30' }), true);
    assert.equal(periodsOverlap(h1, { startsOn: '2026-07-01', endsOn: '2026-12-31' }), false);
  });
});
