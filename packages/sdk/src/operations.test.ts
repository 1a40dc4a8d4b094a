// The table of operations behind the client: every line agrees with the contract, and every method
// sends its request to the right method and path, with its query, body and idempotency key, and
// unwraps the answer as its type says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'yaml';
import { OPERATIONS } from './client.js';
import { createPartnerkitClient, type PartnerkitClient } from './index.js';
import { sendJson, startTestServer, type TestServer } from './test-support/server.js';

interface Operation {
  get?: Operation;
  post?: Operation;
  operationId: string;
  parameters?: { $ref?: string; in?: string; name?: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: Schema & { $ref?: string } }> }>;
}
type Schema = { properties?: Record<string, unknown> };
const contract = parse(readFileSync(new URL('../../api/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Operation>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, { in: string; name: string }> };
};
const deref = <T>(ref: string): T =>
  ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], contract) as T;

const lines = Object.entries(OPERATIONS).flatMap(([group, text]) =>
  text.split('\n').map((line) => {
    const [name, method, path, shape = ''] = line.split(' ') as [string, string, string, string?];
    return { group, name, method, path, shape };
  }),
);

describe('the table of operations', () => {
  test('covers every operation of the contract a client calls, once', () => {
    const inContract = Object.entries(contract.paths).flatMap(([path, item]) =>
      (['get', 'post'] as const).filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const inTable = lines.map((l) => `${l.method === 'GET' ? 'GET' : 'POST'} ${l.path}`);
    assert.equal(new Set(inTable).size, inTable.length, 'no operation twice');
    // Signed file links are fetched by the browser itself, never through the client.
    assert.deepEqual(
      inContract.filter((op) => !inTable.includes(op)),
      ['GET /healthz', 'GET /v1/files/{token}'],
    );
  });

  for (const { group, name, method, path, shape } of lines) {
    test(`${group}.${name}: ${method} ${path} ${shape}`, () => {
      const item = contract.paths[path];
      const op = item?.[method === 'GET' ? 'get' : 'post'];
      assert.ok(op, 'the contract has this operation');
      const params = [...(item!.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
        p.$ref ? deref<{ in: string; name: string }>(p.$ref) : (p as { in: string; name: string }),
      );
      assert.equal(
        params.some((p) => p.in === 'query'),
        shape.includes('q'),
        'takes a query exactly when the contract has query parameters',
      );
      assert.equal(!!op.requestBody, shape.includes('b'), 'takes a body exactly when the contract has one');
      assert.equal(
        params.some((p) => p.name === 'Idempotency-Key'),
        method === 'POST',
        'sends an idempotency key exactly when the contract accepts one',
      );
      assert.deepEqual(
        [...path.matchAll(/{(\w+)}/g)].map((m) => m[1]),
        params.filter((p) => p.in === 'path').map((p) => p.name),
        'path parameters in order',
      );
      const answer = op.responses['200'] ?? op.responses['201'];
      const schema = answer?.content?.['application/json']?.schema;
      const props = Object.keys((schema?.$ref ? deref<Schema>(schema.$ref) : schema)?.properties ?? {});
      assert.equal(shape.includes('p'), props.includes('nextCursor'), 'a page exactly when it has a cursor');
      assert.equal(
        shape.includes('i'),
        props.includes('items') && !props.includes('nextCursor'),
        'unwraps the items of a plain list',
      );
    });
  }
});

describe('every method against a real server', () => {
  let server: TestServer;
  let client: PartnerkitClient;
  const answer = { items: [{ id: 'x1' }], nextCursor: null };

  before(async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, answer));
    client = createPartnerkitClient({ baseUrl: server.url, token: 'k', retry: false });
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  type Result = 'page' | 'items' | 'whole';
  const q = { limit: 5, cursor: 'c1' };
  const body = { reason: 'Because' };
  // One call of each method, typed against the client's interface, with what must be sent.
  const calls: [string, (c: PartnerkitClient) => Promise<unknown>, string, object | undefined, Result][] = [
    ['GET /v1/me', (c) => c.me.get(), '', undefined, 'whole'],
    ['GET /v1/products', (c) => c.products.list(), '', undefined, 'items'],
    [
      'POST /v1/sessions',
      (c) => c.sessions.create({ partnerId: 'p1', user: { email: 'a@b.example', name: 'A' } }),
      '',
      { partnerId: 'p1', user: { email: 'a@b.example', name: 'A' } },
      'whole',
    ],
    ['GET /v1/deal-registrations', (c) => c.deals.list(q), 'limit=5&cursor=c1', undefined, 'page'],
    ['GET /v1/deal-registrations/d%201', (c) => c.deals.get('d 1'), '', undefined, 'whole'],
    ['POST /v1/deal-registrations', (c) => c.deals.register(body as never), '', body, 'whole'],
    [
      'POST /v1/deal-registrations/conflict-check',
      (c) => c.deals.checkConflict({ company: 'Globex' }),
      '',
      { company: 'Globex' },
      'whole',
    ],
    ['GET /v1/deal-registrations/fields', (c) => c.deals.fields(), '', undefined, 'items'],
    [
      'POST /v1/deal-registrations/d1/extension',
      (c) => c.deals.requestExtension('d1', body),
      '',
      body,
      'whole',
    ],
    ['POST /v1/deal-registrations/d1/review', (c) => c.deals.startReview('d1'), '', {}, 'whole'],
    [
      'POST /v1/deal-registrations/d1/approve',
      (c) => c.deals.approve('d1', { protectionDays: 30 }),
      '',
      { protectionDays: 30 },
      'whole',
    ],
    ['POST /v1/deal-registrations/d1/reject', (c) => c.deals.reject('d1', body), '', body, 'whole'],
    [
      'POST /v1/deal-registrations/d1/outcome',
      (c) => c.deals.reportOutcome('d1', { outcome: 'lost' }),
      '',
      { outcome: 'lost' },
      'whole',
    ],
    [
      'GET /v1/learning-paths',
      (c) => c.training.listLearningPaths({ all: true }),
      'all=true',
      undefined,
      'items',
    ],
    ['GET /v1/courses', (c) => c.training.listCourses(q), 'limit=5&cursor=c1', undefined, 'page'],
    ['GET /v1/enrollments', (c) => c.training.listEnrollments(q), 'limit=5&cursor=c1', undefined, 'page'],
    ['POST /v1/enrollments', (c) => c.training.enroll({ courseId: 'c1' }), '', { courseId: 'c1' }, 'whole'],
    [
      'POST /v1/enrollments/e1/modules/m%2F1/completion',
      (c) => c.training.completeModule('e1', 'm/1'),
      '',
      undefined,
      'whole',
    ],
    [
      'GET /v1/certifications',
      (c) => c.training.listCertifications(q),
      'limit=5&cursor=c1',
      undefined,
      'page',
    ],
    ['GET /v1/tiers', (c) => c.tiers.list(), '', undefined, 'items'],
    [
      'GET /v1/tier-progress',
      (c) => c.tiers.progress({ partnerId: 'p1' }),
      'partnerId=p1',
      undefined,
      'whole',
    ],
    ['GET /v1/mdf/funds', (c) => c.mdf.listFunds({ partnerId: 'p1' }), 'partnerId=p1', undefined, 'items'],
    ['POST /v1/mdf/funds', (c) => c.mdf.createFund(body as never), '', body, 'whole'],
    [
      'GET /v1/mdf/requests',
      (c) => c.mdf.listRequests({ status: ['submitted', 'approved'] }),
      'status=submitted&status=approved',
      undefined,
      'page',
    ],
    ['GET /v1/mdf/requests/r1', (c) => c.mdf.getRequest('r1'), '', undefined, 'whole'],
    ['POST /v1/mdf/requests', (c) => c.mdf.createRequest(body as never), '', body, 'whole'],
    ['POST /v1/mdf/requests/r1/approve', (c) => c.mdf.approveRequest('r1'), '', {}, 'whole'],
    ['POST /v1/mdf/requests/r1/reject', (c) => c.mdf.rejectRequest('r1', body), '', body, 'whole'],
    ['POST /v1/mdf/requests/r1/claims', (c) => c.mdf.createClaim('r1', body as never), '', body, 'whole'],
    ['POST /v1/mdf/claims/k1/approve', (c) => c.mdf.approveClaim('k1'), '', {}, 'whole'],
    ['POST /v1/mdf/claims/k1/reject', (c) => c.mdf.rejectClaim('k1', body), '', body, 'whole'],
    ['POST /v1/mdf/claims/k1/pay', (c) => c.mdf.payClaim('k1'), '', undefined, 'whole'],
    [
      'GET /v1/assets',
      (c) => c.assets.list({ q: 'logo', sort: 'title' }),
      'q=logo&sort=title',
      undefined,
      'page',
    ],
    ['GET /v1/assets/a1', (c) => c.assets.get('a1'), '', undefined, 'whole'],
    ['POST /v1/assets/a1/downloads', (c) => c.assets.download('a1'), '', { coBrand: false }, 'whole'],
  ];

  test('the list of calls has one of each method of the table', () => {
    const methods = lines.map((l) => `${l.group}.${l.name}`);
    const called = calls.map(([, call]) => {
      const seen: string[] = [];
      const spy = new Proxy({} as PartnerkitClient, {
        get: (_, group: string) =>
          new Proxy({}, { get: (__, name: string) => () => seen.push(`${group}.${name}`) }),
      });
      call(spy);
      return seen[0];
    });
    assert.deepEqual(called, methods);
  });

  for (const [route, call, query, sent, result] of calls) {
    test(route, async () => {
      const got = await call(client);
      assert.equal(server.requests.length, 1);
      const r = server.requests[0]!;
      const [method, path] = route.split(' ');
      assert.equal(r.method, method);
      // Ids are percent-encoded into the path.
      assert.equal(r.path, path);
      assert.equal(r.query.toString(), query);
      assert.deepEqual(r.body, sent);
      assert.equal(r.headers['content-type'], sent === undefined ? undefined : 'application/json');
      const key = r.headers['idempotency-key'];
      if (method === 'POST' && !path!.endsWith('conflict-check'))
        assert.match(String(key), /^[0-9a-f-]{36}$/);
      else assert.equal(key, undefined);
      assert.deepEqual(got, result === 'items' ? answer.items : answer);
    });
  }

  test('each listAll walks the pages of its list', async () => {
    const iterators = [
      client.deals.listAll(q),
      client.training.listAllCourses(q),
      client.training.listAllEnrollments(q),
      client.training.listAllCertifications(q),
      client.mdf.listAllRequests({ status: ['approved'] }),
      client.assets.listAll({ q: 'logo' }),
    ];
    for (const it of iterators) {
      const ids = [];
      for await (const x of it) ids.push((x as { id: string }).id);
      assert.deepEqual(ids, ['x1']);
    }
    assert.deepEqual(
      server.requests.map((r) => `${r.path}?${r.query}`),
      [
        '/v1/deal-registrations?limit=5&cursor=c1',
        '/v1/courses?limit=5&cursor=c1',
        '/v1/enrollments?limit=5&cursor=c1',
        '/v1/certifications?limit=5&cursor=c1',
        '/v1/mdf/requests?status=approved',
        '/v1/assets?q=logo',
      ],
    );
  });
});
