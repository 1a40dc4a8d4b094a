// The contract's scenarios. Each creates its own data under unique names, so the suite runs
// against a backend that already holds data; what it needs (partners, products, custom fields,
// funds) it discovers through the API. Besides what each checks, every answer it gets is checked
// against the contract by the recorder (status, media type, body shape, X-Request-Id).
import type { DealRegistration, DealRegistrationInput } from '@partnerkit/api';
import { assetScenarios } from './asset-scenarios.js';
import { type Context, check, checkEqual, expectError, fieldPointers, show } from './context.js';
import { trainingScenarios } from './training-scenarios.js';

export interface Scenario {
  name: string;
  run(ctx: Context): Promise<void>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Fails when `text` contains any of `secrets` (another partner's name, ids, references). */
function checkNoLeak(value: unknown, secrets: Array<string | null | undefined>, what: string): void {
  const text = JSON.stringify(value ?? '');
  for (const secret of secrets) {
    if (secret && secret.length >= 3)
      check(!text.includes(secret), `${what} reveals ${show(secret)}: ${show(value)}`);
  }
}

function checkHistoryEnd(deal: DealRegistration, to: string, actorType: string, what: string): void {
  const last = deal.history.at(-1);
  check(last, `${what}: the history is empty`);
  checkEqual(last.to, to, `${what}: last history entry's status`);
  checkEqual(last.actor.type, actorType, `${what}: last history entry's actor type`);
}

export const scenarios: Scenario[] = [
  {
    name: 'auth: a request without a token is refused with a 401 problem document',
    async run(ctx) {
      const anonymous = ctx.client();
      const error = await expectError(anonymous.me.get(), 401, undefined, 'GET /v1/me without a token');
      checkEqual(error.code, 'unauthenticated', 'code');
      const input = await ctx.dealInput(ctx.company(), ['x']);
      await expectError(
        anonymous.deals.register(input),
        401,
        'unauthenticated',
        'POST /v1/deal-registrations without a token',
      );
    },
  },
  {
    name: 'auth: a bad token is refused with a 401 problem document',
    async run(ctx) {
      const stranger = ctx.client(`pk_conformance_${ctx.run}_not_a_key`);
      await expectError(stranger.me.get(), 401, 'unauthenticated', 'GET /v1/me with an unknown key');
      await expectError(
        stranger.deals.list(),
        401,
        'unauthenticated',
        'GET /v1/deal-registrations with an unknown key',
      );
      const emptyBearer = ctx.client();
      await expectError(
        emptyBearer.me.get({ headers: { Authorization: 'Bearer ' } }),
        401,
        'unauthenticated',
        'an empty bearer token',
      );
      await expectError(
        emptyBearer.me.get({ headers: { Authorization: 'Basic dXNlcjpwYXNz' } }),
        401,
        'unauthenticated',
        'a Basic credential',
      );
    },
  },
  {
    name: 'me: each key gets its user, role and organisation',
    async run(ctx) {
      const vendor = await ctx.vendor.me.get();
      checkEqual(vendor.user.role, 'vendor_admin', 'vendor key role');
      checkEqual(vendor.partner, null, 'vendor key partner');
      const partner = await ctx.partnerMe();
      check(partner.partner, 'the partner key has no partner organisation');
      check(partner.user.role !== 'vendor_admin', 'the partner key is a vendor admin');
      const other = await ctx.otherMe();
      check(other.partner, 'the other partner key has no partner organisation');
      check(
        other.partner.id !== partner.partner.id,
        `the two partner keys belong to the same organisation (${partner.partner.id})`,
      );
      check(partner.program.protectionDays >= 1, 'program.protectionDays is below 1');
    },
  },
  {
    name: 'products: the catalogue lists products',
    async run(ctx) {
      const products = await ctx.partner.products.list();
      check(products.length > 0, 'GET /v1/products is empty');
      const ids = products.map((p) => p.id);
      checkEqual(new Set(ids).size, ids.length, 'distinct product ids');
      const vendorProducts = await ctx.vendor.products.list();
      check(vendorProducts.length > 0, 'GET /v1/products is empty for the vendor');
    },
  },
  {
    name: 'deals: the custom registration fields are listed',
    async run(ctx) {
      const fields = await ctx.partner.deals.fields();
      const keys = fields.map((f) => f.key);
      checkEqual(new Set(keys).size, keys.length, 'distinct field keys');
      for (const field of fields) {
        if (field.type === 'select') {
          check((field.options?.length ?? 0) > 0, `select field ${field.key} has no options`);
        }
      }
    },
  },
  {
    name: 'validation: a bad registration is refused with 400, naming each bad field, and nothing is stored',
    async run(ctx) {
      const [product] = await ctx.someProducts(1);
      const company = ctx.company();
      const valid = await ctx.dealInput(company, [product!.id]);
      const cases: Array<[string, unknown, string]> = [
        [
          'missing company',
          { ...valid, customer: { country: valid.customer.country, contact: valid.customer.contact } },
          '/customer/company',
        ],
        [
          'bad currency',
          { ...valid, estimatedValue: { amount: 100, currency: 'euro' } },
          '/estimatedValue/currency',
        ],
        ['unknown property', { ...valid, referral: 'friend' }, '/referral'],
        ['bad date', { ...valid, expectedCloseDate: 'next tuesday' }, '/expectedCloseDate'],
      ];
      for (const [what, body, pointer] of cases) {
        const error = await expectError(
          ctx.partner.deals.register(body as DealRegistrationInput),
          400,
          'validation_failed',
          what,
        );
        check(
          fieldPointers(error).includes(pointer),
          `${what}: errors should name ${pointer}, got ${show(error.errors)}`,
        );
      }
      const all = {
        ...valid,
        customer: { country: valid.customer.country, contact: valid.customer.contact },
        estimatedValue: { amount: 100, currency: 'euro' },
        referral: 'friend',
        expectedCloseDate: 'next tuesday',
      };
      const error = await expectError(
        ctx.partner.deals.register(all as unknown as DealRegistrationInput),
        400,
        'validation_failed',
        'four bad fields at once',
      );
      const pointers = fieldPointers(error);
      for (const [, , pointer] of cases) {
        check(
          pointers.includes(pointer),
          `four bad fields at once: errors should name ${pointer}, got ${show(pointers)}`,
        );
      }
      const bad = await expectError(
        ctx.partner.deals.list({ limit: 0 }),
        400,
        'validation_failed',
        'limit=0',
      );
      check(
        fieldPointers(bad).includes('/query/limit'),
        `limit=0 should name /query/limit, got ${show(bad.errors)}`,
      );
      const page = await ctx.partner.deals.list({ limit: 100 });
      check(
        !page.items.some((d) => d.customer.company === company),
        'a refused registration was stored anyway',
      );
    },
  },
  {
    name: 'deals: a registration is stored as submitted with its first history entry',
    async run(ctx) {
      const [product] = await ctx.someProducts(1);
      const me = await ctx.partnerMe();
      const company = ctx.company();
      const input = await ctx.dealInput(company, [product!.id]);
      const { data, response } = await ctx.partner.raw.POST('/v1/deal-registrations', {
        body: input,
        headers: { 'Idempotency-Key': `conformance-${ctx.run}-register` },
      });
      checkEqual(response.status, 201, 'POST /v1/deal-registrations status');
      check(data, 'no registration in the answer');
      checkEqual(data.status, 'submitted', 'status');
      checkEqual(data.partnerId, me.partner?.id, 'partnerId');
      checkEqual(data.customer.company, company, 'customer.company');
      checkEqual(data.products.map((p) => p.id).join(), product!.id, 'products');
      checkEqual(data.estimatedValue.amount, input.estimatedValue.amount, 'estimatedValue.amount');
      checkEqual(data.expectedCloseDate, input.expectedCloseDate, 'expectedCloseDate');
      checkEqual(data.history.length, 1, 'history entries');
      checkEqual(data.history[0]!.from, null, 'first history entry from');
      checkEqual(data.history[0]!.to, 'submitted', 'first history entry to');
      checkEqual(data.history[0]!.actor.type, 'partner', 'first history entry actor');
      check(
        Math.abs(Date.parse(data.history[0]!.at) - Date.now()) < 10 * MINUTE,
        'the history time is not now',
      );
      const again = await ctx.partner.deals.get(data.id);
      checkEqual(again.id, data.id, 'GET by id');
      checkEqual(again.history.length, 1, 'history entries on GET');
      const page = await ctx.partner.deals.list({ status: ['submitted'], limit: 25 });
      check(
        page.items.some((d) => d.id === data.id),
        'a new registration is not on the first page of the newest submitted registrations',
      );
    },
  },
  {
    name: 'idempotency: the same key and body replay the first answer; the same key with another body is a 422',
    async run(ctx) {
      const [product] = await ctx.someProducts(1);
      const key = `conformance-${ctx.run}-idempotency`;
      const input = await ctx.dealInput(ctx.company(), [product!.id]);
      const first = await ctx.partner.raw.POST('/v1/deal-registrations', {
        body: input,
        headers: { 'Idempotency-Key': key },
      });
      checkEqual(first.response.status, 201, 'first attempt status');
      check(
        first.response.headers.get('Idempotent-Replayed') !== 'true',
        'the first attempt says Idempotent-Replayed: true',
      );
      const second = await ctx.partner.raw.POST('/v1/deal-registrations', {
        body: input,
        headers: { 'Idempotency-Key': key },
      });
      checkEqual(second.response.status, 201, 'replayed attempt status');
      checkEqual(second.data?.id, first.data?.id, 'replayed registration id');
      checkEqual(second.response.headers.get('Idempotent-Replayed'), 'true', 'Idempotent-Replayed header');
      const other = await ctx.dealInput(ctx.company(), [product!.id]);
      await expectError(
        ctx.partner.deals.register(other, { idempotencyKey: key }),
        422,
        'idempotency_key_reused',
        'the same key with another body',
      );
      const page = await ctx.partner.deals.list({ limit: 100 });
      checkEqual(
        page.items.filter((d) => d.customer.company === input.customer.company).length,
        1,
        'registrations stored for one key',
      );
      check(
        !page.items.some((d) => d.customer.company === other.customer.company),
        'the refused body was stored',
      );
    },
  },
  {
    name: "conflict: another partner's registration of the same customer and product is a 409 that reveals nothing",
    async run(ctx) {
      const [product] = await ctx.someProducts(1);
      const me = await ctx.partnerMe();
      const company = ctx.company();
      const deal = await ctx.registerDeal([product!.id], company);
      const secrets = [
        me.partner?.name,
        me.partner?.id,
        deal.id,
        deal.reference,
        me.user.name,
        me.user.email,
      ];

      const answer = await ctx.other.deals.checkConflict({ company, products: [product!.id] });
      checkEqual(answer.result, 'conflict', 'conflict check result');
      check(
        answer.reasons.some((r) => r.code === 'active_registration'),
        `conflict check reasons should include active_registration, got ${show(answer.reasons)}`,
      );
      checkNoLeak(answer, secrets, 'the conflict check');

      const variant = `  ${company.toUpperCase()}, Inc. `;
      const normalised = await ctx.other.deals.checkConflict({ company: variant, products: [product!.id] });
      checkEqual(
        normalised.result,
        'conflict',
        `conflict check for ${show(variant)} (case, punctuation, legal suffix)`,
      );

      const error = await expectError(
        ctx.other.deals.register(await ctx.dealInput(company, [product!.id])),
        409,
        'deal_conflict',
        'the other partner registering the same customer and product',
      );
      checkNoLeak(error.problem, secrets, 'the 409 problem document');
      if (error.conflict) checkEqual(error.conflict.result, 'conflict', 'the problem’s conflict.result');

      const own = await ctx.partner.deals.checkConflict({ company, products: [product!.id] });
      check(
        own.result !== 'clear',
        `the partner's own active registration should not be "clear" for itself, got ${show(own)}`,
      );
    },
  },
  {
    name: 'conflict: a similar but not equal customer name is flagged for review',
    async run(ctx) {
      const [product] = await ctx.someProducts(1);
      const company = ctx.company();
      await ctx.registerDeal([product!.id], company);
      const similar = `${company}s`;
      const answer = await ctx.other.deals.checkConflict({ company: similar, products: [product!.id] });
      checkEqual(answer.result, 'review', `conflict check for ${show(similar)} after ${show(company)}`);
      check(
        answer.reasons.some((r) => r.code === 'similar_customer'),
        `reasons should include similar_customer, got ${show(answer.reasons)}`,
      );
      const deal = await ctx.other.deals.register(await ctx.dealInput(similar, [product!.id]));
      check(
        deal.flags.includes('similar_customer'),
        `flags should include similar_customer, got ${show(deal.flags)}`,
      );
    },
  },
  {
    name: 'conflict: the same customer with a different product does not conflict',
    async run(ctx) {
      const [first, second] = await ctx.someProducts(2);
      const company = ctx.company();
      await ctx.registerDeal([first!.id], company);
      const answer = await ctx.other.deals.checkConflict({ company, products: [second!.id] });
      check(answer.result !== 'conflict', `conflict check with another product: ${show(answer)}`);
      const deal = await ctx.other.deals.register(await ctx.dealInput(company, [second!.id]));
      checkEqual(deal.status, 'submitted', 'status of the other partner’s registration for another product');
      const unrelated = await ctx.other.deals.checkConflict({
        company: ctx.company(),
        products: [first!.id],
      });
      checkEqual(unrelated.result, 'clear', 'conflict check for a customer nobody registered');
    },
  },
  {
    name: 'approval: the vendor approves a registration and its protection starts',
    async run(ctx) {
      const me = await ctx.partnerMe();
      const deal = await ctx.registerDeal();
      const reviewed = await ctx.vendor.deals.startReview(deal.id, { note: 'Checking the account' });
      checkEqual(reviewed.status, 'under_review', 'status after review');
      const before = Date.now();
      const approved = await ctx.vendor.deals.approve(deal.id);
      checkEqual(approved.status, 'approved', 'status after approval');
      check(approved.protectedUntil, 'an approved registration has no protectedUntil');
      const expected = before + me.program.protectionDays * DAY;
      const until = Date.parse(approved.protectedUntil);
      check(
        Math.abs(until - expected) <= DAY + 10 * MINUTE,
        `protectedUntil ${approved.protectedUntil} is not ${me.program.protectionDays} days from now`,
      );
      checkHistoryEnd(approved, 'approved', 'vendor', 'approval');
      check(
        approved.history.length >= 3,
        `history should hold submitted, under_review, approved: ${show(approved.history)}`,
      );
      const seen = await ctx.partner.deals.get(deal.id);
      checkEqual(seen.status, 'approved', 'status the partner sees');
      checkEqual(seen.canRequestExtension, true, 'canRequestExtension after approval');
    },
  },
  {
    name: 'approval: a rejection needs a reason, and keeps it',
    async run(ctx) {
      const deal = await ctx.registerDeal();
      const missing = await expectError(
        ctx.vendor.deals.reject(deal.id, {} as { reason: string }),
        400,
        'validation_failed',
        'a rejection without a reason',
      );
      check(
        fieldPointers(missing).includes('/reason'),
        `errors should name /reason, got ${show(missing.errors)}`,
      );
      await expectError(
        ctx.vendor.deals.reject(deal.id, { reason: '   ' }),
        400,
        'validation_failed',
        'a rejection with a blank reason',
      );
      checkEqual(
        (await ctx.partner.deals.get(deal.id)).status,
        'submitted',
        'status after refused rejections',
      );
      const reason = `Conformance ${ctx.run}: the customer is a direct account`;
      const rejected = await ctx.vendor.deals.reject(deal.id, { reason });
      checkEqual(rejected.status, 'rejected', 'status after rejection');
      checkEqual(rejected.rejectionReason, reason, 'rejectionReason');
      checkHistoryEnd(rejected, 'rejected', 'vendor', 'rejection');
      checkEqual(rejected.history.at(-1)?.reason, reason, 'the rejection’s history reason');
    },
  },
  {
    name: 'approval: a partner cannot approve (403)',
    async run(ctx) {
      const deal = await ctx.registerDeal();
      await expectError(
        ctx.partner.deals.approve(deal.id),
        403,
        'forbidden',
        'a partner approving its own registration',
      );
      await expectError(
        ctx.partner.deals.reject(deal.id, { reason: 'no' }),
        403,
        'forbidden',
        'a partner rejecting its own registration',
      );
      checkEqual(
        (await ctx.partner.deals.get(deal.id)).status,
        'submitted',
        'status after the refused approval',
      );
    },
  },
  {
    name: 'extension: protection is extended once; a second request is a 409',
    async run(ctx) {
      const deal = await ctx.registerDeal();
      await ctx.vendor.deals.startReview(deal.id);
      const approved = await ctx.vendor.deals.approve(deal.id);
      const extended = await ctx.partner.deals.requestExtension(deal.id, {
        reason: 'Procurement moved a quarter',
      });
      check(extended.extension, 'no extension on the extended registration');
      checkEqual(extended.extension.reason, 'Procurement moved a quarter', 'extension.reason');
      check(
        Date.parse(extended.extension.newEnd) > Date.parse(extended.extension.previousEnd),
        `extension.newEnd ${extended.extension.newEnd} is not after previousEnd ${extended.extension.previousEnd}`,
      );
      checkEqual(
        Date.parse(extended.extension.previousEnd),
        Date.parse(approved.protectedUntil ?? ''),
        'extension.previousEnd against the approval’s protectedUntil',
      );
      checkEqual(
        Date.parse(extended.protectedUntil ?? ''),
        Date.parse(extended.extension.newEnd),
        'protectedUntil after the extension',
      );
      checkEqual(extended.canRequestExtension, false, 'canRequestExtension after the extension');
      await expectError(
        ctx.partner.deals.requestExtension(deal.id, { reason: 'Once more' }),
        409,
        'already_extended',
        'a second extension',
      );
      const submitted = await ctx.registerDeal();
      await expectError(
        ctx.partner.deals.requestExtension(submitted.id, { reason: 'Too early' }),
        409,
        undefined,
        'an extension of a registration that is not approved',
      );
    },
  },
  {
    name: "isolation: another partner never sees a partner's registrations or MDF requests",
    async run(ctx) {
      const deal = await ctx.registerDeal();
      const fund = await ctx.fund(100);
      const request = await ctx.partner.mdf.createRequest(ctx.mdfRequestInput(fund, 100));
      await expectError(
        ctx.other.deals.get(deal.id),
        404,
        'not_found',
        'the other partner reading the registration',
      );
      await expectError(
        ctx.other.deals.requestExtension(deal.id, { reason: 'mine now' }),
        404,
        'not_found',
        'the other partner extending the registration',
      );
      await expectError(
        ctx.other.mdf.getRequest(request.id),
        404,
        'not_found',
        'the other partner reading the MDF request',
      );
      await expectError(
        ctx.partner.deals.get(`missing-${ctx.run}`),
        404,
        'not_found',
        'a registration id that does not exist',
      );
      for await (const d of ctx.other.deals.listAll({ limit: 100 })) {
        check(d.id !== deal.id, "the partner's registration is in the other partner's list");
        check(
          d.partnerId !== deal.partnerId,
          `the other partner's list holds a registration of ${d.partnerId}`,
        );
      }
      for await (const r of ctx.other.mdf.listAllRequests({ limit: 100 })) {
        check(r.id !== request.id, "the partner's MDF request is in the other partner's list");
      }
      const mine = await ctx.partner.mdf.getRequest(request.id);
      checkEqual(mine.id, request.id, 'the partner reading its own MDF request');
    },
  },
  {
    name: 'pagination: listAll with limit 2 yields each registration once, and cursors are stable',
    async run(ctx) {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await ctx.registerDeal()).id);
      const seen = new Map<string, number>();
      const pending = new Set(created);
      for await (const deal of ctx.partner.deals.listAll({ limit: 2 })) {
        seen.set(deal.id, (seen.get(deal.id) ?? 0) + 1);
        check(seen.get(deal.id) === 1, `listAll yielded ${deal.id} twice`);
        pending.delete(deal.id);
        if (pending.size === 0) break;
      }
      check(pending.size === 0, `listAll never yielded ${show([...pending])}`);
      const pages = ctx.recorder.exchanges.filter(
        (e) => e.operationId === 'listDealRegistrations' && e.status === 200,
      );
      check(pages.length >= 3, `5 registrations at limit 2 took only ${pages.length} page(s)`);
      for (const page of pages) {
        const items = (page.body as { items: unknown[] }).items;
        check(items.length <= 2, `a page of limit 2 held ${items.length} items`);
      }

      const first = await ctx.partner.deals.list({ limit: 2 });
      check(first.nextCursor, 'the first page of limit 2 has no nextCursor after 5 new registrations');
      const ids = (page: { items: Array<{ id: string }> }) => page.items.map((d) => d.id).join();
      const a = await ctx.partner.deals.list({ limit: 2, cursor: first.nextCursor });
      const b = await ctx.partner.deals.list({ limit: 2, cursor: first.nextCursor });
      checkEqual(ids(b), ids(a), 'the same cursor twice');
      await ctx.registerDeal();
      const c = await ctx.partner.deals.list({ limit: 2, cursor: first.nextCursor });
      checkEqual(ids(c), ids(a), 'the same cursor after a newer registration was added');

      let count = 0;
      let last: string | null = 'start';
      for (let cursor: string | undefined, i = 0; i < 10_000; i++) {
        const page = await ctx.partner.deals.list({ limit: 100, ...(cursor ? { cursor } : {}) });
        count += page.items.length;
        last = page.nextCursor;
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      checkEqual(last, null, 'the last page’s nextCursor');
      check(count >= created.length, `walking every page found ${count} registrations`);
    },
  },
  {
    name: 'mdf: a request above the remaining amount is a 422 exceeds_remaining',
    async run(ctx) {
      const fund = await ctx.fund(100);
      const error = await expectError(
        ctx.partner.mdf.createRequest(ctx.mdfRequestInput(fund, fund.remaining + 1)),
        422,
        'exceeds_remaining',
        `a request of ${fund.remaining + 1} against ${fund.remaining} remaining`,
      );
      check(
        fieldPointers(error).length === 0 ||
          fieldPointers(error).some((p) => p.startsWith('/requestedAmount')),
        `the field error should point at /requestedAmount, got ${show(error.errors)}`,
      );
      const after = (await ctx.partner.mdf.listFunds()).find((f) => f.id === fund.id);
      checkEqual(after?.remaining, fund.remaining, 'remaining after the refused request');
      const ok = await ctx.partner.mdf.createRequest(ctx.mdfRequestInput(fund, 100));
      checkEqual(ok.status, 'submitted', 'status of a request within the remaining amount');
      const reserved = (await ctx.partner.mdf.listFunds()).find((f) => f.id === fund.id);
      checkEqual(reserved?.remaining, fund.remaining - 100, 'remaining after a request of 100');
    },
  },
  ...assetScenarios,
  ...trainingScenarios,
  {
    name: 'headers: every answer carries an X-Request-Id',
    async run(ctx) {
      await ctx.partner.me.get();
      await expectError(ctx.client().me.get(), 401, undefined, 'no token');
      await expectError(
        ctx.partner.deals.get(`missing-${ctx.run}`),
        404,
        undefined,
        'a missing registration',
      );
      await expectError(ctx.partner.deals.list({ limit: 0 }), 400, undefined, 'limit=0');
      const ids = ctx.recorder.exchanges.map((e) => e.headers.get('X-Request-Id'));
      check(ids.length === 4, `expected 4 answers, recorded ${ids.length}`);
      for (const [i, id] of ids.entries()) {
        check(
          id,
          `${ctx.recorder.exchanges[i]!.url} -> ${ctx.recorder.exchanges[i]!.status} has no X-Request-Id`,
        );
      }
      checkEqual(new Set(ids).size, ids.length, 'distinct request ids');
    },
  },
  {
    name: 'errors: every error is an application/problem+json problem document',
    async run(ctx) {
      const me = await ctx.partnerMe();
      await expectError(ctx.client().me.get(), 401, undefined, 'no token');
      await expectError(
        ctx.partner.deals.get(`missing-${ctx.run}`),
        404,
        undefined,
        'a missing registration',
      );
      await expectError(ctx.partner.deals.list({ limit: 0 }), 400, undefined, 'limit=0');
      await expectError(
        ctx.partner.sessions.create({
          partnerId: me.partner?.id ?? 'x',
          user: { email: 'x@example.com', name: 'X' },
        }),
        403,
        'forbidden',
        'a partner minting a session',
      );
      const malformed = await ctx.partner.raw.POST('/v1/deal-registrations/conflict-check', {
        body: '{"company": ' as unknown as { company: string },
        bodySerializer: (b: unknown) => b as string,
      });
      checkEqual(malformed.response.status, 400, 'malformed JSON status');
      for (const e of ctx.recorder.exchanges.filter((x) => x.status >= 400)) {
        const type = e.headers.get('Content-Type') ?? '';
        check(/^application\/problem\+json/i.test(type), `${e.url} -> ${e.status} is ${show(type)}`);
        const body = e.body as { status?: unknown; code?: unknown; title?: unknown };
        checkEqual(body?.status, e.status, `${e.url}: problem status`);
        check(typeof body?.code === 'string' && body.code !== '', `${e.url}: problem without a code`);
      }
    },
  },
];
