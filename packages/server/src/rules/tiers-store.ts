// Tier standing in the database: the program's tiers, a partner's own records (won deals,
// registrations, certifications, satisfaction), and the refresh that stores a promotion, a grace
// period, a demotion or a recovery at once, with an entry in the append-only `tier_changes`.
// Used by the handlers, after a certification is granted, and by the sweep; no HTTP here.
import type { DealStatus, Tier, TierBenefit, TierCriterion } from '@partnerkit/api';
import type { Database, Queryable } from '../types.js';
import {
  computeTierProgress,
  DEFAULT_GRACE_DAYS,
  DEFAULT_WINDOW_MONTHS,
  type RateTable,
  type TierComputation,
  type TierRecords,
} from './tiers.js';
import { addMonthsUtc, utcDay } from './training.js';

/** The program's tiers, lowest first, in the contract's shape. */
export async function loadTiers(q: Queryable): Promise<Tier[]> {
  const { rows } = await q.query<{
    id: string;
    name: string;
    rank: number;
    criteria: TierCriterion[];
    benefits: TierBenefit[];
  }>('SELECT id, name, rank, criteria, benefits FROM tiers ORDER BY rank');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    rank: r.rank,
    criteria: r.criteria,
    benefits: r.benefits,
  }));
}

export interface TierSettings {
  graceDays: number;
  rates: RateTable;
}

/** Grace days and the exchange-rate table, from the program. */
export async function loadTierSettings(q: Queryable): Promise<TierSettings> {
  const { rows } = await q.query<{
    tier_grace_days: number;
    default_currency: string;
    currency_rates: Record<string, number>;
  }>('SELECT tier_grace_days, default_currency, currency_rates FROM program WHERE id = 1');
  const row = rows[0];
  return {
    graceDays: row?.tier_grace_days ?? DEFAULT_GRACE_DAYS,
    rates: { base: row?.default_currency ?? 'USD', rates: row?.currency_rates ?? {} },
  };
}

/** The longest trailing window any criterion uses, in months. */
function longestWindow(tiers: readonly Tier[]): number {
  let months = DEFAULT_WINDOW_MONTHS;
  for (const t of tiers)
    for (const c of t.criteria) if (c.windowMonths && c.windowMonths > months) months = c.windowMonths;
  return months;
}

/**
 * A partner's records as far as tiers are concerned, narrowed to what can count at `now`: won
 * deals and registrations inside the longest trailing window, certifications not yet expired.
 * A won deal counts on its close date (`closed_at`, else its last update) with its closed value,
 * else its estimated value.
 */
export async function loadTierRecords(
  q: Queryable,
  partnerId: string,
  tiers: readonly Tier[],
  now: Date,
): Promise<TierRecords> {
  const since = addMonthsUtc(now, -longestWindow(tiers));
  const won = await q.query<{ closed_at: Date; amount: number; currency: string }>(
    `SELECT coalesce(closed_at, updated_at) AS closed_at,
            coalesce(closed_amount, estimated_amount) AS amount,
            coalesce(closed_currency, currency) AS currency
       FROM deal_registrations
      WHERE partner_id = $1 AND status = 'won' AND coalesce(closed_at, updated_at) BETWEEN $2 AND $3`,
    [partnerId, since, now],
  );
  const registrations = await q.query<{ created_at: Date; status: DealStatus }>(
    `SELECT created_at, status FROM deal_registrations
      WHERE partner_id = $1 AND status <> 'rejected' AND created_at BETWEEN $2 AND $3`,
    [partnerId, since, now],
  );
  const certifications = await q.query<{ user_id: string; definition_id: string; expires_at: Date }>(
    'SELECT user_id, definition_id, expires_at FROM certifications WHERE partner_id = $1 AND expires_at > $2',
    [partnerId, now],
  );
  const satisfaction = await q.query<{ score: number }>(
    'SELECT score FROM partner_satisfaction WHERE partner_id = $1',
    [partnerId],
  );
  return {
    wonDeals: won.rows.map((r) => ({
      closedAt: r.closed_at,
      value: { amount: r.amount, currency: r.currency },
    })),
    registrations: registrations.rows.map((r) => ({ createdAt: r.created_at, status: r.status })),
    certifications: certifications.rows.map((r) => ({
      userId: r.user_id,
      definitionId: r.definition_id,
      expiresAt: r.expires_at,
    })),
    satisfaction: satisfaction.rows[0] ? Number(satisfaction.rows[0].score) : null,
  };
}

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * Recomputes a partner's tier inside transaction `tx` and stores any change at once (tier,
 * tier date, grace end), appending it to `tier_changes`. Returns `null` for an unknown partner.
 */
export async function refreshTierStanding(
  tx: Queryable,
  partnerId: string,
  now: Date,
): Promise<TierComputation | null> {
  const { rows } = await tx.query<{ tier_id: string; tier_since: Date; grace_until: string | null }>(
    'SELECT tier_id, tier_since, grace_until FROM partners WHERE id = $1 FOR UPDATE',
    [partnerId],
  );
  const partner = rows[0];
  if (!partner) return null;
  const tiers = await loadTiers(tx);
  const settings = await loadTierSettings(tx);
  const records = await loadTierRecords(tx, partnerId, tiers, now);
  const computed = computeTierProgress({
    partnerId,
    tiers,
    standing: {
      tierId: partner.tier_id,
      tierSince: partner.tier_since,
      graceUntil: partner.grace_until ? dayStart(partner.grace_until) : null,
    },
    records,
    now,
    graceDays: settings.graceDays,
    rates: settings.rates,
  });
  const s = computed.standing;
  const graceUntil = s.graceUntil ? utcDay(s.graceUntil) : null;
  if (
    s.tierId !== partner.tier_id ||
    s.tierSince.getTime() !== partner.tier_since.getTime() ||
    graceUntil !== partner.grace_until
  ) {
    await tx.query('UPDATE partners SET tier_id = $2, tier_since = $3, grace_until = $4 WHERE id = $1', [
      partnerId,
      s.tierId,
      s.tierSince,
      graceUntil,
    ]);
  }
  if (s.change !== 'none') {
    const name = (id: string | null) => tiers.find((t) => t.id === id)?.name ?? id;
    const qualified = computed.progress.grace.qualifiedTier.name;
    const reason = {
      promoted: `The records qualify for ${name(s.tierId)}.`,
      grace_started: `Below the ${name(s.tierId)} requirements (records qualify for ${qualified}); grace until ${graceUntil}.`,
      demoted: `The grace period ended below the ${name(s.previousTierId)} requirements.`,
      recovered: `The records meet the ${name(s.tierId)} requirements again.`,
    }[s.change];
    await tx.query(
      `INSERT INTO tier_changes (partner_id, at, change, from_tier_id, to_tier_id, grace_until, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [partnerId, now, s.change, s.previousTierId, s.tierId, graceUntil, reason],
    );
  }
  return computed;
}

/**
 * Re-evaluates every partner (promotions, grace periods that start or end), each in its own
 * transaction. Returns how many partners changed.
 */
export async function sweepTierStandings(db: Database, now: Date): Promise<number> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM partners ORDER BY id');
  let changed = 0;
  for (const { id } of rows) {
    const result = await db.transaction((tx) => refreshTierStanding(tx, id, now));
    if (result && result.standing.change !== 'none') changed++;
  }
  return changed;
}
