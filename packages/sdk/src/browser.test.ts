// The built SDK, unchanged, in a real Chromium: token refresh, a retried write with its key,
// pagination, abort and a typed error, against a real local server on the page's origin.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of the repository's scripts, without types
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import * as fx from './test-support/fixtures.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from './test-support/server.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const openapiFetch = createRequire(import.meta.url)
  .resolve('openapi-fetch')
  .replace(/index\.cjs$/, 'index.mjs');
const executablePath: string | undefined = findChromium();

const page = `<!doctype html><meta charset="utf-8"><title>sdk</title>
<script type="importmap">{ "imports": { "openapi-fetch": "/lib/openapi-fetch.mjs" } }</script>
<script type="module">
  import { createPartnerkitClient, isPartnerkitError } from '/sdk/index.js';
  const out = {};
  try {
    let tokens = 0;
    const pk = createPartnerkitClient({
      baseUrl: location.origin,
      fetchToken: async () => 'browser-token-' + ++tokens,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    out.me = (await pk.me.get()).user.name;
    out.tokens = tokens;
    out.deal = (await pk.deals.register({
      customer: { company: 'Globex', country: 'DE', contact: { name: 'A', email: 'a@globex.example' } },
      products: ['prd_analytics'],
      estimatedValue: { amount: 100, currency: 'EUR' },
      expectedCloseDate: '2026-06-30',
      sourcing: 'sourced',
    })).id;
    out.ids = [];
    for await (const d of pk.deals.listAll({ limit: 1 })) out.ids.push(d.id);
    try {
      await pk.deals.get('missing');
    } catch (e) {
      out.error = { branded: isPartnerkitError(e), kind: e.kind, code: e.code, requestId: e.requestId };
    }
    const controller = new AbortController();
    const slow = pk.mdf.listFunds({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    out.aborted = await slow.then(() => 'resolved', (e) => e.kind);
  } catch (e) {
    out.failure = String(e && e.stack || e);
  }
  window.__result = out;
</script>`;

let server: TestServer;
let browser: Browser | undefined;

before(async () => {
  let dealAttempts = 0;
  server = await startTestServer((req, res) => {
    if (req.path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(page);
      return;
    }
    if (req.path === '/lib/openapi-fetch.mjs' || req.path.startsWith('/sdk/')) {
      const file = req.path.startsWith('/sdk/') ? dist + req.path.slice(5) : openapiFetch;
      if (!existsSync(file)) return sendProblem(res, 404, 'not_found');
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(readFileSync(file));
      return;
    }
    // The API: the first token is refused, the registration fails once, lists come in pages of 1.
    if (req.headers.authorization !== 'Bearer browser-token-2')
      return sendProblem(res, 401, 'unauthenticated');
    if (req.path === '/v1/me') return sendJson(res, 200, fx.me);
    if (req.method === 'POST' && req.path === '/v1/deal-registrations') {
      const key = req.headers['idempotency-key'];
      if (dealAttempts++ === 0) return sendProblem(res, 503, 'unavailable');
      return sendJson(res, 201, fx.deal(`key:${typeof key === 'string' && key.length === 36}`));
    }
    if (req.path === '/v1/deal-registrations') {
      const cursor = req.query.get('cursor');
      return sendJson(
        res,
        200,
        cursor ? { items: [fx.deal('b')], nextCursor: null } : { items: [fx.deal('a')], nextCursor: 'p2' },
      );
    }
    if (req.path === '/v1/mdf/funds') return; // never answers: the page aborts it
    return sendProblem(res, 404, 'not_found', {}, { 'X-Request-Id': 'rq-browser' });
  });
  if (executablePath) {
    // Playwright makes its own temporary profile and refuses --user-data-dir in args.
    const args = (chromiumArgs() as string[]).filter((a) => !a.startsWith('--user-data-dir'));
    browser = await chromium.launch({ executablePath, args });
  }
});

after(async () => {
  await browser?.close();
  await server.close();
});

test('the built SDK runs unchanged in Chromium', {
  skip: executablePath ? false : 'Chromium not found',
}, async () => {
  assert.ok(existsSync(`${dist}index.js`), 'packages/sdk/dist is missing: run `npm run build` first');
  const tab = await browser!.newPage();
  const pageErrors: string[] = [];
  tab.on('pageerror', (e) => pageErrors.push(e.message));
  await tab.goto(server.url);
  await tab.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined);
  const result = await tab.evaluate(
    () => (window as unknown as { __result: Record<string, unknown> }).__result,
  );
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(result, {
    me: fx.me.user.name,
    tokens: 2,
    deal: 'key:true',
    ids: ['a', 'b'],
    error: { branded: true, kind: 'not_found', code: 'not_found', requestId: 'rq-browser' },
    aborted: 'aborted',
  });
});
