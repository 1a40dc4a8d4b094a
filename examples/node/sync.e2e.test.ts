// The integrator's script end to end: the real reference server (in memory, demo program) behind
// a proxy that loses answers (a write reaches the server, its answer does not reach the script;
// some reads fail before they arrive), and the script run as a user runs it, a process with its
// environment. It syncs registrations to a CSV file, again without duplicates and with changes
// applied, approves MDF requests as the vendor exactly once each, and says clearly what is wrong.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MdfRequest } from '@partnerkit/api';
import { createPartnerkitClient } from '@partnerkit/sdk';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { freePort, root, type Started, startReferenceServer } from '../portal/test/harness.js';

const here = join(root, 'examples/node');
const work = mkdtempSync(join(tmpdir(), 'pk-node-example-'));
const csv = join(work, 'crm.csv');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the script as its README says (`npm start` runs exactly this), in its own folder. */
function script(args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: here,
      env: { ...process.env, INIT_CWD: work, PARTNERKIT_RETRY_MIN_MS: '20', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const readCsv = () =>
  parse(readFileSync(csv, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('examples/node against the reference server', () => {
  let api: Started;
  let proxy: Server;
  let proxyUrl = '';
  const lost = { writes: 0, reads: 0 };
  const vendor = () => createPartnerkitClient({ baseUrl: api.url, token: 'pk_demo_vendor_admin' });
  const northwind = () => createPartnerkitClient({ baseUrl: api.url, token: 'pk_demo_northwind_admin' });
  let tricky = { id: '', notes: '', company: '' };

  before(async () => {
    api = await startReferenceServer();
    // Every approval's first answer is lost after the server acted on it; every third read fails
    // with a 503 before it reaches the server.
    const answered = new Set<string>();
    let reads = 0;
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const key = String(req.headers['idempotency-key'] ?? '');
      if (req.method === 'GET' && ++reads % 3 === 0) {
        lost.reads++;
        res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"status":503}');
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name]) => !['host', 'connection', 'content-length'].includes(name),
        ),
      ) as Record<string, string>;
      const upstream = await fetch(new URL(req.url ?? '/', api.url), {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (req.method === 'POST' && req.url?.endsWith('/approve') && key && !answered.has(key)) {
        answered.add(key);
        lost.writes++;
        res.writeHead(502).end();
        return;
      }
      res.writeHead(upstream.status, Object.fromEntries(upstream.headers)).end(body);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${port}`;

    // A registration whose text needs quoting: commas, quotes, line breaks, leading spaces.
    const [product] = await northwind().products.list();
    tricky = {
      id: '',
      company: `Quoting, "Commas" & Co ${Date.now().toString(36)}`,
      notes: '  He said "yes, next quarter",\nthen: \'call me\'.\r\nÜmlauts; semicolons; =SUM(A1)',
    };
    const deal = await northwind().deals.register({
      customer: {
        company: tricky.company,
        country: 'DE',
        contact: { name: 'Dana "DJ" Jones', email: 'dana@quoting.example' },
      },
      products: [product!.id],
      estimatedValue: { amount: 1_234_567, currency: 'EUR' },
      expectedCloseDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      sourcing: 'sourced',
      notes: tricky.notes,
      customFields: { deal_type: 'new' },
    });
    tricky.id = deal.id;
  });

  after(async () => {
    await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    await api?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test('sync writes one row per registration, quoted so every value reads back exactly', async () => {
    // Pages of 10: the sync follows the cursors through several pages.
    const ran = await script(['sync', '--csv', 'crm.csv', '--page-size', '10'], { PARTNERKIT_URL: proxyUrl });
    assert.equal(ran.code, 0, ran.stderr);
    let total = 0;
    for await (const _ of northwind().deals.listAll()) total++;
    const rows = readCsv();
    assert.ok(total > 20, `only ${total} registrations: not several pages`);
    assert.equal(rows.length, total);
    assert.equal(new Set(rows.map((r) => r.id)).size, total, 'a registration has two rows');
    const row = rows.find((r) => r.id === tricky.id);
    assert.ok(row, 'the new registration is in the file');
    assert.equal(row.company, tricky.company);
    assert.equal(row.notes, tricky.notes);
    assert.equal(row.contact_name, 'Dana "DJ" Jones');
    assert.equal(row.estimated_value, '12345.67');
    assert.equal(row.currency, 'EUR');
    assert.equal(row.status, 'submitted');
    assert.match(ran.stdout, new RegExp(`${total} registrations: ${total} added, 0 updated, 0 unchanged`));
    assert.ok(lost.reads > 0, 'the proxy failed no read: the retries were not exercised');
  });

  test('a second sync updates the changed row, duplicates nothing and keeps the CRM’s own column', async () => {
    // The CRM adds a column of its own.
    const before = readCsv();
    const columns = [...Object.keys(before[0] ?? {}), 'owner'];
    writeFileSync(
      csv,
      stringify(
        before.map((r) => ({ ...r, owner: r.id === tricky.id ? 'Sam, EMEA' : '' })),
        { header: true, columns },
      ),
    );
    await vendor().deals.approve(tricky.id, {});
    const ran = await script(['sync', '--csv', 'crm.csv'], { PARTNERKIT_URL: proxyUrl });
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(
      ran.stdout,
      new RegExp(`1 updated, ${before.length - 1} unchanged \\(${before.length} rows`),
    );
    const rows = readCsv();
    assert.equal(rows.length, before.length);
    const row = rows.find((r) => r.id === tricky.id);
    assert.equal(row?.status, 'approved');
    assert.match(row?.protected_until ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(row?.owner, 'Sam, EMEA');
    assert.equal(row?.notes, tricky.notes);
  });

  test('approve approves each small submitted request exactly once, though every first answer is lost', async () => {
    const submitted: MdfRequest[] = [];
    for await (const r of vendor().mdf.listAllRequests({ status: ['submitted'] })) submitted.push(r);
    const small = submitted.filter((r) => r.requestedAmount.amount <= 250_000);
    assert.ok(small.length > 0 && small.length < submitted.length, 'the demo has small and large requests');
    const ran = await script(['approve', '--max-amount', '2500.00'], {
      PARTNERKIT_URL: proxyUrl,
    });
    assert.equal(ran.code, 0, `${ran.stdout}\n${ran.stderr}`);
    assert.match(
      ran.stdout,
      new RegExp(`${small.length} approved, ${submitted.length - small.length} left for a person, 0 failed`),
    );
    assert.equal(lost.writes, small.length, 'not every approval lost its first answer');
    assert.match(ran.stderr, /POST \/v1\/mdf\/requests\/\S+\/approve: 502, retry 1/);
    for (const r of small) {
      const now = await vendor().mdf.getRequest(r.id);
      assert.equal(now.status, 'approved', r.reference);
      assert.deepEqual(now.approvedAmount, r.requestedAmount);
      assert.equal(now.history.filter((h) => h.to === 'approved').length, 1, `${r.reference} approved twice`);
    }
    // Run again: nothing left to approve, nothing approved twice.
    const again = await script(['approve'], { PARTNERKIT_URL: proxyUrl });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 approved, \d+ left for a person, 0 failed/);
  });

  test('a refused key, an unreachable API and a bad option each say what is wrong', async () => {
    const badKey = await script(['sync'], { PARTNERKIT_URL: api.url, PARTNERKIT_PARTNER_KEY: 'pk_wrong' });
    assert.equal(badKey.code, 2);
    assert.match(badKey.stderr, /the API refused the key in PARTNERKIT_PARTNER_KEY \(request req_/);
    const partnerAsVendor = await script(['approve'], {
      PARTNERKIT_URL: api.url,
      PARTNERKIT_VENDOR_KEY: 'pk_demo_northwind_admin',
    });
    assert.equal(partnerAsVendor.code, 2);
    assert.match(
      partnerAsVendor.stderr,
      /PARTNERKIT_VENDOR_KEY is a key of Northwind Systems \(partner_admin\); approving MDF requests needs a vendor admin key/,
    );
    const down = await script(['sync'], { PARTNERKIT_URL: `http://127.0.0.1:${await freePort()}` });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /cannot reach the Partnerkit API at http:\/\/127\.0\.0\.1:\d+ .*npm start/);
    const badOption = await script(['approve', '--max-amount', 'lots'], { PARTNERKIT_URL: api.url });
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--max-amount must be an amount such as 2500\.00, not "lots"/);
    const badPage = await script(['sync', '--page-size', '0'], { PARTNERKIT_URL: api.url });
    assert.equal(badPage.code, 2);
    assert.match(badPage.stderr, /--page-size must be a whole number from 1 to 100, not "0"/);
  });
});
