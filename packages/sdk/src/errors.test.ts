// Every error kind, from real answers of a local server (and from no answer at all).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createPartnerkitClient,
  ERROR_KINDS,
  isPartnerkitError,
  type PartnerkitClient,
  PartnerkitError,
  type PartnerkitErrorKind,
} from './index.js';
import { sendProblem, startTestServer, type TestServer } from './test-support/server.js';

let server: TestServer;
let client: PartnerkitClient;

before(async () => {
  server = await startTestServer();
  client = createPartnerkitClient({ baseUrl: server.url, token: 'k', retry: false });
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function caught(promise: Promise<unknown>): Promise<PartnerkitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isPartnerkitError(error), `expected a PartnerkitError, got ${String(error)}`);
    assert.ok(error instanceof PartnerkitError);
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected the call to throw');
}

test('the kinds are a fixed list', () => {
  const expected: PartnerkitErrorKind[] = [
    'authentication',
    'permission',
    'not_found',
    'validation',
    'conflict',
    'rate_limit',
    'server',
    'network',
    'timeout',
    'aborted',
  ];
  assert.deepEqual([...ERROR_KINDS], expected);
});

describe('HTTP statuses map to kinds', () => {
  const cases: Array<[number, PartnerkitErrorKind, string]> = [
    [400, 'validation', 'validation_failed'],
    [401, 'authentication', 'unauthenticated'],
    [403, 'permission', 'forbidden'],
    [404, 'not_found', 'not_found'],
    [410, 'not_found', 'gone'],
    [409, 'conflict', 'invalid_state'],
    [418, 'validation', 'teapot'],
    [422, 'validation', 'exceeds_remaining'],
    [429, 'rate_limit', 'rate_limited'],
    [500, 'server', 'internal'],
    [503, 'server', 'unavailable'],
  ];
  for (const [status, kind, code] of cases) {
    test(`${status} -> ${kind}`, async () => {
      server.handle((_req, res) =>
        sendProblem(
          res,
          status,
          code,
          { detail: `detail ${status}`, instance: '/v1/me' },
          { 'X-Request-Id': `rq-${status}` },
        ),
      );
      const error = await caught(client.me.get());
      assert.equal(error.kind, kind);
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      assert.equal(error.title, `Problem ${code}`);
      assert.equal(error.detail, `detail ${status}`);
      assert.equal(error.requestId, `rq-${status}`);
      assert.equal(error.problem?.instance, '/v1/me');
      assert.equal(error.headers?.get('x-request-id'), `rq-${status}`);
      assert.equal(error.message, `Problem ${code}: detail ${status}`);
      assert.equal(error.name, 'PartnerkitError');
    });
  }
});

test('validation errors carry the field errors of the problem document', async () => {
  const errors = [
    { pointer: '/customer/company', code: 'required', message: 'company is required' },
    { pointer: '/estimatedValue/currency', code: 'pattern', message: 'must be ISO 4217' },
  ];
  server.handle((_req, res) => sendProblem(res, 400, 'validation_failed', { errors }));
  const error = await caught(
    client.deals.register({
      customer: { company: '', country: 'DE', contact: { name: 'A', email: 'a@b.example' } },
      products: ['p'],
      estimatedValue: { amount: 1, currency: 'euro' },
      expectedCloseDate: '2026-01-01',
      sourcing: 'sourced',
    }),
  );
  assert.equal(error.kind, 'validation');
  assert.deepEqual(error.errors, errors);
  assert.deepEqual(error.errorsAt('/customer'), [errors[0]]);
});

test('a deal conflict carries the conflict answer', async () => {
  const conflict = {
    result: 'conflict',
    reasons: [{ code: 'active_registration', message: 'An active registration exists for this customer.' }],
  };
  server.handle((_req, res) => sendProblem(res, 409, 'deal_conflict', { conflict }));
  const error = await caught(client.deals.checkConflict({ company: 'Globex' }));
  assert.equal(error.kind, 'conflict');
  assert.deepEqual(error.conflict, conflict);
});

test('the request id comes from the problem document when the header is missing', async () => {
  server.handle((_req, res) => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Gone',
      status: 410,
      code: 'gone',
      requestId: 'rq-body',
    });
    res.writeHead(410, { 'Content-Type': 'application/problem+json' });
    res.end(body);
  });
  const error = await caught(client.assets.get('a1'));
  assert.equal(error.requestId, 'rq-body');
  assert.equal(error.kind, 'not_found');
});

describe('error bodies that are not problem documents', () => {
  test('an HTML error page from a proxy', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html', 'X-Request-Id': 'edge-1' });
      res.end('<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>');
    });
    const error = await caught(client.me.get());
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 502);
    assert.equal(error.code, 'internal');
    assert.equal(error.title, 'Bad Gateway');
    assert.equal(error.detail, '502 Bad Gateway nginx');
    assert.equal(error.requestId, 'edge-1');
    assert.equal(error.problem, undefined);
  });

  test('an empty body', async () => {
    server.handle((_req, res) => {
      res.writeHead(403, { 'Content-Length': '0' });
      res.end();
    });
    const error = await caught(client.me.get());
    assert.equal(error.kind, 'permission');
    assert.equal(error.code, 'forbidden');
    assert.match(error.detail ?? '', /403 without a problem document/);
  });

  test('JSON that is not a problem document', async () => {
    server.handle((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('["nope"]');
    });
    const error = await caught(client.me.get());
    assert.equal(error.kind, 'not_found');
    assert.equal(error.code, 'not_found');
  });
});

describe('successes that are not', () => {
  test('a 2xx with a body that is not JSON throws invalid_response', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'rq-bad' });
      res.end('{"user": ');
    });
    const error = await caught(client.me.get());
    assert.equal(error.kind, 'server');
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.status, 200);
    assert.equal(error.requestId, 'rq-bad');
  });

  test('a 2xx with no body where data is expected throws invalid_response', async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const error = await caught(client.me.get());
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.status, 204);
  });
});

test('network: nothing listens', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const offline = createPartnerkitClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'k', retry: false });
  const error = await caught(offline.me.get());
  assert.equal(error.kind, 'network');
  assert.equal(error.status, 0);
  assert.equal(error.code, 'network_error');
  assert.ok(error.cause instanceof Error);
});

test('network: a fetch that throws', async () => {
  const broken = createPartnerkitClient({
    baseUrl: 'https://api.example.com',
    token: 'k',
    retry: false,
    fetch: async () => {
      throw new TypeError('Failed to fetch');
    },
  });
  const error = await caught(broken.me.get());
  assert.equal(error.kind, 'network');
  assert.equal(error.detail, 'Failed to fetch');
});

test('timeout and aborted', async () => {
  server.handle(() => {
    // never answers
  });
  const slow = createPartnerkitClient({ baseUrl: server.url, token: 'k', retry: false, timeoutMs: 20 });
  assert.equal((await caught(slow.me.get())).kind, 'timeout');
  const controller = new AbortController();
  const pending = client.me.get({ signal: controller.signal });
  setTimeout(() => controller.abort(), 5);
  assert.equal((await caught(pending)).kind, 'aborted');
});

test('isPartnerkitError and instanceof recognise errors of another copy of the SDK', async () => {
  const copy = (await import(`./errors.js?copy=${Date.now()}`)) as typeof import('./errors.js');
  assert.notEqual(copy.PartnerkitError, PartnerkitError, 'a distinct copy of the module');
  const foreign = new copy.PartnerkitError({ kind: 'conflict', status: 409 });
  assert.ok(isPartnerkitError(foreign));
  assert.ok(foreign instanceof PartnerkitError);
  const ours = new PartnerkitError({ kind: 'server', status: 500 });
  assert.ok(copy.isPartnerkitError(ours));
  assert.ok(!isPartnerkitError(new Error('plain')));
  assert.ok(!isPartnerkitError({ kind: 'server' }));
  assert.ok(!isPartnerkitError(null));
  assert.ok(!(new Error('plain') instanceof PartnerkitError));
});

test('a thrown error is never a resolved value: every failure rejects', async () => {
  server.handle((_req, res) => sendProblem(res, 500, 'internal'));
  const calls: Array<() => Promise<unknown>> = [
    () => client.me.get(),
    () => client.products.list(),
    () => client.deals.list(),
    () => client.deals.fields(),
    () => client.training.listLearningPaths(),
    () => client.tiers.list(),
    () => client.tiers.progress(),
    () => client.mdf.listFunds(),
    () => client.assets.list(),
    () => client.mdf.payClaim('c1'),
  ];
  for (const call of calls) await caught(call());
  assert.equal(server.requests.length, calls.length);
});
