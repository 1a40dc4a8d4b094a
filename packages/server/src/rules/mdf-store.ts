// The MDF status history in the database: every status change of a request or a claim (who,
// when, from, to, why) appended to `mdf_history` in the transaction that makes the change. The
// table refuses updates and deletes with a trigger, so this insert is the one way in: the
// handlers and the demo seed both write through it.
import type { Queryable, Schemas } from '../types.js';

export interface MdfHistoryEntry {
  requestId: string;
  /** The claim whose status changed, or `null` for a change of the request itself. */
  claimId: string | null;
  actor: Schemas['Actor'];
  /** `null` for the first entry (the submission). */
  from: string | null;
  to: string;
  reason: string | null;
  at: Date;
}

/** Appends one status change; its subject is the claim when `claimId` is given, else the request. */
export async function appendMdfHistory(q: Queryable, e: MdfHistoryEntry): Promise<void> {
  await q.query(
    `INSERT INTO mdf_history (subject_type, request_id, claim_id, at, actor_type, actor_id, actor_name,
                              from_status, to_status, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.claimId ? 'claim' : 'request',
      e.requestId,
      e.claimId,
      e.at,
      e.actor.type,
      e.actor.id,
      e.actor.name,
      e.from,
      e.to,
      e.reason,
    ],
  );
}
