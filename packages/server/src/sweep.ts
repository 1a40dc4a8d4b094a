// Periodic housekeeping: expire registrations whose protection ended, forget old idempotency
// keys. Runs at start-up and then every minute; every server may run it (the statements are
// idempotent and row-locked).
import { expireLapsed } from './deals.js';
import { purgeExpiredKeys } from './idempotency.js';
import type { Database } from './types.js';

export const SWEEP_INTERVAL_MS = 60_000;

export interface SweepResult {
  expiredRegistrations: number;
  purgedIdempotencyKeys: number;
}

export async function sweep(db: Database, now: Date): Promise<SweepResult> {
  const expiredRegistrations = await expireLapsed(db, now);
  const purgedIdempotencyKeys = await purgeExpiredKeys(db, now);
  return { expiredRegistrations, purgedIdempotencyKeys };
}
