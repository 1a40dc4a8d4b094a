// The MDF (market development funds) domain of the mock API, answering as the reference server
// does (packages/server/src/handlers/mdf.ts and rules/mdf.ts, rules/mdf-proofs.ts): the caller's
// funds with their figures computed from the requests and claims every time, requests that may
// not ask for more than the fund has left, claims that may not take more than what is left of the
// approved amount, proof files that must decode and be what their content type says, the status
// history of each, and the expiry of requests left undecided past their fund's period or never
// claimed within 60 days of the activity's end. Integer minor units throughout.
import type {
  Actor,
  FieldError,
  MdfActivityType,
  MdfClaim,
  MdfClaimStatus,
  MdfFund,
  MdfPeriod,
  MdfRequest,
  MdfRequestStatus,
  Me,
  StatusChange,
} from '@partnerkit/api';
import { DAY, isObject, type MockContext, notFound, page, problem, Reply, type Route } from './core.js';
import { demoMe } from './deals.js';

export type MdfOperation =
  | 'listMdfFunds'
  | 'listMdfRequests'
  | 'createMdfRequest'
  | 'getMdfRequest'
  | 'createMdfClaim';

/** A fund as the vendor allocated it: its figures are computed from the requests. */
export interface MockFund {
  id: string;
  period: MdfPeriod;
  currency: string;
  /** Minor units of `currency`. */
  allocated: number;
}

export interface MdfOptions {
  /** The caller's funds (default {@link demoFunds}: this half-year's and the last one's, in EUR). */
  funds?: MockFund[];
  /**
   * The stored requests with their claims (default {@link demoMdfRequests}), or a number of
   * generated ones in the first fund ({@link makeMdfRequests}).
   */
  mdfRequests?: MdfRequest[] | number;
}

export interface MdfState {
  funds: MockFund[];
  /** Newest first, as the list answers. */
  mdfRequests: MdfRequest[];
}

/** Days after an approved activity ends within which it must be claimed (the server's rule). */
export const CLAIM_WINDOW_DAYS = 60;
/** The largest decoded proof file the server accepts (5 MiB). */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const iso = (at: number) => new Date(at).toISOString();
const addDays = (d: string, n: number) => day(Date.parse(`${d}T00:00:00Z`) + n * DAY);

/** The half-year around `at`: `H1 2026` (January to June) or `H2 2026`, as the demo program has them. */
export function halfYear(at: number): MdfPeriod {
  const d = day(at);
  const year = d.slice(0, 4);
  return Number(d.slice(5, 7)) <= 6
    ? { label: `H1 ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-06-30` }
    : { label: `H2 ${year}`, startsOn: `${year}-07-01`, endsOn: `${year}-12-31` };
}

/** This half-year's fund (60,000.00 EUR) and the last one's (40,000.00 EUR). */
export function demoFunds(now = Date.now()): MockFund[] {
  const current = halfYear(now);
  return [
    { id: 'fund_current', period: current, currency: 'EUR', allocated: 6_000_000 },
    {
      id: 'fund_previous',
      period: halfYear(Date.parse(`${current.startsOn}T00:00:00Z`) - DAY),
      currency: 'EUR',
      allocated: 4_000_000,
    },
  ];
}

const vendor: Actor = { type: 'vendor', id: 'usr_vendor', name: 'Partner Operations' };
const system: Actor = { type: 'system', id: null, name: 'System' };
const partnerActor = (me: Me): Actor => ({ type: 'partner', id: me.user.id, name: me.user.name });

/** How a claim of {@link mdfRequest} went. */
export interface ClaimPlan {
  amount: number;
  status: MdfClaimStatus;
  /** For an approved or paid claim: what was granted (default all of it). */
  approved?: number;
  /** For a rejected claim. */
  reason?: string;
  leads?: number;
  pipeline?: number;
}

/** How a request of {@link mdfRequest} went. */
export interface RequestPlan {
  id: string;
  fund: MockFund;
  status: MdfRequestStatus;
  title: string;
  activityType?: MdfActivityType;
  description?: string;
  requested: number;
  /** For an approved request: what was granted (less than requested makes it partially approved). */
  approved?: number;
  /** The vendor's note on the approval, or the reason of a rejection or an expiry. */
  note?: string;
  /** Days ago it was submitted (default 30). */
  createdDaysAgo?: number;
  /** Days from now the activity starts (default -20) and how long it runs (default 2). */
  startsIn?: number;
  days?: number;
  leads?: number;
  pipeline?: number;
  claims?: ClaimPlan[];
}

/**
 * A stored request with its claims, its history written as the server writes it (submitted by
 * the partner, decided by the vendor, each claim submitted, decided and paid), dated from `now`.
 */
export function mdfRequest(p: RequestPlan, now = Date.now(), me: Me = demoMe): MdfRequest {
  const created = now - (p.createdDaysAgo ?? 30) * DAY;
  const decided = created + DAY;
  const start = day(now + (p.startsIn ?? -20) * DAY);
  const end = addDays(start, (p.days ?? 2) - 1);
  const money = (amount: number) => ({ amount, currency: p.fund.currency });
  const change = (from: string | null, to: string, at: number, actor: Actor, reason: string | null = null) =>
    ({ from, to, at: iso(at), actor, reason }) satisfies StatusChange;
  const history = [change(null, 'submitted', created, partnerActor(me))];
  if (p.status !== 'submitted') {
    const actor = p.status === 'expired' ? system : vendor;
    history.push(change('submitted', p.status, decided, actor, p.note ?? null));
  }
  const approved =
    p.status === 'approved' || p.status === 'partially_approved' ? (p.approved ?? p.requested) : null;
  const claims = (p.claims ?? []).map((c, i): MdfClaim => {
    // Claimed after the activity, the later claims later, and all of it before now.
    const settled = (p.claims!.length - i) * 3;
    const at = Math.min(Date.parse(`${end}T12:00:00Z`) + (i + 1) * 2 * DAY, now - settled * DAY);
    const claimHistory = [change(null, 'submitted', at, partnerActor(me))];
    if (c.status !== 'submitted') {
      const to = c.status === 'paid' ? 'approved' : c.status;
      claimHistory.push(change('submitted', to, at + DAY, vendor, c.reason ?? null));
    }
    if (c.status === 'paid') claimHistory.push(change('approved', 'paid', at + 2 * DAY, vendor));
    const granted = c.status === 'approved' || c.status === 'paid' ? (c.approved ?? c.amount) : null;
    return {
      id: `${p.id}_c${i + 1}`,
      requestId: p.id,
      amount: money(c.amount),
      approvedAmount: granted === null ? null : money(granted),
      proofs: [
        {
          id: `${p.id}_c${i + 1}_p1`,
          fileName: 'invoice.pdf',
          contentType: 'application/pdf',
          size: 182_400,
        },
      ],
      results: { leads: c.leads ?? 40, pipeline: money(c.pipeline ?? c.amount * 10) },
      status: c.status,
      rejectionReason: c.status === 'rejected' ? (c.reason ?? null) : null,
      paidAt: c.status === 'paid' ? iso(at + 2 * DAY) : null,
      createdAt: iso(at),
      history: claimHistory,
    };
  });
  return {
    id: p.id,
    reference: `MDF-${p.id.replace(/\D/g, '').padStart(5, '0')}`,
    fundId: p.fund.id,
    partnerId: me.partner?.id ?? 'prt_unknown',
    ...(me.partner ? { partnerName: me.partner.name } : {}),
    activityType: p.activityType ?? 'event',
    title: p.title,
    description: p.description ?? `${p.title}: venue, promotion and follow-up.`,
    startsOn: start,
    endsOn: end,
    requestedAmount: money(p.requested),
    approvedAmount: approved === null ? null : money(approved),
    expectedOutcome: { leads: p.leads ?? 60, pipeline: money(p.pipeline ?? p.requested * 12) },
    status: p.status,
    rejectionReason: p.status === 'rejected' ? (p.note ?? null) : null,
    claims,
    createdAt: iso(created),
    updatedAt: iso(claims.length ? Date.parse(claims.at(-1)!.history.at(-1)!.at) : decided),
    history,
  };
}

/**
 * Requests of the current demo fund in every status, and claims in every status: approved and
 * paid; approved with an approved claim; partially approved with the vendor's note; approved with
 * a pending claim; a rejected claim and its resubmission; approved and not yet claimed; pending;
 * rejected with a reason; and, in the last period, one that expired unclaimed.
 */
export function demoMdfRequests(now = Date.now(), me?: Me): MdfRequest[] {
  const [fund, previous] = demoFunds(now) as [MockFund, MockFund];
  const r = (p: Omit<RequestPlan, 'fund'> & { fund?: MockFund }) => mdfRequest({ fund, ...p }, now, me);
  return [
    r({
      id: 'mdfr_108',
      status: 'submitted',
      title: 'Webinar: Acme Shield for mid-market IT teams',
      activityType: 'webinar',
      requested: 480_000,
      createdDaysAgo: 2,
      startsIn: 21,
      days: 1,
    }),
    r({
      id: 'mdfr_107',
      status: 'submitted',
      title: 'Content syndication: the analytics buyer’s guide',
      activityType: 'content_syndication',
      requested: 660_000,
      createdDaysAgo: 4,
      startsIn: 10,
      days: 30,
    }),
    r({
      id: 'mdfr_106',
      status: 'rejected',
      title: 'Pre-sales bootcamp for our engineers',
      activityType: 'training',
      requested: 360_000,
      note: 'Internal enablement is funded from the training budget, not MDF. Please ask your channel manager.',
      createdDaysAgo: 9,
      startsIn: 14,
    }),
    r({
      id: 'mdfr_105',
      status: 'partially_approved',
      title: 'Webinar series: data platforms for manufacturers',
      activityType: 'webinar',
      requested: 600_000,
      approved: 420_000,
      note: 'We fund up to 70% of webinar platform and promotion costs this half-year.',
      createdDaysAgo: 20,
      startsIn: -6,
      days: 3,
    }),
    r({
      id: 'mdfr_104',
      status: 'approved',
      title: 'Booth at CloudWorld Expo Amsterdam',
      activityType: 'trade_show',
      requested: 540_000,
      createdDaysAgo: 24,
      startsIn: 5,
      days: 3,
    }),
    r({
      id: 'mdfr_103',
      status: 'approved',
      title: 'Resilience Days Zurich: breakfast session',
      activityType: 'event',
      requested: 500_000,
      createdDaysAgo: 40,
      startsIn: -25,
      days: 1,
      claims: [
        {
          amount: 500_000,
          status: 'rejected',
          reason:
            'The invoice does not show the event date or the venue; please resubmit with the dated invoice.',
        },
        { amount: 475_000, status: 'submitted' },
      ],
    }),
    r({
      id: 'mdfr_102',
      status: 'approved',
      title: 'LinkedIn campaign: ransomware readiness',
      activityType: 'digital_campaign',
      requested: 720_000,
      createdDaysAgo: 60,
      startsIn: -50,
      days: 28,
      claims: [{ amount: 612_000, status: 'approved', leads: 85, pipeline: 9_600_000 }],
    }),
    r({
      id: 'mdfr_101',
      status: 'approved',
      title: 'Customer roadshow: Munich',
      activityType: 'event',
      requested: 800_000,
      createdDaysAgo: 75,
      startsIn: -45,
      days: 2,
      claims: [{ amount: 736_000, status: 'paid', leads: 120, pipeline: 14_500_000 }],
    }),
    r({
      id: 'mdfr_100',
      fund: previous,
      status: 'expired',
      title: 'Partner day: Stockholm',
      activityType: 'event',
      requested: 300_000,
      note: `Not claimed within ${CLAIM_WINDOW_DAYS} days after the activity ended.`,
      createdDaysAgo: 200,
      startsIn: -150,
      days: 1,
    }),
  ];
}

const TITLES = [
  'Customer roadshow',
  'Webinar: analytics for retail',
  'Digital campaign: cloud security',
  'Booth at SecureOps Summit',
  'Content syndication: buyer’s guide',
  'Lunch and learn',
];
const TYPES: MdfActivityType[] = [
  'event',
  'webinar',
  'digital_campaign',
  'trade_show',
  'content_syndication',
];

/**
 * `n` requests of `fund`, newest first, of small amounts (so they fit any fund): every status,
 * and every claim status on the approved ones.
 */
export function makeMdfRequests(n: number, fund: MockFund, now = Date.now(), me?: Me): MdfRequest[] {
  const plans: Pick<RequestPlan, 'status' | 'approved' | 'note' | 'claims'>[] = [
    { status: 'submitted' },
    { status: 'approved' },
    { status: 'partially_approved', approved: 60, note: 'Funded in part.' },
    { status: 'rejected', note: 'Outside the program’s activity types.' },
    { status: 'approved', claims: [{ amount: 90, status: 'submitted' }] },
    { status: 'approved', claims: [{ amount: 100, status: 'paid' }] },
  ];
  return Array.from({ length: n }, (_, i) =>
    mdfRequest(
      {
        id: `mdfr_${String(n - i).padStart(4, '0')}`,
        fund,
        requested: 100,
        title: `${TITLES[i % TITLES.length]} ${n - i}`,
        activityType: TYPES[i % TYPES.length],
        createdDaysAgo: i + 1,
        startsIn: -i,
        ...plans[i % plans.length]!,
      },
      now,
      me,
    ),
  );
}

/** The initial MDF state of a mock API. */
export const mdfState = (options: MdfOptions, now: number, me: Me): MdfState => {
  const funds = options.funds ?? demoFunds(now);
  const r = options.mdfRequests;
  return {
    funds,
    mdfRequests:
      typeof r === 'number'
        ? funds[0]
          ? makeMdfRequests(r, funds[0], now, me)
          : []
        : [...(r ?? (options.funds ? [] : demoMdfRequests(now, me)))],
  };
};

// ---------------------------------------------------------------------------------------------
// The arithmetic of rules/mdf.ts

/** What a request holds of its fund: pending ones what they ask, approved ones what was granted. */
const requestHold = (r: MdfRequest) =>
  r.status === 'submitted'
    ? { requested: r.requestedAmount.amount, approved: 0 }
    : r.status === 'approved' || r.status === 'partially_approved'
      ? { requested: 0, approved: r.approvedAmount?.amount ?? 0 }
      : { requested: 0, approved: 0 };

/** What a claim takes from its request's approved amount. */
const claimHold = (c: MdfClaim) =>
  c.status === 'submitted'
    ? c.amount.amount
    : c.status === 'approved' || c.status === 'paid'
      ? (c.approvedAmount ?? c.amount).amount
      : 0;

/** The fund's figures, computed from its requests and their claims. */
export function fundOf(fund: MockFund, requests: MdfRequest[], partnerId: string): MdfFund {
  let requested = 0;
  let approved = 0;
  let claimed = 0;
  for (const r of requests) {
    if (r.fundId !== fund.id) continue;
    const hold = requestHold(r);
    requested += hold.requested;
    approved += hold.approved;
    for (const c of r.claims) {
      if (c.status === 'approved' || c.status === 'paid') claimed += (c.approvedAmount ?? c.amount).amount;
    }
  }
  return {
    id: fund.id,
    partnerId,
    period: fund.period,
    currency: fund.currency,
    allocated: fund.allocated,
    requested,
    approved,
    claimed,
    remaining: Math.max(0, fund.allocated - requested - approved),
  };
}

type Context = MockContext<MdfOptions, MdfState>;

/**
 * Expires what the rules say has expired, with a `system` history entry: pending requests of a
 * fund whose period has ended, approved ones with no claim that counts past the claim window.
 */
function sweep(c: Context): void {
  const today = day(c.now());
  const at = iso(c.now());
  c.state.mdfRequests = c.state.mdfRequests.map((r) => {
    const fund = c.state.funds.find((f) => f.id === r.fundId);
    const live = r.claims.some((x) => x.status !== 'rejected');
    const why =
      r.status === 'submitted' && fund && today > fund.period.endsOn
        ? 'The fund period ended before a decision was made.'
        : (r.status === 'approved' || r.status === 'partially_approved') &&
            !live &&
            today > addDays(r.endsOn, CLAIM_WINDOW_DAYS)
          ? `Not claimed within ${CLAIM_WINDOW_DAYS} days after the activity ended.`
          : undefined;
    if (!why) return r;
    const change: StatusChange = { from: r.status, to: 'expired', at, actor: system, reason: why };
    return { ...r, status: 'expired', updatedAt: at, history: [...r.history, change] };
  });
}

// ---------------------------------------------------------------------------------------------
// The contract's checks (400 validation_failed, every error at once, as the server's Ajv reports
// them) and the handler's (422)

type Errors = FieldError[];
const err = (errors: Errors, pointer: string, code: string, message: string) =>
  errors.push({ pointer, code, message: `${pointer} ${message}` });

function text(errors: Errors, body: Record<string, unknown>, key: string, min: number, max: number) {
  const v = body[key];
  const at = `/${key}`;
  if (v === undefined) err(errors, at, 'required', 'is required');
  else if (typeof v !== 'string') err(errors, at, 'type', 'must be string');
  else if (v.length < min) err(errors, at, 'min_length', `must NOT have fewer than ${min} characters`);
  else if (v.length > max) err(errors, at, 'max_length', `must NOT have more than ${max} characters`);
}

function integer(errors: Errors, value: unknown, at: string, max: number) {
  if (value === undefined) err(errors, at, 'required', 'is required');
  else if (!Number.isInteger(value)) err(errors, at, 'type', 'must be integer');
  else if ((value as number) < 0) err(errors, at, 'minimum', 'must be >= 0');
  else if ((value as number) > max) err(errors, at, 'maximum', `must be <= ${max}`);
}

function money(errors: Errors, value: unknown, at: string) {
  if (!isObject(value)) {
    err(errors, at, value === undefined ? 'required' : 'type', 'is required');
    return;
  }
  integer(errors, value.amount, `${at}/amount`, 1_000_000_000_000);
  if (typeof value.currency !== 'string' || !/^[A-Z]{3}$/.test(value.currency)) {
    err(errors, `${at}/currency`, 'pattern', 'must match pattern "^[A-Z]{3}$"');
  }
}

function unknown(errors: Errors, body: Record<string, unknown>, known: string[], at = '') {
  for (const key of Object.keys(body)) {
    if (!known.includes(key)) err(errors, `${at}/${key}`, 'unknown_property', 'is not a known property');
  }
}

const ACTIVITY_TYPES: MdfActivityType[] = [
  'event',
  'webinar',
  'digital_campaign',
  'content_syndication',
  'trade_show',
  'training',
  'other',
];
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** A real calendar day (no 30 February). */
const isCalendarDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && Number(v.slice(0, 4)) >= 1000;
};

function requestErrors(body: unknown): Errors {
  const errors: Errors = [];
  if (!isObject(body)) {
    err(errors, '', 'type', 'must be object');
    return errors;
  }
  unknown(errors, body, [
    'fundId',
    'activityType',
    'title',
    'description',
    'startsOn',
    'endsOn',
    'requestedAmount',
    'expectedOutcome',
  ]);
  text(errors, body, 'fundId', 1, 100);
  if (body.activityType === undefined) err(errors, '/activityType', 'required', 'is required');
  else if (!ACTIVITY_TYPES.includes(body.activityType as MdfActivityType)) {
    err(errors, '/activityType', 'enum', 'must be equal to one of the allowed values');
  }
  text(errors, body, 'title', 1, 200);
  if (typeof body.title === 'string' && body.title && !/\S/.test(body.title)) {
    err(errors, '/title', 'pattern', 'must match pattern "\\S"');
  }
  text(errors, body, 'description', 1, 4000);
  for (const key of ['startsOn', 'endsOn']) {
    if (body[key] === undefined) err(errors, `/${key}`, 'required', 'is required');
    else if (!isDay(body[key])) err(errors, `/${key}`, 'format', 'must match format "date"');
  }
  money(errors, body.requestedAmount, '/requestedAmount');
  const outcome = body.expectedOutcome;
  if (!isObject(outcome)) err(errors, '/expectedOutcome', 'required', 'is required');
  else {
    unknown(errors, outcome, ['leads', 'pipeline'], '/expectedOutcome');
    integer(errors, outcome.leads, '/expectedOutcome/leads', 10_000_000);
    money(errors, outcome.pipeline, '/expectedOutcome/pipeline');
  }
  return errors;
}

const PROOF_TYPES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};
const PROOF_LABEL: Record<string, string> = {
  'application/pdf': 'a PDF (%PDF-)',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
};

function claimErrors(body: unknown): Errors {
  const errors: Errors = [];
  if (!isObject(body)) {
    err(errors, '', 'type', 'must be object');
    return errors;
  }
  unknown(errors, body, ['amount', 'proofs', 'results']);
  money(errors, body.amount, '/amount');
  const proofs = body.proofs;
  if (!Array.isArray(proofs))
    err(errors, '/proofs', proofs === undefined ? 'required' : 'type', 'is required');
  else {
    if (proofs.length < 1) err(errors, '/proofs', 'min_items', 'must NOT have fewer than 1 items');
    if (proofs.length > 5) err(errors, '/proofs', 'max_items', 'must NOT have more than 5 items');
    proofs.forEach((p, i) => {
      const at = `/proofs/${i}`;
      if (!isObject(p)) {
        err(errors, at, 'type', 'must be object');
        return;
      }
      unknown(errors, p, ['fileName', 'contentType', 'dataBase64'], at);
      const name = p.fileName;
      if (typeof name !== 'string') err(errors, `${at}/fileName`, 'required', 'is required');
      else if (name.length < 1 || name.length > 200) {
        err(errors, `${at}/fileName`, name.length ? 'max_length' : 'min_length', 'has the wrong length');
      } else if (!/^[^/\\]+$/.test(name)) err(errors, `${at}/fileName`, 'pattern', 'must match pattern');
      if (!Object.hasOwn(PROOF_TYPES, String(p.contentType))) {
        err(errors, `${at}/contentType`, 'enum', 'must be equal to one of the allowed values');
      }
      const data = p.dataBase64;
      if (typeof data !== 'string') err(errors, `${at}/dataBase64`, 'required', 'is required');
      else if (data.length < 4)
        err(errors, `${at}/dataBase64`, 'min_length', 'must NOT have fewer than 4 characters');
      else if (data.length > 7_000_000) {
        err(errors, `${at}/dataBase64`, 'max_length', 'must NOT have more than 7000000 characters');
      } else if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data))
        err(errors, `${at}/dataBase64`, 'pattern', 'must match pattern');
    });
  }
  const results = body.results;
  if (!isObject(results)) err(errors, '/results', 'required', 'is required');
  else {
    unknown(errors, results, ['leads', 'pipeline', 'notes'], '/results');
    integer(errors, results.leads, '/results/leads', 10_000_000);
    money(errors, results.pipeline, '/results/pipeline');
    if (results.notes !== undefined && (typeof results.notes !== 'string' || results.notes.length > 4000)) {
      err(errors, '/results/notes', 'max_length', 'must NOT have more than 4000 characters');
    }
  }
  return errors;
}

/** Strict base64 decoding (a round trip proves every character was data), or `null`. */
function decode(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  try {
    const binary = atob(text);
    if (btoa(binary) !== text) return null;
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** What rules/mdf-proofs.ts checks of each proof: one 422 `invalid_file` naming every bad one. */
function proofErrors(proofs: { contentType: string; dataBase64: string }[]): Errors {
  const errors: Errors = [];
  proofs.forEach((p, i) => {
    const at = `/proofs/${i}/dataBase64`;
    const bytes = decode(p.dataBase64);
    const sig = PROOF_TYPES[p.contentType]!;
    if (!bytes)
      errors.push({ pointer: at, code: 'invalid_base64', message: 'The file data is not valid base64.' });
    else if (bytes.length > MAX_PROOF_BYTES) {
      errors.push({ pointer: at, code: 'file_too_large', message: 'The file is larger than 5 MiB.' });
    } else if (!sig.every((b, k) => bytes[k] === b)) {
      errors.push({
        pointer: at,
        code: 'content_type_mismatch',
        message: `The file is not ${PROOF_LABEL[p.contentType]}, as its content type says.`,
      });
    }
  });
  return errors;
}

const invalid = (errors: Errors) =>
  problem(400, 'validation_failed', 'The request does not match the contract.', {
    detail: 'The request does not match the contract.',
    errors,
  });
const unprocessable = (code: string, detail: string, errors: Errors = []) =>
  problem(422, code, detail, { detail, errors });
const invalidState = (detail: string) => problem(409, 'invalid_state', 'Invalid state', { detail });

const ownRequests = (c: Context) => {
  const partner = c.me().partner?.id;
  return c.state.mdfRequests.filter((r) => r.partnerId === partner);
};

export const mdfRoutes: Route<MdfOperation, MdfOptions, MdfState>[] = [
  {
    method: 'GET',
    path: /^\/v1\/mdf\/funds$/,
    operation: 'listMdfFunds',
    handle: (c) => {
      sweep(c);
      const today = day(c.now());
      const partner = c.me().partner?.id ?? 'prt_unknown';
      const current = (f: MockFund) => f.period.startsOn <= today && f.period.endsOn >= today;
      const funds = [...c.state.funds].sort(
        (a, b) =>
          Number(current(b)) - Number(current(a)) || b.period.startsOn.localeCompare(a.period.startsOn),
      );
      return new Reply(200, { items: funds.map((f) => fundOf(f, c.state.mdfRequests, partner)) });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/mdf\/requests$/,
    operation: 'listMdfRequests',
    handle: (c, { query }) => {
      sweep(c);
      const statuses = query.getAll('status');
      const fundId = query.get('fundId');
      return page(
        ownRequests(c).filter(
          (r) => (!statuses.length || statuses.includes(r.status)) && (!fundId || r.fundId === fundId),
        ),
        query,
      );
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/mdf\/requests\/([A-Za-z0-9_-]+)$/,
    operation: 'getMdfRequest',
    handle: (c, _call, [id]) => {
      sweep(c);
      const found = ownRequests(c).find((r) => r.id === id);
      return found ? new Reply(200, found) : notFound();
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/mdf\/requests$/,
    operation: 'createMdfRequest',
    handle: (c, { body }) => {
      const errors = requestErrors(body);
      if (errors.length) return invalid(errors);
      const input = body as Record<string, never> & {
        fundId: string;
        activityType: MdfActivityType;
        title: string;
        description: string;
        startsOn: string;
        endsOn: string;
        requestedAmount: { amount: number; currency: string };
        expectedOutcome: MdfRequest['expectedOutcome'];
      };
      const days = (['startsOn', 'endsOn'] as const).filter((k) => !isCalendarDay(input[k]));
      if (days.length) {
        return unprocessable(
          'validation_failed',
          'A date is not a real calendar day.',
          days.map((k) => ({
            pointer: `/${k}`,
            code: 'format',
            message: `/${k} must be a real calendar day (YYYY-MM-DD).`,
          })),
        );
      }
      if (input.endsOn < input.startsOn) {
        return unprocessable('validation_failed', 'The end date is before the start date.', [
          {
            pointer: '/endsOn',
            code: 'before_start',
            message: 'The end date must be on or after the start date.',
          },
          {
            pointer: '/startsOn',
            code: 'after_end',
            message: 'The start date must be on or before the end date.',
          },
        ]);
      }
      const fund = c.state.funds.find((f) => f.id === input.fundId);
      if (!fund) {
        return problem(404, 'not_found', 'No MDF fund with that id.', {
          errors: [{ pointer: '/fundId', code: 'not_found', message: 'No MDF fund with that id.' }],
        });
      }
      const now = c.now();
      if (day(now) > fund.period.endsOn) {
        const message = `The fund's period (${fund.period.label}) ended on ${fund.period.endsOn}.`;
        return unprocessable('fund_closed', message, [{ pointer: '/fundId', code: 'fund_closed', message }]);
      }
      if (input.requestedAmount.currency !== fund.currency) {
        const message = `The amount must be in ${fund.currency}, the fund's currency.`;
        return unprocessable('currency_mismatch', message, [
          { pointer: '/requestedAmount/currency', code: 'currency_mismatch', message },
        ]);
      }
      sweep(c);
      const amount = input.requestedAmount.amount;
      if (amount === 0) {
        const message = 'The requested amount must be more than zero.';
        return unprocessable('validation_failed', message, [
          { pointer: '/requestedAmount/amount', code: 'minimum', message },
        ]);
      }
      const me = c.me();
      const { remaining } = fundOf(fund, c.state.mdfRequests, me.partner?.id ?? '');
      if (amount > remaining) {
        const message = `The requested amount (${amount}) is above the fund's remaining amount (${remaining}).`;
        return unprocessable('exceeds_remaining', message, [
          { pointer: '/requestedAmount/amount', code: 'exceeds_remaining', message },
        ]);
      }
      const n = c.sequence();
      const at = iso(now);
      const created: MdfRequest = {
        id: `mdfr_new_${n}`,
        reference: `MDF-${String(n + 200).padStart(5, '0')}`,
        fundId: fund.id,
        partnerId: me.partner?.id ?? 'prt_unknown',
        ...(me.partner ? { partnerName: me.partner.name } : {}),
        activityType: input.activityType,
        title: input.title.trim(),
        description: input.description,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        requestedAmount: { amount, currency: fund.currency },
        approvedAmount: null,
        expectedOutcome: input.expectedOutcome,
        status: 'submitted',
        rejectionReason: null,
        claims: [],
        createdAt: at,
        updatedAt: at,
        history: [{ from: null, to: 'submitted', at, actor: partnerActor(me), reason: null }],
      };
      c.state.mdfRequests.unshift(created);
      return new Reply(201, created);
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/mdf\/requests\/([A-Za-z0-9_-]+)\/claims$/,
    operation: 'createMdfClaim',
    handle: (c, { body }, [id]) => {
      const errors = claimErrors(body);
      if (errors.length) return invalid(errors);
      const input = body as {
        amount: { amount: number; currency: string };
        proofs: { fileName: string; contentType: string; dataBase64: string }[];
        results: MdfClaim['results'];
      };
      const bad = proofErrors(input.proofs);
      if (bad.length) return unprocessable('invalid_file', 'A proof file is not what it claims to be.', bad);
      sweep(c);
      const index = c.state.mdfRequests.findIndex((r) => r.id === id && r.partnerId === c.me().partner?.id);
      const request = c.state.mdfRequests[index];
      if (!request) return notFound();
      const claimable = request.status === 'approved' || request.status === 'partially_approved';
      if (claimable && input.amount.currency !== request.requestedAmount.currency) {
        const message = `The amount must be in ${request.requestedAmount.currency}, the fund's currency.`;
        return unprocessable('currency_mismatch', message, [
          { pointer: '/amount/currency', code: 'currency_mismatch', message },
        ]);
      }
      if (!claimable) {
        return invalidState(
          `Claims can be made only against an approved request; this one is ${request.status.replace('_', ' ')}.`,
        );
      }
      const amount = input.amount.amount;
      if (amount === 0) {
        const message = 'The claimed amount must be more than zero.';
        return unprocessable('validation_failed', message, [
          { pointer: '/amount/amount', code: 'minimum', message },
        ]);
      }
      const approved = request.approvedAmount?.amount ?? 0;
      const available = Math.max(0, approved - request.claims.reduce((sum, x) => sum + claimHold(x), 0));
      if (amount > available) {
        const message = `The claimed amount (${amount}) is above what is left of the approved amount (${available} of ${approved}).`;
        return unprocessable('exceeds_approved', message, [
          { pointer: '/amount/amount', code: 'exceeds_approved', message },
        ]);
      }
      const n = c.sequence();
      const at = iso(c.now());
      const me = c.me();
      const claim: MdfClaim = {
        id: `mdfc_new_${n}`,
        requestId: request.id,
        amount: { amount, currency: request.requestedAmount.currency },
        approvedAmount: null,
        proofs: input.proofs.map((p, k) => ({
          id: `proof_${n}_${k + 1}`,
          fileName: p.fileName,
          contentType: p.contentType,
          size: decode(p.dataBase64)!.length,
        })),
        results: input.results,
        status: 'submitted',
        rejectionReason: null,
        paidAt: null,
        createdAt: at,
        history: [{ from: null, to: 'submitted', at, actor: partnerActor(me), reason: null }],
      };
      c.state.mdfRequests[index] = { ...request, claims: [...request.claims, claim] };
      return new Reply(201, claim);
    },
  },
];
