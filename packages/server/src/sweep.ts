// Periodic housekeeping, at start-up and then every minute: expire registrations whose
// protection ended, forget old idempotency keys, expire MDF requests of ended periods, and
// re-evaluate tier standings (promotions, grace periods). Every server may run it: the statements
// are idempotent and row-locked. One failing part does not stop the others.
import { expireLapsed } from './deals.js';
import { runMdfExpirySweep } from './handlers/mdf.js';
import { purgeExpiredKeys } from './idempotency.js';
import { sweepTierStandings } from './rules/tiers-store.js';
import type { Database } from './types.js';

export const SWEEP_INTERVAL_MS = 60_000;

export interface SweepResult {
  expiredRegistrations: number;
  purgedIdempotencyKeys: number;
  expiredMdfRequests: number;
  changedTierStandings: number;
  /** The parts that failed (each logged by the caller). */
  errors: { part: string; error: unknown }[];
}

export async function sweep(db: Database, now: Date): Promise<SweepResult> {
  const errors: SweepResult['errors'] = [];
  const part = async <T>(name: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      errors.push({ part: name, error });
      return fallback;
    }
  };
  return {
    expiredRegistrations: await part('deal expiry', () => expireLapsed(db, now), 0),
    purgedIdempotencyKeys: await part('idempotency keys', () => purgeExpiredKeys(db, now), 0),
    expiredMdfRequests: await part('mdf expiry', async () => (await runMdfExpirySweep(db, now)).length, 0),
    changedTierStandings: await part('tier standings', () => sweepTierStandings(db, now), 0),
    errors,
  };
}
