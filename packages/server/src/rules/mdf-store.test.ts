// The MDF status history's one writer against a real database (PGlite in memory, or PostgreSQL in
// a fresh schema when DATABASE_URL is set; the real migrations and the demo's MDF data): what it
// stores, that it goes with its transaction, that the table keeps what it holds, and that nothing
// else in the server inserts into it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dropSchema, openDatabase, type PartnerkitDatabase } from '../db.js';
import { migrate } from '../migrate.js';
import { seedCore } from '../seed/core.js';
import { seedMdf } from '../seed/mdf.js';
import { appendMdfHistory } from './mdf-store.js';

const NOW = new Date('2026-11-10T10:00:00Z');
const url = process.env.DATABASE_URL;
const schema = url ? `pk_mdf_store_${randomBytes(4).toString('hex')}` : null;
let db: PartnerkitDatabase;
/** A seeded request and one of its claims. */
let requestId: string;
let claimId: string;

interface HistoryRow {
  id: string;
  subject_type: string;
  request_id: string;
  claim_id: string | null;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}

const historyOf = async (id: string) =>
  (
    await db.query<HistoryRow>(
      `SELECT id::text AS id, subject_type, request_id, claim_id, at, actor_type, actor_id, actor_name,
              from_status, to_status, reason
         FROM mdf_history WHERE request_id = $1 ORDER BY id`,
      [id],
    )
  ).rows;

before(async () => {
  db = await openDatabase(url ? { url, schema: schema!, poolSize: 2 } : { memory: true });
  await migrate(db);
  await seedCore(db, NOW);
  await seedMdf(db, NOW);
  const { rows } = await db.query<{ request_id: string; id: string }>(
    'SELECT request_id, id FROM mdf_claims ORDER BY id LIMIT 1',
  );
  assert.ok(rows[0], 'the demo has claims');
  requestId = rows[0].request_id;
  claimId = rows[0].id;
});

after(async () => {
  await db?.close();
  if (url && schema) await dropSchema(url, schema);
});

describe('appendMdfHistory', () => {
  test('stores a change of the request and a change of a claim, each with its subject', async () => {
    const before = await historyOf(requestId);
    assert.ok(before.length > 0, 'the seed wrote the history through it');
    const at = new Date('2026-11-10T09:15:30.123Z');
    await db.transaction(async (tx) => {
      await appendMdfHistory(tx, {
        requestId,
        claimId: null,
        actor: { type: 'vendor', id: 'usr_acme_admin', name: 'Morgan Blake' },
        from: 'approved',
        to: 'expired',
        reason: 'A reason with “quotes” and ümlauts',
        at,
      });
      await appendMdfHistory(tx, {
        requestId,
        claimId,
        actor: { type: 'system', id: null, name: 'System' },
        from: null,
        to: 'submitted',
        reason: null,
        at,
      });
    });
    const added = (await historyOf(requestId)).slice(before.length);
    assert.deepEqual(
      added.map(({ id: _id, ...row }) => row),
      [
        {
          subject_type: 'request',
          request_id: requestId,
          claim_id: null,
          at,
          actor_type: 'vendor',
          actor_id: 'usr_acme_admin',
          actor_name: 'Morgan Blake',
          from_status: 'approved',
          to_status: 'expired',
          reason: 'A reason with “quotes” and ümlauts',
        },
        {
          subject_type: 'claim',
          request_id: requestId,
          claim_id: claimId,
          at,
          actor_type: 'system',
          actor_id: null,
          actor_name: 'System',
          from_status: null,
          to_status: 'submitted',
          reason: null,
        },
      ],
    );
  });

  test('goes with its transaction: a change that fails leaves no entry', async () => {
    const before = await historyOf(requestId);
    await assert.rejects(
      db.transaction(async (tx) => {
        await appendMdfHistory(tx, {
          requestId,
          claimId: null,
          actor: { type: 'vendor', id: 'usr_acme_admin', name: 'Morgan Blake' },
          from: 'submitted',
          to: 'approved',
          reason: null,
          at: NOW,
        });
        throw new Error('the status change failed');
      }),
      /the status change failed/,
    );
    assert.deepEqual(await historyOf(requestId), before);
  });

  test('an entry for an unknown request is refused, not stored', async () => {
    await assert.rejects(
      appendMdfHistory(db, {
        requestId: 'mdfr_nobody',
        claimId: null,
        actor: { type: 'system', id: null, name: 'System' },
        from: null,
        to: 'submitted',
        reason: null,
        at: NOW,
      }),
    );
    assert.deepEqual(await historyOf('mdfr_nobody'), []);
  });
});

describe('the history table', () => {
  test('refuses updates and deletes, and keeps what it holds', async () => {
    const before = await historyOf(requestId);
    await assert.rejects(
      db.query(`UPDATE mdf_history SET reason = 'rewritten' WHERE request_id = $1`, [requestId]),
      /append-only/,
    );
    await assert.rejects(
      db.query('DELETE FROM mdf_history WHERE request_id = $1', [requestId]),
      /append-only/,
    );
    assert.deepEqual(await historyOf(requestId), before);
  });

  test('has one writer in the server: no other module inserts into it', async () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const writers: string[] = [];
    for (const entry of await readdir(src, { recursive: true })) {
      if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
      const text = await readFile(join(src, entry), 'utf8');
      if (/INSERT\s+INTO\s+mdf_history\b/i.test(text)) writers.push(relative(src, join(src, entry)));
    }
    assert.deepEqual(writers, [join('rules', 'mdf-store.ts')]);
  });
});
