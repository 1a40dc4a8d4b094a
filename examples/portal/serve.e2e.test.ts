// The demo portal's server (serve.mjs) over real HTTP against the real reference server: the page
// and its headers, the configuration it gives the page, session minting, and a clear problem for
// every bad request, unreachable API, refused vendor key and bad command line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, root, type Started, startNode, startReferenceServer } from './test/harness.js';

const ready = /portal on (http\S+)/;
const serve = (...args: string[]) => startNode(['examples/portal/serve.mjs', '--port', '0', ...args], ready);

async function problemOf(response: Response) {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as { status: number; title: string; detail: string };
}

describe('serve.mjs', () => {
  let api: Started;
  let portal: Started;

  before(async () => {
    api = await startReferenceServer();
    portal = await serve('--api', api.url);
  });

  after(async () => {
    await portal?.stop();
    await api?.stop();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${portal.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  test('serves the page with its security headers; hashed assets are cached for good', async () => {
    const page = await fetch(portal.url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<template id="portal-template">/);
    assert.doesNotMatch(html, /<script>|<style>|style="/, 'inline code in the page');
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      assert.ok(csp.includes(directive), `${directive} missing from ${csp}`);
    }
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(asset, 'no script asset in the page');
    const script = await fetch(`${portal.url}${asset}`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('cache-control') ?? '', /immutable/);
  });

  test('answers 404 for unknown paths and never serves outside its folder', async () => {
    assert.equal((await fetch(`${portal.url}/nope`)).status, 404);
    assert.equal((await fetch(`${portal.url}/..%2f..%2fserve.mjs`)).status, 404);
    assert.equal((await fetch(`${portal.url}/%2e%2e/demo-partners.json`)).status, 404);
  });

  test('tells the page where the API is and which partners it may act as, without emails or keys', async () => {
    const response = await fetch(`${portal.url}/config`);
    assert.equal(response.status, 200);
    const text = await response.text();
    const config = JSON.parse(text) as { apiBaseUrl: string; partners: { id: string; name: string }[] };
    assert.equal(config.apiBaseUrl, api.url.replace(/\/$/, ''));
    assert.ok(config.partners.some((p) => p.id === 'ptn_northwind'));
    assert.ok(!text.includes('@'), 'emails in /config');
    assert.ok(!text.includes('pk_demo'), 'a key in /config');
  });

  test('mints a session token that the API accepts as that partner', async () => {
    const response = await post('/session', JSON.stringify({ partnerId: 'ptn_fabrikam' }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const session = (await response.json()) as { token: string; expiresAt: string };
    assert.ok(Date.parse(session.expiresAt) > Date.now());
    const me = await fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${session.token}` } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { partner: { id: string } }).partner.id, 'ptn_fabrikam');
  });

  test('refuses bad requests with a problem document that says what is wrong', async () => {
    const unknown = await post('/session', JSON.stringify({ partnerId: 'ptn_nobody' }));
    assert.equal(unknown.status, 400);
    assert.match((await problemOf(unknown)).detail, /ptn_northwind/);

    const broken = await post('/session', '{"partnerId":');
    assert.equal(broken.status, 400);
    assert.match((await problemOf(broken)).detail, /not valid JSON/);

    const form = await post('/session', 'partnerId=ptn_northwind', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(form.status, 415);

    const huge = await post('/session', JSON.stringify({ partnerId: 'x'.repeat(10_000) }));
    assert.equal(huge.status, 413);

    const crossSite = await post('/session', JSON.stringify({ partnerId: 'ptn_northwind' }), {
      'sec-fetch-site': 'cross-site',
    });
    assert.equal(crossSite.status, 403);

    const get = await fetch(`${portal.url}/session`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');

    const put = await fetch(portal.url, { method: 'PUT', body: 'x' });
    assert.equal(put.status, 405);
  });

  test('says so when the API is unreachable, or refuses the vendor key', async () => {
    const closed = await freePort();
    const offline = await serve('--api', `http://127.0.0.1:${closed}`);
    const wrongKey = await serve('--api', api.url, '--vendor-key', 'pk_not_a_key');
    try {
      const down = await fetch(`${offline.url}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ partnerId: 'ptn_northwind' }),
      });
      assert.equal(down.status, 502);
      assert.equal((await problemOf(down)).title, 'The partner API is unreachable');

      const refused = await fetch(`${wrongKey.url}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ partnerId: 'ptn_northwind' }),
      });
      assert.equal(refused.status, 502);
      const problem = await problemOf(refused);
      assert.equal(problem.title, 'The partner API refused the session');
      assert.match(problem.detail, /401/);
    } finally {
      await offline.stop();
      await wrongKey.stop();
    }
  });

  test('refuses a bad command line with one clear line', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['examples/portal/serve.mjs', ...args], { cwd: root, encoding: 'utf8' });
    const port = run('--port', 'eighty');
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port must be a port number/);
    const apiUrl = run('--api', 'ftp://example.com');
    assert.equal(apiUrl.status, 2);
    assert.match(apiUrl.stderr, /--api must be an http\(s\) URL/);
    const dir = mkdtempSync(join(tmpdir(), 'pk-partners-'));
    writeFileSync(join(dir, 'partners.json'), JSON.stringify([{ id: 'ptn_x' }]));
    const partners = run('--partners', join(dir, 'partners.json'));
    assert.equal(partners.status, 2);
    assert.match(partners.stderr, /entry 0 must be/);
  });
});
