// Property-based tests of the MDF write operations (createMdfFund, createMdfRequest,
// createMdfClaim) through real HTTP: malformed, oversized and hostile bodies always get a 4xx
// problem document (or a 201 when they happen to be valid), never a 5xx, and never leave a row
// that breaks the rules behind.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MdfFund, MdfRequest } from '@partnerkit/api';
import fc from 'fast-check';
import { seedMdf } from '../seed/mdf.js';
import { KEYS, startTestServer, type TestServer, testClock } from '../test/harness.js';

const clock = testClock(new Date('2026-11-10T10:00:00Z'));
let server: TestServer;
let fund: MdfFund;
let approvedRequest: MdfRequest;
let contosoFundId: string;

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

before(async () => {
  server = await startTestServer({ seed: 'core', clock });
  await seedMdf(server.db, clock.now());
  const f = await server.request<MdfFund>('POST', '/v1/mdf/funds', {
    token: KEYS.vendor,
    body: {
      partnerId: 'ptn_northwind',
      period: { label: 'Fuzz', startsOn: '2026-07-01', endsOn: '2026-12-31' },
      allocated: { amount: 100_000_000, currency: 'ZZF' },
    },
  });
  assert.equal(f.status, 201, f.text);
  fund = f.body;
  const q = await server.request<MdfRequest>('POST', '/v1/mdf/requests', {
    token: KEYS.northwind,
    body: validRequest(50_000_000),
  });
  assert.equal(q.status, 201, q.text);
  const a = await server.request<MdfRequest>('POST', `/v1/mdf/requests/${q.body.id}/approve`, {
    token: KEYS.vendor,
    body: {},
  });
  assert.equal(a.status, 200, a.text);
  approvedRequest = a.body;
  const contoso = await server.request<{ items: MdfFund[] }>('GET', '/v1/mdf/funds', { token: KEYS.contoso });
  contosoFundId = contoso.body.items[0]!.id;
});
after(async () => {
  await server?.close();
});

function validRequest(amount: number) {
  return {
    fundId: fund.id,
    activityType: 'event',
    title: 'Customer roadshow: Munich',
    description: 'Half-day briefing for IT leaders.',
    startsOn: '2026-12-01',
    endsOn: '2026-12-02',
    requestedAmount: { amount, currency: fund.currency },
    expectedOutcome: { leads: 10, pipeline: { amount: 1000, currency: 'EUR' } },
  };
}

function validClaim(amount: number) {
  return {
    amount: { amount, currency: fund.currency },
    proofs: [{ fileName: 'invoice.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') }],
    results: { leads: 3, pipeline: { amount: 500, currency: fund.currency } },
  };
}

let fundSeq = 0;
function validFund() {
  const n = fundSeq++;
  return {
    partnerId: 'ptn_contoso',
    period: { label: `P${n}`, startsOn: '2027-01-01', endsOn: '2027-06-30' },
    allocated: {
      amount: 1000,
      currency: `Y${String.fromCharCode(65 + (((n / 26) | 0) % 26))}${String.fromCharCode(65 + (n % 26))}`,
    },
  };
}

const hostileString = fc.constantFrom(
  "'; DROP TABLE mdf_requests; --",
  '<script>alert(1)</script>',
  '" onload="alert(1)',
  'a\u0000b',
  '\ud800',
  '../../etc/passwd',
  '%00',
  '2026-02-30',
  '9999-99-99',
  '',
  ' ',
  '💸'.repeat(50),
  'x'.repeat(5000),
  'JVBERi0=',
  'ptn_contoso',
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    -1,
    0,
    1.5,
    1e12 + 1,
    2 ** 63,
    Number.MAX_SAFE_INTEGER,
    -0,
    true,
    false,
    null,
    [],
    {},
    [1, 2],
    { amount: 1 },
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Values the contract accepts but the rules may not: other currencies, dates, amounts, ids. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('USD', 'EUR', 'ZZF', 'ptn_contoso', 'ptn_northwind', 'fund_missing', 'mdfr_missing'),
  fc.constantFrom('2026-01-01', '2026-06-30', '2026-11-30', '2026-12-31', '2027-12-31', '2025-02-28'),
  fc.constantFrom(0, 1, 99, 1_000_000, 999_999_999_999, 1_000_000_000_000),
  fc.integer({ min: 0, max: 200_000_000 }),
);

/** A copy of `base` with the value at `path` replaced (or removed when `value` is undefined). */
function mutate(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[head as number] = mutate(copy[head as number], rest, value);
    return copy;
  }
  if (base && typeof base === 'object') {
    const copy = { ...(base as Record<string, unknown>) };
    if (rest.length === 0 && value === undefined) delete copy[head as string];
    else copy[head as string] = mutate(copy[head as string], rest, value);
    return copy;
  }
  return mutate({}, path, value);
}

/** Every path of leaves and objects in a value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** A body arbitrary: the valid one with one to three places made hostile, extra keys, or random JSON. */
function bodies(valid: () => unknown): fc.Arbitrary<unknown> {
  const base = valid();
  const all = paths(base).filter((p) => p.length > 0);
  const edit = fc.tuple(
    fc.constantFrom(...all),
    fc.oneof(fc.option(hostileValue, { nil: undefined }), plausibleValue, plausibleValue),
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(edit, { minLength: 1, maxLength: 3 })
        .map((edits) => edits.reduce((b, [p, v]) => mutate(b, p, v), valid())),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ minLength: 1, maxLength: 12 }), hostileValue)
        .map(([k, v]) => ({ ...(valid() as object), [k]: v })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constant(undefined).map(() => valid()) },
  );
}

const day = fc.constantFrom(
  '2026-01-01',
  '2026-06-30',
  '2026-11-10',
  '2026-11-30',
  '2026-12-31',
  '2027-03-01',
);
const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(max, 40) }),
  );

/** Bodies the contract accepts, with values chosen to hit every rule (and sometimes pass them). */
function schemaValidRequests() {
  return fc.record({
    fundId: fc.constantFrom(fund.id, fund.id, 'fund_missing', contosoFundId),
    activityType: fc.constantFrom(
      'event',
      'webinar',
      'digital_campaign',
      'content_syndication',
      'trade_show',
      'training',
      'other',
    ),
    title: text(200).filter((t) => /\S/.test(t)),
    description: text(4000),
    startsOn: day,
    endsOn: day,
    requestedAmount: fc.record({
      amount: fc.oneof(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.constantFrom(0, 1, 99_999_999, 1_000_000_000_000),
      ),
      currency: fc.constantFrom(fund.currency, fund.currency, 'USD', 'EUR'),
    }),
    expectedOutcome: fc.record({
      leads: fc.integer({ min: 0, max: 10_000_000 }),
      pipeline: fc.record({
        amount: fc.integer({ min: 0, max: 1_000_000_000_000 }),
        currency: fc.constantFrom('USD', 'EUR'),
      }),
    }),
  });
}

async function send(path: string, token: string, body: unknown, raw?: string) {
  const res = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function assertAnswer(r: { status: number; type: string; text: string }, context: unknown) {
  const where = `${JSON.stringify(context)?.slice(0, 400)} -> ${r.status} ${r.text.slice(0, 300)}`;
  assert.ok(r.status < 500, `never a 5xx: ${where}`);
  if (r.status >= 400) {
    assert.match(r.type, /application\/problem\+json/, where);
    const problem = JSON.parse(r.text) as { status: number; code: string };
    assert.equal(problem.status, r.status, where);
    assert.equal(typeof problem.code, 'string', where);
  } else {
    assert.ok(r.status === 201 || r.status === 200, where);
  }
}

/** Whatever was accepted still obeys every rule. */
async function assertInvariants() {
  const q = async (sql: string) => (await server.db.query(sql)).rows;
  assert.deepEqual(
    await q(`SELECT f.id FROM mdf_funds f
      WHERE (SELECT coalesce(sum(CASE WHEN r.status = 'submitted' THEN r.requested_amount
                                      WHEN r.status IN ('approved', 'partially_approved') THEN r.approved_amount
                                      ELSE 0 END), 0)
               FROM mdf_requests r WHERE r.fund_id = f.id) > f.allocated`),
    [],
    'no fund is overspent',
  );
  assert.deepEqual(
    await q(`SELECT r.id FROM mdf_requests r JOIN mdf_funds f ON f.id = r.fund_id
      WHERE r.currency <> f.currency OR r.partner_id <> f.partner_id OR r.ends_on < r.starts_on
         OR length(trim(r.title)) = 0
         OR NOT EXISTS (SELECT 1 FROM mdf_history h WHERE h.request_id = r.id AND h.subject_type = 'request' AND h.from_status IS NULL)`),
    [],
    'every request is in its fund currency, dated sensibly, with its first history entry',
  );
  assert.deepEqual(
    await q(`SELECT r.id FROM mdf_requests r
      WHERE (SELECT coalesce(sum(CASE WHEN c.status = 'submitted' THEN c.amount
                                      WHEN c.status IN ('approved', 'paid') THEN c.approved_amount ELSE 0 END), 0)
               FROM mdf_claims c WHERE c.request_id = r.id) > coalesce(r.approved_amount, 0)`),
    [],
    'no request is over-claimed',
  );
  assert.deepEqual(
    await q(`SELECT c.id FROM mdf_claims c
      WHERE NOT EXISTS (SELECT 1 FROM mdf_proof_files p WHERE p.claim_id = c.id)
         OR c.currency <> (SELECT currency FROM mdf_requests r WHERE r.id = c.request_id)`),
    [],
    'every claim has proofs and is in its request currency',
  );
  assert.deepEqual(
    await q(`SELECT id FROM mdf_proof_files
      WHERE NOT ((content_type = 'application/pdf' AND substring(data from 1 for 5) = '\\x255044462d'::bytea)
              OR (content_type = 'image/png' AND substring(data from 1 for 8) = '\\x89504e470d0a1a0a'::bytea)
              OR (content_type = 'image/jpeg' AND substring(data from 1 for 3) = '\\xffd8ff'::bytea))`),
    [],
    'every stored proof is the type it declares',
  );
  assert.deepEqual(await q('SELECT id FROM mdf_funds WHERE ends_on < starts_on'), []);
}

describe('MDF writes never fail on bad input', () => {
  test('createMdfRequest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodies(() => validRequest(1000)),
          schemaValidRequests(),
        ),
        async (body) => {
          assertAnswer(await send('/v1/mdf/requests', KEYS.northwind, body), body);
        },
      ),
      { numRuns: 120 },
    );
    await assertInvariants();
  });

  test('createMdfClaim', async () => {
    const path = `/v1/mdf/requests/${approvedRequest.id}/claims`;
    const proof = fc.record({
      fileName: fc.oneof(fc.string({ maxLength: 20 }), hostileString),
      contentType: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/html'),
      dataBase64: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')),
        fc.constantFrom(pdf.toString('base64'), 'iVBORw0KGgo=', '/9j/4AAQ', '====', 'JVBERi0', 'AAAA'),
        hostileString,
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodies(() => validClaim(100)),
          fc.array(proof, { minLength: 0, maxLength: 6 }).map((proofs) => ({ ...validClaim(100), proofs })),
          fc
            .record({
              amount: fc.oneof(fc.integer({ min: 0, max: 60_000_000 }), fc.constantFrom(0, 1, 50_000_000)),
              currency: fc.constantFrom(fund.currency, fund.currency, 'USD'),
              notes: fc.option(text(4000), { nil: undefined }),
            })
            .map(({ amount, currency, notes }) => {
              const c = validClaim(amount);
              return {
                ...c,
                amount: { amount, currency },
                results: { ...c.results, ...(notes === undefined ? {} : { notes }) },
              };
            }),
        ),
        async (body) => {
          assertAnswer(await send(path, KEYS.northwind, body), body);
        },
      ),
      { numRuns: 120 },
    );
    await assertInvariants();
  });

  test('createMdfFund', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(validFund), async (body) => {
        assertAnswer(await send('/v1/mdf/funds', KEYS.vendor, body), body);
      }),
      { numRuns: 100 },
    );
    await assertInvariants();
  });

  test('malformed and oversized bodies', async () => {
    const raws = [
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '{"fundId":',
      JSON.stringify(validRequest(1)).replace('}', ',}'),
      `{"title":"${'x'.repeat(2 * 1024 * 1024)}"}`,
    ];
    for (const raw of raws) {
      for (const [path, token] of [
        ['/v1/mdf/requests', KEYS.northwind],
        [`/v1/mdf/requests/${approvedRequest.id}/claims`, KEYS.northwind],
        ['/v1/mdf/funds', KEYS.vendor],
      ] as const) {
        const r = await send(path, token, undefined, raw);
        assertAnswer(r, { path, raw: raw.slice(0, 40) });
        assert.ok(r.status >= 400, `${path} ${raw.slice(0, 40)} -> ${r.status}`);
      }
    }
    // A claim body bigger than five proofs of the largest size is refused before it is parsed.
    const huge = JSON.stringify(validClaim(1)).replace(pdf.toString('base64'), 'A'.repeat(45 * 1024 * 1024));
    const r = await send(`/v1/mdf/requests/${approvedRequest.id}/claims`, KEYS.northwind, undefined, huge);
    assertAnswer(r, 'huge claim');
    assert.equal(r.status, 413);
    await assertInvariants();
  });
});
