// `npm start` (scripts/start.mjs, after the build that `npm test` has done): the reference server
// on PGlite with the demo program and the demo portal come up together, the portal can mint
// sessions and the API lets the portal's origin in; Ctrl-C stops both.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, type Started, startNode } from './test/harness.js';

describe('npm start', () => {
  let started: Started;
  let portalUrl: string;
  let apiUrl: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'pk-start-'));

  before(async () => {
    const apiPort = await freePort();
    let portalPort = await freePort();
    while (portalPort === apiPort) portalPort = await freePort();
    process.env.PK_API_PORT = String(apiPort);
    process.env.PK_PORTAL_PORT = String(portalPort);
    process.env.PK_DATA_DIR = dataDir;
    started = await startNode(['scripts/start.mjs', '--no-build'], /Demo portal\s+(http\S+)/, 120_000);
    portalUrl = started.url;
    apiUrl = `http://localhost:${apiPort}`;
  });

  after(async () => {
    await started?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('prints the portal, the API and the demo keys', () => {
    const out = started.output();
    assert.match(out, /API\s+http:\/\/localhost:\d+/);
    for (const key of ['pk_demo_vendor_admin', 'pk_demo_northwind_admin', 'pk_demo_contoso_admin']) {
      assert.ok(out.includes(key), `${key} is not printed`);
    }
  });

  test('the portal page is served under its Content-Security-Policy', async () => {
    const page = await fetch(portalUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<pk-portal>/);
    assert.ok(page.headers.get('content-security-policy')?.includes(`connect-src 'self' ${apiUrl}`));
  });

  test('a partner session minted through the portal works against the API from the portal’s origin', async () => {
    const session = await fetch(`${portalUrl}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId: 'ptn_contoso' }),
    });
    assert.equal(session.status, 200, await session.clone().text());
    const { token } = (await session.json()) as { token: string };
    const me = await fetch(`${apiUrl}/v1/me`, {
      headers: { authorization: `Bearer ${token}`, origin: new URL(portalUrl).origin },
    });
    assert.equal(me.status, 200);
    assert.equal(me.headers.get('access-control-allow-origin'), new URL(portalUrl).origin);
    const body = (await me.json()) as { partner: { id: string }; program: { vendorName: string } };
    assert.equal(body.partner.id, 'ptn_contoso');
    assert.equal(body.program.vendorName, 'Acme Cloud');
  });

  test('Ctrl-C stops the server and the portal', async () => {
    const exited = new Promise<number | null>((resolve) =>
      started.child.once('exit', (code) => resolve(code)),
    );
    started.child.kill('SIGINT');
    assert.equal(await exited, 0);
    await assert.rejects(fetch(portalUrl), 'the portal still answers');
    await assert.rejects(fetch(`${apiUrl}/healthz`), 'the API still answers');
  });
});
