// The database layer on PGlite, and on PostgreSQL when DATABASE_URL is set: the same types come
// back, a throwing transaction leaves nothing, prepared statements run, serialization failures
// are retried.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { dropSchema, openDatabase, type PartnerkitDatabase, preparedStatement } from './db.js';
import { DATABASE_URL } from './test/harness.js';

const kinds: ['pglite' | 'postgres', () => Promise<PartnerkitDatabase>][] = [
  ['pglite', () => openDatabase({ memory: true })],
];
const schema = `pk_test_${randomBytes(6).toString('hex')}`;
if (DATABASE_URL) kinds.push(['postgres', () => openDatabase({ url: DATABASE_URL!, schema, poolSize: 4 })]);

after(async () => {
  if (DATABASE_URL) await dropSchema(DATABASE_URL, schema);
});

const PROBE_SQL = preparedStatement('pk_test_probe', 'SELECT $1::int + 1 AS n');

for (const [kind, open] of kinds) {
  describe(`database on ${kind}`, () => {
    let db: PartnerkitDatabase;
    before(async () => {
      db = await open();
      await db.query('CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, v text)');
    });
    after(async () => {
      await db?.close();
    });

    it('returns numbers, calendar days as text, instants as Dates, JSON as values', async () => {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT 9007199254740991::bigint AS big, 1.5::numeric AS num, DATE '2026-02-28' AS day,
                TIMESTAMPTZ '2026-02-28T23:30:00Z' AS at, '{"a":[1,true]}'::jsonb AS doc, ARRAY['x','y'] AS list`,
      );
      assert.deepEqual(rows[0], {
        big: 9007199254740991,
        num: 1.5,
        day: '2026-02-28',
        at: new Date('2026-02-28T23:30:00Z'),
        doc: { a: [1, true] },
        list: ['x', 'y'],
      });
      assert.equal(db.kind, kind);
    });

    it('returns text exactly as stored, a leading U+FEFF included', async () => {
      const texts = ['\uFEFF', '\uFEFF\uFEFFtwo', '\uFEFF notes', 'inner\uFEFF', '', '\u00E9\uFEFF'];
      const { rows } = await db.query<{ v: string; n: null; w: string; doc: unknown }>(
        `SELECT v, NULL::text AS n, $1::text AS w, $2::jsonb AS doc FROM unnest($3::text[]) WITH ORDINALITY AS x(v, i) ORDER BY i`,
        ['\uFEFFparameter', JSON.stringify({ s: '\uFEFF' }), texts],
      );
      assert.deepEqual(
        rows.map((r) => r.v),
        texts,
      );
      assert.ok(rows.every((r) => r.n === null && r.w === '\uFEFFparameter'));
      assert.deepEqual(rows[0]?.doc, { s: '\uFEFF' });
      // Stored and read back in a transaction, as the handlers do.
      const read = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, v) VALUES (100, $1)', ['\uFEFF']);
        return (await tx.query<{ v: string }>('SELECT v FROM t WHERE id = 100')).rows[0]?.v;
      });
      assert.equal(read, '\uFEFF');
      const { rows: after } = await db.query<{ v: string; len: number }>(
        'SELECT v, char_length(v) AS len FROM t WHERE id = 100',
      );
      assert.deepEqual(after[0], { v: '\uFEFF', len: 1 });
      await db.query('DELETE FROM t WHERE id = 100');
    });

    it('commits a transaction, and rolls back one that throws', async () => {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, v) VALUES (1, $1)', ['kept']);
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t (id, v) VALUES (2, $1)', ['lost']);
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      const { rows } = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
      assert.deepEqual(
        rows.map((r) => r.id),
        [1],
      );
    });

    it('runs prepared statements again and again', async () => {
      for (let i = 0; i < 8; i++) {
        const { rows } = await db.query<{ n: number }>(PROBE_SQL, [i]);
        assert.equal(rows[0]!.n, i + 1);
      }
    });

    it('passes parameters, never interpolates them', async () => {
      const hostile = "x'); DROP TABLE t; --";
      await db.query('INSERT INTO t (id, v) VALUES (3, $1)', [hostile]);
      const { rows } = await db.query<{ v: string }>('SELECT v FROM t WHERE id = 3');
      assert.equal(rows[0]!.v, hostile);
    });

    if (kind === 'postgres') {
      it('retries a transaction that lost a serialization conflict', async () => {
        await db.query('CREATE TABLE IF NOT EXISTS counter (id int PRIMARY KEY, n int NOT NULL)');
        await db.query('INSERT INTO counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
        let attempts = 0;
        const bump = () =>
          db.transaction(async (tx) => {
            attempts++;
            const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
            await new Promise((r) => setTimeout(r, 30));
            await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [rows[0]!.n + 1]);
          }, 'serializable');
        await Promise.all([bump(), bump(), bump()]);
        const { rows } = await db.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
        assert.equal(rows[0]!.n, 3, 'every increment survived');
        assert.ok(attempts > 3, `some transaction was retried (${attempts} attempts)`);
      });
    }
  });
}

describe('preparedStatement', () => {
  it('refuses one name for two statements', () => {
    assert.throws(() => preparedStatement('pk_test_probe', 'SELECT 2'), /two statements named pk_test_probe/);
    assert.equal(preparedStatement('pk_test_probe', 'SELECT $1::int + 1 AS n'), 'SELECT $1::int + 1 AS n');
  });
});
