// The `partnerkit-server` command as people run it (the built bin): start with the listening
// line, demo keys, JSON logs and CORS; graceful shutdown that finishes an in-flight request;
// migrate, seed and keys create against a PGlite data directory.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/partnerkit-server.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
const skip = built ? false : 'the server is not built (npm run build)';
// The CLI tests always use PGlite: DATABASE_URL would point them at a shared server.
const env = { ...process.env, DATABASE_URL: '', PARTNERKIT_CORS_ORIGINS: '', LOG_LEVEL: '' };

const temp: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Started {
  child: ChildProcess;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
}

function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [bin, 'start', '--port', '0', ...args], { env });
  children.push(child);
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve({ child, url: match[1]!, lines, exited });
    });
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
  });
}

const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

describe('partnerkit-server start', { skip }, () => {
  it('prints its URL and the demo keys, logs JSON, allows the CORS origin, and stops gracefully', async () => {
    const server = await start([
      '--memory',
      '--demo',
      '--log-level',
      'info',
      '--cors-origin',
      'https://portal.example',
    ]);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const text = server.lines.join('\n');
    for (const key of [
      'pk_demo_vendor_admin',
      'pk_demo_northwind_admin',
      'pk_demo_northwind_user',
      'pk_demo_contoso_admin',
    ]) {
      assert.ok(text.includes(key), key);
    }
    assert.equal((await (await get(`${server.url}/healthz`)).json()).status, 'ok');
    const me = await get(`${server.url}/v1/me`, 'pk_demo_northwind_admin', {
      origin: 'https://portal.example',
    });
    assert.equal((await me.json()).partner.name, 'Northwind Systems');
    assert.equal(me.headers.get('access-control-allow-origin'), 'https://portal.example');
    const logs = server.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    assert.ok(
      logs.some((l) => typeof l.reqId === 'string' && typeof l.level === 'number'),
      'structured request logs',
    );

    // An in-flight request (headers sent, body still coming) is finished after SIGTERM.
    const body = JSON.stringify({ company: 'Graceful Shutdown Ltd' });
    const inflight = new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/deal-registrations/conflict-check`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer pk_demo_northwind_admin',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(5)), 300);
      }, 300);
    });
    assert.equal(await inflight, 200);
    assert.equal(await server.exited, 0);
    assert.ok(server.lines.some((l) => l.includes('Received SIGTERM')));
  });

  it('refuses bad options with a usage message', async () => {
    const r = await run(['start', '--memory', '--data-dir', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /either --data-dir or --memory/);
    const port = await run(['start', '--memory', '--port', 'eighty']);
    assert.equal(port.code, 2);
    const unknown = await run(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /usage: partnerkit-server/);
  });
});

describe('partnerkit-server migrate, seed and keys', { skip }, () => {
  it('works on one data directory, and a new key opens the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-cli-'));
    temp.push(dir);
    const migrated = await run(['migrate', '--data-dir', dir]);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /Applied 0001_core/);

    const seeded = await run(['seed', '--demo', '--data-dir', dir]);
    assert.equal(seeded.code, 0, seeded.stderr);
    assert.match(seeded.stdout, /Seeded the demo program/);
    const again = await run(['seed', '--demo', '--data-dir', dir]);
    assert.match(again.stdout, /nothing was seeded/);
    assert.equal((await run(['seed', '--data-dir', dir])).code, 2);

    const created = await run([
      'keys',
      'create',
      '--org',
      'ptn_contoso',
      '--role',
      'partner_user',
      '--name',
      'CRM sync',
      '--data-dir',
      dir,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^pk_[A-Za-z0-9_-]{43}$/);
    const vendor = await run([
      'keys',
      'create',
      '--org',
      'vendor',
      '--role',
      'vendor_admin',
      '--data-dir',
      dir,
    ]);
    const vendorKey = vendor.stdout.trim();
    assert.match(vendorKey, /^pk_/);

    const refused = await run([
      'keys',
      'create',
      '--org',
      'ptn_nobody',
      '--role',
      'partner_admin',
      '--data-dir',
      dir,
    ]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /no partner with id ptn_nobody/);
    assert.equal(
      (await run(['keys', 'create', '--org', 'ptn_contoso', '--role', 'superuser', '--data-dir', dir])).code,
      2,
    );
    assert.equal(
      (await run(['keys', 'create', '--org', 'ptn_contoso', '--role', 'vendor_admin', '--data-dir', dir]))
        .code,
      2,
    );

    const server = await start(['--data-dir', dir, '--log-level', 'silent']);
    const me = await (await get(`${server.url}/v1/me`, key)).json();
    assert.equal(me.partner.id, 'ptn_contoso');
    assert.equal(me.user.role, 'partner_user');
    assert.equal(me.user.name, 'CRM sync');
    const asVendor = await (await get(`${server.url}/v1/me`, vendorKey)).json();
    assert.equal(asVendor.user.role, 'vendor_admin');
    const demo = await get(`${server.url}/v1/deal-registrations?limit=1`, 'pk_demo_contoso_admin');
    assert.equal(demo.status, 200);
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
  });
});
