// Tier rules: measuring a partner's records against tier criteria, which tier those records
// qualify for, automatic promotion, the grace period before a demotion, the review date, and the
// progress a partner sees. No HTTP, no SQL: the records come in as plain values.
import type {
  CriterionProgress,
  DealStatus,
  Money,
  Tier,
  TierCriterion,
  TierProgress,
  TierRef,
} from '@partnerkit/api';
import { addDaysUtc, addMonthsUtc, certificationCounts, startOfUtcDay, utcDay } from './training.js';

/** The program's default grace period before a demotion, in days. */
export const DEFAULT_GRACE_DAYS = 90;
/** The trailing window of `closed_revenue` and `registered_deals` when the criterion names none. */
export const DEFAULT_WINDOW_MONTHS = 12;

/** A partner's own records, as far as tiers are concerned. */
export interface TierRecords {
  /** Won registrations: when they were won and their value (closed value, else estimated value). */
  wonDeals: readonly { closedAt: Date; value: Money }[];
  /** Every registration with its creation time and current status. */
  registrations: readonly { createdAt: Date; status: DealStatus }[];
  /** Certifications held by the partner's users (expired ones included; they are filtered here). */
  certifications: readonly { userId: string; definitionId: string; expiresAt: Date }[];
  /** Customer-satisfaction score from 0 to 5, `null` when the partner has none yet. */
  satisfaction: number | null;
}

/**
 * Exchange rates for `closed_revenue`: how many units of `base` one unit of each currency is
 * worth (`{ base: 'USD', rates: { EUR: 1.08 } }`). Deals in a currency the table does not name
 * are left out of a criterion in another currency.
 */
export interface RateTable {
  base: string;
  rates: Readonly<Record<string, number>>;
}

/** The decimal places of a currency's minor unit (2 for USD, 0 for JPY), from the ICU data. */
export function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

function rateOf(table: RateTable | null, currency: string): number | null {
  if (table && currency === table.base) return 1;
  const rate = table?.rates[currency];
  return typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : null;
}

/**
 * `money` in `currency`'s minor units, through the rate table; `null` when either currency has
 * no rate. The same currency converts to itself without a table.
 */
export function convertMoney(money: Money, currency: string, table: RateTable | null): number | null {
  if (money.currency === currency) return money.amount;
  const from = rateOf(table, money.currency);
  const to = rateOf(table, currency);
  if (from === null || to === null) return null;
  const major = money.amount / 10 ** minorUnitDigits(money.currency);
  return (major * from * 10 ** minorUnitDigits(currency)) / to;
}

/** Whether `at` lies in the trailing `months` before `now`: from `now - months` (included) to `now` (included). */
export function inTrailingWindow(at: Date, now: Date, months: number): boolean {
  const start = addMonthsUtc(now, -months);
  return at.getTime() >= start.getTime() && at.getTime() <= now.getTime();
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The partner's current value for one criterion. */
export function measureCriterion(
  criterion: TierCriterion,
  records: TierRecords,
  now: Date,
  rates: RateTable | null = null,
): number {
  const window = criterion.windowMonths ?? DEFAULT_WINDOW_MONTHS;
  switch (criterion.key) {
    case 'closed_revenue': {
      const currency = criterion.currency ?? rates?.base ?? 'USD';
      let total = 0;
      for (const deal of records.wonDeals) {
        if (!inTrailingWindow(deal.closedAt, now, window)) continue;
        const value = convertMoney(deal.value, currency, rates);
        if (value !== null) total += value;
      }
      return Math.round(total);
    }
    case 'registered_deals':
      return records.registrations.filter(
        (r) => r.status !== 'rejected' && inTrailingWindow(r.createdAt, now, window),
      ).length;
    case 'certified_people': {
      const counted = criterion.certificationIds?.length ? new Set(criterion.certificationIds) : null;
      const people = new Set<string>();
      for (const c of records.certifications) {
        if (!certificationCounts(c.expiresAt, now)) continue;
        if (counted && !counted.has(c.definitionId)) continue;
        people.add(c.userId);
      }
      return people.size;
    }
    case 'customer_satisfaction':
      return round2(records.satisfaction ?? 0);
  }
}

/** One criterion measured: current against required, what remains (never negative), met. */
export function criterionProgress(
  criterion: TierCriterion,
  records: TierRecords,
  now: Date,
  rates: RateTable | null = null,
): CriterionProgress {
  const current = measureCriterion(criterion, records, now, rates);
  const remaining = Math.max(
    0,
    criterion.unit === 'score' ? round2(criterion.required - current) : criterion.required - current,
  );
  const progress: CriterionProgress = {
    key: criterion.key,
    label: criterion.label,
    unit: criterion.unit,
    current,
    required: criterion.required,
    remaining,
    met: current >= criterion.required,
  };
  if (criterion.key === 'closed_revenue') progress.currency = criterion.currency ?? rates?.base ?? 'USD';
  else if (criterion.currency) progress.currency = criterion.currency;
  return progress;
}

/** Whether the records meet every criterion of `tier`. */
export function meetsTier(
  tier: Tier,
  records: TierRecords,
  now: Date,
  rates: RateTable | null = null,
): boolean {
  return tier.criteria.every((c) => measureCriterion(c, records, now, rates) >= c.required);
}

export const byRank = (tiers: readonly Tier[]): Tier[] => [...tiers].sort((a, b) => a.rank - b.rank);

/**
 * The highest tier whose criteria the records all meet; the lowest tier when they meet none
 * (there is nothing below the entry tier).
 */
export function qualifiedTier(
  tiers: readonly Tier[],
  records: TierRecords,
  now: Date,
  rates: RateTable | null = null,
): Tier {
  const sorted = byRank(tiers);
  if (sorted.length === 0) throw new Error('The program has no tiers.');
  let best = sorted[0]!;
  for (const tier of sorted) if (meetsTier(tier, records, now, rates)) best = tier;
  return best;
}

/** Where a partner stands: its tier, since when, and the end of a running grace period. */
export interface TierStanding {
  tierId: string | null;
  tierSince: Date | null;
  graceUntil: Date | null;
}

export type StandingChange = 'none' | 'promoted' | 'grace_started' | 'demoted' | 'recovered';

export interface EvaluatedStanding {
  tierId: string;
  tierSince: Date;
  graceUntil: Date | null;
  change: StandingChange;
  /** The tier before this evaluation (the same as `tierId` when nothing changed tier). */
  previousTierId: string | null;
}

/**
 * Applies the program's rules to a partner's standing, given the tier its records qualify for:
 * - qualifies above its tier: promoted at once (`tierSince` = now, any grace cleared);
 * - qualifies for its tier while in grace: recovered, the grace is cleared;
 * - qualifies below its tier: a grace period of `graceDays` starts, ending on a UTC day; it keeps
 *   its tier until that day and is then demoted to the tier it qualifies for (`tierSince` = the
 *   end of the grace); a grace of 0 days demotes at once;
 * - no tier yet: it gets the one it qualifies for.
 */
export function evaluateStanding(
  tiers: readonly Tier[],
  standing: TierStanding,
  qualified: Tier,
  now: Date,
  graceDays: number = DEFAULT_GRACE_DAYS,
): EvaluatedStanding {
  const current = standing.tierId ? tiers.find((t) => t.id === standing.tierId) : undefined;
  const since = standing.tierSince ?? now;
  if (!current) {
    return {
      tierId: qualified.id,
      tierSince: now,
      graceUntil: null,
      change: 'promoted',
      previousTierId: null,
    };
  }
  const base = { previousTierId: current.id };
  if (qualified.rank > current.rank) {
    return { ...base, tierId: qualified.id, tierSince: now, graceUntil: null, change: 'promoted' };
  }
  if (qualified.rank === current.rank) {
    return {
      ...base,
      tierId: current.id,
      tierSince: since,
      graceUntil: null,
      change: standing.graceUntil ? 'recovered' : 'none',
    };
  }
  // Below the current tier's requirements: the grace runs to the start (00:00 UTC) of its last
  // day, `endsOn`; the partner is demoted then, to the tier its records qualify for at that time.
  const graceUntil = standing.graceUntil ?? startOfUtcDay(addDaysUtc(now, Math.max(0, graceDays)));
  if (now.getTime() >= graceUntil.getTime()) {
    return {
      ...base,
      tierId: qualified.id,
      tierSince: standing.graceUntil ? graceUntil : now,
      graceUntil: null,
      change: 'demoted',
    };
  }
  return {
    ...base,
    tierId: current.id,
    tierSince: since,
    graceUntil,
    change: standing.graceUntil ? 'none' : 'grace_started',
  };
}

/**
 * The date the current tier is reviewed: the next anniversary of `tierSince` (today when today is
 * the anniversary). A tier gained on Feb 29 is reviewed on Feb 28 in other years.
 */
export function reviewDate(tierSince: Date, now: Date): string {
  const today = utcDay(now);
  for (let years = 1; ; years++) {
    const day = utcDay(addMonthsUtc(tierSince, 12 * years));
    if (day >= today) return day;
  }
}

const ref = (t: Tier): TierRef => ({ id: t.id, name: t.name, rank: t.rank });

export interface TierComputation {
  standing: EvaluatedStanding;
  progress: TierProgress;
}

/**
 * Everything `getTierProgress` answers, from the tiers, the partner's standing and records:
 * the new standing to store, and the progress toward the next tier (every criterion of the next
 * tier, or of the current tier at the top).
 */
export function computeTierProgress(input: {
  partnerId: string;
  tiers: readonly Tier[];
  standing: TierStanding;
  records: TierRecords;
  now: Date;
  graceDays?: number;
  rates?: RateTable | null;
}): TierComputation {
  const { partnerId, records, now } = input;
  const rates = input.rates ?? null;
  const tiers = byRank(input.tiers);
  const qualified = qualifiedTier(tiers, records, now, rates);
  const standing = evaluateStanding(
    tiers,
    input.standing,
    qualified,
    now,
    input.graceDays ?? DEFAULT_GRACE_DAYS,
  );
  const current = tiers.find((t) => t.id === standing.tierId)!;
  const next = tiers.find((t) => t.rank > current.rank) ?? null;
  const target = next ?? current;
  return {
    standing,
    progress: {
      partnerId,
      currentTier: ref(current),
      nextTier: next ? ref(next) : null,
      criteria: target.criteria.map((c) => criterionProgress(c, records, now, rates)),
      currentBenefits: current.benefits,
      nextBenefits: next ? next.benefits : [],
      reviewDate: reviewDate(standing.tierSince, now),
      grace: {
        active: standing.graceUntil !== null,
        endsOn: standing.graceUntil ? utcDay(standing.graceUntil) : null,
        qualifiedTier: ref(qualified),
      },
      computedAt: now.toISOString(),
    },
  };
}
