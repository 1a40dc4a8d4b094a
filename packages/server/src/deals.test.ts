// The conflict check's database side: the customer words and their one-deletion forms kept by
// the migrations' triggers (and computed by SQL exactly as the rules compute them), the lookup of
// words one typo away, and the lock keys. On PGlite, or on PostgreSQL at DATABASE_URL in a fresh
// schema.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dropSchema, openDatabase, type PartnerkitDatabase } from './db.js';
import { customerLockKeys, typoNames, typoNeighbours } from './deals.js';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.js';
import { oneDeletionForms, TYPO_MAX_WORD_LENGTH } from './rules/conflict.js';
import { customerKeys } from './rules/normalize.js';
import { DATABASE_URL } from './test/harness.js';

const temp: string[] = [];
const schemas: string[] = [];
const open = async () => {
  if (!DATABASE_URL) return openDatabase({ memory: true });
  const schema = `pk_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return openDatabase({ url: DATABASE_URL, schema, poolSize: 2 });
};
const opened: PartnerkitDatabase[] = [];
after(async () => {
  for (const db of opened) await db.close();
  for (const schema of schemas) await dropSchema(DATABASE_URL!, schema);
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** Rows as the seed and bulk loads write them: straight into the tables, past the server. */
async function insertCustomers(db: PartnerkitDatabase, companies: string[]) {
  await db.query(`INSERT INTO tiers (id, name, rank) VALUES ('t', 'T', 0) ON CONFLICT DO NOTHING`);
  await db.query(
    `INSERT INTO partners (id, name, type, region, contact, tier_id, tier_since, created_at)
     VALUES ('ptn_a', 'A', 'reseller', 'EMEA', '{}', 't', now(), now()) ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO users (id, partner_id, name, email, role, created_at)
     VALUES ('usr_a', 'ptn_a', 'A', 'a@example.com', 'partner_admin', now()) ON CONFLICT DO NOTHING`,
  );
  const keys = companies.map((c) => customerKeys(c));
  await db.query(
    `INSERT INTO deal_registrations (id, reference, partner_id, status, customer, company_key, block_first,
       block_last, product_ids, estimated_amount, currency, expected_close_date, sourcing, submitted_by_id,
       submitted_by_name, created_at, updated_at)
     SELECT 'dr_' || k, 'DR-' || k, 'ptn_a', 'submitted', '{}', k, f, l, ARRAY['p'], 1, 'USD', '2027-01-01',
            'sourced', 'usr_a', 'A', now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, f, l)`,
    [keys.map((k) => k.company), keys.map((k) => k.blockFirst), keys.map((k) => k.blockLast)],
  );
}

describe('customer words and their forms', () => {
  let db: PartnerkitDatabase;
  before(async () => {
    db = await open();
    opened.push(db);
    await migrate(db);
  });

  it('computes the one-deletion forms in SQL exactly as the rules do', async () => {
    const words = [
      'globex',
      'aaaaa',
      'müller',
      '東京海上日動',
      'acme',
      'x'.repeat(TYPO_MAX_WORD_LENGTH),
      'x'.repeat(TYPO_MAX_WORD_LENGTH + 1),
    ];
    for (const word of words) {
      const { rows } = await db.query<{ f: string }>('SELECT one_deletion_forms($1) AS f', [word]);
      const expected =
        word.length >= 5 && [...word].length <= TYPO_MAX_WORD_LENGTH ? oneDeletionForms(word) : [];
      assert.deepEqual(rows.map((r) => r.f).sort(), expected.sort(), word);
    }
  });

  it('keeps the first and last words of every row written, and finds the words one typo away', async () => {
    await insertCustomers(db, ['Glebex Inc', 'Intech', 'Quilon Freight Trader', 'Bcdea', 'Acme Co']);
    await db.query(
      `INSERT INTO direct_accounts (id, company, company_key, block_first, block_last)
       VALUES ('da_1', 'Heliox Air', 'heliox air', 'heliox', 'air')`,
    );
    const { rows } = await db.query<{ word: string }>('SELECT word FROM customer_words ORDER BY word');
    assert.deepEqual(
      rows.map((r) => r.word),
      ['bcdea', 'glebex', 'heliox', 'intech', 'quilon', 'trader'],
      'words of 5 characters or more',
    );
    const near = async (company: string) => typoNeighbours(db, customerKeys(company));
    assert.deepEqual(await near('Globex'), { first: ['glebex'], last: [] });
    assert.deepEqual(await near('Initech'), { first: ['intech'], last: [] });
    assert.deepEqual(await near('Quillon Freight Traders'), { first: ['quilon'], last: ['trader'] });
    assert.deepEqual(await near('Helios Group'), { first: ['heliox'], last: [] });
    // "xbcde" shares the form "bcde" with "bcdea" but is two edits away.
    assert.deepEqual(await near('Xbcde'), { first: [], last: [] });
    assert.deepEqual(await near('Acne'), { first: [], last: [] }, 'short words are not searched');
    assert.deepEqual(typoNames('quillon freight traders', { first: ['quilon'], last: ['trader'] }).sort(), [
      'quillon freight trader',
      'quilon freight traders',
    ]);
  });

  it('fills the words of rows written before the migrations that keep them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-mig-'));
    temp.push(dir);
    for (const m of readMigrations().filter((m) => m.version < '0006')) {
      copyFileSync(join(MIGRATIONS_DIR, m.file), join(dir, m.file));
    }
    const old = await open();
    opened.push(old);
    await migrate(old, dir);
    await insertCustomers(old, ['Globex Systems']);
    await migrate(old);
    assert.deepEqual(await typoNeighbours(old, customerKeys('Glebex')), { first: ['globex'], last: [] });
    const { rows } = await old.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer_word_forms WHERE word = 'systems'`,
    );
    assert.equal(rows[0]!.n, oneDeletionForms('systems').length);
  });
});

describe('customerLockKeys', () => {
  it('locks the name, the domain and the forms of the first and last word, sorted', () => {
    const keys = customerLockKeys(customerKeys('Globex Systems, Inc.', 'https://www.globex.example'));
    assert.deepEqual(keys, [...keys].sort());
    assert.ok(keys.includes('name:globex systems'));
    assert.ok(keys.includes('domain:globex.example'));
    for (const form of [...oneDeletionForms('globex'), ...oneDeletionForms('systems')]) {
      assert.ok(keys.includes(`word:${form}`), form);
    }
    assert.equal(new Set(keys).size, keys.length);
  });

  it('gives two near misses a key in common, and two unrelated customers none', () => {
    const shared = (a: string, b: string) => {
      const ka = new Set(customerLockKeys(customerKeys(a)));
      return customerLockKeys(customerKeys(b)).some((k) => ka.has(k));
    };
    assert.ok(shared('Globex', 'Glebex'));
    assert.ok(shared('Initech', 'Intech'));
    assert.ok(shared('Vantage North Freight', 'Vantage South Freight'));
    assert.ok(shared('Quillon Freight Traders', 'Quilon Freight Trader'));
    assert.ok(!shared('Globex', 'Initech'));
  });
});
