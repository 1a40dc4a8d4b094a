import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Tier, TierCriterion } from '@partnerkit/api';
import fc from 'fast-check';
import {
  computeTierProgress,
  convertMoney,
  criterionProgress,
  evaluateStanding,
  inTrailingWindow,
  measureCriterion,
  minorUnitDigits,
  qualifiedTier,
  type RateTable,
  reviewDate,
  type TierRecords,
} from './tiers.js';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-03-15T12:00:00Z');

const revenue = (required: number, currency = 'USD'): TierCriterion => ({
  key: 'closed_revenue',
  label: 'Closed revenue, trailing 12 months',
  unit: 'money',
  required,
  currency,
  windowMonths: 12,
});
const people = (required: number, certificationIds?: string[]): TierCriterion => ({
  key: 'certified_people',
  label: 'Certified people',
  unit: 'count',
  required,
  ...(certificationIds ? { certificationIds } : {}),
});
const deals = (required: number): TierCriterion => ({
  key: 'registered_deals',
  label: 'Registered deals, trailing 12 months',
  unit: 'count',
  required,
  windowMonths: 12,
});
const csat = (required: number): TierCriterion => ({
  key: 'customer_satisfaction',
  label: 'Customer satisfaction',
  unit: 'score',
  required,
});

const TIERS: Tier[] = [
  {
    id: 'tier_gold',
    name: 'Gold',
    rank: 2,
    criteria: [revenue(500_000_00), people(4), deals(12), csat(4.2)],
    benefits: [{ key: 'mdf', label: 'MDF 2%' }],
  },
  {
    id: 'tier_registered',
    name: 'Registered',
    rank: 0,
    criteria: [],
    benefits: [{ key: 'portal', label: 'Portal access' }],
  },
  {
    id: 'tier_platinum',
    name: 'Platinum',
    rank: 3,
    criteria: [revenue(1_500_000_00), people(8, ['cert_arch', 'cert_impl']), deals(30), csat(4.5)],
    benefits: [
      { key: 'mdf', label: 'MDF 4%' },
      { key: 'cam', label: 'Channel account manager' },
    ],
  },
  {
    id: 'tier_silver',
    name: 'Silver',
    rank: 1,
    criteria: [revenue(100_000_00), people(2), deals(4), csat(3.8)],
    benefits: [{ key: 'mdf', label: 'MDF 1%' }],
  },
];

const usd = (amount: number) => ({ amount, currency: 'USD' });
const daysBefore = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const daysAfter = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

/** Records that meet Gold (and so Silver) but not Platinum. */
function goldRecords(): TierRecords {
  return {
    wonDeals: [
      { closedAt: daysBefore(20), value: usd(300_000_00) },
      { closedAt: daysBefore(200), value: usd(250_000_00) },
    ],
    registrations: Array.from({ length: 14 }, (_, i) => ({
      createdAt: daysBefore(10 + i * 20),
      status: 'approved' as const,
    })),
    certifications: ['u1', 'u2', 'u3', 'u4'].map((userId) => ({
      userId,
      definitionId: 'cert_sales',
      expiresAt: daysAfter(200),
    })),
    satisfaction: 4.4,
  };
}

describe('trailing window', () => {
  test('from exactly 12 months back (included) to now (included)', () => {
    assert.equal(inTrailingWindow(at('2025-03-15T12:00:00Z'), NOW, 12), true);
    assert.equal(inTrailingWindow(at('2025-03-15T11:59:59.999Z'), NOW, 12), false);
    assert.equal(inTrailingWindow(NOW, NOW, 12), true);
    assert.equal(inTrailingWindow(at('2026-03-15T12:00:00.001Z'), NOW, 12), false);
  });

  test('closed revenue counts won deals inside the window only', () => {
    const records: TierRecords = {
      ...goldRecords(),
      wonDeals: [
        { closedAt: at('2025-03-15T12:00:00Z'), value: usd(100) },
        { closedAt: at('2025-03-15T11:59:59Z'), value: usd(10_000) },
        { closedAt: at('2026-03-15T12:00:00Z'), value: usd(20) },
        { closedAt: at('2026-04-01T00:00:00Z'), value: usd(5_000) },
      ],
    };
    assert.equal(measureCriterion(revenue(1), records, NOW), 120);
  });

  test('registered deals: the window, without rejected ones', () => {
    const records: TierRecords = {
      ...goldRecords(),
      registrations: [
        { createdAt: at('2025-03-15T12:00:00Z'), status: 'won' },
        { createdAt: at('2025-03-15T11:59:00Z'), status: 'approved' },
        { createdAt: daysBefore(3), status: 'rejected' },
        { createdAt: daysBefore(3), status: 'lost' },
        { createdAt: daysBefore(1), status: 'submitted' },
        { createdAt: daysBefore(1), status: 'expired' },
      ],
    };
    assert.equal(measureCriterion(deals(1), records, NOW), 4);
  });

  test('a criterion with its own window uses it', () => {
    const six: TierCriterion = { ...deals(1), windowMonths: 6 };
    const records: TierRecords = {
      ...goldRecords(),
      registrations: [
        { createdAt: at('2025-09-15T12:00:00Z'), status: 'approved' },
        { createdAt: at('2025-09-15T11:00:00Z'), status: 'approved' },
      ],
    };
    assert.equal(measureCriterion(six, records, NOW), 1);
  });
});

describe('currencies', () => {
  const rates: RateTable = { base: 'USD', rates: { EUR: 1.1, GBP: 1.25, JPY: 0.0067 } };
  test('minor units come from the currency', () => {
    assert.equal(minorUnitDigits('USD'), 2);
    assert.equal(minorUnitDigits('JPY'), 0);
  });
  test('converts through the rate table, minor units included', () => {
    assert.equal(Math.round(convertMoney({ amount: 100_00, currency: 'EUR' }, 'USD', rates)!), 110_00);
    assert.equal(Math.round(convertMoney({ amount: 110_00, currency: 'USD' }, 'EUR', rates)!), 100_00);
    assert.equal(Math.round(convertMoney({ amount: 1_000_000, currency: 'JPY' }, 'USD', rates)!), 6_700_00);
    assert.equal(convertMoney({ amount: 5, currency: 'USD' }, 'USD', null), 5);
  });
  test('a currency without a rate is left out of the criterion', () => {
    const records: TierRecords = {
      ...goldRecords(),
      wonDeals: [
        { closedAt: daysBefore(1), value: { amount: 100_00, currency: 'EUR' } },
        { closedAt: daysBefore(1), value: { amount: 100_00, currency: 'CHF' } },
        { closedAt: daysBefore(1), value: usd(1_00) },
      ],
    };
    assert.equal(measureCriterion(revenue(1), records, NOW, rates), 111_00);
    assert.equal(measureCriterion(revenue(1), records, NOW, null), 1_00, 'without a table only USD counts');
    assert.equal(measureCriterion(revenue(1, 'EUR'), records, NOW, null), 100_00);
  });
});

describe('certified people', () => {
  test('distinct people with a certification that counts and has not expired', () => {
    const records: TierRecords = {
      ...goldRecords(),
      certifications: [
        { userId: 'u1', definitionId: 'cert_arch', expiresAt: daysAfter(300) },
        { userId: 'u1', definitionId: 'cert_impl', expiresAt: daysAfter(300) },
        { userId: 'u2', definitionId: 'cert_impl', expiresAt: daysAfter(10) },
        { userId: 'u3', definitionId: 'cert_arch', expiresAt: NOW },
        { userId: 'u4', definitionId: 'cert_arch', expiresAt: daysBefore(1) },
        { userId: 'u5', definitionId: 'cert_sales', expiresAt: daysAfter(300) },
      ],
    };
    assert.equal(measureCriterion(people(1, ['cert_arch', 'cert_impl']), records, NOW), 2);
    assert.equal(measureCriterion(people(1), records, NOW), 3, 'no ids: every certification counts');
    assert.equal(measureCriterion(people(1, []), records, NOW), 3, 'an empty list is no list');
  });
  test('an expired certification stops counting the moment it expires', () => {
    const records: TierRecords = {
      ...goldRecords(),
      certifications: [{ userId: 'u1', definitionId: 'cert_arch', expiresAt: NOW }],
    };
    assert.equal(measureCriterion(people(1), records, new Date(NOW.getTime() - 1)), 1);
    assert.equal(measureCriterion(people(1), records, NOW), 0);
  });
});

describe('criterion progress', () => {
  test('remaining is never negative; met when current reaches required', () => {
    const records = goldRecords();
    const over = criterionProgress(revenue(100_00), records, NOW);
    assert.deepEqual(
      { current: over.current, remaining: over.remaining, met: over.met, currency: over.currency },
      { current: 550_000_00, remaining: 0, met: true, currency: 'USD' },
    );
    const under = criterionProgress(csat(4.5), records, NOW);
    assert.deepEqual(
      { current: under.current, remaining: under.remaining, met: under.met },
      { current: 4.4, remaining: 0.1, met: false },
    );
    const exact = criterionProgress(people(4), records, NOW);
    assert.deepEqual({ remaining: exact.remaining, met: exact.met }, { remaining: 0, met: true });
  });
  test('no satisfaction score yet measures 0', () => {
    assert.equal(measureCriterion(csat(1), { ...goldRecords(), satisfaction: null }, NOW), 0);
  });
  test('remaining = max(0, required - current) for any figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (have, need) => {
        const records: TierRecords = {
          ...goldRecords(),
          registrations: Array.from({ length: have }, () => ({
            createdAt: daysBefore(1),
            status: 'submitted' as const,
          })),
        };
        const p = criterionProgress(deals(need), records, NOW);
        return p.current === have && p.remaining === Math.max(0, need - have) && p.met === have >= need;
      }),
    );
  });
});

describe('qualification', () => {
  test('the highest tier whose criteria are all met', () => {
    assert.equal(qualifiedTier(TIERS, goldRecords(), NOW).id, 'tier_gold');
    assert.equal(qualifiedTier(TIERS, { ...goldRecords(), satisfaction: 4.0 }, NOW).id, 'tier_silver');
  });
  test('the entry tier when nothing is met', () => {
    const none: TierRecords = { wonDeals: [], registrations: [], certifications: [], satisfaction: null };
    assert.equal(qualifiedTier(TIERS, none, NOW).id, 'tier_registered');
  });
});

describe('standing: promotion, grace, demotion, recovery', () => {
  const gold = TIERS.find((t) => t.id === 'tier_gold')!;
  const silver = TIERS.find((t) => t.id === 'tier_silver')!;
  const platinum = TIERS.find((t) => t.id === 'tier_platinum')!;
  const since = at('2025-06-01T00:00:00Z');

  test('promotion is immediate and restarts tierSince', () => {
    const s = evaluateStanding(
      TIERS,
      { tierId: 'tier_silver', tierSince: since, graceUntil: null },
      gold,
      NOW,
    );
    assert.deepEqual(s, {
      tierId: 'tier_gold',
      tierSince: NOW,
      graceUntil: null,
      change: 'promoted',
      previousTierId: 'tier_silver',
    });
  });
  test('promotion during a grace period clears it', () => {
    const s = evaluateStanding(
      TIERS,
      { tierId: 'tier_gold', tierSince: since, graceUntil: daysAfter(5) },
      platinum,
      NOW,
    );
    assert.equal(s.change, 'promoted');
    assert.equal(s.graceUntil, null);
  });
  test('below the requirements starts the grace and keeps the tier', () => {
    const s = evaluateStanding(
      TIERS,
      { tierId: 'tier_gold', tierSince: since, graceUntil: null },
      silver,
      NOW,
      90,
    );
    assert.equal(s.change, 'grace_started');
    assert.equal(s.tierId, 'tier_gold');
    assert.equal(s.tierSince, since);
    assert.equal(s.graceUntil?.toISOString(), '2026-06-13T00:00:00.000Z');
  });
  test('still below during the grace: nothing changes', () => {
    const graceUntil = daysAfter(1);
    const s = evaluateStanding(TIERS, { tierId: 'tier_gold', tierSince: since, graceUntil }, silver, NOW);
    assert.deepEqual(s, {
      tierId: 'tier_gold',
      tierSince: since,
      graceUntil,
      change: 'none',
      previousTierId: 'tier_gold',
    });
  });
  test('demotion when the grace ends, to the tier the records qualify for', () => {
    const graceUntil = NOW;
    const s = evaluateStanding(TIERS, { tierId: 'tier_gold', tierSince: since, graceUntil }, silver, NOW);
    assert.deepEqual(s, {
      tierId: 'tier_silver',
      tierSince: graceUntil,
      graceUntil: null,
      change: 'demoted',
      previousTierId: 'tier_gold',
    });
  });
  test('recovery during the grace clears it and keeps tierSince', () => {
    const s = evaluateStanding(
      TIERS,
      { tierId: 'tier_gold', tierSince: since, graceUntil: daysAfter(30) },
      gold,
      NOW,
    );
    assert.deepEqual(s, {
      tierId: 'tier_gold',
      tierSince: since,
      graceUntil: null,
      change: 'recovered',
      previousTierId: 'tier_gold',
    });
  });
  test('a partner without a tier gets the one it qualifies for', () => {
    const s = evaluateStanding(TIERS, { tierId: null, tierSince: null, graceUntil: null }, silver, NOW);
    assert.equal(s.tierId, 'tier_silver');
    assert.equal(s.change, 'promoted');
  });
  test('a grace of 0 days demotes at once', () => {
    const s = evaluateStanding(
      TIERS,
      { tierId: 'tier_gold', tierSince: since, graceUntil: null },
      silver,
      NOW,
      0,
    );
    assert.equal(s.change, 'demoted');
    assert.equal(s.tierId, 'tier_silver');
    assert.equal(s.tierSince, NOW);
  });
  test('the grace ends at 00:00 UTC of its last day', () => {
    const graceUntil = at('2026-03-16T00:00:00Z');
    const standing = { tierId: 'tier_gold', tierSince: since, graceUntil };
    assert.equal(evaluateStanding(TIERS, standing, silver, at('2026-03-15T23:59:59.999Z')).change, 'none');
    assert.equal(evaluateStanding(TIERS, standing, silver, graceUntil).change, 'demoted');
  });
  test('the program grace days are honoured', () => {
    const s = evaluateStanding(
      TIERS,
      { tierId: 'tier_gold', tierSince: since, graceUntil: null },
      silver,
      NOW,
      30,
    );
    assert.equal(s.graceUntil?.toISOString(), '2026-04-14T00:00:00.000Z');
  });
  test('never demoted while in grace, never kept below its qualification', () => {
    const tierArb = fc.constantFrom(...TIERS);
    fc.assert(
      fc.property(
        tierArb,
        tierArb,
        fc.option(fc.integer({ min: -200, max: 200 })),
        (current, qualified, graceOffset) => {
          const graceUntil = graceOffset === null ? null : daysAfter(graceOffset);
          const s = evaluateStanding(
            TIERS,
            { tierId: current.id, tierSince: since, graceUntil },
            qualified,
            NOW,
          );
          const rank = TIERS.find((t) => t.id === s.tierId)!.rank;
          assert.ok(rank >= qualified.rank, 'never below what the records earn');
          if (rank < current.rank) assert.ok(graceUntil && graceUntil <= NOW, 'demoted only after the grace');
          if (s.graceUntil) assert.ok(qualified.rank < current.rank && rank === current.rank);
        },
      ),
    );
  });
});

describe('review date', () => {
  test('the next anniversary of the tier date', () => {
    assert.equal(reviewDate(at('2025-06-01T08:00:00Z'), NOW), '2026-06-01');
    assert.equal(reviewDate(at('2024-01-20T08:00:00Z'), NOW), '2027-01-20');
    assert.equal(reviewDate(at('2025-03-15T23:00:00Z'), NOW), '2026-03-15', 'today is the anniversary');
    assert.equal(reviewDate(NOW, NOW), '2027-03-15', 'gained today: reviewed in a year');
    assert.equal(reviewDate(at('2024-02-29T00:00:00Z'), NOW), '2027-02-28');
  });
});

describe('computeTierProgress', () => {
  test('a Gold partner sees every Platinum criterion and both sets of benefits', () => {
    const { standing, progress } = computeTierProgress({
      partnerId: 'ptn_a',
      tiers: TIERS,
      standing: { tierId: 'tier_gold', tierSince: at('2025-06-01T00:00:00Z'), graceUntil: null },
      records: goldRecords(),
      now: NOW,
    });
    assert.equal(standing.change, 'none');
    assert.deepEqual(progress.currentTier, { id: 'tier_gold', name: 'Gold', rank: 2 });
    assert.deepEqual(progress.nextTier, { id: 'tier_platinum', name: 'Platinum', rank: 3 });
    assert.deepEqual(
      progress.criteria.map((c) => [c.key, c.current, c.required, c.remaining, c.met]),
      [
        ['closed_revenue', 550_000_00, 1_500_000_00, 950_000_00, false],
        ['certified_people', 0, 8, 8, false],
        ['registered_deals', 14, 30, 16, false],
        ['customer_satisfaction', 4.4, 4.5, 0.1, false],
      ],
    );
    assert.deepEqual(progress.currentBenefits, [{ key: 'mdf', label: 'MDF 2%' }]);
    assert.equal(progress.nextBenefits.length, 2);
    assert.equal(progress.reviewDate, '2026-06-01');
    assert.deepEqual(progress.grace, {
      active: false,
      endsOn: null,
      qualifiedTier: { id: 'tier_gold', name: 'Gold', rank: 2 },
    });
    assert.equal(progress.computedAt, NOW.toISOString());
  });

  test('at the top, the current tier criteria; grace shown when below them', () => {
    const { standing, progress } = computeTierProgress({
      partnerId: 'ptn_a',
      tiers: TIERS,
      standing: { tierId: 'tier_platinum', tierSince: at('2025-01-10T00:00:00Z'), graceUntil: null },
      records: goldRecords(),
      now: NOW,
      graceDays: 60,
    });
    assert.equal(standing.change, 'grace_started');
    assert.equal(progress.nextTier, null);
    assert.deepEqual(progress.nextBenefits, []);
    assert.deepEqual(
      progress.criteria.map((c) => c.key),
      ['closed_revenue', 'certified_people', 'registered_deals', 'customer_satisfaction'],
    );
    assert.deepEqual(progress.grace, {
      active: true,
      endsOn: '2026-05-14',
      qualifiedTier: { id: 'tier_gold', name: 'Gold', rank: 2 },
    });
  });

  test('an expiring certification still counts; once expired the partner falls into grace', () => {
    const records = goldRecords();
    const soon = {
      ...records,
      certifications: records.certifications.map((c, i) => (i === 0 ? { ...c, expiresAt: daysAfter(1) } : c)),
    };
    const standing = { tierId: 'tier_gold', tierSince: at('2025-06-01T00:00:00Z'), graceUntil: null };
    assert.equal(
      computeTierProgress({ partnerId: 'p', tiers: TIERS, standing, records: soon, now: NOW }).standing
        .change,
      'none',
    );
    const later = daysAfter(2);
    const after = computeTierProgress({ partnerId: 'p', tiers: TIERS, standing, records: soon, now: later });
    assert.equal(after.standing.change, 'grace_started');
    assert.equal(after.progress.grace.qualifiedTier.id, 'tier_silver');
  });
});
