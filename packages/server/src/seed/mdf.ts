// The demo program's market development funds: a fund per partner for the current and the
// previous half-year (EUR for EMEA partners, USD elsewhere), sized by tier, with requests in every
// status and claims in every status, each with its history.
//
// Each request is planned as a timeline (submitted, decided, claimed, paid) relative to `now` and
// played through the same rules the server enforces: events after `now` have not happened yet, a
// request never asks for more than its fund had left at that moment, and a request that the rules
// would have expired is expired, at the moment the rules say, by `system`. So the expiry sweep
// finds nothing to do on a freshly seeded database.
import { createHash } from 'node:crypto';
import {
  addDays,
  approveClaim,
  approveRequest,
  type ClaimAmounts,
  checkClaimAmount,
  claimDeadline,
  expiryReasons,
  fundTotals,
  halfYear,
  type MdfClaimStatus,
  type MdfRequestStatus,
  utcDay,
} from '../rules/mdf.js';
import { appendMdfHistory } from '../rules/mdf-store.js';
import type { Database, Schemas } from '../types.js';
import { documentPdf, gradientPng, prng } from './assets.js';

type ActivityType = Schemas['MdfActivityType'];
type ActorType = Schemas['Actor']['type'];

const DAY = 86_400_000;

interface Decision {
  after: number;
  kind: 'approve' | 'partial' | 'reject';
  /** Percent of the requested (or claimed) amount, for partial approvals. */
  pct?: number;
  reason?: string;
}

interface ClaimPlan {
  /** Days after the activity ends. */
  afterEnd: number;
  /** Percent of the approved amount. */
  pct: number;
  decision?: Decision;
  paidAfter?: number;
}

interface Plan {
  /** Days relative to now (negative: in the past). */
  created: number;
  start: number;
  days: number;
  /** Percent of the fund's allocation requested. */
  share: number;
  activity: number;
  decision?: Decision;
  claims?: ClaimPlan[];
  /** Made in the current period even when it has only just begun (pending requests). */
  current?: boolean;
}

/**
 * The same mix for every partner (with jitter), so each has requests in every status and claims
 * in every status: approved and paid; partially approved with a partly approved claim; approved
 * with a pending claim; a rejected claim and a resubmitted one; pending requests; a rejected
 * request; an approved request never claimed (expired); a request left undecided past its fund's
 * period (expired); a partial approval still inside its claim window; an approved future event.
 */
const PLANS: Plan[] = [
  {
    created: -150,
    start: -120,
    days: 2,
    share: 14,
    activity: 0,
    decision: { after: 4, kind: 'approve' },
    claims: [{ afterEnd: 10, pct: 92, decision: { after: 6, kind: 'approve' }, paidAfter: 12 }],
  },
  {
    created: -104,
    start: -72,
    days: 1,
    share: 10,
    activity: 1,
    decision: { after: 5, kind: 'partial', pct: 70 },
    claims: [{ afterEnd: 12, pct: 100, decision: { after: 6, kind: 'partial', pct: 90 } }],
  },
  {
    created: -84,
    start: -50,
    days: 28,
    share: 12,
    activity: 2,
    decision: { after: 3, kind: 'approve' },
    claims: [{ afterEnd: 9, pct: 85 }],
  },
  {
    created: -66,
    start: -46,
    days: 3,
    share: 9,
    activity: 4,
    decision: { after: 4, kind: 'approve' },
    claims: [
      {
        afterEnd: 4,
        pct: 100,
        decision: {
          after: 5,
          kind: 'reject',
          reason:
            'The invoice does not show the event dates or the venue; please resubmit with the dated invoice.',
        },
      },
      { afterEnd: 16, pct: 95 },
    ],
  },
  { created: -19, start: 12, days: 2, share: 8, activity: 0, current: true },
  { created: -6, start: 24, days: 40, share: 11, activity: 3, current: true },
  {
    created: -71,
    start: -40,
    days: 1,
    share: 6,
    activity: 5,
    decision: {
      after: 4,
      kind: 'reject',
      reason:
        'Internal enablement is funded from the training budget, not MDF. Please ask your channel manager.',
    },
  },
  { created: -214, start: -186, days: 2, share: 13, activity: 6, decision: { after: 6, kind: 'approve' } },
  { created: -200, start: -150, days: 1, share: 7, activity: 1 },
  {
    created: -33,
    start: -28,
    days: 5,
    share: 7,
    activity: 2,
    decision: { after: 3, kind: 'partial', pct: 60 },
  },
  { created: -38, start: 30, days: 3, share: 10, activity: 4, decision: { after: 5, kind: 'approve' } },
];

const CITIES: Record<string, string[]> = {
  EMEA: ['Munich', 'Amsterdam', 'Paris', 'Madrid', 'Stockholm', 'Milan', 'Zurich', 'Dublin'],
  NA: ['Chicago', 'Austin', 'Toronto', 'Denver', 'Boston', 'Atlanta', 'Seattle'],
  APAC: ['Singapore', 'Sydney', 'Tokyo', 'Seoul', 'Melbourne', 'Bangalore'],
  LATAM: ['São Paulo', 'Mexico City', 'Bogotá', 'Santiago', 'Buenos Aires'],
};
const SHOWS = [
  'CloudWorld Expo',
  'SecureOps Summit',
  'DataInfra Live',
  'IT Leaders Forum',
  'Resilience Days',
];

const ACTIVITIES: {
  type: ActivityType;
  title: (c: { city: string; product: string; show: string; partner: string }) => string;
  description: (c: { city: string; product: string; show: string; partner: string }) => string;
}[] = [
  {
    type: 'event',
    title: (c) => `Customer roadshow: ${c.city}`,
    description: (c) =>
      `Half-day briefing for IT leaders in ${c.city}: a live demo of ${c.product}, a customer talk and a hands-on lab. Venue, catering and invitations.`,
  },
  {
    type: 'webinar',
    title: (c) => `Webinar: ${c.product} for mid-market IT teams`,
    description: (c) =>
      `A 45-minute live webinar with a customer guest, promoted to our installed base. Platform licence, promotion and follow-up calls for ${c.product}.`,
  },
  {
    type: 'digital_campaign',
    title: (c) => `LinkedIn campaign: ransomware readiness with ${c.product}`,
    description: () =>
      'Sponsored content and lead-gen forms targeting IT directors in our territory, driving to a free resilience assessment.',
  },
  {
    type: 'content_syndication',
    title: (c) => `Content syndication: ${c.product} buyer's guide`,
    description: () =>
      "Syndication of the vendor's buyer's guide through two trade publishers, with qualified leads delivered weekly.",
  },
  {
    type: 'trade_show',
    title: (c) => `Booth at ${c.show} ${c.city}`,
    description: (c) =>
      `A 3x3 m booth at ${c.show} with demo stations for ${c.product}, and a breakfast session for invited accounts.`,
  },
  {
    type: 'training',
    title: (c) => `Pre-sales bootcamp for ${c.partner} engineers`,
    description: () => 'Two days of hands-on training for our pre-sales team ahead of the new fiscal year.',
  },
  {
    type: 'other',
    title: (c) => `Customer advisory dinner in ${c.city}`,
    description: (c) =>
      `An evening with twelve customer CIOs in ${c.city} to discuss their resilience plans and introduce ${c.product}.`,
  },
];

const ALLOCATION_BY_RANK = [10_000, 25_000, 60_000, 120_000, 200_000];

interface Partner {
  id: string;
  name: string;
  region: string;
  rank: number;
}

interface Person {
  id: string;
  name: string;
}

interface Fund {
  id: string;
  partnerId: string;
  label: string;
  startsOn: string;
  endsOn: string;
  currency: string;
  allocated: number;
}

interface Event {
  at: Date;
  from: string | null;
  to: string;
  actor: { type: ActorType; id: string | null; name: string };
  reason: string | null;
}

interface SimClaim {
  id: string;
  createdAt: Date;
  amount: number;
  approvedAmount: number | null;
  status: MdfClaimStatus;
  paidAt: Date | null;
  rejectionReason: string | null;
  leads: number;
  pipeline: number;
  notes: string;
  events: Event[];
}

interface SimRequest {
  id: string;
  fund: Fund;
  startsOn: string;
  endsOn: string;
  createdAt: Date;
  requested: number;
  approvedAmount: number | null;
  status: MdfRequestStatus;
  rejectionReason: string | null;
  events: Event[];
  claims: SimClaim[];
}

const stableId = (prefix: string, key: string) =>
  `${prefix}_${createHash('sha256').update(key).digest('base64url').slice(0, 14)}`;

/** A time on a day relative to `now`, during office hours, never after `now`. */
function at(now: Date, days: number, hour: number): Date {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hour, (hour * 7) % 60, 0, 0);
  return d;
}

/** The status a request had at time `t`, from its events. */
function statusAt(r: SimRequest, t: Date): MdfRequestStatus | null {
  let status: MdfRequestStatus | null = null;
  for (const e of r.events) if (e.at <= t) status = e.to as MdfRequestStatus;
  return status;
}

function approvedAt(r: SimRequest, t: Date): number | null {
  const s = statusAt(r, t);
  return s === 'approved' || s === 'partially_approved' ? r.approvedAmount : null;
}

function claimStatusAt(c: SimClaim, t: Date): MdfClaimStatus | null {
  let status: MdfClaimStatus | null = null;
  for (const e of c.events) if (e.at <= t) status = e.to as MdfClaimStatus;
  return status;
}

function claimsAt(r: SimRequest, t: Date): ClaimAmounts[] {
  const out: ClaimAmounts[] = [];
  for (const c of r.claims) {
    const status = claimStatusAt(c, t);
    if (status)
      out.push({
        status,
        amount: c.amount,
        approvedAmount: status === 'submitted' ? null : c.approvedAmount,
      });
  }
  return out;
}

function remainingAt(fund: Fund, requests: SimRequest[], t: Date): number {
  const rows = requests
    .filter((r) => r.fund.id === fund.id)
    .map((r) => ({ status: statusAt(r, t), requestedAmount: r.requested, approvedAmount: approvedAt(r, t) }))
    .filter(
      (r): r is { status: MdfRequestStatus; requestedAmount: number; approvedAmount: number | null } =>
        r.status !== null,
    );
  return fundTotals(fund.allocated, rows, []).remaining;
}

const endOfDay = (day: string) => new Date(`${addDays(day, 1)}T00:00:00Z`);

function simulate(
  plan: Plan,
  index: number,
  partner: Partner,
  funds: Fund[],
  earlier: SimRequest[],
  people: { partner: Person; vendor: Person },
  now: Date,
  rand: () => number,
): SimRequest | null {
  let jitter = Math.floor(rand() * 3);
  // Early in a half-year the oldest plans would predate the previous fund: move them into it.
  const earliest = new Date(`${funds[0]!.startsOn}T00:00:00Z`);
  const planned = at(now, plan.created - jitter, 9 + (index % 6));
  if (planned < earliest) jitter -= Math.ceil((earliest.getTime() - planned.getTime()) / DAY) + 2;
  let createdAt = at(now, plan.created - jitter, 9 + (index % 6));
  const currentStart = new Date(`${funds.at(-1)!.startsOn}T00:00:00Z`);
  if (plan.current && createdAt < currentStart) {
    createdAt = new Date(Math.min(currentStart.getTime() + (index + 1) * 60_000, now.getTime() - 60_000));
  }
  if (createdAt > now || (plan.current && createdAt < currentStart)) return null;
  const day = utcDay(createdAt);
  const fund = funds.find((f) => f.startsOn <= day && day <= f.endsOn);
  if (!fund) return null;
  const startsOn = utcDay(new Date(now.getTime() + (plan.start - jitter) * DAY));
  const endsOn = addDays(startsOn, plan.days - 1);
  const wanted = Math.round((fund.allocated * plan.share) / 100 / 10_000) * 10_000;
  const requested = Math.min(wanted, Math.floor(remainingAt(fund, earlier, createdAt) / 10_000) * 10_000);
  if (requested <= 0) return null;

  const partnerActor = { type: 'partner' as const, id: people.partner.id, name: people.partner.name };
  const vendorActor = { type: 'vendor' as const, id: people.vendor.id, name: people.vendor.name };
  const system = { type: 'system' as const, id: null, name: 'System' };
  const r: SimRequest = {
    id: stableId('mdfr', `${partner.id}:${index}`),
    fund,
    startsOn,
    endsOn,
    createdAt,
    requested,
    approvedAmount: null,
    status: 'submitted',
    rejectionReason: null,
    events: [{ at: createdAt, from: null, to: 'submitted', actor: partnerActor, reason: null }],
    claims: [],
  };
  // Decision, or expiry when the fund's period ends first.
  const fundEnd = endOfDay(fund.endsOn);
  const decisionAt = plan.decision ? at(now, plan.created - jitter + plan.decision.after, 14) : null;
  if (decisionAt && decisionAt <= now && decisionAt < fundEnd && plan.decision) {
    const d = plan.decision;
    if (d.kind === 'reject') {
      r.status = 'rejected';
      r.rejectionReason = d.reason ?? 'Not eligible for MDF.';
      r.events.push({
        at: decisionAt,
        from: 'submitted',
        to: 'rejected',
        actor: vendorActor,
        reason: r.rejectionReason,
      });
    } else {
      const amount =
        d.kind === 'partial' ? Math.round((requested * (d.pct ?? 50)) / 100 / 10_000) * 10_000 : undefined;
      const outcome = approveRequest(
        { status: 'submitted', requestedAmount: requested },
        amount || undefined,
      );
      r.status = outcome.status;
      r.approvedAmount = outcome.approvedAmount;
      r.events.push({
        at: decisionAt,
        from: 'submitted',
        to: outcome.status,
        actor: vendorActor,
        reason:
          outcome.status === 'partially_approved'
            ? 'Approved for the venue and promotion; catering is not MDF-eligible.'
            : 'Approved. Please keep attendee lists and invoices for the claim.',
      });
    }
  } else if (fundEnd <= now) {
    r.status = 'expired';
    r.events.push({
      at: fundEnd,
      from: 'submitted',
      to: 'expired',
      actor: system,
      reason: expiryReasons.fund_period_ended,
    });
  }

  // Claims against an approval, through the same checks as the API.
  if (r.status === 'approved' || r.status === 'partially_approved') {
    const deadline = endOfDay(claimDeadline(endsOn));
    for (const [ci, cp] of (plan.claims ?? []).entries()) {
      const createdAtClaim = at(new Date(`${endsOn}T00:00:00Z`), cp.afterEnd, 10 + ci);
      if (createdAtClaim > now) break;
      const live = claimsAt(r, createdAtClaim);
      if (createdAtClaim >= deadline && live.every((c) => c.status === 'rejected')) break;
      const wantedClaim = Math.round(((r.approvedAmount ?? 0) * cp.pct) / 100 / 100) * 100;
      let amount = wantedClaim;
      try {
        checkClaimAmount({ status: r.status, approvedAmount: r.approvedAmount }, live, amount);
      } catch {
        amount = Math.max(
          0,
          (r.approvedAmount ?? 0) -
            live.reduce((s, c) => s + (c.status === 'rejected' ? 0 : (c.approvedAmount ?? c.amount)), 0),
        );
        if (amount <= 0) break;
      }
      const claim: SimClaim = {
        id: stableId('mdfc', `${r.id}:${ci}`),
        createdAt: createdAtClaim,
        amount,
        approvedAmount: null,
        status: 'submitted',
        paidAt: null,
        rejectionReason: null,
        leads: 20 + Math.floor(rand() * 180),
        pipeline: Math.round((amount * (6 + rand() * 10)) / 10_000) * 10_000,
        notes: 'Attendee list and invoices attached. Leads are in the CRM, tagged with the campaign code.',
        events: [{ at: createdAtClaim, from: null, to: 'submitted', actor: partnerActor, reason: null }],
      };
      if (cp.decision) {
        const decidedAt = at(createdAtClaim, cp.decision.after, 15);
        if (decidedAt <= now) {
          if (cp.decision.kind === 'reject') {
            claim.status = 'rejected';
            claim.rejectionReason = cp.decision.reason ?? 'Proof of performance is missing.';
            claim.events.push({
              at: decidedAt,
              from: 'submitted',
              to: 'rejected',
              actor: vendorActor,
              reason: claim.rejectionReason,
            });
          } else {
            const partial =
              cp.decision.kind === 'partial'
                ? Math.round((amount * (cp.decision.pct ?? 80)) / 100 / 100) * 100
                : undefined;
            claim.approvedAmount = approveClaim({ status: 'submitted', amount }, partial || undefined);
            claim.status = 'approved';
            claim.events.push({
              at: decidedAt,
              from: 'submitted',
              to: 'approved',
              actor: vendorActor,
              reason: partial ? 'Travel costs are not eligible; approved the rest.' : null,
            });
            if (cp.paidAfter !== undefined) {
              const paidAt = at(decidedAt, cp.paidAfter, 11);
              if (paidAt <= now) {
                claim.status = 'paid';
                claim.paidAt = paidAt;
                claim.events.push({
                  at: paidAt,
                  from: 'approved',
                  to: 'paid',
                  actor: vendorActor,
                  reason: null,
                });
              }
            }
          }
        }
      }
      r.claims.push(claim);
    }
    // Never claimed (or every claim rejected) by the end of the claim window: expired.
    const live = r.claims.filter((c) => c.status !== 'rejected');
    if (live.length === 0 && deadline <= now) {
      const lastRejection = r.claims.flatMap((c) =>
        c.events.filter((e) => e.to === 'rejected').map((e) => e.at),
      );
      const expiredAt = new Date(
        Math.max(deadline.getTime(), ...lastRejection.map((d) => d.getTime() + 60_000)),
      );
      r.events.push({
        at: expiredAt,
        from: r.status,
        to: 'expired',
        actor: system,
        reason: expiryReasons.not_claimed,
      });
      r.status = 'expired';
    }
  }

  return r;
}

/** Proof-of-performance files, made once per process. */
let proofFiles: Promise<{ invoice: Buffer; photo: Buffer }> | null = null;
function proofs(): Promise<{ invoice: Buffer; photo: Buffer }> {
  proofFiles ??= (async () => ({
    invoice: Buffer.from(
      await documentPdf({
        title: 'Invoice',
        subtitle: 'Event services: venue, AV, catering',
        paragraphs: [
          'Venue hire (1 day)',
          'Audio-visual package',
          'Catering for 60 guests',
          'Printed materials',
        ],
        accent: '#374151',
      }),
    ),
    photo: gradientPng(64, 48, '#0f766e', '#1f4e8c'),
  }))();
  return proofFiles;
}

export async function seedMdf(db: Database, now: Date): Promise<void> {
  const partners = (
    await db.query<Partner>(
      `SELECT p.id, p.name, p.region, t.rank FROM partners p JOIN tiers t ON t.id = p.tier_id ORDER BY p.id`,
    )
  ).rows;
  const vendor = (
    await db.query<Person>(
      `SELECT id, name FROM users WHERE role = 'vendor_admin' ORDER BY created_at, id LIMIT 1`,
    )
  ).rows[0] ?? { id: 'system', name: 'Partner operations' };
  const products = (
    await db.query<{ name: string }>('SELECT name FROM products WHERE active ORDER BY position, id')
  ).rows;
  const files = await proofs();

  const current = halfYear(utcDay(now));
  const previous = halfYear(addDays(current.startsOn, -1));

  await db.transaction(async (tx) => {
    for (const partner of partners) {
      const rand = prng(`mdf:${partner.id}`);
      const currency = partner.region === 'EMEA' ? 'EUR' : 'USD';
      const base = ALLOCATION_BY_RANK[Math.min(partner.rank, ALLOCATION_BY_RANK.length - 1)]! * 100;
      const funds: Fund[] = [previous, current].map((period, i) => ({
        id: stableId('fund', `${partner.id}:${period.startsOn}`),
        partnerId: partner.id,
        label: period.label,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        currency,
        allocated: i === 0 ? Math.round((base * 0.9) / 100_000) * 100_000 : base,
      }));
      for (const f of funds) {
        const createdAt = new Date(
          Math.min(new Date(`${f.startsOn}T08:00:00Z`).getTime() - 14 * DAY, now.getTime()),
        );
        await tx.query(
          `INSERT INTO mdf_funds (id, partner_id, period_label, starts_on, ends_on, currency, allocated, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [f.id, f.partnerId, f.label, f.startsOn, f.endsOn, f.currency, f.allocated, createdAt],
        );
      }

      const submitter = (
        await tx.query<Person>(
          `SELECT id, name FROM users WHERE partner_id = $1 ORDER BY (role = 'partner_admin') DESC, created_at, id LIMIT 1`,
          [partner.id],
        )
      ).rows[0];
      if (!submitter) continue;

      const cities = CITIES[partner.region] ?? CITIES.NA!;
      const order = PLANS.map((plan, index) => ({ plan, index })).sort(
        (a, b) => a.plan.created - b.plan.created,
      );
      const done: SimRequest[] = [];
      for (const { plan, index } of order) {
        const r = simulate(plan, index, partner, funds, done, { partner: submitter, vendor }, now, rand);
        if (!r) continue;
        done.push(r);
        const activity = ACTIVITIES[(plan.activity + partner.rank) % ACTIVITIES.length]!;
        const words = {
          city: cities[(index + partner.name.length) % cities.length]!,
          product: products[(index + partner.rank) % Math.max(products.length, 1)]?.name ?? 'the platform',
          show: SHOWS[(index + partner.id.length) % SHOWS.length]!,
          partner: partner.name,
        };
        const times = [...r.events, ...r.claims.flatMap((c) => c.events)].map((e) => e.at.getTime());
        const last = new Date(Math.max(r.createdAt.getTime(), ...times));
        await tx.query(
          `INSERT INTO mdf_requests (id, reference, fund_id, partner_id, activity_type, title, description, starts_on,
             ends_on, currency, requested_amount, approved_amount, expected_leads, expected_pipeline_amount,
             expected_pipeline_currency, status, rejection_reason, submitted_by_id, submitted_by_name, created_at,
             updated_at)
           VALUES ($1, 'MDF-' || lpad(nextval('mdf_request_reference_seq')::text, 5, '0'), $2, $3, $4, $5, $6, $7,
             $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
          [
            r.id,
            r.fund.id,
            partner.id,
            activity.type,
            activity.title(words),
            activity.description(words),
            r.startsOn,
            r.endsOn,
            r.fund.currency,
            r.requested,
            r.approvedAmount,
            40 + Math.floor(rand() * 260),
            Math.round((r.requested * (8 + rand() * 12)) / 10_000) * 10_000,
            r.fund.currency,
            r.status,
            r.rejectionReason,
            submitter.id,
            submitter.name,
            r.createdAt,
            last,
          ],
        );
        for (const e of r.events) await appendMdfHistory(tx, { requestId: r.id, claimId: null, ...e });
        for (const c of r.claims) {
          const claimLast = c.events.at(-1)!.at;
          await tx.query(
            `INSERT INTO mdf_claims (id, request_id, partner_id, currency, amount, approved_amount, result_leads,
               result_pipeline_amount, result_pipeline_currency, result_notes, status, rejection_reason, paid_at,
               submitted_by_id, submitted_by_name, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
            [
              c.id,
              r.id,
              partner.id,
              r.fund.currency,
              c.amount,
              c.approvedAmount,
              c.leads,
              c.pipeline,
              r.fund.currency,
              c.notes,
              c.status,
              c.rejectionReason,
              c.paidAt,
              submitter.id,
              submitter.name,
              c.createdAt,
              claimLast,
            ],
          );
          const attached: [string, string, Buffer][] = [
            [`invoice-${r.id.slice(-6)}.pdf`, 'application/pdf', files.invoice],
            ['event-photo.png', 'image/png', files.photo],
          ];
          for (const [position, [fileName, contentType, data]] of attached.entries()) {
            await tx.query(
              `INSERT INTO mdf_proof_files (id, claim_id, position, file_name, content_type, size, data, created_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                stableId('proof', `${c.id}:${position}`),
                c.id,
                position,
                fileName,
                contentType,
                data.length,
                data,
                c.createdAt,
              ],
            );
          }
          for (const e of c.events) await appendMdfHistory(tx, { requestId: r.id, claimId: c.id, ...e });
        }
      }
    }
  });
}
