// The records behind `Idempotency-Key`, per caller, for every POST of the contract.
import {
  decideIdempotency,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyDecision,
  type StoredKey,
} from './rules/idempotency.js';
import type { Queryable } from './types.js';

interface Row {
  fingerprint: string;
  state: 'in_progress' | 'done';
  status: number | null;
  body: unknown;
  headers: Record<string, string> | null;
  created_at: Date;
  updated_at: Date;
}

const toStored = (row: Row): StoredKey => ({
  fingerprint: row.fingerprint,
  state: row.state,
  status: row.status,
  body: row.body,
  headers: row.headers,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Claims `key` for this request, or says what to answer instead. A `run` decision means the key
 * is now held (in progress) by this request: finish it with `completeKey` or `releaseKey`.
 */
export async function claimKey(
  db: Queryable,
  callerId: string,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<IdempotencyDecision> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (caller_id, key, fingerprint, state, created_at, updated_at)
       VALUES ($1, $2, $3, 'in_progress', $4, $4)
       ON CONFLICT (caller_id, key) DO NOTHING
       RETURNING key`,
      [callerId, key, fingerprint, now],
    );
    if (inserted.rows.length === 1) return { kind: 'run', takeOver: false };
    const { rows } = await db.query<Row>(
      `SELECT fingerprint, state, status, body, headers, created_at, updated_at
         FROM idempotency_keys WHERE caller_id = $1 AND key = $2`,
      [callerId, key],
    );
    const row = rows[0];
    if (!row) continue; // released in between: try to insert again
    const decision = decideIdempotency(toStored(row), fingerprint, now);
    if (decision.kind !== 'run') return decision;
    // Stale or forgotten: take it over only if nobody else did in between.
    const taken = await db.query(
      `UPDATE idempotency_keys
          SET fingerprint = $3, state = 'in_progress', status = NULL, body = NULL, headers = NULL,
              created_at = $4, updated_at = $4
        WHERE caller_id = $1 AND key = $2 AND updated_at = $5
        RETURNING key`,
      [callerId, key, fingerprint, now, row.updated_at],
    );
    if (taken.rows.length === 1) return { kind: 'run', takeOver: true };
  }
  return { kind: 'in_progress' };
}

/** Keeps the response of the request that held `key`, for replay. */
export async function completeKey(
  db: Queryable,
  callerId: string,
  key: string,
  response: { status: number; body: unknown; headers: Record<string, string> },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET state = 'done', status = $3, body = $4, headers = $5, updated_at = $6
      WHERE caller_id = $1 AND key = $2`,
    [
      callerId,
      key,
      response.status,
      response.body === undefined ? null : JSON.stringify(response.body),
      JSON.stringify(response.headers),
      now,
    ],
  );
}

/** Forgets `key` (the request failed on the server's side; a retry may run it again). */
export async function releaseKey(db: Queryable, callerId: string, key: string): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE caller_id = $1 AND key = $2 AND state = 'in_progress'`, [
    callerId,
    key,
  ]);
}

/** Deletes keys older than the retention period. Returns how many. */
export async function purgeExpiredKeys(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query(`DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING key`, [
    new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
  ]);
  return rows.length;
}
