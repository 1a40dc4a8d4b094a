// Core operations: health, the caller, partner sessions, products, custom fields and deal
// registration. Handlers stay thin: the rules live in src/rules, the SQL in src/deals.ts.
import type {
  ApproveDealInput,
  ConflictCheckInput,
  CustomField,
  DealOutcomeInput,
  DealRegistrationInput,
  DealStatus,
  DecisionNote,
  ExtensionInput,
  Me,
  RejectInput,
  SessionInput,
  User,
} from '@partnerkit/api';
import { partnerScope, requirePartner, requireVendorAdmin } from '../access.js';
import { loadSessionSecret, signSessionToken } from '../auth.js';
import { preparedStatement } from '../db.js';
import {
  actorOf,
  appendHistory,
  checkConflict,
  DEAL_COLUMNS,
  DEAL_FROM,
  DEAL_ROW_COLUMNS,
  type DealRow,
  expireLapsed,
  loadCatalog,
  lockCustomer,
  toRegistrations,
} from '../deals.js';
import { decodeCursor, newId, pageOf } from '../ids.js';
import { getPartner, getProgram, publicProgram } from '../program.js';
import { validateCustomFields } from '../rules/custom-fields.js';
import { customerKeys } from '../rules/normalize.js';
import * as protection from '../rules/protection.js';
import { refreshTierStanding } from '../rules/tiers-store.js';
import {
  ApiError,
  type FieldError,
  type HandlerContext,
  type HandlerRequest,
  type HandlerResult,
  type Handlers,
  notFound,
  type Queryable,
} from '../types.js';

const VERSION = '0.1.0';

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

async function getHealth(_req: HandlerRequest, ctx: HandlerContext): Promise<HandlerResult> {
  try {
    await ctx.db.query('SELECT 1');
  } catch (error) {
    ctx.log.warn({ err: error }, 'database did not answer the health check');
    throw new ApiError(503, 'unavailable', 'The database does not answer.');
  }
  return ok({ status: 'ok', database: ctx.db.kind, version: VERSION });
}

async function getMe(_req: HandlerRequest, ctx: HandlerContext): Promise<HandlerResult> {
  const { caller } = ctx;
  const program = await getProgram(ctx.db);
  const partner = caller.partnerId ? await getPartner(ctx.db, caller.partnerId) : null;
  if (caller.partnerId && !partner) throw notFound('partner');
  const me: Me = {
    user: { id: caller.userId, name: caller.userName, email: caller.email, role: caller.role },
    partner,
    program: publicProgram(program),
    sessionExpiresAt: caller.sessionExpiresAt,
  };
  return ok(me);
}

let secretCache: { db: unknown; secret: Uint8Array } | null = null;
async function sessionSecret(ctx: HandlerContext): Promise<Uint8Array> {
  if (secretCache?.db !== ctx.db) secretCache = { db: ctx.db, secret: await loadSessionSecret(ctx.db) };
  return secretCache.secret;
}

async function createSession(req: HandlerRequest<SessionInput>, ctx: HandlerContext): Promise<HandlerResult> {
  requireVendorAdmin(ctx.caller);
  const input = req.body;
  const role = input.user.role ?? 'partner_user';
  const ttl = input.ttlSeconds ?? 900;
  const now = ctx.now();
  const user = await ctx.db.transaction(async (tx) => {
    const partner = await tx.query('SELECT id FROM partners WHERE id = $1', [input.partnerId]);
    if (partner.rows.length === 0) throw notFound('partner');
    // The partner user is matched by email (case-insensitively) and created on first use; the
    // vendor's server is the authority on its name and role.
    const { rows } = await tx.query<User>(
      `INSERT INTO users (id, partner_id, name, email, role, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((coalesce(partner_id, '')), (lower(email)))
       DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role
       RETURNING id, name, email, role`,
      [newId('usr'), input.partnerId, input.user.name, input.user.email, role, now],
    );
    return rows[0]!;
  });
  const { token, expiresAt } = await signSessionToken(
    await sessionSecret(ctx),
    { userId: user.id, partnerId: input.partnerId, role },
    now,
    ttl,
  );
  return ok({ token, expiresAt: expiresAt.toISOString(), partnerId: input.partnerId, user }, 201);
}

async function listProducts(_req: HandlerRequest, ctx: HandlerContext): Promise<HandlerResult> {
  const { rows } = await ctx.db.query<{ id: string; name: string; family: string }>(
    'SELECT id, name, family FROM products WHERE active ORDER BY position, id',
  );
  return ok({ items: rows.map((p) => ({ id: p.id, name: p.name, family: p.family })) });
}

interface CustomFieldRow {
  key: string;
  label: string;
  hint: string | null;
  type: CustomField['type'];
  required: boolean;
  options: CustomField['options'] | null;
  min: number | null;
  max: number | null;
  max_length: number | null;
  translations: CustomField['translations'] | null;
}

const CUSTOM_FIELDS_SQL = preparedStatement(
  'pk_custom_fields',
  `SELECT key, label, hint, type, required, options, min, max, max_length, translations
     FROM custom_fields ORDER BY position, key`,
);

export async function loadCustomFields(q: Queryable): Promise<CustomField[]> {
  const { rows } = await q.query<CustomFieldRow>(CUSTOM_FIELDS_SQL);
  return rows.map((r) => {
    const field: CustomField = {
      key: r.key,
      label: r.label,
      hint: r.hint,
      type: r.type,
      required: r.required,
    };
    if (r.options) field.options = r.options;
    if (r.min !== null) field.min = r.min;
    if (r.max !== null) field.max = r.max;
    if (r.max_length !== null) field.maxLength = r.max_length;
    if (r.translations) field.translations = r.translations;
    return field;
  });
}

async function listDealFields(_req: HandlerRequest, ctx: HandlerContext): Promise<HandlerResult> {
  return ok({ items: await loadCustomFields(ctx.db) });
}

async function checkDealConflict(
  req: HandlerRequest<ConflictCheckInput>,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const input = req.body;
  const result = await checkConflict(ctx.db, {
    partnerId: ctx.caller.partnerId,
    keys: customerKeys(input.company, input.domain),
    productIds: input.products ?? null,
    now: ctx.now(),
  });
  return ok(result);
}

async function registerDeal(
  req: HandlerRequest<DealRegistrationInput>,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const partnerId = requirePartner(ctx.caller);
  const input = req.body;
  const now = ctx.now();
  // Business validation: known products, the vendor's custom fields.
  const catalog = await loadCatalog(ctx.db);
  const errors: FieldError[] = [];
  input.products.forEach((id, i) => {
    if (!catalog.active.has(id)) {
      errors.push({
        pointer: `/products/${i}`,
        code: 'unknown_product',
        message: `No product with id "${id}".`,
      });
    }
  });
  const custom = validateCustomFields(await loadCustomFields(ctx.db), input.customFields);
  if (errors.length > 0 || custom.errors.length > 0) {
    const code =
      errors.length > 0 ? 'unknown_product' : custom.unknownKeys ? 'unknown_field' : 'validation_failed';
    throw new ApiError(
      422,
      code,
      'The registration refers to unknown products or has invalid custom fields.',
      {
        errors: [...errors, ...custom.errors],
      },
    );
  }

  const keys = customerKeys(input.customer.company, input.customer.domain);
  const actor = actorOf(ctx.caller);
  const row = await ctx.db.transaction(async (tx) => {
    await lockCustomer(tx, keys);
    const conflict = await checkConflict(tx, { partnerId, keys, productIds: input.products, now });
    if (conflict.result === 'conflict') {
      throw new ApiError(409, 'deal_conflict', conflictDetail(conflict.reasons.map((r) => r.code)), {
        conflict,
      });
    }
    const flags = conflict.result === 'review' ? ['similar_customer'] : [];
    const { rows } = await tx.query<DealRow>(REGISTER_SQL, [
      newId('dr'),
      partnerId,
      JSON.stringify(input.customer),
      keys.company,
      keys.domain,
      keys.blockFirst,
      keys.blockLast,
      input.products,
      input.estimatedValue.amount,
      input.estimatedValue.currency,
      input.expectedCloseDate,
      input.sourcing,
      input.notes ?? null,
      JSON.stringify(custom.values),
      flags,
      ctx.caller.userId,
      ctx.caller.userName,
      now,
      actor.type,
      String(now.getUTCFullYear()),
      flags.length > 0 ? SIMILAR_REASON : null,
    ]);
    return rows[0]!;
  });
  const history = new Map([
    [
      row.id,
      [
        {
          from: null,
          to: 'submitted' as const,
          at: now.toISOString(),
          actor,
          reason: row.flags.length > 0 ? SIMILAR_REASON : null,
        },
      ],
    ],
  ]);
  const [registration] = await toRegistrations(ctx.db, [row], {
    now,
    includePartnerName: false,
    products: catalog.products,
    history,
  });
  return ok(registration, 201);
}

const SIMILAR_REASON = 'A similar customer exists: flagged for review.';

/** The registration and its first history entry, in one statement. */
const REGISTER_SQL = preparedStatement(
  'pk_register_deal',
  `WITH reg AS (
     INSERT INTO deal_registrations (
       id, reference, partner_id, status, customer, company_key, domain_key, block_first, block_last,
       product_ids, estimated_amount, currency, expected_close_date, sourcing, notes, custom_fields,
       flags, submitted_by_id, submitted_by_name, created_at, updated_at)
     VALUES ($1, 'DR-' || $20::text || '-' || lpad(nextval('deal_reference_seq')::text, 6, '0'), $2,
             'submitted', $3, $4, $5, $6, $7, $8::text[], $9, $10, $11, $12, $13, $14, $15::text[],
             $16, $17, $18, $18)
     RETURNING ${DEAL_ROW_COLUMNS}
   ), history AS (
     INSERT INTO deal_history (registration_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason)
     SELECT id, $18, $19, $16, $17, NULL, 'submitted', $21 FROM reg
   )
   SELECT * FROM reg`,
);

function conflictDetail(codes: string[]): string {
  if (codes.includes('direct_account')) return "This customer is one of the vendor's direct-sales accounts.";
  if (codes.includes('active_registration'))
    return 'Another partner already has an active registration for this customer.';
  return 'Your organisation already has an active registration for this customer and product.';
}

async function selectDeal(q: Queryable, id: string, forUpdate = false): Promise<DealRow | undefined> {
  const { rows } = await q.query<DealRow>(
    `SELECT ${DEAL_COLUMNS} FROM ${DEAL_FROM} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`,
    [id],
  );
  return rows[0];
}

/** The registration `id` as the caller may see it; another organisation's is a 404. */
async function visibleDeal(
  q: Queryable,
  ctx: HandlerContext,
  id: string,
  forUpdate = false,
): Promise<DealRow> {
  const row = await selectDeal(q, id, forUpdate);
  if (!row || (ctx.caller.partnerId !== null && row.partner_id !== ctx.caller.partnerId)) {
    throw notFound('deal registration');
  }
  return row;
}

async function respondWith(ctx: HandlerContext, id: string): Promise<HandlerResult> {
  const row = await selectDeal(ctx.db, id);
  const [registration] = await toRegistrations(ctx.db, [row!], {
    now: ctx.now(),
    includePartnerName: ctx.caller.partnerId === null,
  });
  return ok(registration);
}

async function getDealRegistration(
  req: HandlerRequest<unknown, unknown, { id: string }>,
  ctx: HandlerContext,
) {
  const now = ctx.now();
  const row = await visibleDeal(ctx.db, ctx, req.params.id);
  if (protection.isLapsed(stateOf(row), now)) await expireLapsed(ctx.db, now, { registrationId: row.id });
  return respondWith(ctx, row.id);
}

async function listDealRegistrations(
  req: HandlerRequest<
    unknown,
    { status?: DealStatus[]; partnerId?: string; cursor?: string; limit?: number }
  >,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const now = ctx.now();
  const partnerId = partnerScope(ctx.caller, req.query.partnerId);
  const limit = req.query.limit ?? 25;
  const after = req.query.cursor ? decodeCursor(req.query.cursor) : null;
  await expireLapsed(ctx.db, now, partnerId ? { partnerId } : {});
  const statuses = req.query.status && req.query.status.length > 0 ? req.query.status : null;
  const { rows } = await ctx.db.query<DealRow>(
    `SELECT ${DEAL_COLUMNS} FROM ${DEAL_FROM}
      WHERE ($1::text IS NULL OR d.partner_id = $1)
        AND ($2::text[] IS NULL OR d.status = ANY($2::text[]))
        AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::text))
      ORDER BY d.created_at DESC, d.id DESC
      LIMIT $5`,
    [partnerId, statuses, after?.at ?? null, after?.id ?? null, limit + 1],
  );
  const page = pageOf(rows, limit, (r) => ({ at: r.created_at, id: r.id }));
  const items = await toRegistrations(ctx.db, page.items, {
    now,
    includePartnerName: ctx.caller.partnerId === null,
  });
  return ok({ items, nextCursor: page.nextCursor });
}

const stateOf = (row: DealRow): protection.RegistrationState => ({
  status: row.status,
  protectedUntil: row.protected_until,
  extended: row.extension_requested_at !== null,
});

/**
 * One status change in one transaction: lock the row, expire it first if its protection has
 * lapsed, apply `change`, append the history entry.
 */
async function transition(
  ctx: HandlerContext,
  id: string,
  change: (
    row: DealRow,
    now: Date,
    tx: Queryable,
  ) => Promise<{ to: DealStatus; reason: string | null } | null>,
): Promise<HandlerResult> {
  const now = ctx.now();
  // An expiry that is due is recorded first, on its own, so it is not lost if `change` refuses.
  await expireLapsed(ctx.db, now, { registrationId: id });
  await ctx.db.transaction(async (tx) => {
    const row = await visibleDeal(tx, ctx, id, true);
    const result = await change(row, now, tx);
    if (result && result.to !== row.status) {
      await appendHistory(tx, {
        registrationId: id,
        at: now,
        actor: actorOf(ctx.caller),
        from: row.status,
        to: result.to,
        reason: result.reason,
      });
    }
  });
  return respondWith(ctx, id);
}

const noteOf = (body: { note?: string } | undefined) => (body?.note?.trim() ? body.note : null);

async function startDealReview(
  req: HandlerRequest<DecisionNote | undefined, unknown, { id: string }>,
  ctx: HandlerContext,
) {
  requireVendorAdmin(ctx.caller);
  return transition(ctx, req.params.id, async (row, now, tx) => {
    const { to } = protection.startReview(stateOf(row), now);
    await tx.query(`UPDATE deal_registrations SET status = $2, updated_at = $3 WHERE id = $1`, [
      row.id,
      to,
      now,
    ]);
    return { to, reason: noteOf(req.body) };
  });
}

async function approveDealRegistration(
  req: HandlerRequest<ApproveDealInput | undefined, unknown, { id: string }>,
  ctx: HandlerContext,
) {
  requireVendorAdmin(ctx.caller);
  const program = await getProgram(ctx.db);
  return transition(ctx, req.params.id, async (row, now, tx) => {
    const days = req.body?.protectionDays ?? program.protectionDays;
    const { to, protectedUntil } = protection.approve(stateOf(row), now, days);
    await tx.query(
      `UPDATE deal_registrations SET status = $2, protected_until = $3, updated_at = $4 WHERE id = $1`,
      [row.id, to, protectedUntil, now],
    );
    return { to, reason: noteOf(req.body) };
  });
}

async function rejectDealRegistration(
  req: HandlerRequest<RejectInput, unknown, { id: string }>,
  ctx: HandlerContext,
) {
  requireVendorAdmin(ctx.caller);
  return transition(ctx, req.params.id, async (row, now, tx) => {
    const { to } = protection.reject(stateOf(row), now);
    await tx.query(
      `UPDATE deal_registrations SET status = $2, rejection_reason = $3, updated_at = $4 WHERE id = $1`,
      [row.id, to, req.body.reason, now],
    );
    return { to, reason: req.body.reason };
  });
}

async function requestDealExtension(
  req: HandlerRequest<ExtensionInput, unknown, { id: string }>,
  ctx: HandlerContext,
) {
  const program = await getProgram(ctx.db);
  return transition(ctx, req.params.id, async (row, now, tx) => {
    const { previousEnd, newEnd } = protection.extend(stateOf(row), now, program.extensionDays);
    await tx.query(
      `UPDATE deal_registrations
          SET protected_until = $2, extension_requested_at = $3, extension_reason = $4,
              extension_previous_end = $5, updated_at = $3
        WHERE id = $1`,
      [row.id, newEnd, now, req.body.reason, previousEnd],
    );
    return null; // the status stays approved: an extension is not a status change
  });
}

async function reportDealOutcome(
  req: HandlerRequest<DealOutcomeInput, unknown, { id: string }>,
  ctx: HandlerContext,
) {
  return transition(ctx, req.params.id, async (row, now, tx) => {
    const { to } = protection.close(stateOf(row), now, req.body.outcome);
    const value =
      to === 'won'
        ? (req.body.closedValue ?? { amount: row.estimated_amount, currency: row.currency })
        : null;
    await tx.query(
      `UPDATE deal_registrations
          SET status = $2, closed_amount = $3, closed_currency = $4, closed_at = $5, updated_at = $5
        WHERE id = $1`,
      [row.id, to, value?.amount ?? null, value?.currency ?? null, now],
    );
    // Won revenue counts toward tiers: promotion (or recovery from grace) takes effect at once.
    if (to === 'won') await refreshTierStanding(tx, row.partner_id, now);
    return { to, reason: req.body.reason?.trim() ? req.body.reason : null };
  });
}

export const coreHandlers: Handlers = {
  getHealth,
  getMe,
  createSession,
  listProducts,
  listDealFields,
  checkDealConflict,
  registerDeal,
  listDealRegistrations,
  getDealRegistration,
  requestDealExtension,
  startDealReview,
  approveDealRegistration,
  rejectDealRegistration,
  reportDealOutcome,
};
