// The suite against the reference server (every scenario must pass), against the same server with
// one rule broken at a time (the scenario that checks it must fail), and against a backend that
// gets everything wrong (every scenario must fail): the suite cannot pass silently.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { runConformance, type ScenarioResult, scenarios } from './index.js';
import { type BrokenBackend, startBrokenBackend } from './test-support/broken-backend.js';
import {
  demoKeys,
  type ReferenceServer,
  root,
  startReferenceServer,
} from './test-support/reference-server.js';

const keys = {
  vendorKey: demoKeys.vendorKey,
  partnerKey: demoKeys.partnerKey,
  otherPartnerKey: demoKeys.otherPartnerKey,
};

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [`${root}packages/conformance/bin/partnerkit-conformance.js`, ...args],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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

const failures = (results: ScenarioResult[]) =>
  results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.error}`);

/** A fetch over the real network that changes requests or answers on the way. */
function tampered(change: {
  request?: (request: Request) => Request | Promise<Request>;
  response?: (request: Request, response: Response) => Promise<Response> | Response;
}): typeof fetch {
  return async (input, init) => {
    let request = new Request(input, init);
    if (change.request) request = await change.request(request);
    const response = await fetch(request);
    return change.response ? change.response(request, response) : response;
  };
}

function withHeaders(response: Response, edit: (headers: Headers) => void, body?: string): Response {
  const headers = new Headers(response.headers);
  edit(headers);
  headers.delete('content-length');
  return new Response(body ?? response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function withJson(response: Response, edit: (body: Record<string, unknown>) => void, status?: number) {
  const text = await response.text();
  if (!text) return new Response(null, { status: status ?? response.status, headers: response.headers });
  const body = JSON.parse(text) as Record<string, unknown>;
  edit(body);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: status ?? response.status, headers });
}

function withToken(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

describe('against the reference server', () => {
  let server: ReferenceServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server?.stop());

  test('every scenario passes', async () => {
    const report = await runConformance({ baseUrl: server.url, ...keys });
    assert.deepEqual(failures(report.results), []);
    assert.equal(report.passed, scenarios.length);
    assert.equal(report.failed, 0);
    assert.deepEqual(
      report.results.map((r) => r.name),
      scenarios.map((s) => s.name),
    );
  });

  test('the command prints one line per scenario and the counts, and exits 0', async () => {
    const { code, stdout, stderr } = await cli([
      '--base-url',
      server.url,
      '--vendor-key',
      keys.vendorKey,
      '--partner-key',
      keys.partnerKey,
      '--other-partner-key',
      keys.otherPartnerKey,
      '--only',
      'auth:',
      '--only',
      'me:',
    ]);
    assert.equal(code, 0, stderr + stdout);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.at(-1), '3 passed, 0 failed');
    assert.deepEqual(
      lines.slice(1, -1),
      scenarios.filter((s) => /^(auth|me):/.test(s.name)).map((s) => `✔ ${s.name}`),
    );
  });

  test('a user key of a partner fails the vendor scenarios (a vendor key is needed)', async () => {
    const report = await runConformance({
      baseUrl: server.url,
      ...keys,
      vendorKey: demoKeys.partnerUserKey,
      only: ['me:'],
    });
    assert.equal(report.failed, 1);
    assert.match(report.results[0]!.error!, /vendor key role: expected "vendor_admin"/);
  });

  // Each case breaks one rule of the contract on the way between the suite and the real server;
  // the scenario that checks that rule must fail, and say why.
  const me = { northwind: keys.partnerKey, contoso: keys.otherPartnerKey };
  const cases: Array<{
    rule: string;
    only: string;
    reason: RegExp;
    fetch: typeof fetch;
  }> = [
    {
      rule: 'answers without X-Request-Id',
      only: 'headers:',
      reason: /X-Request-Id/,
      fetch: tampered({ response: (_q, r) => withHeaders(r, (h) => h.delete('x-request-id')) }),
    },
    {
      rule: 'errors as plain JSON',
      only: 'errors:',
      reason: /application\/problem\+json/,
      fetch: tampered({
        response: (_q, r) =>
          r.status >= 400 ? withHeaders(r, (h) => h.set('content-type', 'application/json')) : r,
      }),
    },
    {
      rule: 'a registration without its history',
      only: 'deals: a registration is stored',
      reason: /history/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'POST' && new URL(q.url).pathname === '/v1/deal-registrations' && r.ok
            ? withJson(r, (b) => {
                delete b.history;
              })
            : r,
      }),
    },
    {
      rule: 'a status outside the contract',
      only: 'deals: a registration is stored',
      reason: /must be equal to one of the allowed values/,
      fetch: tampered({
        response: (q, r) =>
          /^\/v1\/deal-registrations\/(?!fields$)[^/]+$/.test(new URL(q.url).pathname) &&
          q.method === 'GET' &&
          r.ok
            ? withJson(r, (b) => {
                b.status = 'pending';
              })
            : r,
      }),
    },
    {
      rule: '200 instead of 201 for a new registration',
      only: 'deals: a registration is stored',
      reason: /expected 201, got 200/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'POST' && new URL(q.url).pathname === '/v1/deal-registrations' && r.status === 201
            ? withJson(r, () => {}, 200)
            : r,
      }),
    },
    {
      rule: 'validation errors without field pointers',
      only: 'validation:',
      reason: /should name \/customer\/company/,
      fetch: tampered({
        response: (_q, r) =>
          r.status === 400
            ? withJson(r, (b) => {
                b.errors = [];
              })
            : r,
      }),
    },
    {
      rule: 'a conflict that names the first partner',
      only: "conflict: another partner's registration",
      reason: /reveals "Northwind Systems"/,
      fetch: tampered({
        response: (_q, r) =>
          r.status === 409
            ? withJson(r, (b) => {
                b.detail = 'Northwind Systems registered this customer.';
              })
            : r,
      }),
    },
    {
      rule: 'a replay without Idempotent-Replayed',
      only: 'idempotency:',
      reason: /Idempotent-Replayed/,
      fetch: tampered({ response: (_q, r) => withHeaders(r, (h) => h.delete('idempotent-replayed')) }),
    },
    {
      rule: "a partner reading another's registration",
      only: 'isolation:',
      reason: /the other partner reading the registration: expected 404/,
      fetch: tampered({
        request: (q) =>
          q.method === 'GET' &&
          /^\/v1\/deal-registrations\/[^/]+$/.test(new URL(q.url).pathname) &&
          q.headers.get('authorization') === `Bearer ${me.contoso}`
            ? withToken(q, me.northwind)
            : q,
      }),
    },
    {
      rule: 'a partner approving',
      only: 'approval: a partner cannot approve',
      reason: /expected 403 forbidden, got a success/,
      fetch: tampered({
        request: (q) => (new URL(q.url).pathname.endsWith('/approve') ? withToken(q, keys.vendorKey) : q),
      }),
    },
    {
      rule: 'a cursor that is ignored',
      only: 'pagination:',
      reason: /yielded \S+ twice/,
      fetch: tampered({
        request: (q) => {
          const url = new URL(q.url);
          if (!url.searchParams.has('cursor')) return q;
          url.searchParams.delete('cursor');
          return new Request(url, q);
        },
      }),
    },
    {
      rule: 'no 422 above the remaining MDF amount',
      only: 'mdf:',
      reason: /expected 422 exceeds_remaining/,
      fetch: tampered({
        response: (q, r) =>
          r.status === 422 && new URL(q.url).pathname === '/v1/mdf/requests'
            ? new Response(JSON.stringify({}), { status: 201, headers: r.headers })
            : r,
      }),
    },
    // The asset library.
    {
      rule: 'an expired asset offered',
      only: 'assets: the library offers',
      reason: /an expired asset is offered/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'GET' && new URL(q.url).pathname === '/v1/assets' && r.ok
            ? withJson(r, (b) => {
                const [first] = b.items as Array<Record<string, unknown>>;
                if (first) first.expiresAt = new Date(Date.now() - 86_400_000).toISOString();
              })
            : r,
      }),
    },
    {
      rule: 'an asset filter that is ignored',
      only: 'assets: filters',
      reason: /type=\S+: returned \d+ asset\(s\) that do not match/,
      fetch: tampered({
        request: (q) => {
          const url = new URL(q.url);
          if (url.pathname !== '/v1/assets' || !url.searchParams.has('type')) return q;
          url.searchParams.delete('type');
          return new Request(url, q);
        },
      }),
    },
    {
      rule: 'an asset sort order that is ignored',
      only: 'assets: every sort order',
      reason: /sort=popular: \S+ \(\d+ downloads\) comes after/,
      fetch: tampered({
        request: (q) => {
          const url = new URL(q.url);
          if (url.pathname !== '/v1/assets' || url.searchParams.get('sort') !== 'popular') return q;
          url.searchParams.set('sort', 'title');
          return new Request(url, q);
        },
      }),
    },
    {
      rule: 'a download that is not recorded',
      only: 'assets: a download is recorded',
      reason: /downloadCount of \S+ after one download/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'GET' && /^\/v1\/assets\/[^/]+$/.test(new URL(q.url).pathname) && r.ok
            ? withJson(r, (b) => {
                b.downloadCount = 7;
              })
            : r,
      }),
    },
    {
      rule: 'a co-branded download that is plain',
      only: 'assets: a co-branded download',
      reason: /coBranded: expected true, got false/,
      fetch: tampered({
        request: (q) =>
          q.method === 'POST' && new URL(q.url).pathname.endsWith('/downloads')
            ? new Request(q, { body: '{}', headers: q.headers })
            : q,
      }),
    },
    {
      rule: 'a PNG download recorded as the SVG it is rendered from',
      only: 'assets: a co-branded SVG template taken as PNG',
      reason: /as png: format: expected "png", got "svg"/,
      fetch: tampered({
        request: (q) => {
          if (q.method !== 'POST' || !new URL(q.url).pathname.endsWith('/downloads')) return q;
          const headers = new Headers(q.headers);
          return new Request(q, { body: JSON.stringify({ coBrand: true }), headers });
        },
      }),
    },
    {
      rule: 'a format the asset is not offered in, accepted',
      only: 'assets: a co-branded SVG template taken as PNG',
      reason: /as png without co-branding: expected 422 format_unavailable, got a success/,
      // A backend that ignores the format of a plain download: the one refused above is made.
      fetch: tampered({
        request: async (q) => {
          if (q.method !== 'POST' || !new URL(q.url).pathname.endsWith('/downloads')) return q;
          const body = JSON.parse((await q.clone().text()) || '{}') as { coBrand?: boolean; format?: string };
          if (body.coBrand !== true) delete body.format;
          return new Request(q, { body: JSON.stringify(body), headers: new Headers(q.headers) });
        },
      }),
    },
    {
      rule: 'asset errors without field pointers',
      only: 'assets: bad input',
      reason: /should name \/query\/limit/,
      fetch: tampered({
        response: (_q, r) =>
          r.status === 400
            ? withJson(r, (b) => {
                b.errors = [];
              })
            : r,
      }),
    },
    // Training.
    {
      rule: "a partner seeing another partner's enrolments and certifications",
      only: 'training: another partner',
      reason: /in the other partner's list|other partner's list holds/,
      fetch: tampered({
        request: (q) =>
          q.method === 'GET' &&
          /^\/v1\/(enrollments|certifications)$/.test(new URL(q.url).pathname) &&
          q.headers.get('authorization') === `Bearer ${me.contoso}`
            ? withToken(q, me.northwind)
            : q,
      }),
    },
    {
      rule: "scope=me that lists the organisation's enrolments",
      only: 'training: enrolling',
      reason: /is in the partner admin's own \(scope=me\) list/,
      fetch: tampered({
        request: (q) => {
          const url = new URL(q.url);
          if (url.pathname !== '/v1/enrollments' || url.searchParams.get('scope') !== 'me') return q;
          if (q.headers.get('authorization') !== `Bearer ${me.northwind}`) return q;
          url.searchParams.set('scope', 'organization');
          return new Request(url, q);
        },
      }),
    },
    {
      rule: 'enrolling again that makes another enrolment',
      only: 'training: enrolling',
      reason: /the enrolment of enrolling again/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'POST' && new URL(q.url).pathname === '/v1/enrollments' && r.status === 200
            ? withJson(r, (b) => {
                b.id = `enr_${Math.random().toString(36).slice(2)}`;
              })
            : r,
      }),
    },
    {
      rule: 'a completed certification course that grants nothing',
      only: 'training: completing every module',
      reason: /granted no certification/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'POST' && new URL(q.url).pathname.endsWith('/completion') && r.ok
            ? withJson(r, (b) => {
                b.certification = null;
              })
            : r,
      }),
    },
    {
      rule: 'a certification without its expiry',
      only: 'training: completing every module',
      reason: /expiresAt \S+ is not \d+ months after earnedAt/,
      fetch: tampered({
        response: (q, r) =>
          q.method === 'POST' && new URL(q.url).pathname.endsWith('/completion') && r.ok
            ? withJson(r, (b) => {
                const c = b.certification as Record<string, unknown> | null;
                if (c) c.expiresAt = c.earnedAt;
              })
            : r,
      }),
    },
    {
      rule: 'enrolment errors without field pointers',
      only: 'training: a bad enrolment',
      reason: /should name \/courseId/,
      fetch: tampered({
        response: (_q, r) =>
          r.status === 400
            ? withJson(r, (b) => {
                b.errors = [];
              })
            : r,
      }),
    },
  ];

  describe('a backend that breaks one rule fails the scenario that checks it', () => {
    for (const c of cases) {
      test(c.rule, async () => {
        const report = await runConformance({ baseUrl: server.url, ...keys, only: [c.only], fetch: c.fetch });
        assert.ok(report.results.length >= 1, `no scenario matches ${c.only}`);
        assert.equal(
          report.failed,
          report.results.length,
          `passed anyway: ${JSON.stringify(report.results)}`,
        );
        for (const r of report.results) assert.match(r.error ?? '', c.reason);
      });
    }
  });
});

describe('against a backend that gets everything wrong', () => {
  let broken: BrokenBackend;
  before(async () => {
    broken = await startBrokenBackend();
  });
  after(() => broken?.close());

  test('every scenario fails, each with a reason', async () => {
    const seen: ScenarioResult[] = [];
    const report = await runConformance({
      baseUrl: broken.url,
      ...keys,
      timeoutMs: 5000,
      onResult: (r) => seen.push(r),
    });
    assert.equal(
      report.passed,
      0,
      `passed against a broken backend: ${report.results.filter((r) => r.passed).map((r) => r.name)}`,
    );
    assert.equal(report.failed, scenarios.length);
    assert.deepEqual(seen, report.results);
    for (const r of report.results)
      assert.ok(r.error && r.error.length > 0, `${r.name} failed without a reason`);
  });

  test('the command prints ✘ lines and the counts, and exits 1', async () => {
    const { code, stdout } = await cli([
      '--base-url',
      broken.url,
      '--vendor-key',
      'v',
      '--partner-key',
      'p',
      '--other-partner-key',
      'o',
      '--only',
      'products:',
      '--only',
      'headers:',
    ]);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.at(-1), '0 passed, 2 failed');
    assert.equal(lines.filter((l) => l.startsWith('✘ ')).length, 2);
    assert.match(stdout, /✘ products: the catalogue lists products: .+/);
  });
});

describe('usage', () => {
  test('missing options are refused', async () => {
    await assert.rejects(
      runConformance({ baseUrl: 'http://127.0.0.1:1', vendorKey: '', partnerKey: 'p', otherPartnerKey: 'o' }),
      /missing vendorKey/,
    );
    await assert.rejects(runConformance({ baseUrl: 'nope', ...keys }), /is not a URL/);
    const { code, stderr } = await cli(['--base-url', 'http://127.0.0.1:1']);
    assert.equal(code, 2);
    assert.match(stderr, /missing --vendor-key, --partner-key, --other-partner-key/);
  });

  test('a backend that does not answer fails every scenario with a network reason', async () => {
    const report = await runConformance({ baseUrl: 'http://127.0.0.1:9', ...keys, only: ['products:'] });
    assert.equal(report.failed, 1);
    assert.match(report.results[0]!.error!, /network/);
  });
});
