// The demo program's partners stand where the demo says they do, read through the API: each at
// the tier it was seeded with and meeting every criterion of that tier, with no grace period,
// except the one partner the demo puts in a grace period on purpose (one certified person short
// since a certification lapsed). On PGlite in memory, or on PostgreSQL when DATABASE_URL is set;
// seeded now and on a leap day, whose trailing twelve months are a day longer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Tier, TierCriterion, TierProgress } from '@partnerkit/api';
import { startTestServer, type TestServer, testClock } from '../test/harness.js';
import { PARTNERS } from './core.js';

const VENDOR = 'pk_demo_vendor_admin';
/** The partner the training seed puts in a grace period. */
const GRACE_PARTNER = 'ptn_adatum';

/**
 * What `progress` measured for `criterion` of the partner's own tier. The progress lists the next
 * tier's criteria (its own at the top tier); the demo's tiers measure each key the same way
 * (window, currency, certifications), which this checks before reading the value across.
 */
function measured(progress: TierProgress, tiers: Tier[], criterion: TierCriterion): number {
  const target = tiers.find((t) => t.id === (progress.nextTier ?? progress.currentTier).id)!;
  const same = target.criteria.find((c) => c.key === criterion.key);
  assert.ok(same, `${target.name} measures ${criterion.key} too`);
  assert.equal(same.windowMonths, criterion.windowMonths, `${criterion.key}: the same window`);
  assert.equal(same.currency, criterion.currency, `${criterion.key}: the same currency`);
  assert.deepEqual(
    same.certificationIds,
    criterion.certificationIds,
    `${criterion.key}: the same certifications`,
  );
  const value = progress.criteria.find((c) => c.key === criterion.key);
  assert.ok(value, `the progress measures ${criterion.key}`);
  return value.current;
}

for (const seededAt of [new Date(), new Date('2028-02-29T16:30:00Z')]) {
  describe(`the demo program seeded at ${seededAt.toISOString()}`, () => {
    let server: TestServer;
    let tiers: Tier[];
    const progress = new Map<string, TierProgress>();

    before(async () => {
      server = await startTestServer({ seed: 'demo', logger: false, clock: testClock(seededAt) });
      const listed = await server.request<{ items: Tier[] }>('GET', '/v1/tiers', { token: VENDOR });
      assert.equal(listed.status, 200);
      tiers = listed.body.items;
      for (const p of PARTNERS) {
        const asVendor = await server.request<TierProgress>('GET', `/v1/tier-progress?partnerId=${p.id}`, {
          token: VENDOR,
        });
        assert.equal(asVendor.status, 200, asVendor.text);
        const asPartner = await server.request<TierProgress>('GET', '/v1/tier-progress', {
          token: `pk_demo_${p.slug}_admin`,
        });
        assert.equal(asPartner.status, 200, asPartner.text);
        assert.deepEqual(asPartner.body, asVendor.body, `${p.name}: the partner sees what the vendor sees`);
        progress.set(p.id, asVendor.body);
      }
    });

    after(async () => {
      await server?.close();
    });

    test('exactly one partner is in a grace period: the one seeded for it', () => {
      const inGrace = PARTNERS.filter((p) => progress.get(p.id)!.grace.active).map((p) => p.id);
      assert.deepEqual(inGrace, [GRACE_PARTNER]);
    });

    test('every other partner holds its seeded tier and meets each of its criteria', () => {
      const problems: string[] = [];
      for (const p of PARTNERS.filter((x) => x.id !== GRACE_PARTNER)) {
        const got = progress.get(p.id)!;
        const tier = tiers.find((t) => t.id === p.tier)!;
        if (got.currentTier.id !== tier.id) {
          problems.push(`${p.name}: ${got.currentTier.name}, seeded ${tier.name}`);
          continue;
        }
        if (got.grace.active) problems.push(`${p.name}: in a grace period until ${got.grace.endsOn}`);
        if (got.grace.qualifiedTier.id !== tier.id) {
          problems.push(
            `${p.name}: its records qualify for ${got.grace.qualifiedTier.name}, not ${tier.name}`,
          );
        }
        for (const c of tier.criteria) {
          const value = measured(got, tiers, c);
          if (value < c.required)
            problems.push(`${p.name} (${tier.name}): ${c.key} ${value} < ${c.required}`);
        }
      }
      assert.deepEqual(problems, []);
      // The partners other tests build on.
      assert.equal(progress.get('ptn_northwind')!.currentTier.name, 'Gold');
      assert.equal(progress.get('ptn_contoso')!.currentTier.name, 'Silver');
      assert.equal(progress.get('ptn_proseware')!.currentTier.name, 'Gold');
    });

    test('the grace partner keeps its tier, one certified person short of it and nothing else', () => {
      const seeded = PARTNERS.find((p) => p.id === GRACE_PARTNER)!;
      const got = progress.get(GRACE_PARTNER)!;
      const tier = tiers.find((t) => t.id === seeded.tier)!;
      assert.equal(got.currentTier.id, tier.id, 'the tier holds during the grace');
      assert.equal(got.grace.active, true);
      const today = server.clock.now().toISOString().slice(0, 10);
      assert.ok(got.grace.endsOn && got.grace.endsOn > today, `the grace runs on (${got.grace.endsOn})`);
      const below = tiers.filter((t) => t.rank < tier.rank).at(-1)!;
      assert.deepEqual(got.grace.qualifiedTier, { id: below.id, name: below.name, rank: below.rank });
      const short = tier.criteria
        .map((c) => ({ key: c.key, gap: c.required - measured(got, tiers, c) }))
        .filter((c) => c.gap > 0);
      assert.deepEqual(short, [{ key: 'certified_people', gap: 1 }]);
    });
  });
}
