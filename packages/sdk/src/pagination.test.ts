// listAll: every page, lazily, stopping at a null cursor.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createPartnerkitClient, type PartnerkitClient } from './index.js';
import * as fx from './test-support/fixtures.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from './test-support/server.js';

let server: TestServer;
let client: PartnerkitClient;

/** 7 registrations served `limit` at a time; the cursor is the offset. */
const all = Array.from({ length: 7 }, (_, i) => fx.deal(`d${i + 1}`));

before(async () => {
  server = await startTestServer();
  client = createPartnerkitClient({ baseUrl: server.url, token: 'k', retry: false });
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle((req, res) => {
    const offset = Number(req.query.get('cursor') ?? '0');
    const limit = Number(req.query.get('limit') ?? '25');
    const end = offset + limit;
    sendJson(res, 200, { items: all.slice(offset, end), nextCursor: end < all.length ? String(end) : null });
  });
});

test('listAll yields every item of every page once, in order, and stops at a null cursor', async () => {
  const ids: string[] = [];
  for await (const deal of client.deals.listAll({ limit: 3, status: ['submitted'] })) ids.push(deal.id);
  assert.deepEqual(
    ids,
    all.map((d) => d.id),
  );
  assert.deepEqual(
    server.requests.map((r) => r.query.get('cursor')),
    [null, '3', '6'],
  );
  for (const r of server.requests) {
    assert.equal(r.query.get('limit'), '3', 'the query is kept on every page');
    assert.deepEqual(r.query.getAll('status'), ['submitted']);
  }
});

test('listAll is lazy: a page is fetched only when its items are wanted', async () => {
  const iterator = client.deals.listAll({ limit: 2 });
  assert.equal(server.requests.length, 0, 'nothing is fetched before the first next()');
  const first = await iterator.next();
  assert.equal(first.value?.id, 'd1');
  assert.equal(server.requests.length, 1);
  await iterator.next();
  assert.equal(server.requests.length, 1, 'the second item comes from the same page');
  await iterator.next();
  assert.equal(server.requests.length, 2);
  await iterator.return?.();
  assert.equal(server.requests.length, 2, 'breaking off fetches nothing more');
});

test('breaking out of for await stops fetching', async () => {
  for await (const deal of client.deals.listAll({ limit: 2 })) {
    if (deal.id === 'd1') break;
  }
  assert.equal(server.requests.length, 1);
});

test('listAll starts from a given cursor', async () => {
  const ids: string[] = [];
  for await (const deal of client.deals.listAll({ limit: 5, cursor: '4' })) ids.push(deal.id);
  assert.deepEqual(ids, ['d5', 'd6', 'd7']);
});

test('an empty page with a cursor is followed to the next one', async () => {
  const pages: Record<string, unknown> = {
    '': { items: [], nextCursor: 'b' },
    b: { items: [fx.deal('x')], nextCursor: null },
  };
  server.handle((req, res) => sendJson(res, 200, pages[req.query.get('cursor') ?? '']));
  const ids: string[] = [];
  for await (const deal of client.deals.listAll()) ids.push(deal.id);
  assert.deepEqual(ids, ['x']);
});

test('an error on a later page is thrown from the loop', async () => {
  server.handle((req, res) => {
    if (req.query.get('cursor') === null) sendJson(res, 200, { items: [fx.deal('a')], nextCursor: 'bad' });
    else
      sendProblem(res, 400, 'validation_failed', {
        errors: [{ pointer: '/query/cursor', code: 'invalid', message: 'bad cursor' }],
      });
  });
  const ids: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const deal of client.deals.listAll()) ids.push(deal.id);
    })(),
    { kind: 'validation', code: 'validation_failed' },
  );
  assert.deepEqual(ids, ['a']);
});

test('a server that repeats a cursor is stopped instead of looping forever', async () => {
  server.handle((_req, res) => sendJson(res, 200, { items: [fx.deal('loop')], nextCursor: 'same' }));
  let count = 0;
  await assert.rejects(
    (async () => {
      for await (const _ of client.deals.listAll()) count++;
    })(),
    { kind: 'server', code: 'invalid_response' },
  );
  assert.equal(count, 2);
});

test('every list has its listAll', async () => {
  const page = (items: unknown[]) => ({ items, nextCursor: null });
  const answers: Record<string, unknown> = {
    '/v1/courses': page([fx.course('c1')]),
    '/v1/enrollments': page([fx.enrollment]),
    '/v1/certifications': page([fx.certification]),
    '/v1/mdf/requests': page([fx.mdfRequest('m1')]),
    '/v1/assets': { ...page([]), total: 0 },
  };
  server.handle((req, res) => sendJson(res, 200, answers[req.path]));
  const drain = async (it: AsyncIterable<{ id: string }>) => {
    const ids: string[] = [];
    for await (const x of it) ids.push(x.id);
    return ids;
  };
  assert.deepEqual(await drain(client.training.listAllCourses()), ['c1']);
  assert.deepEqual(await drain(client.training.listAllEnrollments()), ['enr_1']);
  assert.deepEqual(await drain(client.training.listAllCertifications()), ['crt_1']);
  assert.deepEqual(await drain(client.mdf.listAllRequests()), ['m1']);
  assert.deepEqual(await drain(client.assets.listAll()), []);
});
