// MDF operations: funds with their arithmetic, requests, claims with proof files, decisions and
// payment, and the expiry sweep. Each status change is appended to `mdf_history` in the same
// transaction. The arithmetic itself lives in rules/mdf.ts.
import { partnerScope, requirePartner, requireVendorAdmin } from '../access.js';
import { decodeCursor, newId, pageOf } from '../ids.js';
import {
  approveClaim,
  approveRequest,
  assertCalendarDays,
  assertClaimTransition,
  assertCurrency,
  assertDayRange,
  assertRequestTransition,
  CLAIM_WINDOW_DAYS,
  type ClaimAmounts,
  checkClaimAmount,
  checkRequestAmount,
  expiryOf,
  expiryReasons,
  type FundTotals,
  fundTotals,
  type MdfClaimStatus,
  type MdfRequestStatus,
  periodsOverlap,
  type RequestAmounts,
  utcDay,
} from '../rules/mdf.js';
import { decodeProofs } from '../rules/mdf-proofs.js';
import { appendMdfHistory } from '../rules/mdf-store.js';
import {
  ApiError,
  type Caller,
  type Database,
  type Handler,
  type Handlers,
  notFound,
  type Queryable,
  type Schemas,
} from '../types.js';

type MdfFund = Schemas['MdfFund'];
type MdfRequest = Schemas['MdfRequest'];
type MdfClaim = Schemas['MdfClaim'];
type StatusChange = Schemas['StatusChange'];
type Actor = Schemas['Actor'];

const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'System' };

function actorOf(caller: Caller): Actor {
  return { type: caller.partnerId ? 'partner' : 'vendor', id: caller.userId, name: caller.userName };
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function limitOf(query: { limit?: unknown }): number {
  const n = Number(query.limit ?? 25);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 25;
}

// ---------------------------------------------------------------------------------------------
// Expiry

/**
 * Expires what the rules say has expired (pending requests of ended fund periods; approved requests
 * with no live claim past the claim window), releasing their reservations, with a `system` history
 * entry each. Scoped to one fund or partner when given. Returns the ids it expired.
 */
export async function sweepMdfExpiry(
  q: Queryable,
  now: Date,
  scope: { fundId?: string; partnerId?: string } = {},
): Promise<string[]> {
  const today = utcDay(now);
  const { rows } = await q.query<{
    id: string;
    status: MdfRequestStatus;
    ends_on: string;
    fund_ends_on: string;
    live_claims: number;
  }>(
    `SELECT r.id, r.status, r.ends_on, f.ends_on AS fund_ends_on,
            (SELECT count(*) FROM mdf_claims c WHERE c.request_id = r.id AND c.status <> 'rejected') AS live_claims
       FROM mdf_requests r
       JOIN mdf_funds f ON f.id = r.fund_id
      WHERE r.status IN ('submitted', 'approved', 'partially_approved')
        AND ((r.status = 'submitted' AND f.ends_on < $1::date)
          OR (r.status <> 'submitted' AND r.ends_on + $4::integer < $1::date
              AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id AND c.status <> 'rejected')))
        AND ($2::text IS NULL OR r.fund_id = $2)
        AND ($3::text IS NULL OR r.partner_id = $3)
      ORDER BY r.id
        FOR UPDATE OF r SKIP LOCKED`,
    [today, scope.fundId ?? null, scope.partnerId ?? null, CLAIM_WINDOW_DAYS],
  );
  // The query narrows; the rule decides.
  const expired: string[] = [];
  for (const row of rows) {
    const why = expiryOf(
      { status: row.status, endsOn: row.ends_on },
      row.fund_ends_on,
      Number(row.live_claims),
      today,
    );
    if (!why) continue;
    assertRequestTransition(row.status, 'expired');
    await q.query(`UPDATE mdf_requests SET status = 'expired', updated_at = $2 WHERE id = $1`, [row.id, now]);
    await appendMdfHistory(q, {
      requestId: row.id,
      claimId: null,
      actor: SYSTEM_ACTOR,
      from: row.status,
      to: 'expired',
      reason: expiryReasons[why],
      at: now,
    });
    expired.push(row.id);
  }
  return expired;
}

/**
 * Runs the sweep in its own transaction: for the server's housekeeping at start-up and
 * periodically. Every MDF operation also sweeps what it is about to read, so a missed run changes
 * nothing a caller can see.
 */
export async function runMdfExpirySweep(db: Database, now: Date = new Date()): Promise<string[]> {
  return db.transaction((tx) => sweepMdfExpiry(tx, now));
}

// ---------------------------------------------------------------------------------------------
// Funds

interface FundRow {
  id: string;
  partner_id: string;
  period_label: string;
  starts_on: string;
  ends_on: string;
  currency: string;
  allocated: number;
}

/** The fund's figures, summed from its requests and claims by status and run through the rules. */
async function totalsOf(
  q: Queryable,
  fundIds: string[],
): Promise<Map<string, { requests: RequestAmounts[]; claims: ClaimAmounts[] }>> {
  const out = new Map<string, { requests: RequestAmounts[]; claims: ClaimAmounts[] }>();
  for (const id of fundIds) out.set(id, { requests: [], claims: [] });
  if (fundIds.length === 0) return out;
  const requests = await q.query<{
    fund_id: string;
    status: MdfRequestStatus;
    requested: number;
    approved: number | null;
  }>(
    `SELECT fund_id, status, sum(requested_amount) AS requested, sum(approved_amount) AS approved
       FROM mdf_requests WHERE fund_id = ANY($1::text[]) GROUP BY fund_id, status`,
    [fundIds],
  );
  for (const r of requests.rows) {
    out.get(r.fund_id)?.requests.push({
      status: r.status,
      requestedAmount: Number(r.requested),
      approvedAmount: r.approved === null ? null : Number(r.approved),
    });
  }
  const claims = await q.query<{ fund_id: string; status: MdfClaimStatus; amount: number; granted: number }>(
    `SELECT r.fund_id, c.status, sum(c.amount) AS amount, sum(coalesce(c.approved_amount, c.amount)) AS granted
       FROM mdf_claims c JOIN mdf_requests r ON r.id = c.request_id
      WHERE r.fund_id = ANY($1::text[]) GROUP BY r.fund_id, c.status`,
    [fundIds],
  );
  for (const c of claims.rows) {
    out
      .get(c.fund_id)
      ?.claims.push({ status: c.status, amount: Number(c.amount), approvedAmount: Number(c.granted) });
  }
  return out;
}

function fundOf(row: FundRow, totals: FundTotals): MdfFund {
  return {
    id: row.id,
    partnerId: row.partner_id,
    period: { label: row.period_label, startsOn: row.starts_on, endsOn: row.ends_on },
    currency: row.currency,
    allocated: totals.allocated,
    requested: totals.requested,
    approved: totals.approved,
    claimed: totals.claimed,
    remaining: totals.remaining,
  };
}

async function fundTotalsFor(q: Queryable, row: FundRow): Promise<FundTotals> {
  const parts = (await totalsOf(q, [row.id])).get(row.id)!;
  return fundTotals(Number(row.allocated), parts.requests, parts.claims);
}

const FUND_COLUMNS = 'id, partner_id, period_label, starts_on, ends_on, currency, allocated';

const listMdfFunds: Handler = async (req, ctx) => {
  const partnerId = partnerScope(ctx.caller, req.query.partnerId);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await sweepMdfExpiry(tx, now, partnerId ? { partnerId } : {});
    const { rows } = await tx.query<FundRow>(
      `SELECT ${FUND_COLUMNS} FROM mdf_funds
        WHERE ($1::text IS NULL OR partner_id = $1)
        ORDER BY (starts_on <= $2::date AND ends_on >= $2::date) DESC, starts_on DESC, partner_id, currency, id`,
      [partnerId, utcDay(now)],
    );
    const parts = await totalsOf(
      tx,
      rows.map((r) => r.id),
    );
    const items = rows.map((row) => {
      const p = parts.get(row.id)!;
      return fundOf(row, fundTotals(Number(row.allocated), p.requests, p.claims));
    });
    return { status: 200, body: { items } };
  });
};

const createMdfFund: Handler = async (req, ctx) => {
  requireVendorAdmin(ctx.caller);
  const input = req.body as Schemas['MdfFundInput'];
  assertCalendarDays({ '/period/startsOn': input.period.startsOn, '/period/endsOn': input.period.endsOn });
  assertDayRange(input.period.startsOn, input.period.endsOn, '/period/startsOn', '/period/endsOn');
  if (!/\S/.test(input.period.label)) {
    throw new ApiError(422, 'validation_failed', 'The period needs a label.', {
      errors: [{ pointer: '/period/label', code: 'pattern', message: 'The label must not be blank.' }],
    });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // Locking the partner serialises fund creation for it, so the overlap check cannot race.
    const partner = await tx.query('SELECT id FROM partners WHERE id = $1 FOR UPDATE', [input.partnerId]);
    if (partner.rows.length === 0) {
      throw new ApiError(404, 'not_found', 'No partner with that id.', {
        errors: [{ pointer: '/partnerId', code: 'not_found', message: 'No partner with that id.' }],
      });
    }
    const existing = await tx.query<FundRow>(
      `SELECT ${FUND_COLUMNS} FROM mdf_funds WHERE partner_id = $1 AND currency = $2`,
      [input.partnerId, input.allocated.currency],
    );
    const clash = existing.rows.find((f) =>
      periodsOverlap({ startsOn: f.starts_on, endsOn: f.ends_on }, input.period),
    );
    if (clash) {
      const message = `The partner already has a ${clash.currency} fund for ${clash.period_label} (${clash.starts_on} to ${clash.ends_on}).`;
      throw new ApiError(409, 'fund_overlap', message, {
        errors: [{ pointer: '/period', code: 'fund_overlap', message }],
      });
    }
    const row: FundRow = {
      id: newId('fund'),
      partner_id: input.partnerId,
      period_label: input.period.label.trim(),
      starts_on: input.period.startsOn,
      ends_on: input.period.endsOn,
      currency: input.allocated.currency,
      allocated: input.allocated.amount,
    };
    await tx.query(
      `INSERT INTO mdf_funds (id, partner_id, period_label, starts_on, ends_on, currency, allocated, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        row.partner_id,
        row.period_label,
        row.starts_on,
        row.ends_on,
        row.currency,
        row.allocated,
        now,
      ],
    );
    return { status: 201, body: fundOf(row, fundTotals(row.allocated, [], [])) };
  });
};

// ---------------------------------------------------------------------------------------------
// Requests and claims as the contract shapes them

interface RequestRow {
  id: string;
  reference: string;
  fund_id: string;
  partner_id: string;
  partner_name: string | null;
  activity_type: Schemas['MdfActivityType'];
  title: string;
  description: string;
  starts_on: string;
  ends_on: string;
  currency: string;
  requested_amount: number;
  approved_amount: number | null;
  expected_leads: number;
  expected_pipeline_amount: number;
  expected_pipeline_currency: string;
  status: MdfRequestStatus;
  rejection_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

interface ClaimRow {
  id: string;
  request_id: string;
  currency: string;
  amount: number;
  approved_amount: number | null;
  result_leads: number;
  result_pipeline_amount: number;
  result_pipeline_currency: string;
  result_notes: string | null;
  status: MdfClaimStatus;
  rejection_reason: string | null;
  paid_at: Date | null;
  created_at: Date;
}

interface HistoryRow {
  request_id: string;
  claim_id: string | null;
  at: Date;
  actor_type: Actor['type'];
  actor_id: string | null;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}

const REQUEST_COLUMNS = `r.id, r.reference, r.fund_id, r.partner_id, p.name AS partner_name, r.activity_type, r.title,
  r.description, r.starts_on, r.ends_on, r.currency, r.requested_amount, r.approved_amount, r.expected_leads,
  r.expected_pipeline_amount, r.expected_pipeline_currency, r.status, r.rejection_reason, r.created_at, r.updated_at`;

const CLAIM_COLUMNS = `c.id, c.request_id, c.currency, c.amount, c.approved_amount, c.result_leads,
  c.result_pipeline_amount, c.result_pipeline_currency, c.result_notes, c.status, c.rejection_reason, c.paid_at,
  c.created_at`;

function changeOf(h: HistoryRow): StatusChange {
  return {
    from: h.from_status,
    to: h.to_status,
    at: iso(h.at),
    actor: { type: h.actor_type, id: h.actor_id, name: h.actor_name },
    reason: h.reason,
  };
}

/** Claims (with proofs and history) of the given requests, by request id, oldest first. */
async function claimsOf(
  q: Queryable,
  requestIds: string[],
  claimIds?: string[],
): Promise<Map<string, MdfClaim[]>> {
  const out = new Map<string, MdfClaim[]>();
  if (requestIds.length === 0) return out;
  const claims = await q.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM mdf_claims c
      WHERE c.request_id = ANY($1::text[]) AND ($2::text[] IS NULL OR c.id = ANY($2::text[]))
      ORDER BY c.created_at, c.id`,
    [requestIds, claimIds ?? null],
  );
  const ids = claims.rows.map((c) => c.id);
  const proofs = ids.length
    ? await q.query<{ id: string; claim_id: string; file_name: string; content_type: string; size: number }>(
        `SELECT id, claim_id, file_name, content_type, size FROM mdf_proof_files
          WHERE claim_id = ANY($1::text[]) ORDER BY claim_id, position`,
        [ids],
      )
    : { rows: [] };
  const history = ids.length
    ? await q.query<HistoryRow>(
        `SELECT request_id, claim_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason
           FROM mdf_history WHERE claim_id = ANY($1::text[]) ORDER BY at, id`,
        [ids],
      )
    : { rows: [] };
  for (const c of claims.rows) {
    const claim: MdfClaim = {
      id: c.id,
      requestId: c.request_id,
      amount: { amount: Number(c.amount), currency: c.currency },
      approvedAmount:
        c.approved_amount === null ? null : { amount: Number(c.approved_amount), currency: c.currency },
      proofs: proofs.rows
        .filter((p) => p.claim_id === c.id)
        .map((p) => ({ id: p.id, fileName: p.file_name, contentType: p.content_type, size: Number(p.size) })),
      results: {
        leads: Number(c.result_leads),
        pipeline: { amount: Number(c.result_pipeline_amount), currency: c.result_pipeline_currency },
        ...(c.result_notes !== null ? { notes: c.result_notes } : {}),
      },
      status: c.status,
      rejectionReason: c.rejection_reason,
      paidAt: c.paid_at ? iso(c.paid_at) : null,
      createdAt: iso(c.created_at),
      history: history.rows.filter((h) => h.claim_id === c.id).map(changeOf),
    };
    const list = out.get(c.request_id) ?? [];
    list.push(claim);
    out.set(c.request_id, list);
  }
  return out;
}

/** Full requests (claims, history) for rows already read, in the rows' order. */
async function requestsOf(q: Queryable, rows: RequestRow[]): Promise<MdfRequest[]> {
  const ids = rows.map((r) => r.id);
  const claims = await claimsOf(q, ids);
  const history = ids.length
    ? await q.query<HistoryRow>(
        `SELECT request_id, claim_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason
           FROM mdf_history WHERE request_id = ANY($1::text[]) AND subject_type = 'request' ORDER BY at, id`,
        [ids],
      )
    : { rows: [] };
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    fundId: r.fund_id,
    partnerId: r.partner_id,
    ...(r.partner_name !== null ? { partnerName: r.partner_name } : {}),
    activityType: r.activity_type,
    title: r.title,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    requestedAmount: { amount: Number(r.requested_amount), currency: r.currency },
    approvedAmount:
      r.approved_amount === null ? null : { amount: Number(r.approved_amount), currency: r.currency },
    expectedOutcome: {
      leads: Number(r.expected_leads),
      pipeline: { amount: Number(r.expected_pipeline_amount), currency: r.expected_pipeline_currency },
    },
    status: r.status,
    rejectionReason: r.rejection_reason,
    claims: claims.get(r.id) ?? [],
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    history: history.rows.filter((h) => h.request_id === r.id).map(changeOf),
  }));
}

/** One request the caller may see (its own partner's, or any for vendor admins), optionally locked. */
async function findRequest(q: Queryable, caller: Caller, id: string, lock = false): Promise<RequestRow> {
  const { rows } = await q.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM mdf_requests r LEFT JOIN partners p ON p.id = r.partner_id
      WHERE r.id = $1 AND ($2::text IS NULL OR r.partner_id = $2)${lock ? ' FOR UPDATE OF r' : ''}`,
    [id, caller.partnerId],
  );
  if (!rows[0]) throw notFound('MDF request');
  return rows[0];
}

async function loadRequest(q: Queryable, caller: Caller, id: string): Promise<MdfRequest> {
  return (await requestsOf(q, [await findRequest(q, caller, id)]))[0]!;
}

/** Locks the fund row: every change to what a fund holds goes through this lock. */
async function lockFund(q: Queryable, fundId: string): Promise<FundRow> {
  const { rows } = await q.query<FundRow>(`SELECT ${FUND_COLUMNS} FROM mdf_funds WHERE id = $1 FOR UPDATE`, [
    fundId,
  ]);
  if (!rows[0]) throw notFound('MDF fund');
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Request operations

const listMdfRequests: Handler = async (req, ctx) => {
  const partnerId = partnerScope(ctx.caller, req.query.partnerId);
  const statuses = asArray<string>(req.query.status);
  const limit = limitOf(req.query);
  const cursor = req.query.cursor ? decodeCursor(req.query.cursor) : null;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await sweepMdfExpiry(tx, now, partnerId ? { partnerId } : {});
    const { rows } = await tx.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM mdf_requests r LEFT JOIN partners p ON p.id = r.partner_id
        WHERE ($1::text IS NULL OR r.partner_id = $1)
          AND (cardinality($2::text[]) = 0 OR r.status = ANY($2::text[]))
          AND ($3::text IS NULL OR r.fund_id = $3)
          AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::text))
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $6`,
      [partnerId, statuses, req.query.fundId ?? null, cursor?.at ?? null, cursor?.id ?? null, limit + 1],
    );
    const page = pageOf(rows, limit, (r) => ({ at: r.created_at, id: r.id }));
    return { status: 200, body: { items: await requestsOf(tx, page.items), nextCursor: page.nextCursor } };
  });
};

const getMdfRequest: Handler = async (req, ctx) => {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await findRequest(tx, ctx.caller, req.params.id);
    await sweepMdfExpiry(tx, now, { fundId: row.fund_id });
    return { status: 200, body: await loadRequest(tx, ctx.caller, req.params.id) };
  });
};

const createMdfRequest: Handler = async (req, ctx) => {
  const partnerId = requirePartner(ctx.caller);
  const input = req.body as Schemas['MdfRequestInput'];
  assertCalendarDays({ '/startsOn': input.startsOn, '/endsOn': input.endsOn });
  assertDayRange(input.startsOn, input.endsOn, '/startsOn', '/endsOn');
  const now = ctx.now();
  const actor = actorOf(ctx.caller);
  return ctx.db.transaction(async (tx) => {
    // The fund row lock makes check-then-insert atomic: concurrent requests queue here, and each
    // sees the ones committed before it.
    const owned = await tx.query<FundRow>(
      `SELECT ${FUND_COLUMNS} FROM mdf_funds WHERE id = $1 AND partner_id = $2 FOR UPDATE`,
      [input.fundId, partnerId],
    );
    const fund = owned.rows[0];
    if (!fund) {
      throw new ApiError(404, 'not_found', 'No MDF fund with that id.', {
        errors: [{ pointer: '/fundId', code: 'not_found', message: 'No MDF fund with that id.' }],
      });
    }
    if (utcDay(now) > fund.ends_on) {
      const message = `The fund's period (${fund.period_label}) ended on ${fund.ends_on}.`;
      throw new ApiError(422, 'fund_closed', message, {
        errors: [{ pointer: '/fundId', code: 'fund_closed', message }],
      });
    }
    assertCurrency(input.requestedAmount.currency, fund.currency, '/requestedAmount/currency');
    await sweepMdfExpiry(tx, now, { fundId: fund.id });
    checkRequestAmount(await fundTotalsFor(tx, fund), input.requestedAmount.amount);
    const id = newId('mdfr');
    await tx.query(
      `INSERT INTO mdf_requests (id, reference, fund_id, partner_id, activity_type, title, description, starts_on,
         ends_on, currency, requested_amount, expected_leads, expected_pipeline_amount, expected_pipeline_currency,
         status, submitted_by_id, submitted_by_name, created_at, updated_at)
       VALUES ($1, 'MDF-' || lpad(nextval('mdf_request_reference_seq')::text, 5, '0'), $2, $3, $4, $5, $6, $7, $8,
         $9, $10, $11, $12, $13, 'submitted', $14, $15, $16, $16)`,
      [
        id,
        fund.id,
        partnerId,
        input.activityType,
        input.title.trim(),
        input.description,
        input.startsOn,
        input.endsOn,
        fund.currency,
        input.requestedAmount.amount,
        input.expectedOutcome.leads,
        input.expectedOutcome.pipeline.amount,
        input.expectedOutcome.pipeline.currency,
        ctx.caller.userId,
        ctx.caller.userName,
        now,
      ],
    );
    await appendMdfHistory(tx, {
      requestId: id,
      claimId: null,
      actor,
      from: null,
      to: 'submitted',
      reason: null,
      at: now,
    });
    return { status: 201, body: await loadRequest(tx, ctx.caller, id) };
  });
};

/** Locks fund then request (always in that order), after sweeping the fund. */
async function lockRequestForDecision(
  tx: Queryable,
  caller: Caller,
  id: string,
  now: Date,
): Promise<RequestRow> {
  const before = await findRequest(tx, caller, id);
  await lockFund(tx, before.fund_id);
  await sweepMdfExpiry(tx, now, { fundId: before.fund_id });
  return findRequest(tx, caller, id, true);
}

const approveMdfRequest: Handler = async (req, ctx) => {
  requireVendorAdmin(ctx.caller);
  const input = (req.body ?? {}) as Schemas['ApproveAmountInput'];
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockRequestForDecision(tx, ctx.caller, req.params.id, now);
    if (input.amount) assertCurrency(input.amount.currency, row.currency, '/amount/currency');
    const outcome = approveRequest(
      { status: row.status, requestedAmount: Number(row.requested_amount) },
      input.amount?.amount,
    );
    await tx.query(
      `UPDATE mdf_requests SET status = $2, approved_amount = $3, updated_at = $4 WHERE id = $1`,
      [row.id, outcome.status, outcome.approvedAmount, now],
    );
    await appendMdfHistory(tx, {
      requestId: row.id,
      claimId: null,
      actor: actorOf(ctx.caller),
      from: row.status,
      to: outcome.status,
      reason: input.note?.trim() || null,
      at: now,
    });
    return { status: 200, body: await loadRequest(tx, ctx.caller, row.id) };
  });
};

const rejectMdfRequest: Handler = async (req, ctx) => {
  requireVendorAdmin(ctx.caller);
  const input = req.body as Schemas['RejectInput'];
  const reason = input.reason.trim();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockRequestForDecision(tx, ctx.caller, req.params.id, now);
    assertRequestTransition(row.status, 'rejected');
    await tx.query(
      `UPDATE mdf_requests SET status = 'rejected', rejection_reason = $2, updated_at = $3 WHERE id = $1`,
      [row.id, reason, now],
    );
    await appendMdfHistory(tx, {
      requestId: row.id,
      claimId: null,
      actor: actorOf(ctx.caller),
      from: row.status,
      to: 'rejected',
      reason,
      at: now,
    });
    return { status: 200, body: await loadRequest(tx, ctx.caller, row.id) };
  });
};

// ---------------------------------------------------------------------------------------------
// Claim operations

async function loadClaim(q: Queryable, requestId: string, claimId: string): Promise<MdfClaim> {
  return (await claimsOf(q, [requestId], [claimId])).get(requestId)![0]!;
}

const createMdfClaim: Handler = async (req, ctx) => {
  const partnerId = requirePartner(ctx.caller);
  const input = req.body as Schemas['MdfClaimInput'];
  const proofs = decodeProofs(input.proofs);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const request = await lockRequestForDecision(tx, ctx.caller, req.params.id, now);
    const existing = await tx.query<{
      status: MdfClaimStatus;
      amount: number;
      approved_amount: number | null;
    }>('SELECT status, amount, approved_amount FROM mdf_claims WHERE request_id = $1', [request.id]);
    if (request.status === 'approved' || request.status === 'partially_approved') {
      assertCurrency(input.amount.currency, request.currency, '/amount/currency');
    }
    checkClaimAmount(
      {
        status: request.status,
        approvedAmount: request.approved_amount === null ? null : Number(request.approved_amount),
      },
      existing.rows.map((c) => ({
        status: c.status,
        amount: Number(c.amount),
        approvedAmount: c.approved_amount === null ? null : Number(c.approved_amount),
      })),
      input.amount.amount,
    );
    const id = newId('mdfc');
    await tx.query(
      `INSERT INTO mdf_claims (id, request_id, partner_id, currency, amount, result_leads, result_pipeline_amount,
         result_pipeline_currency, result_notes, status, submitted_by_id, submitted_by_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', $10, $11, $12, $12)`,
      [
        id,
        request.id,
        partnerId,
        request.currency,
        input.amount.amount,
        input.results.leads,
        input.results.pipeline.amount,
        input.results.pipeline.currency,
        input.results.notes ?? null,
        ctx.caller.userId,
        ctx.caller.userName,
        now,
      ],
    );
    for (const [position, proof] of proofs.entries()) {
      await tx.query(
        `INSERT INTO mdf_proof_files (id, claim_id, position, file_name, content_type, size, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          newId('proof'),
          id,
          position,
          proof.fileName,
          proof.contentType,
          proof.bytes.length,
          proof.bytes,
          now,
        ],
      );
    }
    await appendMdfHistory(tx, {
      requestId: request.id,
      claimId: id,
      actor: actorOf(ctx.caller),
      from: null,
      to: 'submitted',
      reason: null,
      at: now,
    });
    return { status: 201, body: await loadClaim(tx, request.id, id) };
  });
};

/** A claim for a vendor decision, locked. */
async function lockClaim(tx: Queryable, id: string): Promise<ClaimRow> {
  const { rows } = await tx.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM mdf_claims c WHERE c.id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw notFound('MDF claim');
  return rows[0];
}

const approveMdfClaim: Handler = async (req, ctx) => {
  requireVendorAdmin(ctx.caller);
  const input = (req.body ?? {}) as Schemas['ApproveAmountInput'];
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, req.params.id);
    if (input.amount) assertCurrency(input.amount.currency, claim.currency, '/amount/currency');
    const granted = approveClaim(
      { status: claim.status, amount: Number(claim.amount) },
      input.amount?.amount,
    );
    await tx.query(
      `UPDATE mdf_claims SET status = 'approved', approved_amount = $2, updated_at = $3 WHERE id = $1`,
      [claim.id, granted, now],
    );
    await appendMdfHistory(tx, {
      requestId: claim.request_id,
      claimId: claim.id,
      actor: actorOf(ctx.caller),
      from: claim.status,
      to: 'approved',
      reason: input.note?.trim() || null,
      at: now,
    });
    return { status: 200, body: await loadClaim(tx, claim.request_id, claim.id) };
  });
};

const rejectMdfClaim: Handler = async (req, ctx) => {
  requireVendorAdmin(ctx.caller);
  const reason = (req.body as Schemas['RejectInput']).reason.trim();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, req.params.id);
    assertClaimTransition(claim.status, 'rejected');
    await tx.query(
      `UPDATE mdf_claims SET status = 'rejected', rejection_reason = $2, updated_at = $3 WHERE id = $1`,
      [claim.id, reason, now],
    );
    await appendMdfHistory(tx, {
      requestId: claim.request_id,
      claimId: claim.id,
      actor: actorOf(ctx.caller),
      from: claim.status,
      to: 'rejected',
      reason,
      at: now,
    });
    return { status: 200, body: await loadClaim(tx, claim.request_id, claim.id) };
  });
};

const payMdfClaim: Handler = async (req, ctx) => {
  requireVendorAdmin(ctx.caller);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, req.params.id);
    assertClaimTransition(claim.status, 'paid');
    await tx.query(`UPDATE mdf_claims SET status = 'paid', paid_at = $2, updated_at = $2 WHERE id = $1`, [
      claim.id,
      now,
    ]);
    await appendMdfHistory(tx, {
      requestId: claim.request_id,
      claimId: claim.id,
      actor: actorOf(ctx.caller),
      from: claim.status,
      to: 'paid',
      reason: null,
      at: now,
    });
    return { status: 200, body: await loadClaim(tx, claim.request_id, claim.id) };
  });
};

export const mdfHandlers: Handlers = {
  listMdfFunds,
  createMdfFund,
  listMdfRequests,
  getMdfRequest,
  createMdfRequest,
  approveMdfRequest,
  rejectMdfRequest,
  createMdfClaim,
  approveMdfClaim,
  rejectMdfClaim,
  payMdfClaim,
};
