// Happy paths of every resource group against a real local HTTP server: what is sent (method,
// path, query, body, headers) and what comes back.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createPartnerkitClient, type PartnerkitClient } from './index.js';
import * as fx from './test-support/fixtures.js';
import {
  type Handler,
  type ReceivedRequest,
  sendJson,
  startTestServer,
  type TestServer,
} from './test-support/server.js';

type Answer = { status?: number; body: unknown };
let server: TestServer;
let client: PartnerkitClient;
let routes: Record<string, (req: ReceivedRequest) => Answer>;

const router: Handler = (req, res) => {
  const route = routes[`${req.method} ${req.path}`];
  if (!route) {
    sendJson(res, 404, { type: 'about:blank', title: 'No route', status: 404, code: 'not_found' });
    return;
  }
  const answer = route(req);
  sendJson(res, answer.status ?? 200, answer.body);
};

before(async () => {
  server = await startTestServer(router);
  client = createPartnerkitClient({
    baseUrl: server.url,
    token: 'pk_test_key',
    headers: { 'X-Client': 'tests' },
  });
});
after(() => server.close());
beforeEach(() => {
  routes = {};
  server.requests.length = 0;
});

const last = () => server.requests.at(-1)!;

describe('me, products, sessions', () => {
  test('me.get sends the bearer token and client headers and returns the caller', async () => {
    routes['GET /v1/me'] = () => ({ body: fx.me });
    const me = await client.me.get();
    assert.deepEqual(me, fx.me);
    assert.equal(me.partner?.name, 'Northwind Systems');
    assert.equal(last().headers.authorization, 'Bearer pk_test_key');
    assert.equal(last().headers['x-client'], 'tests');
    assert.match(String(last().headers.accept), /application\/json/);
  });

  test('products.list unwraps the items', async () => {
    routes['GET /v1/products'] = () => ({ body: { items: [fx.product] } });
    assert.deepEqual(await client.products.list(), [fx.product]);
  });

  test('sessions.create posts the input with an idempotency key', async () => {
    routes['POST /v1/sessions'] = () => ({ status: 201, body: fx.session });
    const input = { partnerId: 'prt_northwind', user: { email: 'sam@northwind.example', name: 'Sam Lee' } };
    assert.deepEqual(await client.sessions.create(input), fx.session);
    assert.deepEqual(last().body, input);
    assert.match(String(last().headers['idempotency-key']), /^[0-9a-f-]{36}$/);
  });
});

describe('deals', () => {
  const input = {
    customer: {
      company: 'Globex GmbH',
      country: 'DE',
      contact: { name: 'Hank Scorpio', email: 'hank@globex.example' },
    },
    products: ['prd_analytics'],
    estimatedValue: { amount: 1_250_000, currency: 'EUR' },
    expectedCloseDate: '2026-06-30',
    sourcing: 'sourced' as const,
  };

  test('list sends status (repeated), limit and cursor and returns the page', async () => {
    routes['GET /v1/deal-registrations'] = () => ({ body: { items: [fx.deal('1')], nextCursor: 'c2' } });
    const page = await client.deals.list({ status: ['approved', 'submitted'], limit: 10, cursor: 'c1' });
    assert.deepEqual(page, { items: [fx.deal('1')], nextCursor: 'c2' });
    assert.deepEqual(last().query.getAll('status'), ['approved', 'submitted']);
    assert.equal(last().query.get('limit'), '10');
    assert.equal(last().query.get('cursor'), 'c1');
  });

  test('get fetches one registration by id (encoded)', async () => {
    routes['GET /v1/deal-registrations/dr_1'] = () => ({ body: fx.deal('dr_1') });
    assert.equal((await client.deals.get('dr_1')).id, 'dr_1');
  });

  test('register posts the input with a generated idempotency key, a new one per call', async () => {
    routes['POST /v1/deal-registrations'] = (req) => ({
      status: 201,
      body: fx.deal('7', { notes: String(req.body) }),
    });
    const deal = await client.deals.register(input);
    assert.equal(deal.id, '7');
    assert.equal(deal.status, 'submitted');
    assert.deepEqual(last().body, input);
    assert.equal(last().headers['content-type'], 'application/json');
    const first = last().headers['idempotency-key'];
    assert.match(String(first), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await client.deals.register(input);
    assert.notEqual(last().headers['idempotency-key'], first);
  });

  test('register sends the caller’s idempotency key when given', async () => {
    routes['POST /v1/deal-registrations'] = () => ({ status: 201, body: fx.deal('8') });
    await client.deals.register(input, { idempotencyKey: 'draft-42-submit' });
    assert.equal(last().headers['idempotency-key'], 'draft-42-submit');
  });

  test('checkConflict posts the question and returns the answer', async () => {
    routes['POST /v1/deal-registrations/conflict-check'] = () => ({ body: fx.conflictClear });
    const answer = await client.deals.checkConflict({ company: 'Globex', products: ['prd_analytics'] });
    assert.deepEqual(answer, fx.conflictClear);
    assert.deepEqual(last().body, { company: 'Globex', products: ['prd_analytics'] });
    assert.equal(last().headers['idempotency-key'], undefined);
  });

  test('fields unwraps the custom fields', async () => {
    routes['GET /v1/deal-registrations/fields'] = () => ({ body: { items: [fx.customField] } });
    assert.deepEqual(await client.deals.fields(), [fx.customField]);
  });

  test('the lifecycle writes post to their paths with their bodies', async () => {
    for (const action of ['extension', 'review', 'approve', 'reject', 'outcome']) {
      routes[`POST /v1/deal-registrations/dr_1/${action}`] = (req) => ({
        body: fx.deal('dr_1', { notes: `${action}:${JSON.stringify(req.body)}` }),
      });
    }
    assert.equal(
      (await client.deals.requestExtension('dr_1', { reason: 'Procurement slipped' })).notes,
      'extension:{"reason":"Procurement slipped"}',
    );
    assert.equal((await client.deals.startReview('dr_1')).notes, 'review:{}');
    assert.equal(
      (await client.deals.approve('dr_1', { protectionDays: 120 })).notes,
      'approve:{"protectionDays":120}',
    );
    assert.equal(
      (await client.deals.reject('dr_1', { reason: 'Duplicate' })).notes,
      'reject:{"reason":"Duplicate"}',
    );
    assert.equal(
      (
        await client.deals.reportOutcome('dr_1', {
          outcome: 'won',
          closedValue: { amount: 5, currency: 'EUR' },
        })
      ).notes,
      'outcome:{"outcome":"won","closedValue":{"amount":5,"currency":"EUR"}}',
    );
    for (const r of server.requests) assert.ok(r.headers['idempotency-key'], `${r.path} carries a key`);
  });

  test('an id the path cannot hold is refused before any request', async () => {
    await assert.rejects(client.deals.get(''), (e: unknown) => {
      assert.ok(e instanceof Error && 'kind' in e && e.kind === 'validation');
      return true;
    });
    assert.equal(server.requests.length, 0);
  });

  test('path ids are encoded', async () => {
    routes['GET /v1/deal-registrations/a%2Fb'] = () => ({ body: fx.deal('x') });
    assert.equal((await client.deals.get('a/b')).id, 'x');
  });
});

describe('training', () => {
  test('learning paths, courses, enrolments and certifications', async () => {
    routes['GET /v1/learning-paths'] = () => ({ body: { items: [fx.learningPath] } });
    routes['GET /v1/courses'] = () => ({ body: { items: [fx.course('crs_1')], nextCursor: null } });
    routes['GET /v1/enrollments'] = () => ({ body: { items: [fx.enrollment], nextCursor: null } });
    routes['POST /v1/enrollments'] = () => ({ status: 201, body: fx.enrollment });
    routes['POST /v1/enrollments/enr_1/modules/mod_1/completion'] = () => ({ body: fx.moduleCompletion });
    routes['GET /v1/certifications'] = () => ({ body: { items: [fx.certification], nextCursor: null } });

    assert.deepEqual(await client.training.listLearningPaths({ all: true }), [fx.learningPath]);
    assert.equal(last().query.get('all'), 'true');
    assert.deepEqual((await client.training.listCourses({ pathId: 'lp_sales' })).items, [fx.course('crs_1')]);
    assert.equal(last().query.get('pathId'), 'lp_sales');
    assert.deepEqual((await client.training.listEnrollments({ scope: 'organization' })).items, [
      fx.enrollment,
    ]);
    assert.equal(last().query.get('scope'), 'organization');
    assert.deepEqual(await client.training.enroll({ courseId: 'crs_1' }), fx.enrollment);
    assert.deepEqual(last().body, { courseId: 'crs_1' });
    const completion = await client.training.completeModule('enr_1', 'mod_1');
    assert.equal(completion.certification?.name, 'Certified Seller');
    assert.ok(last().headers['idempotency-key']);
    assert.equal(last().body, undefined);
    assert.deepEqual((await client.training.listCertifications()).items, [fx.certification]);

    const all = [];
    for await (const c of client.training.listAllCourses()) all.push(c.id);
    assert.deepEqual(all, ['crs_1']);
    for await (const e of client.training.listAllEnrollments()) assert.equal(e.id, 'enr_1');
    for await (const c of client.training.listAllCertifications()) assert.equal(c.id, 'crt_1');
  });
});

describe('tiers', () => {
  test('list and progress', async () => {
    routes['GET /v1/tiers'] = () => ({ body: { items: [fx.tier] } });
    routes['GET /v1/tier-progress'] = () => ({ body: fx.tierProgress });
    assert.deepEqual(await client.tiers.list(), [fx.tier]);
    const progress = await client.tiers.progress({ partnerId: 'prt_northwind' });
    assert.equal(progress.criteria[0]?.remaining, 8);
    assert.equal(last().query.get('partnerId'), 'prt_northwind');
  });
});

describe('mdf', () => {
  test('funds, requests and claims', async () => {
    routes['GET /v1/mdf/funds'] = () => ({ body: { items: [fx.fund] } });
    routes['POST /v1/mdf/funds'] = () => ({ status: 201, body: fx.fund });
    routes['GET /v1/mdf/requests'] = () => ({ body: { items: [fx.mdfRequest('mdr_1')], nextCursor: null } });
    routes['GET /v1/mdf/requests/mdr_1'] = () => ({ body: fx.mdfRequest('mdr_1') });
    routes['POST /v1/mdf/requests'] = () => ({ status: 201, body: fx.mdfRequest('mdr_2') });
    routes['POST /v1/mdf/requests/mdr_1/approve'] = (req) => ({
      body: { ...fx.mdfRequest('mdr_1'), status: 'approved', description: JSON.stringify(req.body) },
    });
    routes['POST /v1/mdf/requests/mdr_1/reject'] = (req) => ({
      body: { ...fx.mdfRequest('mdr_1'), status: 'rejected', description: JSON.stringify(req.body) },
    });
    routes['POST /v1/mdf/requests/mdr_1/claims'] = () => ({ status: 201, body: fx.claim });
    routes['POST /v1/mdf/claims/clm_1/approve'] = () => ({ body: { ...fx.claim, status: 'approved' } });
    routes['POST /v1/mdf/claims/clm_1/reject'] = (req) => ({
      body: { ...fx.claim, status: 'rejected', rejectionReason: (req.body as { reason: string }).reason },
    });
    routes['POST /v1/mdf/claims/clm_1/pay'] = () => ({ body: { ...fx.claim, status: 'paid' } });

    assert.deepEqual(await client.mdf.listFunds(), [fx.fund]);
    assert.deepEqual(
      await client.mdf.createFund({
        partnerId: 'prt_northwind',
        period: fx.fund.period,
        allocated: { amount: 5_000_000, currency: 'EUR' },
      }),
      fx.fund,
    );
    assert.equal((await client.mdf.listRequests({ status: ['submitted'], fundId: 'fnd_1' })).items.length, 1);
    assert.deepEqual(last().query.getAll('status'), ['submitted']);
    assert.equal(last().query.get('fundId'), 'fnd_1');
    assert.equal((await client.mdf.getRequest('mdr_1')).id, 'mdr_1');
    const created = await client.mdf.createRequest({
      fundId: 'fnd_1',
      activityType: 'webinar',
      title: 'Spring webinar',
      description: 'A webinar.',
      startsOn: '2026-03-01',
      endsOn: '2026-03-02',
      requestedAmount: { amount: 200_000, currency: 'EUR' },
      expectedOutcome: { leads: 20, pipeline: { amount: 1_000_000, currency: 'EUR' } },
    });
    assert.equal(created.id, 'mdr_2');
    const approved = await client.mdf.approveRequest('mdr_1', { amount: { amount: 100, currency: 'EUR' } });
    assert.equal(approved.description, '{"amount":{"amount":100,"currency":"EUR"}}');
    assert.equal((await client.mdf.rejectRequest('mdr_1', { reason: 'Off-brand' })).status, 'rejected');
    const claim = await client.mdf.createClaim('mdr_1', {
      amount: { amount: 100_000, currency: 'EUR' },
      proofs: [{ fileName: 'invoice.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0=' }],
      results: { leads: 10, pipeline: { amount: 500_000, currency: 'EUR' } },
    });
    assert.equal(claim.id, 'clm_1');
    assert.equal((await client.mdf.approveClaim('clm_1')).status, 'approved');
    assert.equal((await client.mdf.rejectClaim('clm_1', { reason: 'No proof' })).rejectionReason, 'No proof');
    assert.equal((await client.mdf.payClaim('clm_1')).status, 'paid');
    for await (const r of client.mdf.listAllRequests()) assert.equal(r.id, 'mdr_1');
  });
});

describe('assets', () => {
  test('list with filters, get with template, download', async () => {
    const { template: _template, ...asset } = fx.assetDetail;
    routes['GET /v1/assets'] = () => ({ body: { items: [asset], nextCursor: null, total: 1 } });
    routes['GET /v1/assets/ast_1'] = () => ({ body: fx.assetDetail });
    routes['POST /v1/assets/ast_1/downloads'] = (req) => ({
      status: 201,
      body: { ...fx.assetDownload, coBranded: (req.body as { coBrand: boolean }).coBrand },
    });

    const page = await client.assets.list({ q: 'datasheet', type: ['datasheet', 'brochure'], sort: 'title' });
    assert.equal(page.total, 1);
    assert.deepEqual(page.items, [asset]);
    assert.equal(last().query.get('q'), 'datasheet');
    assert.deepEqual(last().query.getAll('type'), ['datasheet', 'brochure']);
    assert.equal(last().query.get('sort'), 'title');
    assert.equal((await client.assets.get('ast_1')).template?.slots[0]?.key, 'logo');
    assert.equal((await client.assets.download('ast_1', { coBrand: true })).coBranded, true);
    assert.equal((await client.assets.download('ast_1')).coBranded, false);
    const ids = [];
    for await (const a of client.assets.listAll()) ids.push(a.id);
    assert.deepEqual(ids, ['ast_1']);
  });
});

describe('raw', () => {
  test('the typed openapi-fetch client shares auth and returns { data, error, response }', async () => {
    routes['GET /v1/me'] = () => ({ body: fx.me });
    const { data, error, response } = await client.raw.GET('/v1/me');
    assert.equal(error, undefined);
    assert.equal(response.status, 200);
    assert.equal(data?.user.id, 'usr_1');
    assert.equal(last().headers.authorization, 'Bearer pk_test_key');
    const missing = await client.raw.GET('/v1/deal-registrations/{id}', { params: { path: { id: 'nope' } } });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.error?.code, 'not_found');
  });
});

describe('options', () => {
  test('bad options are refused with a clear message', () => {
    assert.throws(() => createPartnerkitClient({ baseUrl: '' }), /baseUrl must be a non-empty string/);
    assert.throws(() => createPartnerkitClient({ baseUrl: 'not a url' }), /is not a URL/);
    assert.throws(() => createPartnerkitClient({ baseUrl: 'ftp://x.example' }), /http or https/);
    assert.throws(() => createPartnerkitClient({ baseUrl: server.url, token: '' }), /token must be/);
    assert.throws(() => createPartnerkitClient({ baseUrl: server.url, timeoutMs: -1 }), /timeoutMs/);
    assert.throws(
      () => createPartnerkitClient({ baseUrl: server.url, retry: { maxRetries: -1 } }),
      /maxRetries/,
    );
    assert.throws(
      () => createPartnerkitClient({ baseUrl: server.url, retry: { minDelayMs: 100, maxDelayMs: 10 } }),
      /maxDelayMs/,
    );
  });

  test('a base URL with a path prefix and trailing slash is honoured', async () => {
    routes['GET /api/v1/me'] = () => ({ body: fx.me });
    const prefixed = createPartnerkitClient({ baseUrl: `${server.url}/api/`, token: 't' });
    assert.deepEqual(await prefixed.me.get(), fx.me);
  });
});
