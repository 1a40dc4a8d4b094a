// Deal registrations in the database: the conflict lookup, loading registrations as the contract
// shapes them, history, and expiry. Every query is parameterised.
import type {
  ConflictCheckResult,
  DealRegistration,
  DealStatus,
  Product,
  StatusChange,
} from '@partnerkit/api';
import { preparedStatement } from './db.js';
import {
  ACTIVE_STATUSES,
  decideConflict,
  type ExactMatch,
  isOneEdit,
  oneDeletionForms,
  SIMILARITY_THRESHOLD,
  type SimilarMatch,
  typoEligible,
} from './rules/conflict.js';
import type { CustomerKeys } from './rules/normalize.js';
import { canRequestExtension } from './rules/protection.js';
import type { Caller, Queryable } from './types.js';

const ACTIVE_SQL = `status IN ('submitted', 'under_review', 'approved')`;
// The SQL above must list exactly the active statuses (the partial indexes use the same text).
if (ACTIVE_STATUSES.join() !== 'submitted,under_review,approved') throw new Error('active statuses drifted');

/** At most this many words sharing a one-deletion form are checked (real words share few). */
export const NEIGHBOUR_CANDIDATES = 500;

// The words one typo away from a customer's first and last word are among the customer words
// (kept by triggers, migration 0006) that share one of their one-deletion forms: exact
// lookups in the forms' primary key, however many words there are. The typo rule itself is
// checked here (src/rules/conflict.ts): sharing a form also happens two edits apart.
// $1 the one-deletion forms of the words searched.
export const NEIGHBOURS_SQL = preparedStatement(
  'pk_customer_word_neighbours',
  `SELECT DISTINCT word FROM customer_word_forms WHERE form = ANY($1::text[]) LIMIT ${NEIGHBOUR_CANDIDATES}`,
);

// Then one statement, every candidate tagged with its kind:
// - exact: active registrations with the same name key or domain key (partial btree indexes);
// - direct: the vendor's direct-sales accounts, equal, in the same name block or in the block of
//   a word one typo away, or one typo away;
// - near: active registrations of other partners (for an overlapping product) with a close name,
//   searched within each name block in its own GiST index on (block, similarity_key): the
//   customer's first and last words and, when there are any, the words one typo away from them
//   (one index scan per block, never a bare `%` over a whole index). The explicit similarity
//   bound keeps the answer right on a connection whose pg_trgm threshold was not set;
// - typo: active registrations of other partners whose whole name is one of the names a typo in
//   the first or last word would give (exact lookups in the name index), for short names whose
//   trigram similarity is low however close they are (`globex` and `glebex`: 0.4).
// Two variants: most customers have no word one typo away, and the statement without the
// neighbours' branches keeps a cheap generic plan (planned once per connection, not per call).
// $1 name key, $2 domain key, $3 now, $4 first block, $5 last block, $6 threshold, $7 the asking
// partner, $8 the products (NULL: any); with neighbours also $9 first-word neighbours, $10
// last-word neighbours, $11 names one typo away.
const OTHER_ACTIVE_SQL = `${ACTIVE_SQL} AND (status <> 'approved' OR protected_until > $3)
         AND company_key <> $1
         AND ($7::text IS NULL OR partner_id <> $7)
         AND ($8::text[] IS NULL OR product_ids && $8::text[])`;
const NEAR_COLUMNS = `'near' AS kind, id, partner_id, product_ids, similarity(similarity_key, $1) AS score,
           company_key AS name`;
const blockBranch = (block: 'block_first' | 'block_last', word: string) => `
    SELECT ${NEAR_COLUMNS} FROM deal_registrations
     WHERE ${block} = ${word} AND similarity_key % $1 AND ${OTHER_ACTIVE_SQL}`;
const neighbourBlocksBranch = (block: 'block_first' | 'block_last', words: string) => `
    SELECT d.* FROM unnest(${words}) AS b(word)
     CROSS JOIN LATERAL (${blockBranch(block, 'b.word')} LIMIT 10) d`;
const conflictSql = (withNeighbours: boolean) => `
  (SELECT 'exact' AS kind, id, partner_id, product_ids, 1::real AS score, company_key AS name
     FROM deal_registrations
    WHERE ${ACTIVE_SQL} AND (status <> 'approved' OR protected_until > $3)
      AND (company_key = $1 OR domain_key = $2)
    LIMIT 100)
  UNION ALL
  (SELECT 'direct', NULL, NULL, NULL,
          CASE WHEN company_key = $1 OR domain_key = $2 THEN 1::real ELSE similarity(company_key, $1) END,
          company_key
     FROM direct_accounts
    WHERE company_key = $1 OR domain_key = $2 OR block_first = $4 OR block_last = $5${
      withNeighbours
        ? `
       OR block_first = ANY($9::text[]) OR block_last = ANY($10::text[]) OR company_key = ANY($11::text[])`
        : ''
    })
  UNION ALL
  (SELECT * FROM (${blockBranch('block_first', '$4')}
     UNION ALL ${blockBranch('block_last', '$5')}${
       withNeighbours
         ? `
     UNION ALL ${neighbourBlocksBranch('block_first', '$9::text[]')}
     UNION ALL ${neighbourBlocksBranch('block_last', '$10::text[]')}`
         : ''
     }) near
    WHERE score >= $6
    ORDER BY score DESC
    LIMIT 10)${
      withNeighbours
        ? `
  UNION ALL
  (SELECT 'typo', id, partner_id, product_ids, similarity(similarity_key, $1), company_key
     FROM deal_registrations
    WHERE company_key = ANY($11::text[]) AND ${OTHER_ACTIVE_SQL}
    LIMIT 10)`
        : ''
    }`;
export const CONFLICT_SQL = preparedStatement('pk_conflict_check', conflictSql(false));
export const CONFLICT_NEIGHBOURS_SQL = preparedStatement('pk_conflict_check_neighbours', conflictSql(true));

interface CandidateRow {
  kind: 'exact' | 'direct' | 'near' | 'typo';
  id: string | null;
  partner_id: string | null;
  product_ids: string[] | null;
  score: number;
  name: string;
}

/** The one-deletion forms of the customer's first and last word, if searched for typos. */
export function neighbourForms(keys: CustomerKeys): string[] {
  const searched = [...new Set([keys.blockFirst, keys.blockLast])].filter(typoEligible);
  return [...new Set(searched.flatMap(oneDeletionForms))];
}

/** The words one typo away from the customer's first and last word that some customer name uses. */
export async function typoNeighbours(
  q: Queryable,
  keys: CustomerKeys,
): Promise<{ first: string[]; last: string[] }> {
  const forms = neighbourForms(keys);
  if (forms.length === 0) return { first: [], last: [] };
  const { rows } = await q.query<{ word: string }>(NEIGHBOURS_SQL, [forms]);
  const near = (of: string) =>
    typoEligible(of) ? rows.map((r) => r.word).filter((w) => typoEligible(w) && isOneEdit(of, w)) : [];
  return {
    first: near(keys.blockFirst),
    last: keys.blockLast === keys.blockFirst ? [] : near(keys.blockLast),
  };
}

/** The names a typo in the first or the last word of `company` would give, from the neighbours. */
export function typoNames(company: string, neighbours: { first: string[]; last: string[] }): string[] {
  const tokens = company.split(' ');
  const names = new Set<string>();
  for (const word of neighbours.first) names.add([word, ...tokens.slice(1)].join(' '));
  for (const word of neighbours.last) names.add([...tokens.slice(0, -1), word].join(' '));
  names.delete(company);
  return [...names];
}

/** Looks up everything the conflict decision needs for one customer, and decides. */
export async function checkConflict(
  q: Queryable,
  input: { partnerId: string | null; keys: CustomerKeys; productIds?: readonly string[] | null; now: Date },
): Promise<ConflictCheckResult> {
  const { keys, now } = input;
  const neighbours = await typoNeighbours(q, keys);
  const products = input.productIds && input.productIds.length > 0 ? [...input.productIds] : null;
  const params = [
    keys.company,
    keys.domain,
    now,
    keys.blockFirst,
    keys.blockLast,
    SIMILARITY_THRESHOLD,
    input.partnerId,
    products,
  ];
  const { rows } =
    neighbours.first.length + neighbours.last.length === 0
      ? await q.query<CandidateRow>(CONFLICT_SQL, params)
      : await q.query<CandidateRow>(CONFLICT_NEIGHBOURS_SQL, [
          ...params,
          neighbours.first,
          neighbours.last,
          typoNames(keys.company, neighbours),
        ]);
  const similar: SimilarMatch[] = [];
  let directAccount = false;
  const exact: ExactMatch[] = [];
  for (const r of rows) {
    const score = Number(r.score);
    if (r.kind === 'exact') {
      exact.push({ registrationId: r.id!, partnerId: r.partner_id!, productIds: r.product_ids! });
    } else if (r.kind === 'direct') {
      if (score >= 1) directAccount = true;
      else
        similar.push({
          kind: 'direct_account',
          partnerId: null,
          productIds: null,
          similarity: score,
          name: r.name,
        });
    } else {
      similar.push({
        kind: 'registration',
        partnerId: r.partner_id,
        productIds: r.product_ids,
        similarity: score,
        name: r.name,
      });
    }
  }
  return decideConflict({
    partnerId: input.partnerId,
    company: keys.company,
    productIds: input.productIds ?? null,
    exact,
    directAccount,
    similar,
  });
}

const LOCK_SQL = preparedStatement(
  'pk_lock_customer',
  `SELECT pg_advisory_xact_lock(hashtext('partnerkit:deal'), hashtext(k))
     FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`,
);

/**
 * The advisory lock keys of one customer. Exact matches share `name:` or `domain:`. Near misses
 * share a `word:` key: names compared within a block share its first or last word, and words one
 * typo apart share one of their one-deletion forms (see oneDeletionForms).
 */
export function customerLockKeys(keys: CustomerKeys): string[] {
  const names = new Set([`name:${keys.company}`]);
  if (keys.domain) names.add(`domain:${keys.domain}`);
  for (const word of [keys.blockFirst, keys.blockLast]) {
    for (const form of oneDeletionForms(word)) names.add(`word:${form}`);
  }
  // Always in the same order, so two registrations never wait on each other crosswise.
  return [...names].sort();
}

/**
 * Takes the transaction-scoped locks that make check-then-insert atomic for one customer: a
 * registration of the same customer, or of a near miss of it, waits for this one to commit and
 * then sees it.
 */
export async function lockCustomer(q: Queryable, keys: CustomerKeys): Promise<void> {
  // Volatile functions run after ORDER BY, row by row: the locks are taken in the sorted order.
  await q.query(LOCK_SQL, [customerLockKeys(keys)]);
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

/** The columns of a DealRow (RETURNING lists use them as they are). */
export const DEAL_ROW_COLUMNS = `id, reference, partner_id, status, customer, product_ids, estimated_amount, currency,
  expected_close_date, sourcing, notes, custom_fields, flags, protected_until, extension_requested_at,
  extension_reason, extension_previous_end, rejection_reason, closed_amount, closed_currency,
  submitted_by_id, submitted_by_name, created_at, updated_at`;
/** The same, from `DEAL_FROM`, with the partner's name. */
export const DEAL_COLUMNS = `${DEAL_ROW_COLUMNS.split(',')
  .map((c) => `d.${c.trim()}`)
  .join(', ')}, p.name AS partner_name`;
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
  return (await loadCatalog(q)).products;
}

const CATALOG_SQL = preparedStatement(
  'pk_catalog',
  'SELECT id, name, family, active FROM products ORDER BY position, id',
);

/** Every product (for showing old registrations) and the ids of the active ones (for new ones). */
export async function loadCatalog(
  q: Queryable,
): Promise<{ products: Map<string, Product>; active: Set<string> }> {
  const { rows } = await q.query<Product & { active: boolean }>(CATALOG_SQL);
  return {
    products: new Map(rows.map((p) => [p.id, { id: p.id, name: p.name, family: p.family }])),
    active: new Set(rows.filter((p) => p.active).map((p) => p.id)),
  };
}

/** The contract's DealRegistration for each row, with products and history, in the rows' order. */
export async function toRegistrations(
  q: Queryable,
  rows: readonly DealRow[],
  options: {
    now: Date;
    includePartnerName: boolean;
    /** Already loaded: skips the query. */
    products?: Map<string, Product>;
    /** The whole history of every row, already known (a registration just created): skips the query. */
    history?: Map<string, StatusChange[]>;
  },
): Promise<DealRegistration[]> {
  if (rows.length === 0) return [];
  const products = options.products ?? (await loadProducts(q));
  if (options.history) {
    const known = options.history;
    return rows.map((r) => toRegistration(r, products, known.get(r.id) ?? [], options));
  }
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
