// Retries (Stripe's policy), their limits, timeouts and aborts, against a real local server.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createPartnerkitClient,
  isPartnerkitError,
  type PartnerkitClientOptions,
  type PartnerkitError,
  type RetryInfo,
} from './index.js';
import * as fx from './test-support/fixtures.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from './test-support/server.js';

let server: TestServer;
let retries: RetryInfo[];

before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  retries = [];
});

const fast = (extra: Partial<PartnerkitClientOptions> = {}) =>
  createPartnerkitClient({
    baseUrl: server.url,
    token: 'k',
    retry: { maxRetries: 2, minDelayMs: 1, maxDelayMs: 5, onRetry: (info) => retries.push(info) },
    ...extra,
  });

const dealInput = {
  customer: { company: 'Globex', country: 'DE', contact: { name: 'A', email: 'a@globex.example' } },
  products: ['prd_analytics'],
  estimatedValue: { amount: 100, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  sourcing: 'sourced' as const,
};

/** Answers with each of `answers` in turn (the last one repeats). */
function sequence(...answers: Array<(res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => void>) {
  let i = 0;
  server.handle((_req, res) => {
    const answer = answers[Math.min(i++, answers.length - 1)]!;
    answer(res);
  });
}

const fail = (e: unknown): PartnerkitError => {
  assert.ok(isPartnerkitError(e), `expected a PartnerkitError, got ${String(e)}`);
  return e;
};

describe('what is retried', () => {
  test('a GET answered 503 then 200 succeeds on the retry', async () => {
    sequence(
      (res) => sendProblem(res, 503, 'unavailable'),
      (res) => sendJson(res, 200, fx.me),
    );
    assert.deepEqual(await fast().me.get(), fx.me);
    assert.equal(server.requests.length, 2);
    assert.equal(retries.length, 1);
    assert.equal(retries[0]?.status, 503);
    assert.equal(retries[0]?.method, 'GET');
  });

  test('backoff waits stay between minDelayMs and maxDelayMs', async () => {
    sequence((res) => sendProblem(res, 500, 'internal'));
    const client = createPartnerkitClient({
      baseUrl: server.url,
      token: 'k',
      retry: { maxRetries: 6, minDelayMs: 2, maxDelayMs: 9, onRetry: (info) => retries.push(info) },
    });
    await assert.rejects(client.me.get(), { kind: 'server', status: 500 });
    assert.equal(retries.length, 6);
    assert.deepEqual(
      retries.map((r) => r.retry),
      [1, 2, 3, 4, 5, 6],
    );
    for (const r of retries) assert.ok(r.delayMs >= 2 && r.delayMs <= 9, `delay ${r.delayMs} within bounds`);
  });

  test('gives up after maxRetries and throws the last answer', async () => {
    sequence((res) => sendProblem(res, 502, 'bad_gateway', { detail: 'upstream down' }));
    const error = fail(
      await fast()
        .me.get()
        .catch((e: unknown) => e),
    );
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 502);
    assert.equal(error.detail, 'upstream down');
    assert.equal(server.requests.length, 3, 'the first attempt and 2 retries');
  });

  test('retry: false sends once', async () => {
    sequence((res) => sendProblem(res, 503, 'unavailable'));
    await assert.rejects(fast({ retry: false }).me.get(), { kind: 'server' });
    assert.equal(server.requests.length, 1);
  });

  test('a write reuses its idempotency key on every retry', async () => {
    sequence(
      (res) => sendProblem(res, 500, 'internal'),
      (res) => sendProblem(res, 503, 'unavailable'),
      (res) => sendJson(res, 201, fx.deal('d1')),
    );
    const deal = await fast().deals.register(dealInput);
    assert.equal(deal.id, 'd1');
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    assert.equal(keys.length, 3);
    assert.ok(keys[0]);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
    assert.deepEqual(
      server.requests.map((r) => r.body),
      [dealInput, dealInput, dealInput],
      'the body is sent whole every time',
    );
  });

  test('a POST without an idempotency key is never retried', async () => {
    sequence((res) => sendProblem(res, 503, 'unavailable'));
    const { error, response } = await fast().raw.POST('/v1/deal-registrations', { body: dealInput });
    assert.equal(response.status, 503);
    assert.equal(error?.code, 'unavailable');
    assert.equal(server.requests.length, 1);
    assert.equal(retries.length, 0);
  });

  test('the conflict check is a read: retried without a key', async () => {
    sequence(
      (res) => sendProblem(res, 500, 'internal'),
      (res) => sendJson(res, 200, fx.conflictClear),
    );
    assert.deepEqual(await fast().deals.checkConflict({ company: 'Globex' }), fx.conflictClear);
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0]?.headers['idempotency-key'], undefined);
  });

  test('409 idempotency_in_progress is retried; other 409s are not', async () => {
    sequence(
      (res) => sendProblem(res, 409, 'idempotency_in_progress'),
      (res) => sendJson(res, 201, fx.deal('d2')),
    );
    assert.equal((await fast().deals.register(dealInput)).id, 'd2');
    assert.equal(server.requests.length, 2);

    server.requests.length = 0;
    sequence((res) =>
      sendProblem(res, 409, 'deal_conflict', { conflict: { result: 'conflict', reasons: [] } }),
    );
    await assert.rejects(fast().deals.register(dealInput), { kind: 'conflict', code: 'deal_conflict' });
    assert.equal(server.requests.length, 1);
  });

  test('other 4xx answers are never retried', async () => {
    for (const status of [400, 401, 403, 404, 410, 422]) {
      server.requests.length = 0;
      sequence((res) => sendProblem(res, status, `code_${status}`));
      await assert.rejects(fast().me.get(), { status });
      assert.equal(server.requests.length, 1, `${status} is sent once`);
    }
  });

  test('a dropped connection is retried', async () => {
    let n = 0;
    server.handle((req, res) => {
      if (n++ === 0) {
        res.socket?.destroy();
        return;
      }
      sendJson(res, 200, fx.me);
      void req;
    });
    assert.deepEqual(await fast().me.get(), fx.me);
    assert.equal(n, 2);
    assert.equal(retries[0]?.status, 0);
    assert.equal(retries[0]?.error?.kind, 'network');
  });
});

describe('Retry-After', () => {
  test('a delay in seconds is waited exactly, instead of the backoff', async () => {
    sequence(
      (res) => sendProblem(res, 429, 'rate_limited', {}, { 'Retry-After': '0.03' }),
      (res) => sendJson(res, 200, fx.me),
    );
    await fast().me.get();
    assert.equal(retries[0]?.delayMs, 30);
    assert.equal(retries[0]?.retryAfterMs, 30);
    assert.equal(retries[0]?.status, 429);
  });

  test('an HTTP date is honoured, capped at maxRetryAfterMs', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    sequence(
      (res) => sendProblem(res, 503, 'unavailable', {}, { 'Retry-After': inAnHour }),
      (res) => sendJson(res, 200, fx.me),
    );
    const client = createPartnerkitClient({
      baseUrl: server.url,
      token: 'k',
      retry: { minDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 25, onRetry: (info) => retries.push(info) },
    });
    await client.me.get();
    assert.equal(retries[0]?.delayMs, 25);
    assert.ok((retries[0]?.retryAfterMs ?? 0) > 3_000_000);
  });

  test('the rate-limit error carries retryAfterMs when retries are exhausted', async () => {
    sequence((res) => sendProblem(res, 429, 'rate_limited', {}, { 'Retry-After': '7' }));
    const error = fail(
      await fast({ retry: false })
        .me.get()
        .catch((e: unknown) => e),
    );
    assert.equal(error.kind, 'rate_limit');
    assert.equal(error.retryAfterMs, 7000);
  });
});

describe('timeouts', () => {
  test('an attempt that takes longer than timeoutMs fails as a timeout', async () => {
    server.handle(() => {
      // never answers
    });
    const error = fail(
      await fast({ timeoutMs: 30, retry: false })
        .me.get()
        .catch((e: unknown) => e),
    );
    assert.equal(error.kind, 'timeout');
    assert.equal(error.status, 0);
  });

  test('the timeout is per attempt: a slow first attempt is retried', async () => {
    let n = 0;
    server.handle((_req, res) => {
      if (n++ === 0) return;
      sendJson(res, 200, fx.me);
    });
    assert.deepEqual(await fast({ timeoutMs: 500 }).me.get(), fx.me);
    assert.equal(retries[0]?.error?.kind, 'timeout');
  });

  test('a body that stalls after the headers also times out', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"user":');
    });
    await assert.rejects(fast({ timeoutMs: 40, retry: false }).me.get(), { kind: 'timeout' });
  });
});

describe('abort', () => {
  test('an already aborted signal sends nothing', async () => {
    sequence((res) => sendJson(res, 200, fx.me));
    const controller = new AbortController();
    controller.abort(new Error('user left'));
    const error = fail(
      await fast()
        .me.get({ signal: controller.signal })
        .catch((e: unknown) => e),
    );
    assert.equal(error.kind, 'aborted');
    assert.equal((error.cause as Error).message, 'user left');
    assert.equal(server.requests.length, 0);
  });

  test('aborting during the request rejects at once', async () => {
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.handle(() => arrived());
    const controller = new AbortController();
    const pending = fast().deals.list({}, { signal: controller.signal });
    await received;
    controller.abort();
    await assert.rejects(pending, { kind: 'aborted', status: 0 });
    assert.equal(server.requests.length, 1, 'an aborted call is not retried');
  });

  test('aborting during the backoff wait rejects without another attempt', async () => {
    sequence((res) => sendProblem(res, 503, 'unavailable'));
    const controller = new AbortController();
    const client = createPartnerkitClient({
      baseUrl: server.url,
      token: 'k',
      retry: {
        maxRetries: 5,
        minDelayMs: 60_000,
        maxDelayMs: 60_000,
        onRetry: () => queueMicrotask(() => controller.abort()),
      },
    });
    await assert.rejects(client.me.get({ signal: controller.signal }), { kind: 'aborted' });
    assert.equal(server.requests.length, 1);
  });

  test('listAll passes the signal to every page', async () => {
    server.handle((req, res) =>
      sendJson(res, 200, { items: [fx.deal(req.query.get('cursor') ?? 'first')], nextCursor: 'next' }),
    );
    const controller = new AbortController();
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const deal of fast().deals.listAll({}, { signal: controller.signal })) {
          seen.push(deal.id);
          controller.abort();
        }
      })(),
      { kind: 'aborted' },
    );
    assert.deepEqual(seen, ['first']);
    assert.equal(server.requests.length, 1);
  });
});

describe('request ids', () => {
  test('sendRequestId: one X-Request-Id per call, kept by its retries; none by default', async () => {
    sequence(
      (res) => sendProblem(res, 503, 'unavailable'),
      (res) => sendJson(res, 200, fx.me),
    );
    const client = fast({ sendRequestId: true });
    await client.me.get();
    const [first, second] = server.requests.map((r) => r.headers['x-request-id']);
    assert.match(String(first), /^req_[0-9a-f-]{36}$/);
    assert.equal(second, first, 'the retry keeps the id');
    await client.me.get();
    assert.notEqual(server.requests[2]?.headers['x-request-id'], first, 'a new call, a new id');
    await fast().me.get();
    assert.equal(server.requests[3]?.headers['x-request-id'], undefined);
  });

  test('an error without an answer carries the id that was sent', async () => {
    server.handle(() => {
      // never answers
    });
    const error = fail(
      await fast({ sendRequestId: true, timeoutMs: 20, retry: false })
        .me.get()
        .catch((e: unknown) => e),
    );
    assert.equal(error.kind, 'timeout');
    assert.equal(error.requestId, server.requests[0]?.headers['x-request-id']);
    assert.ok(error.requestId);
  });
});
