import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Tier } from '@partnerkit/api';
import fc from 'fast-check';
import {
  addMonthsUtc,
  audienceIncludes,
  certificationCountsToward,
  certificationStatus,
  completeModule,
  courseProgress,
  enrollmentStatus,
  grantCertification,
  mayReenrollToRenew,
  UnknownModuleError,
} from './training.js';

const at = (iso: string) => new Date(iso);

describe('addMonthsUtc', () => {
  test('keeps the day and the time of day', () => {
    assert.equal(addMonthsUtc(at('2025-03-15T10:20:30.400Z'), 12).toISOString(), '2026-03-15T10:20:30.400Z');
    assert.equal(addMonthsUtc(at('2025-03-15T00:00:00Z'), 24).toISOString(), '2027-03-15T00:00:00.000Z');
  });
  test('clamps to the end of a shorter month, leap years included', () => {
    assert.equal(addMonthsUtc(at('2025-01-31T12:00:00Z'), 1).toISOString(), '2025-02-28T12:00:00.000Z');
    assert.equal(addMonthsUtc(at('2024-01-31T12:00:00Z'), 1).toISOString(), '2024-02-29T12:00:00.000Z');
    assert.equal(addMonthsUtc(at('2024-02-29T00:00:00Z'), 12).toISOString(), '2025-02-28T00:00:00.000Z');
    assert.equal(addMonthsUtc(at('2025-05-31T00:00:00Z'), -3).toISOString(), '2025-02-28T00:00:00.000Z');
  });
  test('crosses year boundaries both ways', () => {
    assert.equal(addMonthsUtc(at('2025-11-10T00:00:00Z'), 3).toISOString(), '2026-02-10T00:00:00.000Z');
    assert.equal(addMonthsUtc(at('2025-02-10T00:00:00Z'), -12).toISOString(), '2024-02-10T00:00:00.000Z');
  });
  test('refuses fractional months', () => {
    assert.throws(() => addMonthsUtc(new Date(), 1.5), RangeError);
  });
  test('adding then removing months never lands after the start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 }),
        (d, m) => addMonthsUtc(addMonthsUtc(d, m), -m).getTime() <= d.getTime(),
      ),
    );
  });
});

describe('certification expiry', () => {
  const expires = at('2026-06-30T12:00:00Z');
  test('active more than 60 days before expiry', () => {
    assert.equal(certificationStatus(expires, at('2026-04-30T11:59:59Z')), 'active');
  });
  test('expiring within 60 days, up to the last millisecond', () => {
    assert.equal(certificationStatus(expires, at('2026-05-01T12:00:00Z')), 'expiring');
    assert.equal(certificationStatus(expires, at('2026-06-30T11:59:59.999Z')), 'expiring');
  });
  test('expired from the moment of expiry', () => {
    assert.equal(certificationStatus(expires, expires), 'expired');
    assert.equal(certificationStatus(expires, at('2027-01-01T00:00:00Z')), 'expired');
  });
});

describe('certification grant and renewal', () => {
  const now = at('2026-02-10T09:00:00Z');
  test('a first grant expires validityMonths from now', () => {
    assert.deepEqual(grantCertification(12, null, now), {
      kind: 'grant',
      earnedAt: now,
      expiresAt: at('2027-02-10T09:00:00Z'),
    });
    assert.equal(grantCertification(24, null, now).expiresAt.toISOString(), '2028-02-10T09:00:00.000Z');
  });
  test('a held certification is renewed from now, expired or not', () => {
    const expired = { earnedAt: at('2024-01-01T00:00:00Z'), expiresAt: at('2025-01-01T00:00:00Z') };
    const renewal = grantCertification(12, expired, now);
    assert.equal(renewal.kind, 'renew');
    assert.equal(renewal.earnedAt, now);
    assert.equal(renewal.expiresAt.toISOString(), '2027-02-10T09:00:00.000Z');
    const expiring = { earnedAt: at('2025-03-01T00:00:00Z'), expiresAt: at('2026-03-01T00:00:00Z') };
    assert.equal(grantCertification(12, expiring, now).expiresAt.toISOString(), '2027-02-10T09:00:00.000Z');
  });
  test('refuses a validity below one month', () => {
    assert.throws(() => grantCertification(0, null, now), RangeError);
    assert.throws(() => grantCertification(1.5, null, now), RangeError);
  });
  test('re-enrolling to renew is allowed only once the certification is expiring or expired', () => {
    assert.equal(mayReenrollToRenew(null, now), false);
    assert.equal(mayReenrollToRenew({ earnedAt: now, expiresAt: at('2027-02-10T09:00:00Z') }, now), false);
    assert.equal(mayReenrollToRenew({ earnedAt: now, expiresAt: at('2026-03-10T09:00:00Z') }, now), true);
    assert.equal(mayReenrollToRenew({ earnedAt: now, expiresAt: at('2026-01-10T09:00:00Z') }, now), true);
  });
});

describe('module completion', () => {
  const modules = ['m1', 'm2', 'm3', 'm4'];
  const now = at('2026-02-10T09:00:00Z');
  const fresh = { status: 'enrolled' as const, completedModuleIds: [], completedAt: null };

  test('enrolled -> in_progress -> completed, progress = completed / total', () => {
    let state: {
      status: 'enrolled' | 'in_progress' | 'completed';
      completedModuleIds: string[];
      completedAt: Date | null;
    } = fresh;
    const seen: string[] = [];
    for (const [i, id] of ['m3', 'm1', 'm4', 'm2'].entries()) {
      const r = completeModule(state, modules, id, now);
      assert.equal(r.changed, true);
      assert.equal(r.progress, (i + 1) / 4);
      seen.push(r.status);
      state = r;
    }
    assert.deepEqual(seen, ['in_progress', 'in_progress', 'in_progress', 'completed']);
    assert.deepEqual(state.completedModuleIds, modules, 'kept in course order');
    assert.equal(state.completedAt, now);
  });

  test('idempotent per module', () => {
    const once = completeModule(fresh, modules, 'm2', now);
    const twice = completeModule(once, modules, 'm2', at('2026-03-01T00:00:00Z'));
    assert.equal(twice.changed, false);
    assert.deepEqual(twice.completedModuleIds, ['m2']);
    assert.equal(twice.progress, 0.25);
    assert.equal(twice.status, 'in_progress');
  });

  test('finishing is reported once; completedAt never moves', () => {
    let state = { status: 'in_progress' as const, completedModuleIds: ['m1', 'm2', 'm3'], completedAt: null };
    const done = completeModule(state, modules, 'm4', now);
    assert.equal(done.finishedCourse, true);
    const again = completeModule(done, modules, 'm1', at('2026-05-01T00:00:00Z'));
    assert.equal(again.finishedCourse, false);
    assert.equal(again.completedAt, now);
    state = { ...state, completedModuleIds: ['m1', 'gone'] };
    assert.deepEqual(completeModule(state, modules, 'm2', now).completedModuleIds, ['m1', 'm2']);
  });

  test('a module of another course is refused', () => {
    assert.throws(() => completeModule(fresh, modules, 'm9', now), UnknownModuleError);
  });

  test('status and progress agree for any order of completions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...modules), { maxLength: 12 }), (order) => {
        let state: {
          status: 'enrolled' | 'in_progress' | 'completed';
          completedModuleIds: readonly string[];
          completedAt: Date | null;
        } = fresh;
        for (const id of order) state = completeModule(state, modules, id, now);
        const distinct = new Set(order).size;
        assert.equal(state.completedModuleIds.length, distinct);
        assert.equal(state.status, enrollmentStatus(distinct, modules.length));
        assert.equal(state.completedAt !== null, distinct === modules.length);
      }),
    );
  });

  test('a course without modules has no progress', () => {
    assert.equal(courseProgress(0, 0), 0);
    assert.equal(enrollmentStatus(0, 0), 'enrolled');
  });
});

describe('audiences', () => {
  test('partner types and roles must both match; an empty list is everyone', () => {
    assert.equal(
      audienceIncludes(
        { partnerTypes: ['reseller', 'var'], roles: [] },
        { partnerType: 'var', role: 'partner_user' },
      ),
      true,
    );
    assert.equal(
      audienceIncludes({ partnerTypes: ['msp'], roles: [] }, { partnerType: 'var', role: 'partner_user' }),
      false,
    );
    assert.equal(
      audienceIncludes(
        { partnerTypes: [], roles: ['partner_admin'] },
        { partnerType: 'msp', role: 'partner_user' },
      ),
      false,
    );
    assert.equal(
      audienceIncludes(
        { partnerTypes: [], roles: ['partner_admin'] },
        { partnerType: 'msp', role: 'partner_admin' },
      ),
      true,
    );
  });
});

describe('what a certification counts toward', () => {
  const tier = (id: string, rank: number, certificationIds?: string[]): Tier => ({
    id,
    name: id,
    rank,
    benefits: [],
    criteria:
      rank === 0
        ? []
        : [
            {
              key: 'certified_people',
              label: 'Certified people',
              unit: 'count',
              required: rank,
              ...(certificationIds ? { certificationIds } : {}),
            },
          ],
  });
  const tiers = [
    tier('platinum', 3, ['cert_arch']),
    tier('registered', 0),
    tier('silver', 1),
    tier('gold', 2, []),
  ];

  test('tiers whose criterion lists it, or lists none, lowest first', () => {
    assert.deepEqual(
      certificationCountsToward('cert_arch', tiers).map((t) => t.id),
      ['silver', 'gold', 'platinum'],
    );
    assert.deepEqual(
      certificationCountsToward('cert_sales', tiers).map((t) => t.id),
      ['silver', 'gold'],
    );
  });
  test('an expired certification counts toward nothing', () => {
    assert.deepEqual(certificationCountsToward('cert_arch', tiers, true), []);
  });
});
