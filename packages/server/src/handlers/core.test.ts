// The core operations over real HTTP against a real server (PGlite in memory, or PostgreSQL when
// DATABASE_URL is set): the caller, sessions, deal registration with its rules, isolation between
// partners, pagination, protection and expiry, idempotency, validation and problem documents.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY_MS } from '../rules/protection.js';
import { KEYS, registrationBody, startTestServer, type TestServer } from '../test/harness.js';
import type { HandlerRequest, Handlers } from '../types.js';
import { coreHandlers } from './core.js';

let server: TestServer;

// Test-only behaviour, switched on by the customer's name: a registration that waits for a gate
// (to hold an idempotency key in flight), one that fails with a server error once, and a response
// that does not match the contract.
let openGate: () => void = () => {};
let gate = Promise.resolve();
let boomOnce = true;
const testHandlers: Handlers = {
  async registerDeal(req: HandlerRequest<{ customer: { company: string } }>, ctx) {
    const company = req.body.customer.company;
    if (company === 'Slow Gate Inc') await gate;
    if (company === 'Boom Corp' && boomOnce) {
      boomOnce = false;
      throw new Error('database fell over');
    }
    return coreHandlers.registerDeal!(req, ctx);
  },
  async listProducts(req, ctx) {
    if (req.headers['x-test-bad-response']) return { status: 200, body: { items: [{ id: 'p', name: 5 }] } };
    return coreHandlers.listProducts!(req, ctx);
  },
};

before(async () => {
  server = await startTestServer({ handlers: testHandlers, corsOrigins: ['https://portal.example'] });
});
after(async () => {
  await server?.close();
});

const problemShape = (body: Record<string, unknown>, status: number, code: string) => {
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(typeof body.type, 'string');
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.equal(typeof body.requestId, 'string');
};

let n = 0;
/** A customer name no other test uses. */
const unique = (base: string) => `${base} ${++n}${Math.random().toString(36).slice(2, 7)}`;

async function register(token: string, company: string, overrides: Record<string, unknown> = {}) {
  return server.request('POST', '/v1/deal-registrations', {
    token,
    body: registrationBody(company, overrides),
  });
}

describe('system and the caller', () => {
  it('answers /healthz without a token, with a request id', async () => {
    const res = await server.request('GET', '/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.status, 'ok');
    assert.ok(['pglite', 'postgres'].includes(res.body.database));
    assert.match(res.headers.get('x-request-id') ?? '', /^req_/);
  });

  it('sends X-Content-Type-Options: nosniff with every JSON answer, errors and preflights included', async () => {
    const answers = [
      await server.request('GET', '/healthz'),
      await server.request('GET', '/v1/me', { token: KEYS.northwind }),
      await server.request('GET', '/v1/deal-registrations?limit=2', { token: KEYS.northwind }),
      await server.request('POST', '/v1/deal-registrations', { token: KEYS.northwind, body: {} }),
      await server.request('GET', '/v1/me'),
      await server.request('GET', '/v1/no-such-thing', { token: KEYS.northwind }),
      await server.request('GET', `/v1/deal-registrations/${'x'.repeat(2200)}`, { token: KEYS.northwind }),
      await server.request('POST', '/v1/deal-registrations', {
        token: KEYS.northwind,
        raw: '{"not json',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    for (const res of answers) {
      assert.match(res.headers.get('content-type') ?? '', /json/, `${res.status} ${res.text.slice(0, 80)}`);
      assert.equal(
        res.headers.get('x-content-type-options'),
        'nosniff',
        `${res.status} ${res.text.slice(0, 80)}`,
      );
    }
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200, 400, 401, 404, 414, 400],
    );
    const preflight = await fetch(`${server.url}/v1/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('x-content-type-options'), 'nosniff');
  });

  it('honours a sane incoming X-Request-Id and replaces a hostile one', async () => {
    const sane = await server.request('GET', '/healthz', { headers: { 'x-request-id': 'trace-1234.abc' } });
    assert.equal(sane.headers.get('x-request-id'), 'trace-1234.abc');
    const hostile = await server.request('GET', '/healthz', { headers: { 'x-request-id': 'a b<script>' } });
    assert.match(hostile.headers.get('x-request-id') ?? '', /^req_/);
  });

  it('needs a valid bearer token elsewhere: 401 with WWW-Authenticate', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer pk_nope' }] as Record<
      string,
      string
    >[]) {
      const res = await server.request('GET', '/v1/me', { headers });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      problemShape(res.body, 401, 'unauthenticated');
      assert.equal(res.body.requestId, res.headers.get('x-request-id'));
    }
  });

  it('describes the caller, its organisation and the program', async () => {
    const partner = await server.request('GET', '/v1/me', { token: KEYS.northwind });
    assert.equal(partner.status, 200);
    assert.equal(partner.body.user.role, 'partner_admin');
    assert.equal(partner.body.partner.id, 'ptn_northwind');
    assert.equal(partner.body.partner.name, 'Northwind Systems');
    assert.equal(partner.body.partner.tier.name, 'Gold');
    assert.equal(partner.body.program.protectionDays, 90);
    assert.equal(partner.body.sessionExpiresAt, null);
    const user = await server.request('GET', '/v1/me', { token: KEYS.northwindUser });
    assert.equal(user.body.user.role, 'partner_user');
    const vendor = await server.request('GET', '/v1/me', { token: KEYS.vendor });
    assert.equal(vendor.body.user.role, 'vendor_admin');
    assert.equal(vendor.body.partner, null);
  });

  it('lists products and the custom fields with translations', async () => {
    const products = await server.request('GET', '/v1/products', { token: KEYS.northwind });
    assert.equal(products.status, 200);
    assert.equal(products.body.items.length, 8);
    assert.equal(new Set(products.body.items.map((p: { family: string }) => p.family)).size, 3);
    const fields = await server.request('GET', '/v1/deal-registrations/fields', { token: KEYS.northwind });
    assert.deepEqual(
      fields.body.items.map((f: { key: string; type: string }) => `${f.key}:${f.type}`),
      [
        'deal_type:select',
        'crm_opportunity_id:text',
        'seats:number',
        'budget_confirmed_on:date',
        'competitive_deal:checkbox',
      ],
    );
    assert.equal(fields.body.items[0].required, true);
    assert.equal(fields.body.items[0].translations.de.options.renewal, 'Verlängerung');
  });

  it('never sends a response that breaks the contract: a logged 500 instead', async () => {
    const res = await server.request('GET', '/v1/products', {
      token: KEYS.northwind,
      headers: { 'x-test-bad-response': '1' },
    });
    assert.equal(res.status, 500);
    problemShape(res.body, 500, 'internal');
    assert.ok(!res.text.includes('"name":5'));
  });

  it('answers unknown routes 404 and wrong methods 405 with Allow', async () => {
    const missing = await server.request('GET', '/v1/nothing-here', { token: KEYS.northwind });
    assert.equal(missing.status, 404);
    problemShape(missing.body, 404, 'not_found');
    const wrong = await server.request('DELETE', '/v1/deal-registrations/dr_demo_0001', {
      token: KEYS.northwind,
    });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET');
    problemShape(wrong.body, 405, 'method_not_allowed');
  });

  it('allows the configured origin with CORS, exposing the headers clients read', async () => {
    const preflight = await server.request('OPTIONS', '/v1/deal-registrations', {
      headers: {
        origin: 'https://portal.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    assert.ok(preflight.status === 204 || preflight.status === 200);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.example');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'idempotency-key']) assert.ok(allowed.includes(h), h);
    const res = await server.request('GET', '/v1/me', {
      token: KEYS.northwind,
      headers: { origin: 'https://portal.example' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://portal.example');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const h of ['x-request-id', 'idempotent-replayed', 'retry-after']) assert.ok(exposed.includes(h), h);
    const other = await server.request('GET', '/v1/me', {
      token: KEYS.northwind,
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

describe('partner session tokens', () => {
  const input = (over: Record<string, unknown> = {}) => ({
    partnerId: 'ptn_contoso',
    user: { email: 'Session.Person@Contoso.example', name: 'Session Person', role: 'partner_admin' },
    ttlSeconds: 600,
    ...over,
  });

  it('only a vendor admin mints them', async () => {
    const res = await server.request('POST', '/v1/sessions', { token: KEYS.northwind, body: input() });
    assert.equal(res.status, 403);
    problemShape(res.body, 403, 'forbidden');
  });

  it('mints a token for a partner user, created on first use and matched by email after', async () => {
    const first = await server.request('POST', '/v1/sessions', { token: KEYS.vendor, body: input() });
    assert.equal(first.status, 201);
    assert.equal(first.body.partnerId, 'ptn_contoso');
    assert.equal(first.body.user.role, 'partner_admin');
    assert.equal(
      new Date(first.body.expiresAt).getTime(),
      Math.floor(server.clock.now().getTime() / 1000) * 1000 + 600_000,
    );
    const again = await server.request('POST', '/v1/sessions', {
      token: KEYS.vendor,
      body: input({ user: { email: 'session.person@contoso.example', name: 'Session P.' } }),
    });
    assert.equal(again.body.user.id, first.body.user.id);
    assert.equal(again.body.user.name, 'Session P.');
    assert.equal(again.body.user.role, 'partner_user');

    const me = await server.request('GET', '/v1/me', { token: first.body.token });
    assert.equal(me.status, 200);
    assert.equal(me.body.partner.id, 'ptn_contoso');
    assert.equal(me.body.user.id, first.body.user.id);
    assert.equal(me.body.user.role, 'partner_admin');
    assert.equal(me.body.sessionExpiresAt, first.body.expiresAt);
  });

  it('refuses unknown partners and bad input', async () => {
    const missing = await server.request('POST', '/v1/sessions', {
      token: KEYS.vendor,
      body: input({ partnerId: 'ptn_nobody' }),
    });
    assert.equal(missing.status, 404);
    const bad = await server.request('POST', '/v1/sessions', {
      token: KEYS.vendor,
      body: input({ ttlSeconds: 59 }),
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/ttlSeconds'],
    );
    const long = await server.request('POST', '/v1/sessions', {
      token: KEYS.vendor,
      body: input({ ttlSeconds: 86401 }),
    });
    assert.equal(long.status, 400);
  });

  it('expires: 401 after the ttl, and a tampered token is refused', async () => {
    const minted = await server.request('POST', '/v1/sessions', {
      token: KEYS.vendor,
      body: input({ ttlSeconds: 60 }),
    });
    const token: string = minted.body.token;
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, pid: 'ptn_northwind' })).toString('base64url')}.${s}`;
    const tampered = await server.request('GET', '/v1/me', { token: forged });
    assert.equal(tampered.status, 401);
    server.clock.advance(61_000);
    try {
      const expired = await server.request('GET', '/v1/me', { token });
      assert.equal(expired.status, 401);
      assert.match(expired.body.detail, /expired/);
      assert.match(expired.headers.get('www-authenticate') ?? '', /^Bearer/);
    } finally {
      server.clock.advance(-61_000);
    }
  });

  it('a session token is partner-scoped like a partner key', async () => {
    const minted = await server.request('POST', '/v1/sessions', { token: KEYS.vendor, body: input() });
    const mine = await register(minted.body.token, unique('Session Scoped'));
    assert.equal(mine.status, 201);
    assert.equal(mine.body.partnerId, 'ptn_contoso');
    assert.equal(mine.body.submittedBy.id, minted.body.user.id);
    const fromNorthwind = await server.request('GET', `/v1/deal-registrations/${mine.body.id}`, {
      token: KEYS.northwind,
    });
    assert.equal(fromNorthwind.status, 404);
  });
});

describe('deal registration', () => {
  it('keeps notes exactly as sent, a leading U+FEFF included, on write and on every read', async () => {
    for (const notes of ['\uFEFF', '\uFEFF\uFEFFMet at the summit.']) {
      const res = await register(KEYS.northwind, unique('Byte Order Marks'), { notes });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.notes, notes);
      const read = await server.request('GET', `/v1/deal-registrations/${res.body.id}`, {
        token: KEYS.northwind,
      });
      assert.equal(read.body.notes, notes);
      const listed = await server.request('GET', '/v1/deal-registrations?limit=100', {
        token: KEYS.northwind,
      });
      assert.equal(
        listed.body.items.find((r: { id: string }) => r.id === res.body.id)?.notes,
        notes,
        'the list has it too',
      );
    }
  });

  it('stores a registration with its first history entry', async () => {
    const company = unique('Quantum Widgets');
    const res = await register(KEYS.northwindUser, `${company}, Inc.`, {
      notes: 'Met at the summit.',
      customFields: {
        deal_type: 'renewal',
        seats: 250,
        budget_confirmed_on: '2026-01-15',
        competitive_deal: true,
      },
    });
    assert.equal(res.status, 201);
    const reg = res.body;
    assert.match(reg.id, /^dr_/);
    assert.match(reg.reference, /^DR-\d{4}-\d{6}$/);
    assert.equal(reg.status, 'submitted');
    assert.equal(reg.partnerId, 'ptn_northwind');
    assert.equal(reg.partnerName, undefined);
    assert.deepEqual(reg.products, [{ id: 'prd_core', name: 'Acme Cloud Core', family: 'Platform' }]);
    assert.deepEqual(reg.customFields, {
      deal_type: 'renewal',
      seats: 250,
      budget_confirmed_on: '2026-01-15',
      competitive_deal: true,
    });
    assert.equal(reg.notes, 'Met at the summit.');
    assert.deepEqual(reg.flags, []);
    assert.equal(reg.protectedUntil, null);
    assert.equal(reg.canRequestExtension, false);
    assert.equal(reg.submittedBy.name, 'Jordan Rivera');
    assert.equal(reg.history.length, 1);
    assert.deepEqual(reg.history[0], {
      from: null,
      to: 'submitted',
      at: reg.createdAt,
      actor: { type: 'partner', id: reg.submittedBy.id, name: 'Jordan Rivera' },
      reason: null,
    });
    const again = await server.request('GET', `/v1/deal-registrations/${reg.id}`, { token: KEYS.northwind });
    assert.deepEqual(again.body, reg);
  });

  it("refuses another partner's active customer (same normalised name or domain), without revealing it", async () => {
    const base = unique('Harborview Medical');
    const first = await register(KEYS.northwind, `${base} Group Inc.`);
    assert.equal(first.status, 201);
    const byName = await register(KEYS.contoso, `THE ${base.toUpperCase()} GROUP, LLC`, {
      customer: {
        ...registrationBody('x').customer,
        company: `THE ${base.toUpperCase()} GROUP, LLC`,
        domain: 'elsewhere.example',
      },
    });
    assert.equal(byName.status, 409);
    problemShape(byName.body, 409, 'deal_conflict');
    assert.equal(byName.body.conflict.result, 'conflict');
    assert.deepEqual(
      byName.body.conflict.reasons.map((r: { code: string }) => r.code),
      ['active_registration'],
    );
    assert.ok(
      !byName.text.includes('ptn_northwind') &&
        !byName.text.includes('Northwind') &&
        !byName.text.includes(first.body.id),
    );

    const domain = first.body.customer.domain;
    const byDomain = await register(KEYS.contoso, unique('Totally Different Name'), {
      customer: {
        ...registrationBody('x').customer,
        company: unique('Totally Different'),
        domain: `WWW.${domain.toUpperCase()}`,
      },
    });
    assert.equal(byDomain.status, 409);

    const otherProduct = await register(KEYS.contoso, `${base} Group`, { products: ['prd_vault'] });
    assert.equal(otherProduct.status, 201, 'another product of the same customer is not a conflict');
  });

  it('the live conflict check answers the same without storing anything', async () => {
    const base = unique('Lakeshore Dairy');
    await register(KEYS.northwind, base);
    const check = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.contoso,
      body: { company: `${base} Ltd.` },
    });
    assert.equal(check.status, 200);
    assert.equal(check.body.result, 'conflict');
    const differentProduct = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.contoso,
      body: { company: base, products: ['prd_insight'] },
    });
    assert.equal(differentProduct.body.result, 'clear');
    const clear = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.contoso,
      body: { company: unique('Nobody Has This'), domain: 'not a domain at all' },
    });
    assert.deepEqual(clear.body, { result: 'clear', reasons: [] });
  });

  it("names the caller's own active registration", async () => {
    const base = unique('Own Duplicate');
    const first = await register(KEYS.northwind, base);
    const second = await register(KEYS.northwindUser, `${base} Inc`);
    assert.equal(second.status, 409);
    assert.deepEqual(second.body.conflict.reasons, [
      {
        code: 'own_registration',
        message: 'Your organisation already has an active registration for this customer and product.',
        registrationId: first.body.id,
      },
    ]);
  });

  it("refuses the vendor's direct-sales accounts", async () => {
    const res = await register(KEYS.northwind, 'Helios Airlines, Inc.', {
      customer: {
        ...registrationBody('x').customer,
        company: 'Helios Airlines, Inc.',
        domain: 'unrelated.example',
      },
    });
    assert.equal(res.status, 409);
    assert.deepEqual(
      res.body.conflict.reasons.map((r: { code: string }) => r.code),
      ['direct_account'],
    );
    const byDomain = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.northwind,
      body: { company: unique('Some Carrier'), domain: 'www.helios-airlines.com' },
    });
    assert.equal(byDomain.body.result, 'conflict');
  });

  it('stores a close but different name, flagged for review', async () => {
    const base = unique('Brightwater');
    const first = await register(KEYS.northwind, `${base} Logistics Group`);
    assert.equal(first.status, 201);
    const check = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.contoso,
      body: { company: `${base} Logistic Group`, products: ['prd_core'] },
    });
    assert.equal(check.body.result, 'review');
    const close = await register(KEYS.contoso, `${base} Logistic Group`, {
      customer: {
        ...registrationBody('x').customer,
        company: `${base} Logistic Group`,
        domain: 'brightwater-other.example',
      },
    });
    assert.equal(close.status, 201);
    assert.deepEqual(close.body.flags, ['similar_customer']);
    const directLike = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.contoso,
      body: { company: 'Helios Airline' },
    });
    assert.equal(directLike.body.result, 'review');
  });

  // A typo in a name's only word, or in its first and last word, moves it out of both name blocks:
  // these pass only because near misses are also searched beyond the blocks.
  it('flags a one-word name one typo away (replaced, dropped or swapped letters), for the same product only', async () => {
    const check = (token: string, company: string, products?: string[]) =>
      server.request('POST', '/v1/deal-registrations/conflict-check', {
        token,
        body: { company, ...(products ? { products } : {}) },
      });
    assert.equal((await register(KEYS.northwind, 'Globex Inc.')).status, 201);
    assert.equal((await register(KEYS.northwind, 'Initech, LLC')).status, 201);
    for (const company of ['Glebex', 'GLOOBEX CORP', 'Intech', 'Intiech Ltd', 'Inittech']) {
      const res = await check(KEYS.contoso, company, ['prd_core']);
      assert.equal(res.body.result, 'review', company);
      assert.deepEqual(
        res.body.reasons.map((r: { code: string }) => r.code),
        ['similar_customer'],
      );
      assert.ok(!res.text.includes('ptn_northwind') && !res.text.toLowerCase().includes('globex inc'));
    }
    // Two typos, another product, the partner's own customer: not flagged.
    assert.equal((await check(KEYS.contoso, 'Global')).body.result, 'clear');
    assert.equal((await check(KEYS.contoso, 'Glebex', ['prd_vault'])).body.result, 'clear');
    assert.equal((await check(KEYS.northwind, 'Glebex', ['prd_core'])).body.result, 'clear');
    // Short names: one letter makes another company.
    assert.equal((await register(KEYS.northwind, 'Acme')).status, 201);
    assert.equal((await check(KEYS.contoso, 'Acne', ['prd_core'])).body.result, 'clear');

    const stored = await register(KEYS.contoso, 'Glebex GmbH', {
      customer: { ...registrationBody('x').customer, company: 'Glebex GmbH', domain: 'glebex.example' },
    });
    assert.equal(stored.status, 201);
    assert.deepEqual(stored.body.flags, ['similar_customer']);
    assert.equal(stored.body.history[0].reason, 'A similar customer exists: flagged for review.');
    // Exact conflicts stay exact: the flagged name itself is now held, a third typo is only flagged.
    assert.equal((await check(KEYS.fabrikam, 'glebex')).body.result, 'conflict');
    assert.equal((await check(KEYS.fabrikam, 'Glebexx', ['prd_core'])).body.result, 'review');
  });

  it('flags a typo in the first or the last word, with or without another', async () => {
    // "Zorbex AI" and "Zerbex AI" share their last block, but with trigram similarity 0.54 only
    // the typo rule flags them (likewise "AI Zorbex" and "AI Zerbex"); "Quillon Freight Traders"
    // and "Quilon Freight Trader" share no block.
    assert.equal((await register(KEYS.northwind, 'Zorbex AI')).status, 201);
    assert.equal((await register(KEYS.northwind, 'AI Zorbex')).status, 201);
    assert.equal((await register(KEYS.northwind, 'Quillon Freight Traders Inc.')).status, 201);
    for (const company of [
      'Zerbex AI',
      'AI Zerbex',
      'Quilon Freight Trader',
      'Quillom Freight Traders Ltd',
    ]) {
      const res = await server.request('POST', '/v1/deal-registrations/conflict-check', {
        token: KEYS.contoso,
        body: { company, products: ['prd_core'] },
      });
      assert.equal(res.body.result, 'review', company);
    }
    const stored = await register(KEYS.contoso, 'Quilon Freight Trader', {
      customer: {
        ...registrationBody('x').customer,
        company: 'Quilon Freight Trader',
        domain: 'quilon.example',
      },
    });
    assert.deepEqual(stored.body.flags, ['similar_customer']);
    const unrelated = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.contoso,
      body: { company: 'Zorbex Robotics', products: ['prd_core'] },
    });
    assert.equal(unrelated.body.result, 'clear', 'the same first word alone is not a near miss');
  });

  it("flags a typo in both blocks of a direct-sales account's name", async () => {
    // The seed's direct account "Mercator Shipping Lines": no block in common with this spelling.
    const res = await server.request('POST', '/v1/deal-registrations/conflict-check', {
      token: KEYS.northwind,
      body: { company: 'Mercater Shipping Line' },
    });
    assert.equal(res.body.result, 'review');
  });

  it('refuses unknown products and invalid custom fields with pointers (422)', async () => {
    const products = await register(KEYS.northwind, unique('Unknown Product'), {
      products: ['prd_core', 'prd_nope'],
    });
    assert.equal(products.status, 422);
    problemShape(products.body, 422, 'unknown_product');
    assert.deepEqual(
      products.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/products/1'],
    );

    const unknownField = await register(KEYS.northwind, unique('Unknown Field'), {
      customFields: { deal_type: 'new', favourite_colour: 'blue' },
    });
    assert.equal(unknownField.status, 422);
    problemShape(unknownField.body, 422, 'unknown_field');
    assert.deepEqual(
      unknownField.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/customFields/favourite_colour'],
    );

    const invalid = await register(KEYS.northwind, unique('Invalid Fields'), {
      customFields: {
        seats: 'many',
        budget_confirmed_on: '2026-02-30',
        deal_type: 'barter',
        competitive_deal: 'yes',
      },
    });
    assert.equal(invalid.status, 422);
    assert.deepEqual(
      invalid.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      [
        '/customFields/deal_type enum',
        '/customFields/seats type',
        '/customFields/budget_confirmed_on format',
        '/customFields/competitive_deal type',
      ],
    );
    const missing = await register(KEYS.northwind, unique('Missing Fields'), { customFields: undefined });
    assert.equal(missing.status, 422);
    assert.deepEqual(
      missing.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/customFields/deal_type'],
    );
  });

  it('names every field that breaks the contract (400), and stores nothing', async () => {
    const before = await server.request('GET', '/v1/deal-registrations?limit=1', { token: KEYS.northwind });
    const body = registrationBody(unique('Contract Breaker')) as Record<string, unknown> & {
      customer: Record<string, unknown>;
    };
    const res = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      headers: { 'idempotency-key': 'short' },
      body: {
        ...body,
        customer: {
          ...body.customer,
          company: '   ',
          country: 'usa',
          contact: { name: 'A', email: 'not-an-email' },
          vip: true,
        },
        estimatedValue: { amount: -5, currency: 'usd' },
        expectedCloseDate: '2026-02-30',
        sourcing: 'found',
        hacker: '<script>',
      },
    });
    assert.equal(res.status, 400);
    problemShape(res.body, 400, 'validation_failed');
    const got = new Set(
      res.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
    );
    for (const expected of [
      '/customer/company pattern',
      '/customer/country pattern',
      '/customer/contact/email format',
      '/customer/vip unknown_property',
      '/estimatedValue/amount minimum',
      '/estimatedValue/currency pattern',
      '/expectedCloseDate format',
      '/sourcing enum',
      '/hacker unknown_property',
    ]) {
      assert.ok(got.has(expected), `${expected} in ${[...got].join(', ')}`);
    }
    const header = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      headers: { 'idempotency-key': 'no spaces allowed here' },
      body,
    });
    assert.equal(header.status, 400);
    assert.deepEqual(
      header.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/header/idempotency-key'],
    );
    const after = await server.request('GET', '/v1/deal-registrations?limit=1', { token: KEYS.northwind });
    assert.equal(after.body.items[0].id, before.body.items[0].id);
  });

  it('answers bad bodies with 4xx problems: malformed JSON, no body, wrong type, too large, poison', async () => {
    const cases: [string, { raw?: string; headers?: Record<string, string> }, number][] = [
      ['malformed', { raw: '{"customer":', headers: { 'content-type': 'application/json' } }, 400],
      ['no body', {}, 400],
      ['empty json', { raw: '', headers: { 'content-type': 'application/json' } }, 400],
      ['null', { raw: 'null', headers: { 'content-type': 'application/json' } }, 400],
      ['array', { raw: '[]', headers: { 'content-type': 'application/json' } }, 400],
      ['text', { raw: 'hello', headers: { 'content-type': 'text/plain' } }, 415],
      ['form', { raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
      ['proto', { raw: '{"__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } }, 400],
      [
        'constructor',
        { raw: '{"constructor":{"prototype":{"x":1}}}', headers: { 'content-type': 'application/json' } },
        400,
      ],
      [
        'nul',
        {
          raw: JSON.stringify(registrationBody('Nul\u0000Byte')),
          headers: { 'content-type': 'application/json' },
        },
        400,
      ],
      [
        'surrogate',
        {
          raw: JSON.stringify(registrationBody('x')).replace('"x"', '"\\ud800"'),
          headers: { 'content-type': 'application/json' },
        },
        400,
      ],
      [
        'too large',
        {
          raw: JSON.stringify({ notes: 'x'.repeat(1_100_000) }),
          headers: { 'content-type': 'application/json' },
        },
        413,
      ],
    ];
    for (const [name, opts, status] of cases) {
      const res = await server.request('POST', '/v1/deal-registrations', { token: KEYS.northwind, ...opts });
      assert.equal(res.status, status, `${name}: ${res.text.slice(0, 200)}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, name);
      assert.equal(res.body.status, status, name);
    }
    const nul = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      raw: JSON.stringify(registrationBody('Nul\u0000Byte')),
      headers: { 'content-type': 'application/json' },
    });
    assert.deepEqual(
      nul.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/customer/company'],
    );
  });

  it('validates query and path parameters', async () => {
    const res = await server.request(
      'GET',
      '/v1/deal-registrations?limit=0&status=approved&status=nope&cursor=',
      {
        token: KEYS.northwind,
      },
    );
    assert.equal(res.status, 400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    for (const p of ['/query/limit', '/query/status/1', '/query/cursor'])
      assert.ok(pointers.includes(p), `${p} in ${pointers}`);
    const text = await server.request('GET', '/v1/deal-registrations?limit=ten', { token: KEYS.northwind });
    assert.deepEqual(
      text.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/query/limit'],
    );
    const badCursor = await server.request('GET', '/v1/deal-registrations?cursor=garbage', {
      token: KEYS.northwind,
    });
    assert.equal(badCursor.status, 400);
    assert.deepEqual(
      badCursor.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/query/cursor'],
    );
    const badId = await server.request('GET', `/v1/deal-registrations/${encodeURIComponent('bad id!')}`, {
      token: KEYS.northwind,
    });
    assert.equal(badId.status, 400);
    assert.deepEqual(
      badId.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/path/id'],
    );
  });

  it('only partners register deals', async () => {
    const res = await register(KEYS.vendor, unique('Vendor Tries'));
    assert.equal(res.status, 403);
  });
});

describe('isolation and lists', () => {
  it("answers 404 for another partner's registration, on every operation", async () => {
    const theirs = await register(KEYS.contoso, unique('Contoso Secret'));
    const id = theirs.body.id;
    const tries: [string, string, unknown][] = [
      ['GET', `/v1/deal-registrations/${id}`, undefined],
      ['POST', `/v1/deal-registrations/${id}/extension`, { reason: 'mine now' }],
      ['POST', `/v1/deal-registrations/${id}/outcome`, { outcome: 'won' }],
    ];
    for (const [method, path, body] of tries) {
      const res = await server.request(method, path, { token: KEYS.northwind, body });
      assert.equal(res.status, 404, `${method} ${path}`);
      problemShape(res.body, 404, 'not_found');
    }
    const list = await server.request('GET', '/v1/deal-registrations?limit=100&partnerId=ptn_contoso', {
      token: KEYS.northwind,
    });
    assert.ok(
      list.body.items.every((r: { partnerId: string }) => r.partnerId === 'ptn_northwind'),
      'partnerId is ignored for partners',
    );
    const vendor = await server.request('GET', `/v1/deal-registrations/${id}`, { token: KEYS.vendor });
    assert.equal(vendor.status, 200);
    assert.equal(vendor.body.partnerName, 'Contoso Cloud');
  });

  it('pages newest first with an opaque cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await server.request('GET', `/v1/deal-registrations?limit=7${query}`, {
        token: KEYS.contoso,
      });
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 7);
      for (const r of page.body.items) {
        const t = new Date(r.createdAt).getTime();
        assert.ok(t <= previous, 'newest first');
        previous = t;
        seen.push(r.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no repeats');
    const all = await server.request('GET', '/v1/deal-registrations?limit=100', { token: KEYS.contoso });
    assert.ok(seen.length >= 30);
    assert.deepEqual(
      seen.slice(0, all.body.items.length),
      all.body.items.map((r: { id: string }) => r.id),
    );
  });

  it('filters by status (one or several) and, for vendor admins, by partner', async () => {
    const approved = await server.request('GET', '/v1/deal-registrations?status=approved&limit=100', {
      token: KEYS.northwind,
    });
    assert.ok(approved.body.items.length > 0);
    assert.ok(approved.body.items.every((r: { status: string }) => r.status === 'approved'));
    const two = await server.request('GET', '/v1/deal-registrations?status=won&status=lost&limit=100', {
      token: KEYS.northwind,
    });
    assert.ok(two.body.items.every((r: { status: string }) => r.status === 'won' || r.status === 'lost'));
    assert.ok(two.body.items.some((r: { status: string }) => r.status === 'won'));
    const vendor = await server.request('GET', '/v1/deal-registrations?partnerId=ptn_fabrikam&limit=100', {
      token: KEYS.vendor,
    });
    assert.ok(vendor.body.items.length > 0);
    assert.ok(
      vendor.body.items.every(
        (r: { partnerId: string; partnerName: string }) =>
          r.partnerId === 'ptn_fabrikam' && r.partnerName === 'Fabrikam Integrations',
      ),
    );
  });
});

describe('review, approval, protection, extension, outcome', () => {
  it('follows the whole life of a registration, appending history with who, when, from, to and why', async () => {
    const created = await register(KEYS.northwind, unique('Lifecycle'));
    const id = created.body.id;
    const forbidden = await server.request('POST', `/v1/deal-registrations/${id}/approve`, {
      token: KEYS.northwind,
    });
    assert.equal(forbidden.status, 403);

    const review = await server.request('POST', `/v1/deal-registrations/${id}/review`, {
      token: KEYS.vendor,
      body: { note: 'Checking with the account team.' },
    });
    assert.equal(review.status, 200);
    assert.equal(review.body.status, 'under_review');
    assert.equal(review.body.partnerName, 'Northwind Systems');

    server.clock.advance(60_000);
    const approved = await server.request('POST', `/v1/deal-registrations/${id}/approve`, {
      token: KEYS.vendor,
      body: { protectionDays: 60 },
    });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    const approvedAt = server.clock.now().getTime();
    assert.equal(new Date(approved.body.protectedUntil).getTime(), approvedAt + 60 * DAY_MS);
    assert.equal(approved.body.canRequestExtension, true);

    const twice = await server.request('POST', `/v1/deal-registrations/${id}/approve`, {
      token: KEYS.vendor,
    });
    assert.equal(twice.status, 409);
    problemShape(twice.body, 409, 'invalid_state');

    const extended = await server.request('POST', `/v1/deal-registrations/${id}/extension`, {
      token: KEYS.northwindUser,
      body: { reason: 'Procurement moved to next quarter.' },
    });
    assert.equal(extended.status, 200);
    assert.equal(extended.body.extension.reason, 'Procurement moved to next quarter.');
    assert.equal(extended.body.extension.previousEnd, approved.body.protectedUntil);
    assert.equal(new Date(extended.body.protectedUntil).getTime(), approvedAt + 90 * DAY_MS);
    assert.equal(extended.body.extension.newEnd, extended.body.protectedUntil);
    assert.equal(extended.body.canRequestExtension, false);
    const again = await server.request('POST', `/v1/deal-registrations/${id}/extension`, {
      token: KEYS.northwind,
      body: { reason: 'Once more?' },
    });
    assert.equal(again.status, 409);
    problemShape(again.body, 409, 'already_extended');

    const won = await server.request('POST', `/v1/deal-registrations/${id}/outcome`, {
      token: KEYS.northwind,
      body: { outcome: 'won' },
    });
    assert.equal(won.status, 200);
    assert.equal(won.body.status, 'won');
    assert.deepEqual(won.body.closedValue, created.body.estimatedValue);
    const afterWon = await server.request('POST', `/v1/deal-registrations/${id}/outcome`, {
      token: KEYS.northwind,
      body: { outcome: 'lost' },
    });
    assert.equal(afterWon.status, 409);

    assert.deepEqual(
      won.body.history.map(
        (h: { from: string | null; to: string; actor: { type: string }; reason: string | null }) => [
          h.from,
          h.to,
          h.actor.type,
          h.reason,
        ],
      ),
      [
        [null, 'submitted', 'partner', null],
        ['submitted', 'under_review', 'vendor', 'Checking with the account team.'],
        ['under_review', 'approved', 'vendor', null],
        ['approved', 'won', 'partner', null],
      ],
    );
    for (const h of won.body.history) assert.match(h.at, /Z$/);
    server.clock.advance(-60_000);
  });

  it('rejects with a reason, and a rejected registration holds no customer', async () => {
    const company = unique('Rejected Co');
    const created = await register(KEYS.northwind, company);
    const noReason = await server.request('POST', `/v1/deal-registrations/${created.body.id}/reject`, {
      token: KEYS.vendor,
      body: { reason: ' ' },
    });
    assert.equal(noReason.status, 400);
    const rejected = await server.request('POST', `/v1/deal-registrations/${created.body.id}/reject`, {
      token: KEYS.vendor,
      body: { reason: 'Outside your territory.' },
    });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.rejectionReason, 'Outside your territory.');
    assert.equal(rejected.body.history.at(-1).reason, 'Outside your territory.');
    const other = await register(KEYS.contoso, company);
    assert.equal(other.status, 201);
  });

  it('records a loss with its reason and no closed value', async () => {
    const created = await register(KEYS.northwind, unique('Lost Co'));
    await server.request('POST', `/v1/deal-registrations/${created.body.id}/approve`, { token: KEYS.vendor });
    const early = await server.request('POST', `/v1/deal-registrations/${created.body.id}/outcome`, {
      token: KEYS.vendor,
      body: { outcome: 'lost', reason: 'Budget cut.' },
    });
    assert.equal(early.status, 200);
    assert.equal(early.body.status, 'lost');
    assert.equal(early.body.closedValue, null);
    assert.equal(early.body.history.at(-1).reason, 'Budget cut.');
    const submitted = await register(KEYS.northwind, unique('Not Approved'));
    const notYet = await server.request('POST', `/v1/deal-registrations/${submitted.body.id}/outcome`, {
      token: KEYS.northwind,
      body: { outcome: 'won' },
    });
    assert.equal(notYet.status, 409);
  });

  it('expires at the end of protection: inactive at once, recorded by the system', async () => {
    const company = unique('Expiring Co');
    const created = await register(KEYS.northwind, company);
    const approved = await server.request('POST', `/v1/deal-registrations/${created.body.id}/approve`, {
      token: KEYS.vendor,
      body: { protectionDays: 1 },
    });
    assert.equal(approved.body.status, 'approved');
    const blocked = await register(KEYS.contoso, company);
    assert.equal(blocked.status, 409);

    server.clock.advance(DAY_MS + 1000);
    try {
      const late = await server.request('POST', `/v1/deal-registrations/${created.body.id}/extension`, {
        token: KEYS.northwind,
        body: { reason: 'Too late?' },
      });
      assert.equal(late.status, 409);
      problemShape(late.body, 409, 'invalid_state');
      const now = await register(KEYS.contoso, company);
      assert.equal(now.status, 201, 'an expired registration holds nothing');
      const got = await server.request('GET', `/v1/deal-registrations/${created.body.id}`, {
        token: KEYS.northwind,
      });
      assert.equal(got.body.status, 'expired');
      assert.equal(got.body.canRequestExtension, false);
      const last = got.body.history.at(-1);
      assert.deepEqual(
        [last.from, last.to, last.actor],
        ['approved', 'expired', { type: 'system', id: null, name: 'system' }],
      );
      assert.equal(got.body.history.filter((h: { to: string }) => h.to === 'expired').length, 1);
    } finally {
      server.clock.advance(-(DAY_MS + 1000));
    }
  });

  it('keeps history append-only in the database itself', async () => {
    const created = await register(KEYS.northwind, unique('Immutable'));
    await assert.rejects(
      server.db.query(`UPDATE deal_history SET reason = 'rewritten' WHERE registration_id = $1`, [
        created.body.id,
      ]),
      /append-only/,
    );
    await assert.rejects(
      server.db.query('DELETE FROM deal_history WHERE registration_id = $1', [created.body.id]),
      /append-only/,
    );
  });
});

describe('idempotency keys', () => {
  it('replays the first response for the same key and body, refuses another body', async () => {
    const body = registrationBody(unique('Idempotent'));
    const headers = { 'idempotency-key': `key-${Math.random().toString(36).slice(2)}` };
    const first = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const replay = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    const other = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body: { ...body, notes: 'changed' },
      headers,
    });
    assert.equal(other.status, 422);
    problemShape(other.body, 422, 'idempotency_key_reused');
    const list = await server.request('GET', '/v1/deal-registrations?limit=100', { token: KEYS.northwind });
    assert.equal(
      list.body.items.filter(
        (r: { customer: { company: string } }) => r.customer.company === body.customer.company,
      ).length,
      1,
    );
  });

  it('keys are per caller', async () => {
    const headers = { 'idempotency-key': `shared-${Math.random().toString(36).slice(2)}` };
    const a = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body: registrationBody(unique('Per Caller A')),
      headers,
    });
    const b = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.contoso,
      body: registrationBody(unique('Per Caller B')),
      headers,
    });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.body.id, b.body.id);
  });

  it('replays refusals too (a 409 stays a 409)', async () => {
    const headers = { 'idempotency-key': `refusal-${Math.random().toString(36).slice(2)}` };
    const body = registrationBody('Helios Airlines');
    const first = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    const second = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(first.status, 409);
    assert.equal(second.status, 409);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.body, first.body);
  });

  it('answers 409 idempotency_in_progress while the first request is still running', async () => {
    gate = new Promise((resolve) => {
      openGate = resolve;
    });
    const headers = { 'idempotency-key': `inflight-${Math.random().toString(36).slice(2)}` };
    const body = registrationBody('Slow Gate Inc');
    const first = server.request('POST', '/v1/deal-registrations', { token: KEYS.northwind, body, headers });
    // Wait until the first request holds the key.
    for (let i = 0; i < 100; i++) {
      const { rows } = await server.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [
        headers['idempotency-key'],
      ]);
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const second = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(second.status, 409);
    problemShape(second.body, 409, 'idempotency_in_progress');
    assert.equal(second.headers.get('retry-after'), '1');
    openGate();
    assert.equal((await first).status, 201);
    const third = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(third.status, 201);
    assert.equal(third.headers.get('idempotent-replayed'), 'true');
  });

  it('does not keep server errors: a retry with the same key runs again', async () => {
    const headers = { 'idempotency-key': `boom-${Math.random().toString(36).slice(2)}` };
    const body = registrationBody('Boom Corp');
    const failed = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(failed.status, 500);
    problemShape(failed.body, 500, 'internal');
    assert.ok(!failed.text.includes('database fell over'), 'internal errors are not leaked');
    const retried = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body,
      headers,
    });
    assert.equal(retried.status, 201);
    assert.equal(retried.headers.get('idempotent-replayed'), null);
  });
});
