// The tier standing and the training seed against a real database (PGlite in memory, or
// PostgreSQL in a fresh schema when DATABASE_URL is set; the real migrations), on a small program
// of its own so that every figure is known.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Tier } from '@partnerkit/api';
import { dropSchema, openDatabase, type PartnerkitDatabase } from '../db.js';
import { migrate } from '../migrate.js';
import { seedTraining } from '../seed/training.js';
import { loadTierRecords, loadTiers, refreshTierStanding, sweepTierStandings } from './tiers-store.js';
import { applyModuleCompletion, insertEnrollment } from './training-store.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

const TIERS: Tier[] = [
  {
    id: 'tier_registered',
    name: 'Registered',
    rank: 0,
    criteria: [],
    benefits: [{ key: 'portal', label: 'Portal' }],
  },
  {
    id: 'tier_silver',
    name: 'Silver',
    rank: 1,
    criteria: [
      {
        key: 'closed_revenue',
        label: 'Revenue',
        unit: 'money',
        required: 100_000_00,
        currency: 'USD',
        windowMonths: 12,
      },
      { key: 'certified_people', label: 'Certified people', unit: 'count', required: 2 },
      { key: 'registered_deals', label: 'Registered deals', unit: 'count', required: 2, windowMonths: 12 },
      { key: 'customer_satisfaction', label: 'CSAT', unit: 'score', required: 3.8 },
    ],
    benefits: [{ key: 'mdf', label: 'MDF' }],
  },
  {
    id: 'tier_gold',
    name: 'Gold',
    rank: 2,
    criteria: [
      {
        key: 'closed_revenue',
        label: 'Revenue',
        unit: 'money',
        required: 500_000_00,
        currency: 'USD',
        windowMonths: 12,
      },
      {
        key: 'certified_people',
        label: 'Certified people',
        unit: 'count',
        required: 3,
        certificationIds: ['cert_sales_professional', 'cert_presales_engineer'],
      },
      { key: 'registered_deals', label: 'Registered deals', unit: 'count', required: 3, windowMonths: 12 },
      { key: 'customer_satisfaction', label: 'CSAT', unit: 'score', required: 4.2 },
    ],
    benefits: [{ key: 'mdf', label: 'More MDF' }],
  },
];

let db: PartnerkitDatabase;

async function resetProgram() {
  for (const table of [
    'tier_changes',
    'module_completions',
    'certifications',
    'enrollments',
    'learning_path_courses',
    'learning_paths',
    'course_modules',
    'courses',
    'certification_definitions',
    'partner_satisfaction',
    'deal_history',
    'deal_registrations',
    'api_keys',
    'users',
    'partners',
    'tiers',
    'program',
  ]) {
    if (table === 'tier_changes')
      await db.query('ALTER TABLE tier_changes DISABLE TRIGGER tier_changes_append_only');
    await db.query(`DELETE FROM ${table}`);
    if (table === 'tier_changes')
      await db.query('ALTER TABLE tier_changes ENABLE TRIGGER tier_changes_append_only');
  }
  await db.query(
    `INSERT INTO program (id, vendor_name, tier_grace_days, currency_rates) VALUES (1, 'Acme Cloud', 90, $1)`,
    [JSON.stringify({ EUR: 1.1 })],
  );
  for (const t of TIERS) {
    await db.query('INSERT INTO tiers (id, name, rank, criteria, benefits) VALUES ($1, $2, $3, $4, $5)', [
      t.id,
      t.name,
      t.rank,
      JSON.stringify(t.criteria),
      JSON.stringify(t.benefits),
    ]);
  }
}

async function addPartner(id: string, tierId: string, since = day(-200), type = 'reseller', country = 'US') {
  await db.query(
    `INSERT INTO partners (id, name, type, region, country, contact, tier_id, tier_since, created_at)
     VALUES ($1, $2, $3, 'NA', $4, $5, $6, $7, $8)`,
    [
      id,
      `Partner ${id}`,
      type,
      country,
      JSON.stringify({ name: 'Pat', email: 'pat@example.com' }),
      tierId,
      since,
      day(-900),
    ],
  );
  await db.query(
    `INSERT INTO users (id, partner_id, name, email, role, created_at) VALUES ($1, $2, 'Pat Admin', $3, 'partner_admin', $4)`,
    [`usr_${id}_admin`, id, `pat@${id}.example`, day(-900)],
  );
}

let dealSeq = 0;
async function addDeal(
  partnerId: string,
  status: string,
  createdAt: Date,
  value: { amount: number; currency: string },
  closed?: { at: Date; amount?: number; currency?: string },
) {
  dealSeq++;
  await db.query(
    `INSERT INTO deal_registrations
       (id, reference, partner_id, status, customer, company_key, block_first, block_last, product_ids,
        estimated_amount, currency, expected_close_date, sourcing, protected_until, closed_amount, closed_currency,
        closed_at, submitted_by_id, submitted_by_name, created_at, updated_at)
     VALUES ($1, $2, $3, $4, '{}', $5, 'a', 'b', ARRAY['prd_x'], $6, $7, '2026-06-30', 'sourced', $8, $9, $10, $11,
             $12, 'Pat Admin', $13, $13)`,
    [
      `dr_${dealSeq}`,
      `DR-${dealSeq}`,
      partnerId,
      status,
      `company ${dealSeq}`,
      value.amount,
      value.currency,
      status === 'approved' ? day(30) : null,
      closed?.amount ?? null,
      closed?.amount !== undefined ? (closed.currency ?? value.currency) : null,
      closed?.at ?? null,
      `usr_${partnerId}_admin`,
      createdAt,
    ],
  );
}

async function addUser(partnerId: string, n: number) {
  const id = `usr_${partnerId}_${n}`;
  await db.query(
    `INSERT INTO users (id, partner_id, name, email, role, created_at) VALUES ($1, $2, $3, $4, 'partner_user', $5)`,
    [id, partnerId, `Learner ${n}`, `learner${n}@${partnerId}.example`, day(-800)],
  );
  return id;
}

async function certify(partnerId: string, userId: string, definitionId: string, expiresAt: Date) {
  await db.query(
    `INSERT INTO certifications (id, partner_id, user_id, definition_id, course_id, first_earned_at, earned_at, expires_at)
     VALUES ($1, $2, $3, $4, 'crs_sales_exam', $5, $5, $6)`,
    [`crt_${userId}_${definitionId}`, partnerId, userId, definitionId, day(-300), expiresAt],
  );
}

const standing = async (id: string) =>
  (
    await db.query<{ tier_id: string; tier_since: Date; grace_until: string | null }>(
      'SELECT tier_id, tier_since, grace_until FROM partners WHERE id = $1',
      [id],
    )
  ).rows[0]!;

/** A partner whose records meet Silver and not Gold (two certified people, 4.0 satisfaction). */
async function silverPartner(id: string, tierId: string, since?: Date) {
  await addPartner(id, tierId, since);
  await addDeal(
    id,
    'won',
    day(-100),
    { amount: 90_000_00, currency: 'USD' },
    { at: day(-40), amount: 120_000_00 },
  );
  await addDeal(id, 'approved', day(-20), { amount: 10_000_00, currency: 'USD' });
  const a = await addUser(id, 1);
  const b = await addUser(id, 2);
  await certify(id, a, 'cert_sales_professional', day(200));
  await certify(id, b, 'cert_channel_marketer', day(20));
  await db.query(
    `INSERT INTO partner_satisfaction (partner_id, score, responses, measured_at) VALUES ($1, 4.0, 30, $2)`,
    [id, day(-10)],
  );
}

const url = process.env.DATABASE_URL;
const schema = url ? `pk_tiers_store_${randomBytes(4).toString('hex')}` : null;

before(async () => {
  db = await openDatabase(url ? { url, schema: schema!, poolSize: 2 } : { memory: true });
  await migrate(db);
});
after(async () => {
  await db.close();
  if (url && schema) await dropSchema(url, schema);
});

describe('tier standing in the database', () => {
  beforeEach(async () => {
    await resetProgram();
    // The certification definitions the fixtures refer to come with the catalogue.
    await seedTraining(db, NOW);
    await db.query('DELETE FROM partner_satisfaction');
  });

  test('records are read from the partner own rows only, in the window', async () => {
    await silverPartner('ptn_a', 'tier_silver');
    await silverPartner('ptn_b', 'tier_silver');
    await addDeal('ptn_a', 'won', day(-500), { amount: 1_000_000_00, currency: 'USD' }, { at: day(-400) });
    await addDeal('ptn_a', 'rejected', day(-5), { amount: 1_00, currency: 'USD' });
    const records = await loadTierRecords(db, 'ptn_a', await loadTiers(db), NOW);
    assert.deepEqual(
      records.wonDeals.map((d) => d.value),
      [{ amount: 120_000_00, currency: 'USD' }],
      'closed value, inside the window',
    );
    assert.equal(records.registrations.length, 2, 'rejected and out-of-window registrations left out');
    assert.equal(records.certifications.length, 2);
    assert.equal(records.satisfaction, 4);
  });

  test('promotion is stored at once, with its tier change', async () => {
    await silverPartner('ptn_a', 'tier_registered');
    const computed = await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', NOW));
    assert.equal(computed?.standing.change, 'promoted');
    const s = await standing('ptn_a');
    assert.equal(s.tier_id, 'tier_silver');
    assert.equal(s.tier_since.toISOString(), NOW.toISOString());
    assert.equal(s.grace_until, null);
    const log = await db.query<{ change: string; from_tier_id: string; to_tier_id: string }>(
      'SELECT change, from_tier_id, to_tier_id FROM tier_changes WHERE partner_id = $1',
      ['ptn_a'],
    );
    assert.deepEqual(log.rows, [
      { change: 'promoted', from_tier_id: 'tier_registered', to_tier_id: 'tier_silver' },
    ]);
    await assert.rejects(db.query('UPDATE tier_changes SET reason = $1', ['changed']), /append-only/);
    await assert.rejects(db.query('DELETE FROM tier_changes'), /append-only/);
  });

  test('below the tier: grace starts, the tier holds, then demotion when it ends', async () => {
    await silverPartner('ptn_a', 'tier_gold', day(-300));
    const first = await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', NOW));
    assert.equal(first?.standing.change, 'grace_started');
    assert.deepEqual(first?.progress.grace, {
      active: true,
      endsOn: '2026-06-13',
      qualifiedTier: { id: 'tier_silver', name: 'Silver', rank: 1 },
    });
    assert.deepEqual(await standing('ptn_a'), {
      tier_id: 'tier_gold',
      tier_since: day(-300),
      grace_until: '2026-06-13',
    });
    const during = await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', day(30)));
    assert.equal(during?.standing.change, 'none');
    assert.equal((await standing('ptn_a')).tier_id, 'tier_gold');
    // The won deal closed 40 days before NOW leaves the window later; keep the clock inside it.
    await addDeal('ptn_a', 'won', day(60), { amount: 120_000_00, currency: 'USD' }, { at: day(60) });
    // ...and replace the certification that expires 20 days after NOW.
    await certify('ptn_a', await addUser('ptn_a', 3), 'cert_presales_engineer', day(400));
    await sweepTierStandings(db, new Date('2026-06-13T00:00:00Z'));
    const s = await standing('ptn_a');
    assert.equal(s.tier_id, 'tier_silver');
    assert.equal(s.tier_since.toISOString(), '2026-06-13T00:00:00.000Z');
    assert.equal(s.grace_until, null);
    const log = await db.query<{ change: string }>(
      'SELECT change FROM tier_changes WHERE partner_id = $1 ORDER BY id',
      ['ptn_a'],
    );
    assert.deepEqual(
      log.rows.map((r) => r.change),
      ['grace_started', 'demoted'],
    );
  });

  test('recovery during the grace clears it', async () => {
    await silverPartner('ptn_a', 'tier_gold', day(-300));
    await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', NOW));
    assert.equal((await standing('ptn_a')).grace_until, '2026-06-13');
    // Enough for Gold: a big won deal, a third registration, two more counting certifications, CSAT.
    await addDeal('ptn_a', 'won', day(-2), { amount: 400_000_00, currency: 'EUR' }, { at: day(-1) });
    await certify('ptn_a', await addUser('ptn_a', 3), 'cert_presales_engineer', day(400));
    await certify('ptn_a', await addUser('ptn_a', 4), 'cert_sales_professional', day(400));
    await db.query('UPDATE partner_satisfaction SET score = 4.3 WHERE partner_id = $1', ['ptn_a']);
    const r = await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', NOW));
    assert.equal(r?.standing.change, 'recovered');
    assert.deepEqual(await standing('ptn_a'), {
      tier_id: 'tier_gold',
      tier_since: day(-300),
      grace_until: null,
    });
    assert.equal(r?.progress.grace.active, false);
  });

  test('a certification granted by completing a course counts; once expired it stops counting', async () => {
    await silverPartner('ptn_a', 'tier_silver');
    const user = await addUser('ptn_a', 3);
    await db.transaction(async (tx) => {
      await insertEnrollment(tx, {
        id: 'enr_t1',
        partnerId: 'ptn_a',
        userId: user,
        courseId: 'crs_marketing_exam',
        now: NOW,
      });
      for (const m of ['mod_marketing_exam_1', 'mod_marketing_exam_2', 'mod_marketing_exam_3']) {
        await applyModuleCompletion(tx, 'enr_t1', m, NOW);
      }
    });
    const tiers = await loadTiers(db);
    const silver = tiers.find((t) => t.id === 'tier_silver')!;
    const people = silver.criteria.find((c) => c.key === 'certified_people')!;
    const progress = await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', NOW));
    // Silver is current; its progress lists Gold's criteria, which only count two certifications.
    assert.equal(progress?.progress.criteria.find((c) => c.key === 'certified_people')?.current, 1);
    const records = await loadTierRecords(db, 'ptn_a', tiers, NOW);
    assert.equal(new Set(records.certifications.map((c) => c.userId)).size, 3);
    assert.equal(people.required, 2);
    // The channel-marketer certification of learner 2 expires 20 days after NOW.
    const later = await loadTierRecords(db, 'ptn_a', tiers, day(21));
    assert.equal(new Set(later.certifications.map((c) => c.userId)).size, 2);
  });

  test('closed revenue converts other currencies with the program rate table', async () => {
    await silverPartner('ptn_a', 'tier_silver');
    await addDeal('ptn_a', 'won', day(-30), { amount: 100_000_00, currency: 'EUR' }, { at: day(-3) });
    await addDeal('ptn_a', 'won', day(-30), { amount: 100_000_00, currency: 'CHF' }, { at: day(-3) });
    await db.query(`UPDATE program SET currency_rates = '{"EUR": 1.1}'`);
    const r = await db.transaction((tx) => refreshTierStanding(tx, 'ptn_a', NOW));
    const revenue = r?.progress.criteria.find((c) => c.key === 'closed_revenue');
    assert.equal(revenue?.current, 120_000_00 + 110_000_00, 'EUR converted, CHF (no rate) left out');
    assert.equal(revenue?.currency, 'USD');
  });

  test('an unknown partner has no standing', async () => {
    assert.equal(await db.transaction((tx) => refreshTierStanding(tx, 'ptn_nobody', NOW)), null);
  });
});

describe('training seed', () => {
  before(async () => {
    await resetProgram();
    await addPartner('ptn_northwind', 'tier_silver', day(-400), 'reseller', 'US');
    await addPartner('ptn_contoso', 'tier_silver', day(-400), 'msp', 'GB');
    await addPartner('ptn_fabrikam', 'tier_gold', day(-500), 'si', 'DE');
    await addPartner('ptn_litware', 'tier_registered', day(-100), 'referral', 'CA');
    for (const p of ['ptn_northwind', 'ptn_contoso', 'ptn_fabrikam']) {
      for (let i = 0; i < 4; i++) {
        await addDeal(p, 'won', day(-60 - i), { amount: 200_000_00, currency: 'USD' }, { at: day(-10 - i) });
      }
    }
    await seedTraining(db, NOW);
  });

  test('every partner sits at its seeded tier; one is in a grace period that began 40 days ago', async () => {
    const rows = (
      await db.query<{ id: string; tier_id: string; grace_until: string | null }>(
        'SELECT id, tier_id, grace_until FROM partners ORDER BY id',
      )
    ).rows;
    assert.deepEqual(rows, [
      { id: 'ptn_contoso', tier_id: 'tier_silver', grace_until: null },
      { id: 'ptn_fabrikam', tier_id: 'tier_gold', grace_until: '2026-05-04' },
      { id: 'ptn_litware', tier_id: 'tier_registered', grace_until: null },
      { id: 'ptn_northwind', tier_id: 'tier_silver', grace_until: null },
    ]);
  });

  test('enrolments in every state and certifications active, expiring and expired', async () => {
    const states = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM enrollments GROUP BY status ORDER BY status',
    );
    assert.deepEqual(
      states.rows.map((r) => r.status),
      ['completed', 'enrolled', 'in_progress'],
    );
    const certs = await db.query<{ expires_at: Date }>('SELECT expires_at FROM certifications');
    const left = certs.rows.map((r) => (r.expires_at.getTime() - NOW.getTime()) / 86_400_000);
    assert.ok(left.some((d) => d > 60));
    assert.ok(left.some((d) => d > 0 && d <= 60));
    assert.ok(left.some((d) => d <= 0));
    const german = await db.query('SELECT 1 FROM enrollments WHERE partner_id = $1 AND course_id LIKE $2', [
      'ptn_fabrikam',
      'crs_de_%',
    ]);
    assert.ok(german.rows.length > 0, 'a German partner learns in German');
  });

  test('the catalogue: 5 to 8 paths, about 25 courses of 3 to 8 modules, English and German', async () => {
    const paths = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM learning_paths');
    assert.ok(paths.rows[0]!.n >= 5 && paths.rows[0]!.n <= 8);
    const courses = await db.query<{ language: string; modules: number }>(
      'SELECT c.language, count(m.id)::int AS modules FROM courses c JOIN course_modules m ON m.course_id = c.id GROUP BY c.id',
    );
    assert.ok(courses.rows.length >= 22 && courses.rows.length <= 30);
    assert.ok(courses.rows.every((c) => c.modules >= 3 && c.modules <= 8));
    assert.deepEqual([...new Set(courses.rows.map((c) => c.language))].sort(), ['de', 'en']);
  });

  test('seeding twice changes nothing', async () => {
    const count = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrollments')).rows[0]!.n;
    const before = await count();
    await seedTraining(db, NOW);
    assert.equal(await count(), before);
  });
});
