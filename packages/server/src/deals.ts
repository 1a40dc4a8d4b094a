// Deal registrations in the database: the conflict lookup, loading registrations as the contract
// shapes them, history, and expiry. Every query is parameterised.
import type {
  ConflictCheckResult,
  DealRegistration,
  DealStatus,
  Product,
  StatusChange,
} from '@partnerkit/api';
import {
  ACTIVE_STATUSES,
  decideConflict,
  SIMILARITY_THRESHOLD,
  type SimilarMatch,
} from './rules/conflict.js';
import type { CustomerKeys } from './rules/normalize.js';
import { canRequestExtension } from './rules/protection.js';
import type { Caller, Queryable } from './types.js';

const ACTIVE_SQL = `status IN ('submitted', 'under_review', 'approved')`;
// The SQL above must list exactly the active statuses (the partial indexes use the same text).
if (ACTIVE_STATUSES.join() !== 'submitted,under_review,approved') throw new Error('active statuses drifted');

/** Looks up everything the conflict decision needs for one customer, and decides. */
export async function checkConflict(
  q: Queryable,
  input: { partnerId: string | null; keys: CustomerKeys; productIds?: readonly string[] | null; now: Date },
): Promise<ConflictCheckResult> {
  const { keys, now } = input;
  const exact = await q.query<{ id: string; partner_id: string; product_ids: string[] }>(
    `SELECT id, partner_id, product_ids FROM deal_registrations
      WHERE ${ACTIVE_SQL} AND (status <> 'approved' OR protected_until > $3)
        AND (company_key = $1 OR domain_key = $2)
      LIMIT 100`,
    [keys.company, keys.domain, now],
  );
  const direct = await q.query<{ exact: boolean; score: number }>(
    `SELECT (company_key = $1 OR domain_key = $2) AS exact, similarity(company_key, $1) AS score
       FROM direct_accounts
      WHERE company_key = $1 OR domain_key = $2 OR block_first = $3 OR block_last = $4`,
    [keys.company, keys.domain, keys.blockFirst, keys.blockLast],
  );
  const similar: SimilarMatch[] = direct.rows
    .filter((r) => !r.exact)
    .map((r) => ({ kind: 'direct_account', partnerId: null, productIds: null, similarity: Number(r.score) }));
  const directAccount = direct.rows.some((r) => r.exact);
  if (!directAccount && exact.rows.length === 0) {
    // Near misses, narrowed by the blocking keys first so similarity runs on a handful of rows.
    // `%` is answered by the GiST indexes on (block, name); the explicit similarity bound keeps
    // the answer right even on a connection whose pg_trgm threshold was not set.
    const close = await q.query<{ partner_id: string; product_ids: string[]; score: number }>(
      `SELECT partner_id, product_ids, similarity(company_key, $1) AS score
         FROM deal_registrations
        WHERE ${ACTIVE_SQL} AND (status <> 'approved' OR protected_until > $2)
          AND ((block_first = $3 AND company_key % $1) OR (block_last = $4 AND company_key % $1))
          AND company_key <> $1
          AND similarity(company_key, $1) >= $5
          AND ($6::text IS NULL OR partner_id <> $6)
        ORDER BY score DESC
        LIMIT 10`,
      [keys.company, now, keys.blockFirst, keys.blockLast, SIMILARITY_THRESHOLD, input.partnerId],
    );
    for (const r of close.rows) {
      similar.push({
        kind: 'registration',
        partnerId: r.partner_id,
        productIds: r.product_ids,
        similarity: Number(r.score),
      });
    }
  }
  return decideConflict({
    partnerId: input.partnerId,
    productIds: input.productIds ?? null,
    exact: exact.rows.map((r) => ({
      registrationId: r.id,
      partnerId: r.partner_id,
      productIds: r.product_ids,
    })),
    directAccount,
    similar,
  });
}

/** Takes the transaction-scoped locks that make check-then-insert atomic for one customer. */
export async function lockCustomer(q: Queryable, keys: CustomerKeys): Promise<void> {
  const names = [`name:${keys.company}`];
  if (keys.domain) names.push(`domain:${keys.domain}`);
  // Always in the same order, so two registrations never wait on each other crosswise.
  names.sort();
  for (const name of names) {
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('partnerkit:deal'), hashtext($1))`, [name]);
  }
}

export interface DealRow {
  id: string;
  reference: string;
  partner_id: string;
  partner_name?: string;
  status: DealStatus;
  customer: DealRegistration['customer'];
  product_ids: string[];
  estimated_amount: number;
  currency: string;
  expected_close_date: string;
  sourcing: DealRegistration['sourcing'];
  notes: string | null;
  custom_fields: Record<string, string | number | boolean | null>;
  flags: string[];
  protected_until: Date | null;
  extension_requested_at: Date | null;
  extension_reason: string | null;
  extension_previous_end: Date | null;
  rejection_reason: string | null;
  closed_amount: number | null;
  closed_currency: string | null;
  submitted_by_id: string;
  submitted_by_name: string;
  created_at: Date;
  updated_at: Date;
}

export const DEAL_COLUMNS = `d.id, d.reference, d.partner_id, p.name AS partner_name, d.status, d.customer,
  d.product_ids, d.estimated_amount, d.currency, d.expected_close_date, d.sourcing, d.notes,
  d.custom_fields, d.flags, d.protected_until, d.extension_requested_at, d.extension_reason,
  d.extension_previous_end, d.rejection_reason, d.closed_amount, d.closed_currency,
  d.submitted_by_id, d.submitted_by_name, d.created_at, d.updated_at`;
export const DEAL_FROM = 'deal_registrations d JOIN partners p ON p.id = d.partner_id';

interface HistoryRow {
  registration_id: string;
  at: Date;
  actor_type: 'partner' | 'vendor' | 'system';
  actor_id: string | null;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}

export async function loadProducts(q: Queryable): Promise<Map<string, Product>> {
  const { rows } = await q.query<Product>('SELECT id, name, family FROM products ORDER BY position, id');
  return new Map(rows.map((p) => [p.id, { id: p.id, name: p.name, family: p.family }]));
}

/** The contract's DealRegistration for each row, with products and history, in the rows' order. */
export async function toRegistrations(
  q: Queryable,
  rows: readonly DealRow[],
  options: { now: Date; includePartnerName: boolean },
): Promise<DealRegistration[]> {
  if (rows.length === 0) return [];
  const products = await loadProducts(q);
  const history = await q.query<HistoryRow>(
    `SELECT registration_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason
       FROM deal_history WHERE registration_id = ANY($1::text[]) ORDER BY at, id`,
    [rows.map((r) => r.id)],
  );
  const byId = new Map<string, StatusChange[]>();
  for (const h of history.rows) {
    const list = byId.get(h.registration_id) ?? [];
    list.push({
      from: h.from_status,
      to: h.to_status,
      at: h.at.toISOString(),
      actor: { type: h.actor_type, id: h.actor_id, name: h.actor_name },
      reason: h.reason,
    });
    byId.set(h.registration_id, list);
  }
  return rows.map((r) => toRegistration(r, products, byId.get(r.id) ?? [], options));
}

function toRegistration(
  r: DealRow,
  products: Map<string, Product>,
  history: StatusChange[],
  options: { now: Date; includePartnerName: boolean },
): DealRegistration {
  const extended = r.extension_requested_at !== null;
  const state = { status: r.status, protectedUntil: r.protected_until, extended };
  const reg: DealRegistration = {
    id: r.id,
    reference: r.reference,
    partnerId: r.partner_id,
    status: r.status,
    customer: r.customer,
    products: r.product_ids.map((id) => products.get(id) ?? { id, name: id, family: '' }),
    estimatedValue: { amount: r.estimated_amount, currency: r.currency },
    expectedCloseDate: r.expected_close_date,
    sourcing: r.sourcing,
    notes: r.notes,
    customFields: r.custom_fields,
    flags: r.flags.filter((f): f is 'similar_customer' => f === 'similar_customer'),
    protectedUntil: r.protected_until ? r.protected_until.toISOString() : null,
    extension:
      extended && r.extension_previous_end && r.protected_until
        ? {
            requestedAt: r.extension_requested_at!.toISOString(),
            reason: r.extension_reason ?? '',
            previousEnd: r.extension_previous_end.toISOString(),
            newEnd: r.protected_until.toISOString(),
          }
        : null,
    canRequestExtension: canRequestExtension(state, options.now),
    rejectionReason: r.rejection_reason,
    closedValue:
      r.closed_amount !== null && r.closed_currency !== null
        ? { amount: r.closed_amount, currency: r.closed_currency }
        : null,
    submittedBy: { id: r.submitted_by_id, name: r.submitted_by_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    history,
  };
  if (options.includePartnerName && r.partner_name !== undefined) reg.partnerName = r.partner_name;
  return reg;
}

/** Who made a change, as history records it. */
export function actorOf(caller: Caller): { type: 'partner' | 'vendor'; id: string; name: string } {
  return { type: caller.partnerId ? 'partner' : 'vendor', id: caller.userId, name: caller.userName };
}

export const SYSTEM_ACTOR = { type: 'system' as const, id: null, name: 'system' };

export async function appendHistory(
  q: Queryable,
  entry: {
    registrationId: string;
    at: Date;
    actor: { type: 'partner' | 'vendor' | 'system'; id: string | null; name: string };
    from: DealStatus | null;
    to: DealStatus;
    reason?: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO deal_history (registration_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.registrationId,
      entry.at,
      entry.actor.type,
      entry.actor.id,
      entry.actor.name,
      entry.from,
      entry.to,
      entry.reason ?? null,
    ],
  );
}

/**
 * Expires approved registrations whose protection has ended, with a `system` history entry each,
 * in one statement. `scope` narrows it to one registration or one partner. Returns how many.
 */
export async function expireLapsed(
  q: Queryable,
  now: Date,
  scope: { registrationId?: string; partnerId?: string } = {},
): Promise<number> {
  const { rows } = await q.query(
    `WITH lapsed AS (
       UPDATE deal_registrations SET status = 'expired', updated_at = $1
        WHERE status = 'approved' AND protected_until <= $1
          AND ($2::text IS NULL OR id = $2)
          AND ($3::text IS NULL OR partner_id = $3)
        RETURNING id, protected_until
     )
     INSERT INTO deal_history (registration_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason)
     SELECT id, protected_until, 'system', NULL, 'system', 'approved', 'expired', 'The protection period ended.'
       FROM lapsed
     RETURNING registration_id`,
    [now, scope.registrationId ?? null, scope.partnerId ?? null],
  );
  return rows.length;
}
