// The tier domain of the mock API: the program's tiers and the caller's progress, computed as the
// reference server computes it: the next tier's criteria measured against the partner's standing,
// certified people counted from the training domain's stored certifications (distinct people with
// a certification that has not expired), registered deals from the deal domain's stored
// registrations too, and the server's rules of standing: promoted at once when the records qualify
// above the tier held; below it, a grace period that keeps the tier until its last day, then the
// demotion to the tier the records qualify for.
import type { CriterionProgress, Me, Tier, TierCriterion, TierProgress, TierRef } from '@partnerkit/api';
import { DAY, type MockContext, Reply, type Route } from './core.js';
import type { DealsState } from './deals.js';
import type { TrainingState } from './training.js';

export type TiersOperation = 'listTiers' | 'getTierProgress';

/** What the partner's records add up to (everything but certified people, which are counted). */
export interface Standing {
  /**
   * The tier stored for the partner (default `tier_gold`). As on the server, records that qualify
   * above it promote the partner at once, and records below it start a grace period.
   */
  tier: string;
  /** Closed revenue of the trailing 12 months, in minor units of the criterion's currency. */
  closedRevenue: number;
  /**
   * Registrations of the trailing 12 months beyond those the deal domain stores (which are counted:
   * every one not rejected, created in the criterion's window).
   */
  registeredDeals: number;
  /** Customer satisfaction from 0 to 5, `null` when there is no score yet. */
  satisfaction: number | null;
  /** Certified people beyond those the stored certifications count. */
  otherCertifiedPeople: number;
  /** The day the tier is next reviewed (default: 45 days from now). */
  reviewDate?: string;
  /**
   * The last day of a running grace period, kept while the records are below the tier held (a
   * grace period starts with the server's default of 90 days when they are below it and this is
   * not set). When the day has come, the partner is demoted to the tier the records qualify for.
   */
  graceEndsOn?: string;
}

export interface TiersOptions {
  /** The program's tiers, lowest first (default {@link demoTiers}). */
  tiers?: Tier[];
  /** The partner's standing (default {@link demoStanding}); certified people are counted. */
  standing?: Partial<Standing>;
  /**
   * How the standing is evaluated: `server` (default) as the reference server does it;
   * `at-review` as a backend that promotes and demotes only at the review date: the stored tier
   * is kept whatever the records qualify for, and a grace period runs only when `graceEndsOn`
   * says so.
   */
  standingRules?: 'server' | 'at-review';
  /** Or the progress itself, as a backend answered it: then nothing is computed. */
  tierProgress?: TierProgress;
}

// biome-ignore lint/suspicious/noEmptyInterface: tier progress is computed, nothing is stored.
export interface TiersState {}

const usd = (dollars: number) => dollars * 100;
const revenue = (dollars: number): TierCriterion => ({
  key: 'closed_revenue',
  label: 'Closed revenue (trailing 12 months)',
  unit: 'money',
  required: usd(dollars),
  currency: 'USD',
  windowMonths: 12,
});
const people = (n: number): TierCriterion => ({
  key: 'certified_people',
  label: 'Certified people',
  unit: 'count',
  required: n,
});
const deals = (n: number): TierCriterion => ({
  key: 'registered_deals',
  label: 'Registered deals (trailing 12 months)',
  unit: 'count',
  required: n,
  windowMonths: 12,
});
const satisfaction = (score: number): TierCriterion => ({
  key: 'customer_satisfaction',
  label: 'Customer satisfaction',
  unit: 'score',
  required: score,
});
const benefit = (key: string, label: string, description: string) => ({ key, label, description });

/** The reference server's demo program: Registered, Silver, Gold, Platinum. */
export const demoTiers: Tier[] = [
  {
    id: 'tier_registered',
    name: 'Registered',
    rank: 0,
    criteria: [],
    benefits: [
      benefit('portal', 'Partner portal access', 'Deal registration, training and the asset library.'),
      benefit('discount_10', '10% resale discount', 'On every Acme Cloud product.'),
      benefit('deal_registration', 'Deal registration', '90 days of protection on approved deals.'),
    ],
  },
  {
    id: 'tier_silver',
    name: 'Silver',
    rank: 1,
    criteria: [revenue(250_000), people(2), deals(5)],
    benefits: [
      benefit('discount_20', '20% resale discount', 'On every Acme Cloud product.'),
      benefit('mdf', 'Market development funds', 'A quarterly MDF allocation.'),
      benefit('partner_locator', 'Partner locator listing', 'Listed on acme-cloud.example/partners.'),
    ],
  },
  {
    id: 'tier_gold',
    name: 'Gold',
    rank: 2,
    criteria: [revenue(1_000_000), people(5), deals(15), satisfaction(4)],
    benefits: [
      benefit('discount_30', '30% resale discount', 'On every Acme Cloud product.'),
      benefit(
        'channel_manager',
        'Dedicated channel manager',
        'A named contact for planning and escalations.',
      ),
      benefit('nfr_licenses', 'Not-for-resale licences', 'Ten NFR licences for demos and internal use.'),
    ],
  },
  {
    id: 'tier_platinum',
    name: 'Platinum',
    rank: 3,
    criteria: [revenue(5_000_000), people(10), deals(40), satisfaction(4.5)],
    benefits: [
      benefit('discount_40', '40% resale discount', 'On every Acme Cloud product.'),
      benefit('co_selling', 'Joint account planning', 'Co-selling with Acme Cloud account teams.'),
      benefit('advisory_board', 'Partner advisory board seat', 'A voice in the product roadmap.'),
    ],
  },
];

/** A Gold partner on its way to Platinum: revenue and deals short, satisfaction met. */
export const demoStanding: Standing = {
  tier: 'tier_gold',
  closedRevenue: usd(3_250_000),
  registeredDeals: 31,
  satisfaction: 4.6,
  otherCertifiedPeople: 4,
};

export const tiersState = (_options: TiersOptions, _now: number, _me: Me): TiersState => ({});

type Context = MockContext<TiersOptions, TiersState & Partial<TrainingState> & Partial<DealsState>>;

const ref = ({ id, name, rank }: Tier): TierRef => ({ id, name, rank });
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Whether `criterion` counts certifications of `definitionId`: a `certified_people` criterion
 * that lists it, or lists none (every certification counts).
 */
export const countsFor = (criterion: TierCriterion, definitionId: string): boolean =>
  criterion.key === 'certified_people' &&
  (!criterion.certificationIds?.length || criterion.certificationIds.includes(definitionId));

/** Distinct people with an unexpired certification that counts for `criterion`. */
function certifiedPeople(c: Context, criterion: TierCriterion): number {
  const now = c.now();
  const holders = new Set(
    (c.state.certifications ?? [])
      .filter((x) => Date.parse(x.expiresAt) > now)
      .filter((x) => countsFor(criterion, x.definitionId))
      .map((x) => x.userId),
  );
  return holders.size;
}

/** Stored registrations not rejected, created within the trailing `months`. */
function storedRegistrations(c: Context, months: number): number {
  const start = new Date(c.now());
  start.setUTCMonth(start.getUTCMonth() - months);
  return (c.state.deals ?? []).filter(
    (d) => d.status !== 'rejected' && Date.parse(d.createdAt) >= start.getTime(),
  ).length;
}

/** One criterion measured against the standing, as the server reports it. */
function measure(c: Context, s: Standing, criterion: TierCriterion): CriterionProgress {
  const current =
    criterion.key === 'closed_revenue'
      ? s.closedRevenue
      : criterion.key === 'registered_deals'
        ? s.registeredDeals + storedRegistrations(c, criterion.windowMonths ?? 12)
        : criterion.key === 'customer_satisfaction'
          ? (s.satisfaction ?? 0)
          : s.otherCertifiedPeople + certifiedPeople(c, criterion);
  const remaining = Math.max(0, Math.round((criterion.required - current) * 100) / 100);
  return {
    key: criterion.key,
    label: criterion.label,
    unit: criterion.unit,
    ...(criterion.currency ? { currency: criterion.currency } : {}),
    current,
    required: criterion.required,
    remaining,
    met: current >= criterion.required,
  };
}

/** The server's default grace period, in days. */
const GRACE_DAYS = 90;

/**
 * The caller's progress: the next tier's criteria (the current tier's at the top), with the
 * standing evaluated as the server's `evaluateStanding` does it (unless `standingRules` says
 * `at-review`).
 */
export function progressOf(c: Context): TierProgress {
  const tiers = c.options.tiers ?? demoTiers;
  const s: Standing = { ...demoStanding, ...c.options.standing };
  const held = tiers.find((t) => t.id === s.tier) ?? tiers[0]!;
  const qualified =
    [...tiers].reverse().find((t) => t.criteria.every((k) => measure(c, s, k).met)) ?? tiers[0]!;
  const server = c.options.standingRules !== 'at-review';
  const below = qualified.rank < held.rank;
  const graceEndsOn = !server
    ? s.graceEndsOn
    : below
      ? (s.graceEndsOn ?? day(c.now() + GRACE_DAYS * DAY))
      : undefined;
  const demoted = server && graceEndsOn !== undefined && graceEndsOn <= day(c.now());
  const tier = server && (qualified.rank > held.rank || demoted) ? qualified : held;
  const next = tiers.find((t) => t.rank > tier.rank);
  const grace = demoted ? undefined : graceEndsOn;
  return {
    partnerId: c.me().partner?.id ?? 'prt_unknown',
    currentTier: ref(tier),
    nextTier: next ? ref(next) : null,
    criteria: (next ?? tier).criteria.map((k) => measure(c, s, k)),
    currentBenefits: tier.benefits,
    nextBenefits: next?.benefits ?? [],
    reviewDate: s.reviewDate ?? day(c.now() + 45 * DAY),
    grace: { active: !!grace, endsOn: grace ?? null, qualifiedTier: ref(qualified) },
    computedAt: new Date(c.now()).toISOString(),
  };
}

export const tierRoutes: Route<
  TiersOperation,
  TiersOptions,
  TiersState & Partial<TrainingState> & Partial<DealsState>
>[] = [
  {
    method: 'GET',
    path: /^\/v1\/tiers$/,
    operation: 'listTiers',
    handle: ({ options }) => new Reply(200, { items: options.tiers ?? demoTiers }),
  },
  {
    method: 'GET',
    path: /^\/v1\/tier-progress$/,
    operation: 'getTierProgress',
    handle: (c) => new Reply(200, c.options.tierProgress ?? progressOf(c)),
  },
];
