// fetchToken: awaited before the first call, shared by concurrent calls, called again once after
// a 401 (then the call is resent once), and a second 401 throws.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createPartnerkitClient, isPartnerkitError } from './index.js';
import * as fx from './test-support/fixtures.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from './test-support/server.js';

let server: TestServer;
/** Tokens the server accepts. */
let valid: Set<string>;

before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  valid = new Set();
  server.handle((req, res) => {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!valid.has(token)) {
      sendProblem(res, 401, 'unauthenticated', { detail: 'Token expired' });
      return;
    }
    if (req.method === 'POST') sendJson(res, 201, fx.deal('d1', { notes: token }));
    else sendJson(res, 200, fx.me);
  });
});

/** A fetchToken that counts its calls and hands out tok1, tok2, ... after `gate` opens. */
function tokenServer() {
  let calls = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    get calls() {
      return calls;
    },
    open,
    fetchToken: async () => {
      calls++;
      const token = `tok${calls}`;
      await gate;
      return token;
    },
  };
}

test('fetchToken is awaited before the first call and its token is sent', async () => {
  const tokens = tokenServer();
  valid.add('tok1');
  const client = createPartnerkitClient({ baseUrl: server.url, fetchToken: tokens.fetchToken });
  const pending = client.me.get();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(server.requests.length, 0, 'no request before the token is there');
  tokens.open();
  assert.deepEqual(await pending, fx.me);
  assert.equal(server.requests[0]?.headers.authorization, 'Bearer tok1');
  await client.me.get();
  assert.equal(tokens.calls, 1, 'the token is kept for later calls');
});

test('concurrent calls share one pending token fetch', async () => {
  const tokens = tokenServer();
  valid.add('tok1');
  const client = createPartnerkitClient({ baseUrl: server.url, fetchToken: tokens.fetchToken });
  const calls = Array.from({ length: 5 }, () => client.me.get());
  tokens.open();
  await Promise.all(calls);
  assert.equal(tokens.calls, 1);
  assert.equal(server.requests.length, 5);
});

test('after a 401 the token is fetched again once and the call is resent with it', async () => {
  const tokens = tokenServer();
  tokens.open();
  valid.add('tok1');
  const client = createPartnerkitClient({ baseUrl: server.url, fetchToken: tokens.fetchToken });
  await client.me.get();
  valid.clear();
  valid.add('tok2');
  const deal = await client.deals.register(
    {
      customer: { company: 'Globex', country: 'DE', contact: { name: 'A', email: 'a@globex.example' } },
      products: ['p'],
      estimatedValue: { amount: 1, currency: 'EUR' },
      expectedCloseDate: '2026-06-30',
      sourcing: 'sourced',
    },
    { idempotencyKey: 'refresh-key-1' },
  );
  assert.equal(deal.notes, 'tok2');
  assert.equal(tokens.calls, 2);
  const posts = server.requests.filter((r) => r.method === 'POST');
  assert.deepEqual(
    posts.map((r) => [
      r.headers.authorization,
      r.headers['idempotency-key'],
      (r.body as { products: string[] }).products,
    ]),
    [
      ['Bearer tok1', 'refresh-key-1', ['p']],
      ['Bearer tok2', 'refresh-key-1', ['p']],
    ],
    'the resent call carries the same body and key',
  );
});

test('concurrent 401s share one refresh', async () => {
  const tokens = tokenServer();
  tokens.open();
  valid.add('tok1');
  const client = createPartnerkitClient({ baseUrl: server.url, fetchToken: tokens.fetchToken });
  await client.me.get();
  valid.clear();
  valid.add('tok2');
  await Promise.all(Array.from({ length: 4 }, () => client.me.get()));
  assert.equal(tokens.calls, 2);
});

test('a second 401 throws an authentication error', async () => {
  let calls = 0;
  const client = createPartnerkitClient({
    baseUrl: server.url,
    fetchToken: async () => `never-valid-${++calls}`,
  });
  const error = await client.me.get().then(
    () => assert.fail('expected a 401'),
    (e: unknown) => e,
  );
  assert.ok(isPartnerkitError(error));
  assert.equal(error.kind, 'authentication');
  assert.equal(error.status, 401);
  assert.equal(error.code, 'unauthenticated');
  assert.equal(error.detail, 'Token expired');
  assert.equal(calls, 2, 'one fetch before, one after the 401');
  assert.equal(server.requests.length, 2, 'the call is resent once, not more');
});

test('a fixed token is never refreshed: a 401 throws at once', async () => {
  const client = createPartnerkitClient({ baseUrl: server.url, token: 'stale' });
  await assert.rejects(client.me.get(), { kind: 'authentication', status: 401 });
  assert.equal(server.requests.length, 1);
});

test('a token and fetchToken together: the token first, fetchToken after a 401', async () => {
  valid.add('fresh');
  let calls = 0;
  const client = createPartnerkitClient({
    baseUrl: server.url,
    token: 'stale',
    fetchToken: async () => {
      calls++;
      return 'fresh';
    },
  });
  await client.me.get();
  assert.equal(calls, 1);
  assert.deepEqual(
    server.requests.map((r) => r.headers.authorization),
    ['Bearer stale', 'Bearer fresh'],
  );
});

test('a failing fetchToken becomes an authentication error with the cause, and the next call tries again', async () => {
  valid.add('ok');
  let fail = true;
  const client = createPartnerkitClient({
    baseUrl: server.url,
    fetchToken: async () => {
      if (fail) throw new Error('session endpoint down');
      return 'ok';
    },
  });
  const error = await client.me.get().catch((e: unknown) => e);
  assert.ok(isPartnerkitError(error));
  assert.equal(error.kind, 'authentication');
  assert.equal(error.code, 'token_unavailable');
  assert.equal((error.cause as Error).message, 'session endpoint down');
  assert.equal(server.requests.length, 0);
  fail = false;
  assert.deepEqual(await client.me.get(), fx.me);
});

test('fetchToken resolving with no token is refused clearly', async () => {
  const client = createPartnerkitClient({ baseUrl: server.url, fetchToken: async () => '' });
  await assert.rejects(client.me.get(), { kind: 'authentication', code: 'token_unavailable' });
});

test('a caller’s own Authorization header is sent as is and never refreshed', async () => {
  let calls = 0;
  const client = createPartnerkitClient({
    baseUrl: server.url,
    fetchToken: async () => {
      calls++;
      return 'x';
    },
  });
  await assert.rejects(client.me.get({ headers: { Authorization: 'Bearer mine' } }), {
    kind: 'authentication',
  });
  assert.equal(calls, 0);
  assert.equal(server.requests[0]?.headers.authorization, 'Bearer mine');
});

test('waiting for a token is abortable', async () => {
  const tokens = tokenServer();
  const client = createPartnerkitClient({ baseUrl: server.url, fetchToken: tokens.fetchToken });
  const controller = new AbortController();
  const pending = client.me.get({ signal: controller.signal });
  controller.abort();
  await assert.rejects(pending, { kind: 'aborted' });
  assert.equal(server.requests.length, 0);
  tokens.open();
});
