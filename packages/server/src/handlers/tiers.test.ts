// The tier operations through real HTTP, against a real server with the demo program, on PGlite
// in memory (or on PostgreSQL in a fresh schema when DATABASE_URL is set). The clock is the
// server's, moved by the tests to cross grace periods and trailing windows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Certification, Course, Enrollment, Me, Tier, TierProgress } from '@partnerkit/api';
import { addMonthsUtc } from '../rules/training.js';
import { startTestServer, type TestResponse, type TestServer, testClock } from '../test/harness.js';

const VENDOR = 'pk_demo_vendor_admin';
const NW_ADMIN = 'pk_demo_northwind_admin';
const NW_USER = 'pk_demo_northwind_user';
const CONTOSO_ADMIN = 'pk_demo_contoso_admin';
const PROSEWARE_ADMIN = 'pk_demo_proseware_admin';
const DAY = 86_400_000;

let server: TestServer;
const START = new Date();
const clock = testClock(START);

/** One request as `token`, through the shared test harness. */
const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
  server.request<T>(method, path, { token, body });

const progressOf = async (token: string, query = '') => {
  const r = await call<TierProgress>(token, 'GET', `/v1/tier-progress${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};

before(async () => {
  server = await startTestServer({ seed: 'demo', logger: false, clock });
});

after(async () => {
  await server?.close();
});

describe('listTiers', () => {
  test('lowest first, with criteria and benefits, for partners and the vendor alike', async () => {
    const r = await call<{ items: Tier[] }>(NW_USER, 'GET', '/v1/tiers');
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.items.map((t) => t.name),
      ['Registered', 'Silver', 'Gold', 'Platinum'],
    );
    for (let i = 1; i < r.body.items.length; i++)
      assert.ok(r.body.items[i]!.rank > r.body.items[i - 1]!.rank);
    assert.ok(r.body.items.slice(1).every((t) => t.criteria.length > 0 && t.benefits.length > 0));
    const vendor = await call<{ items: Tier[] }>(VENDOR, 'GET', '/v1/tiers');
    assert.deepEqual(vendor.body, r.body);
    assert.equal((await fetch(`${server.url}/v1/tiers`)).status, 401);
  });
});

describe('getTierProgress', () => {
  test('Northwind: Gold, every Platinum criterion measured, benefits of both, review date, no grace', async () => {
    const tiers = (await call<{ items: Tier[] }>(NW_USER, 'GET', '/v1/tiers')).body.items;
    const gold = tiers.find((t) => t.name === 'Gold')!;
    const platinum = tiers.find((t) => t.name === 'Platinum')!;
    const p = await progressOf(NW_USER);
    assert.equal(p.partnerId, 'ptn_northwind');
    assert.deepEqual(p.currentTier, { id: gold.id, name: 'Gold', rank: gold.rank });
    assert.deepEqual(p.nextTier, { id: platinum.id, name: 'Platinum', rank: platinum.rank });
    assert.deepEqual(
      p.criteria.map((c) => [c.key, c.required]),
      platinum.criteria.map((c) => [c.key, c.required]),
    );
    for (const c of p.criteria) {
      assert.equal(c.remaining, Math.max(0, Math.round((c.required - c.current) * 100) / 100));
      assert.equal(c.met, c.current >= c.required);
      assert.ok(c.remaining >= 0);
    }
    assert.ok(
      p.criteria.some((c) => !c.met),
      'Northwind is on its way to Platinum, not there',
    );
    assert.ok(p.criteria.every((c) => c.current > 0));
    assert.deepEqual(p.currentBenefits, gold.benefits);
    assert.deepEqual(p.nextBenefits, platinum.benefits);
    assert.deepEqual(p.grace, { active: false, endsOn: null, qualifiedTier: p.currentTier });
    assert.equal(p.computedAt, clock.now().toISOString());
    // The review date: the next anniversary of the day the tier was gained.
    const since = (
      await server.db.query<{ tier_since: Date }>('SELECT tier_since FROM partners WHERE id = $1', [
        'ptn_northwind',
      ])
    ).rows[0]!.tier_since;
    let anniversary = addMonthsUtc(since, 12);
    while (anniversary.toISOString().slice(0, 10) < clock.now().toISOString().slice(0, 10)) {
      anniversary = addMonthsUtc(anniversary, 12);
    }
    assert.equal(p.reviewDate, anniversary.toISOString().slice(0, 10));
    // The admin sees the same; the criteria agree with the certifications listed.
    assert.deepEqual(await progressOf(NW_ADMIN), p);
    const certs: Certification[] = [];
    let cursor: string | null = null;
    do {
      const r: TestResponse<{ items: Certification[]; nextCursor: string | null }> = await call(
        NW_ADMIN,
        'GET',
        `/v1/certifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      certs.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    const people = new Set(certs.filter((c) => c.status !== 'expired').map((c) => c.userId));
    assert.equal(p.criteria.find((c) => c.key === 'certified_people')?.current, people.size);
  });

  test('vendor admins must name the partner; partners always get their own', async () => {
    const r = await call<{ code: string; errors: { pointer: string }[] }>(VENDOR, 'GET', '/v1/tier-progress');
    assert.equal(r.status, 400);
    assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(r.body.code, 'validation_failed');
    assert.deepEqual(
      r.body.errors.map((e) => e.pointer),
      ['/query/partnerId'],
    );
    const own = await progressOf(NW_USER);
    assert.deepEqual(await progressOf(VENDOR, '?partnerId=ptn_northwind'), own);
    assert.deepEqual(
      await progressOf(NW_USER, '?partnerId=ptn_contoso'),
      own,
      'another partner id is ignored',
    );
    const contoso = await progressOf(CONTOSO_ADMIN);
    assert.equal(contoso.partnerId, 'ptn_contoso');
    assert.equal(contoso.currentTier.name, 'Silver');
    assert.equal(contoso.nextTier?.name, 'Gold');
    const missing = await call<{ code: string }>(VENDOR, 'GET', '/v1/tier-progress?partnerId=ptn_nobody');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
    assert.equal((await call(VENDOR, 'GET', '/v1/tier-progress?partnerId=bad%20id')).status, 400);
  });

  test('promotion at once: a won deal, better satisfaction and one more certified person lift Contoso to Gold', async () => {
    const before = await progressOf(CONTOSO_ADMIN);
    assert.equal(before.currentTier.name, 'Silver');
    const gold = (name: string) => before.criteria.find((c) => c.key === name)!;
    // Satisfaction has no operation of its own: the survey result is written as the program would.
    await server.db.query('UPDATE partner_satisfaction SET score = $2 WHERE partner_id = $1', [
      'ptn_contoso',
      gold('customer_satisfaction').required + 0.1,
    ]);
    // A won deal closing the revenue gap (in USD, the criterion's currency).
    const approved = await call<{ items: { id: string }[] }>(
      CONTOSO_ADMIN,
      'GET',
      '/v1/deal-registrations?status=approved&limit=1',
    );
    const dealId = approved.body.items[0]!.id;
    const gap = Math.max(gold('closed_revenue').remaining, 1);
    const won = await call(VENDOR, 'POST', `/v1/deal-registrations/${dealId}/outcome`, {
      outcome: 'won',
      closedValue: { amount: gap + 100_00, currency: 'USD' },
    });
    assert.equal(won.status, 200, JSON.stringify(won.body));
    // Registered deals are met already; certified people are one short.
    const mid = await progressOf(CONTOSO_ADMIN);
    assert.equal(mid.currentTier.name, 'Silver');
    const people = mid.criteria.find((c) => c.key === 'certified_people')!;
    assert.deepEqual(
      mid.criteria.filter((c) => !c.met).map((c) => c.key),
      people.remaining > 0 ? ['certified_people'] : [],
    );
    for (let i = 0; i < people.remaining; i++) {
      const session = await call<{ token: string }>(VENDOR, 'POST', '/v1/sessions', {
        partnerId: 'ptn_contoso',
        user: { email: `new.engineer.${i}@contoso.example`, name: `New Engineer ${i}` },
      });
      const token = session.body.token;
      const path = await call<{ items: Course[] }>(
        token,
        'GET',
        '/v1/courses?pathId=lp_managed_services&limit=100',
      );
      const course = path.body.items.find((c) => c.certification)!;
      const enr = await call<Enrollment>(token, 'POST', '/v1/enrollments', { courseId: course.id });
      for (const m of course.modules) {
        const r = await call(token, 'POST', `/v1/enrollments/${enr.body.id}/modules/${m.id}/completion`);
        assert.equal(r.status, 200);
      }
    }
    // The completion that granted the last certification promoted Contoso: /v1/me says so at once.
    const me = await call<Me>(CONTOSO_ADMIN, 'GET', '/v1/me');
    assert.equal(me.body.partner?.tier.name, 'Gold');
    const after = await progressOf(CONTOSO_ADMIN);
    assert.equal(after.currentTier.name, 'Gold');
    assert.equal(after.nextTier?.name, 'Platinum');
    assert.equal(after.grace.active, false);
    assert.equal(after.reviewDate, addMonthsUtc(clock.now(), 12).toISOString().slice(0, 10));
    const log = await server.db.query<{ change: string; to_tier_id: string }>(
      `SELECT change, to_tier_id FROM tier_changes WHERE partner_id = 'ptn_contoso' ORDER BY id`,
    );
    assert.deepEqual(log.rows.at(-1), { change: 'promoted', to_tier_id: after.currentTier.id });
  });

  test('below the tier: grace, recovery, grace again, demotion when it ends', async () => {
    try {
      const now = await progressOf(PROSEWARE_ADMIN);
      assert.equal(now.currentTier.name, 'Gold');
      assert.equal(now.grace.active, false);
      // Thirty months on, the won deals have left the window and the certifications expired.
      clock.set(new Date(START.getTime() + 900 * DAY));
      const later = await progressOf(PROSEWARE_ADMIN);
      assert.equal(later.currentTier.name, 'Gold', 'the tier holds during the grace');
      assert.equal(later.grace.active, true);
      assert.equal(later.grace.qualifiedTier.name, 'Registered');
      const endsOn = new Date(clock.now().getTime() + 90 * DAY).toISOString().slice(0, 10);
      assert.equal(later.grace.endsOn, endsOn);
      assert.equal(
        later.criteria.find((c) => c.key === 'certified_people')?.current,
        0,
        'expired ones stop counting',
      );
      // Back when the records met Gold: recovered, the grace cleared.
      clock.set(START);
      const recovered = await progressOf(PROSEWARE_ADMIN);
      assert.equal(recovered.grace.active, false);
      assert.equal(recovered.currentTier.name, 'Gold');
      // Below again; the day before the grace ends it still holds; on that day it is demoted.
      clock.set(new Date(START.getTime() + 900 * DAY));
      assert.equal((await progressOf(PROSEWARE_ADMIN)).grace.endsOn, endsOn);
      clock.set(new Date(Date.parse(`${endsOn}T00:00:00Z`) - 1));
      assert.equal((await progressOf(PROSEWARE_ADMIN)).currentTier.name, 'Gold');
      clock.set(new Date(Date.parse(`${endsOn}T00:00:00Z`)));
      const demoted = await progressOf(PROSEWARE_ADMIN);
      assert.equal(demoted.currentTier.name, 'Registered');
      assert.equal(demoted.nextTier?.name, 'Silver');
      assert.equal(demoted.grace.active, false);
      const me = await call<Me>(PROSEWARE_ADMIN, 'GET', '/v1/me');
      assert.equal(me.body.partner?.tier.name, 'Registered');
      const log = await server.db.query<{ change: string }>(
        `SELECT change FROM tier_changes WHERE partner_id = 'ptn_proseware' ORDER BY id`,
      );
      assert.deepEqual(
        log.rows.map((r) => r.change),
        ['grace_started', 'recovered', 'grace_started', 'demoted'],
      );
    } finally {
      clock.set(START);
    }
  });
});
