// The MDF operations through real HTTP against a real server with the demo data, on PGlite in
// memory (or on PostgreSQL in a fresh schema when DATABASE_URL is set): funds and their
// arithmetic, requests, decisions, claims with proof files, payment, isolation between partners,
// concurrent requests against one fund, and expiry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MdfClaim, MdfFund, MdfRequest, Problem } from '@partnerkit/api';
import { fundTotals, type MdfClaimStatus, type MdfRequestStatus } from '../rules/mdf.js';
import { seedMdf } from '../seed/mdf.js';
import { KEYS, startTestServer, type TestServer, testClock } from '../test/harness.js';
import { runMdfExpirySweep } from './mdf.js';

const DAY = 86_400_000;
// A fixed clock: the current period is H2 2026 (1 July to 31 December).
const clock = testClock(new Date('2026-11-10T10:00:00Z'));
let server: TestServer;

before(async () => {
  // The core program (partners, users, keys) and the demo MDF data; training is not needed here.
  server = await startTestServer({ seed: 'core', clock });
  await seedMdf(server.db, clock.now());
});
after(async () => {
  await server?.close();
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A currency code of its own for each fund a test makes, so funds never overlap. */
let currencySeq = 0;
function freshCurrency(): string {
  const n = currencySeq++;
  return `Q${String.fromCharCode(65 + Math.floor(n / 26))}${String.fromCharCode(65 + (n % 26))}`;
}

async function newFund(
  partnerId: string,
  allocated: number,
  period = { label: 'H2 2026', startsOn: '2026-07-01', endsOn: '2026-12-31' },
): Promise<MdfFund> {
  const r = await server.request<MdfFund>('POST', '/v1/mdf/funds', {
    token: KEYS.vendor,
    body: { partnerId, period, allocated: { amount: allocated, currency: freshCurrency() } },
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

function requestBody(fund: MdfFund, amount: number, overrides: Record<string, unknown> = {}) {
  return {
    fundId: fund.id,
    activityType: 'webinar',
    title: 'Webinar: zero trust for mid-market IT teams',
    description: 'A 45-minute live webinar with a customer guest, promoted to our installed base.',
    startsOn: '2026-12-01',
    endsOn: '2026-12-01',
    requestedAmount: { amount, currency: fund.currency },
    expectedOutcome: { leads: 60, pipeline: { amount: amount * 10, currency: fund.currency } },
    ...overrides,
  };
}

async function createRequest(
  fund: MdfFund,
  amount: number,
  token: string = KEYS.northwind,
): Promise<MdfRequest> {
  const r = await server.request<MdfRequest>('POST', '/v1/mdf/requests', {
    token,
    body: requestBody(fund, amount),
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

async function fundOf(fundId: string, token: string = KEYS.northwind): Promise<MdfFund> {
  const r = await server.request<{ items: MdfFund[] }>('GET', '/v1/mdf/funds', { token });
  assert.equal(r.status, 200, r.text);
  const fund = r.body.items.find((f) => f.id === fundId);
  assert.ok(fund, `fund ${fundId} is listed`);
  return fund;
}

async function approve(id: string, amount?: { amount: number; currency: string }, note?: string) {
  return server.request<MdfRequest>('POST', `/v1/mdf/requests/${id}/approve`, {
    token: KEYS.vendor,
    body: { ...(amount ? { amount } : {}), ...(note ? { note } : {}) },
  });
}

function claimBody(
  amount: number,
  currency: string,
  proofs = [{ fileName: 'invoice.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') }],
) {
  return {
    amount: { amount, currency },
    proofs,
    results: { leads: 42, pipeline: { amount: amount * 8, currency }, notes: 'Leads are in the CRM.' },
  };
}

async function allRequests(token: string, query = ''): Promise<MdfRequest[]> {
  const out: MdfRequest[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const sep = query ? '&' : '';
    const r: { status: number; text: string; body: { items: MdfRequest[]; nextCursor: string | null } } =
      await server.request(
        'GET',
        `/v1/mdf/requests?${query}${sep}limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token,
        },
      );
    assert.equal(r.status, 200, r.text);
    out.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) return out;
  }
  assert.fail('pagination did not end');
}

function assertProblem(
  r: { status: number; body: unknown; text: string },
  status: number,
  code: string,
  pointer?: string,
) {
  assert.equal(r.status, status, r.text);
  const p = r.body as Problem;
  assert.equal(p.code, code, r.text);
  if (pointer)
    assert.ok(
      p.errors?.some((e) => e.pointer === pointer),
      `pointer ${pointer} in ${r.text}`,
    );
}

describe('the demo funds', () => {
  test('a partner sees its own funds, current period first, with arithmetic that matches its requests', async () => {
    const r = await server.request<{ items: MdfFund[] }>('GET', '/v1/mdf/funds', { token: KEYS.northwind });
    assert.equal(r.status, 200, r.text);
    const seeded = r.body.items.filter((f) => f.currency === 'USD');
    assert.deepEqual(
      seeded.map((f) => f.period.label),
      ['H2 2026', 'H1 2026'],
    );
    assert.ok(r.body.items.every((f) => f.partnerId === 'ptn_northwind'));
    const requests = await allRequests(KEYS.northwind);
    for (const fund of seeded) {
      const own = requests.filter((q) => q.fundId === fund.id);
      assert.ok(own.length > 0);
      const expected = fundTotals(
        fund.allocated,
        own.map((q) => ({
          status: q.status,
          requestedAmount: q.requestedAmount.amount,
          approvedAmount: q.approvedAmount?.amount ?? null,
        })),
        own.flatMap((q) =>
          q.claims.map((c) => ({
            status: c.status,
            amount: c.amount.amount,
            approvedAmount: c.approvedAmount?.amount ?? null,
          })),
        ),
      );
      assert.deepEqual(
        {
          requested: fund.requested,
          approved: fund.approved,
          claimed: fund.claimed,
          remaining: fund.remaining,
        },
        {
          requested: expected.requested,
          approved: expected.approved,
          claimed: expected.claimed,
          remaining: expected.remaining,
        },
      );
      assert.equal(fund.remaining, fund.allocated - fund.requested - fund.approved);
    }
  });

  test('requests in every status and claims in every status, each with its history', async () => {
    const requests = await allRequests(KEYS.northwind);
    const statuses = new Set<MdfRequestStatus>(requests.map((q) => q.status));
    assert.deepEqual([...statuses].sort(), [
      'approved',
      'expired',
      'partially_approved',
      'rejected',
      'submitted',
    ]);
    const claims = requests.flatMap((q) => q.claims);
    assert.deepEqual([...new Set<MdfClaimStatus>(claims.map((c) => c.status))].sort(), [
      'approved',
      'paid',
      'rejected',
      'submitted',
    ]);
    for (const q of requests) {
      assert.equal(q.history[0]?.from, null);
      assert.equal(q.history[0]?.to, 'submitted');
      assert.equal(q.history.at(-1)?.to, q.status, `${q.reference} history ends at its status`);
    }
    const expired = requests.filter((q) => q.status === 'expired');
    assert.ok(expired.every((q) => q.history.at(-1)?.actor.type === 'system'));
    const paid = claims.find((c) => c.status === 'paid')!;
    assert.ok(paid.paidAt);
    assert.ok(paid.proofs.length > 0 && paid.proofs.every((p) => p.size > 0));
    assert.deepEqual(
      paid.history.map((h) => h.to),
      ['submitted', 'approved', 'paid'],
    );
  });

  test('a vendor admin sees every partner, or one partner; a partner cannot widen its view', async () => {
    const all = await server.request<{ items: MdfFund[] }>('GET', '/v1/mdf/funds', { token: KEYS.vendor });
    assert.ok(new Set(all.body.items.map((f) => f.partnerId)).size >= 10);
    assert.ok(all.body.items.some((f) => f.currency === 'EUR'));
    const one = await server.request<{ items: MdfFund[] }>('GET', '/v1/mdf/funds?partnerId=ptn_contoso', {
      token: KEYS.vendor,
    });
    assert.ok(one.body.items.length >= 2 && one.body.items.every((f) => f.partnerId === 'ptn_contoso'));
    const sneaky = await server.request<{ items: MdfFund[] }>('GET', '/v1/mdf/funds?partnerId=ptn_contoso', {
      token: KEYS.northwind,
    });
    assert.ok(sneaky.body.items.every((f) => f.partnerId === 'ptn_northwind'));
  });
});

describe('createMdfFund', () => {
  test('a vendor admin allocates a fund; it starts with everything remaining', async () => {
    const currency = freshCurrency();
    const r = await server.request<MdfFund>('POST', '/v1/mdf/funds', {
      token: KEYS.vendor,
      body: {
        partnerId: 'ptn_contoso',
        period: { label: 'Q1 2027', startsOn: '2027-01-01', endsOn: '2027-03-31' },
        allocated: { amount: 1_500_000, currency },
      },
    });
    assert.equal(r.status, 201, r.text);
    assert.match(r.body.id, /^fund_/);
    assert.deepEqual(
      { ...r.body, id: undefined },
      {
        id: undefined,
        partnerId: 'ptn_contoso',
        period: { label: 'Q1 2027', startsOn: '2027-01-01', endsOn: '2027-03-31' },
        currency,
        allocated: 1_500_000,
        requested: 0,
        approved: 0,
        claimed: 0,
        remaining: 1_500_000,
      },
    );
    const overlap = await server.request('POST', '/v1/mdf/funds', {
      token: KEYS.vendor,
      body: {
        partnerId: 'ptn_contoso',
        period: { label: 'March', startsOn: '2027-03-01', endsOn: '2027-04-30' },
        allocated: { amount: 10, currency },
      },
    });
    assertProblem(overlap, 409, 'fund_overlap', '/period');
  });

  test('only vendor admins; the partner must exist; dates must make sense', async () => {
    const body = {
      partnerId: 'ptn_northwind',
      period: { label: 'H1 2027', startsOn: '2027-01-01', endsOn: '2027-06-30' },
      allocated: { amount: 100, currency: freshCurrency() },
    };
    assertProblem(
      await server.request('POST', '/v1/mdf/funds', { token: KEYS.northwind, body }),
      403,
      'forbidden',
    );
    assertProblem(
      await server.request('POST', '/v1/mdf/funds', {
        token: KEYS.vendor,
        body: { ...body, partnerId: 'ptn_nobody' },
      }),
      404,
      'not_found',
      '/partnerId',
    );
    assertProblem(
      await server.request('POST', '/v1/mdf/funds', {
        token: KEYS.vendor,
        body: { ...body, period: { label: 'Backwards', startsOn: '2027-06-30', endsOn: '2027-01-01' } },
      }),
      422,
      'validation_failed',
      '/period/endsOn',
    );
    const impossible = await server.request<Problem>('POST', '/v1/mdf/funds', {
      token: KEYS.vendor,
      body: { ...body, period: { label: 'Feb', startsOn: '2027-02-01', endsOn: '2027-02-30' } },
    });
    assert.ok(impossible.status === 400 || impossible.status === 422, impossible.text);
    assert.ok(
      impossible.body.errors?.some((e) => e.pointer === '/period/endsOn'),
      impossible.text,
    );
    const funds = await server.db.query(`SELECT 1 FROM mdf_funds WHERE currency = $1`, [
      body.allocated.currency,
    ]);
    assert.equal(funds.rows.length, 0, 'nothing was stored');
  });
});

describe('createMdfRequest', () => {
  test('a request is stored as submitted, with its history, and holds its amount in the fund', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const r = await server.request<MdfRequest>('POST', '/v1/mdf/requests', {
      token: KEYS.northwindUser,
      body: requestBody(fund, 400_000, { title: '  Customer roadshow: Chicago  ' }),
    });
    assert.equal(r.status, 201, r.text);
    assert.match(r.body.reference, /^MDF-\d{5}$/);
    assert.equal(r.body.title, 'Customer roadshow: Chicago');
    assert.equal(r.body.status, 'submitted');
    assert.equal(r.body.partnerId, 'ptn_northwind');
    assert.equal(r.body.partnerName, 'Northwind Systems');
    assert.deepEqual(r.body.requestedAmount, { amount: 400_000, currency: fund.currency });
    assert.equal(r.body.approvedAmount, null);
    assert.deepEqual(r.body.claims, []);
    assert.equal(r.body.history.length, 1);
    assert.deepEqual(
      { ...r.body.history[0], at: undefined },
      {
        from: null,
        to: 'submitted',
        at: undefined,
        actor: { type: 'partner', id: r.body.history[0]!.actor.id, name: r.body.history[0]!.actor.name },
        reason: null,
      },
    );
    assert.equal(r.body.history[0]!.at, clock.now().toISOString());
    const after = await fundOf(fund.id);
    assert.deepEqual([after.requested, after.approved, after.remaining], [400_000, 0, 600_000]);
    const got = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${r.body.id}`, {
      token: KEYS.northwind,
    });
    assert.deepEqual(got.body, r.body);
  });

  test('up to the remaining amount exactly, and not one minor unit more', async () => {
    const fund = await newFund('ptn_northwind', 500_000);
    await createRequest(fund, 300_000);
    const over = await server.request('POST', '/v1/mdf/requests', {
      token: KEYS.northwind,
      body: requestBody(fund, 200_001),
    });
    assertProblem(over, 422, 'exceeds_remaining', '/requestedAmount/amount');
    await createRequest(fund, 200_000);
    assertProblem(
      await server.request('POST', '/v1/mdf/requests', { token: KEYS.northwind, body: requestBody(fund, 1) }),
      422,
      'exceeds_remaining',
    );
    const rows = await server.db.query('SELECT count(*) AS n FROM mdf_requests WHERE fund_id = $1', [
      fund.id,
    ]);
    assert.equal(Number((rows.rows[0] as { n: number }).n), 2);
  });

  test('the amount is in the fund currency; dates in order; a request of nothing is refused', async () => {
    const fund = await newFund('ptn_northwind', 500_000);
    assertProblem(
      await server.request('POST', '/v1/mdf/requests', {
        token: KEYS.northwind,
        body: requestBody(fund, 1000, { requestedAmount: { amount: 1000, currency: 'USD' } }),
      }),
      422,
      'currency_mismatch',
      '/requestedAmount/currency',
    );
    const backwards = await server.request<Problem>('POST', '/v1/mdf/requests', {
      token: KEYS.northwind,
      body: requestBody(fund, 1000, { startsOn: '2026-12-10', endsOn: '2026-12-09' }),
    });
    assertProblem(backwards, 422, 'validation_failed', '/endsOn');
    assert.ok(backwards.body.errors?.some((e) => e.pointer === '/startsOn'));
    assertProblem(
      await server.request('POST', '/v1/mdf/requests', { token: KEYS.northwind, body: requestBody(fund, 0) }),
      422,
      'validation_failed',
      '/requestedAmount/amount',
    );
    const missing = await server.request<Problem>('POST', '/v1/mdf/requests', {
      token: KEYS.northwind,
      body: { ...requestBody(fund, 1000), title: undefined },
    });
    assert.equal(missing.status, 400, missing.text);
    assert.equal((await fundOf(fund.id)).requested, 0, 'nothing was held');
  });

  test('a description of only whitespace is refused, as a blank title is; nothing is held', async () => {
    const fund = await newFund('ptn_northwind', 500_000);
    for (const blank of ['   ', '\n\t ', '\u00a0\u2003', '\uFEFF']) {
      for (const field of ['description', 'title']) {
        assertProblem(
          await server.request('POST', '/v1/mdf/requests', {
            token: KEYS.northwind,
            body: requestBody(fund, 1000, { [field]: blank }),
          }),
          400,
          'validation_failed',
          `/${field}`,
        );
      }
    }
    assert.equal((await fundOf(fund.id)).requested, 0, 'nothing was held');
  });

  test('a description comes back exactly as sent, a leading U+FEFF and inner whitespace included', async () => {
    const fund = await newFund('ptn_northwind', 500_000);
    const description = '\uFEFF  Roadshow\n\n  with two stops\uFEFF ';
    const r = await server.request<MdfRequest>('POST', '/v1/mdf/requests', {
      token: KEYS.northwind,
      body: requestBody(fund, 1000, { description }),
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.description, description);
    const read = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${r.body.id}`, {
      token: KEYS.northwind,
    });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.description, description);
  });

  test("another partner's fund is not found; vendor admins do not request funds", async () => {
    const fund = await newFund('ptn_northwind', 500_000);
    assertProblem(
      await server.request('POST', '/v1/mdf/requests', {
        token: KEYS.contoso,
        body: requestBody(fund, 1000),
      }),
      404,
      'not_found',
      '/fundId',
    );
    assertProblem(
      await server.request('POST', '/v1/mdf/requests', { token: KEYS.vendor, body: requestBody(fund, 1000) }),
      403,
      'forbidden',
    );
  });

  test('a fund whose period has ended takes no requests', async () => {
    const fund = await newFund('ptn_northwind', 500_000, {
      label: 'Q1 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
    });
    assertProblem(
      await server.request('POST', '/v1/mdf/requests', {
        token: KEYS.northwind,
        body: requestBody(fund, 1000),
      }),
      422,
      'fund_closed',
      '/fundId',
    );
  });

  test('parallel requests against one fund never overspend it', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        server.request('POST', '/v1/mdf/requests', {
          token: KEYS.northwind,
          body: requestBody(fund, 300_000),
        }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 422);
    assert.equal(created.length, 3, results.map((r) => r.status).join(','));
    assert.equal(refused.length, 9);
    assert.ok(refused.every((r) => (r.body as Problem).code === 'exceeds_remaining'));
    const after = await fundOf(fund.id);
    assert.deepEqual([after.requested, after.remaining], [900_000, 100_000]);
  });
});

describe('decisions on requests', () => {
  test('full approval moves the amount from requested to approved', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 250_000);
    const r = await approve(q.id, undefined, 'Approved. Keep the attendee list for the claim.');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'approved');
    assert.deepEqual(r.body.approvedAmount, { amount: 250_000, currency: fund.currency });
    assert.deepEqual(
      r.body.history.map((h) => [h.from, h.to, h.actor.type, h.reason]),
      [
        [null, 'submitted', 'partner', null],
        ['submitted', 'approved', 'vendor', 'Approved. Keep the attendee list for the claim.'],
      ],
    );
    const after = await fundOf(fund.id);
    assert.deepEqual([after.requested, after.approved, after.remaining], [0, 250_000, 750_000]);
    assertProblem(await approve(q.id), 409, 'invalid_state');
  });

  test('a partial approval reserves the approved amount and releases the rest', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 400_000);
    assert.equal((await fundOf(fund.id)).remaining, 600_000);
    const r = await approve(q.id, { amount: 150_000, currency: fund.currency });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'partially_approved');
    assert.deepEqual(r.body.approvedAmount, { amount: 150_000, currency: fund.currency });
    const after = await fundOf(fund.id);
    assert.deepEqual([after.requested, after.approved, after.remaining], [0, 150_000, 850_000]);
  });

  test('never more than requested, never in another currency, never by a partner', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 100_000);
    assertProblem(
      await approve(q.id, { amount: 100_001, currency: fund.currency }),
      422,
      'exceeds_requested',
      '/amount/amount',
    );
    assertProblem(
      await approve(q.id, { amount: 50_000, currency: 'USD' }),
      422,
      'currency_mismatch',
      '/amount/currency',
    );
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${q.id}/approve`, { token: KEYS.northwind, body: {} }),
      403,
      'forbidden',
    );
    assertProblem(await approve('mdfr_doesnotexist'), 404, 'not_found');
    const still = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${q.id}`, {
      token: KEYS.northwind,
    });
    assert.equal(still.body.status, 'submitted');
    assert.equal(still.body.history.length, 1);
  });

  test('rejection keeps the reason and releases the reservation', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 700_000);
    const r = await server.request<MdfRequest>('POST', `/v1/mdf/requests/${q.id}/reject`, {
      token: KEYS.vendor,
      body: { reason: 'Travel is not MDF-eligible; please resubmit without it.' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'rejected');
    assert.equal(r.body.rejectionReason, 'Travel is not MDF-eligible; please resubmit without it.');
    assert.equal(r.body.history.at(-1)?.reason, r.body.rejectionReason);
    assert.equal((await fundOf(fund.id)).remaining, 1_000_000);
    assertProblem(await approve(q.id), 409, 'invalid_state');
    const blank = await server.request('POST', `/v1/mdf/requests/${q.id}/reject`, {
      token: KEYS.vendor,
      body: { reason: '   ' },
    });
    assert.equal(blank.status, 400, blank.text);
  });

  test('a decision on the same request twice at once succeeds exactly once', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 100_000);
    const [a, b] = await Promise.all([
      approve(q.id),
      server.request('POST', `/v1/mdf/requests/${q.id}/reject`, {
        token: KEYS.vendor,
        body: { reason: 'Duplicate.' },
      }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const got = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${q.id}`, { token: KEYS.vendor });
    assert.equal(got.body.history.length, 2);
  });
});

describe('claims', () => {
  test('a claim with proofs against an approved request, then approval in part and payment', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 300_000);
    await approve(q.id, { amount: 200_000, currency: fund.currency });
    const r = await server.request<MdfClaim>('POST', `/v1/mdf/requests/${q.id}/claims`, {
      token: KEYS.northwindUser,
      body: claimBody(180_000, fund.currency, [
        { fileName: 'invoice.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') },
        { fileName: 'booth photo.png', contentType: 'image/png', dataBase64: png.toString('base64') },
      ]),
    });
    assert.equal(r.status, 201, r.text);
    const claim = r.body;
    assert.equal(claim.status, 'submitted');
    assert.equal(claim.requestId, q.id);
    assert.deepEqual(
      claim.proofs.map((p) => [p.fileName, p.contentType, p.size]),
      [
        ['invoice.pdf', 'application/pdf', pdf.length],
        ['booth photo.png', 'image/png', png.length],
      ],
    );
    const stored = await server.db.query<{ data: Uint8Array }>(
      'SELECT data FROM mdf_proof_files WHERE claim_id = $1 ORDER BY position',
      [claim.id],
    );
    assert.deepEqual(Buffer.from(stored.rows[1]!.data), png, 'the bytes are stored as sent');
    assert.deepEqual(claim.results, {
      leads: 42,
      pipeline: { amount: 1_440_000, currency: fund.currency },
      notes: 'Leads are in the CRM.',
    });

    // At most what is left of the approved amount.
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${q.id}/claims`, {
        token: KEYS.northwind,
        body: claimBody(20_001, fund.currency),
      }),
      422,
      'exceeds_approved',
      '/amount/amount',
    );

    const approved = await server.request<MdfClaim>('POST', `/v1/mdf/claims/${claim.id}/approve`, {
      token: KEYS.vendor,
      body: { amount: { amount: 150_000, currency: fund.currency }, note: 'Catering is not eligible.' },
    });
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.body.status, 'approved');
    assert.deepEqual(approved.body.approvedAmount, { amount: 150_000, currency: fund.currency });
    assert.equal((await fundOf(fund.id)).claimed, 150_000);

    // The part of the claim not approved can be claimed again.
    const second = await server.request<MdfClaim>('POST', `/v1/mdf/requests/${q.id}/claims`, {
      token: KEYS.northwind,
      body: claimBody(50_000, fund.currency),
    });
    assert.equal(second.status, 201, second.text);

    assertProblem(
      await server.request('POST', `/v1/mdf/claims/${claim.id}/approve`, { token: KEYS.vendor, body: {} }),
      409,
      'invalid_state',
    );
    const paid = await server.request<MdfClaim>('POST', `/v1/mdf/claims/${claim.id}/pay`, {
      token: KEYS.vendor,
    });
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.body.status, 'paid');
    assert.equal(paid.body.paidAt, clock.now().toISOString());
    assert.deepEqual(
      paid.body.history.map((h) => [h.from, h.to]),
      [
        [null, 'submitted'],
        ['submitted', 'approved'],
        ['approved', 'paid'],
      ],
    );
    assertProblem(
      await server.request('POST', `/v1/mdf/claims/${claim.id}/pay`, { token: KEYS.vendor }),
      409,
      'invalid_state',
    );

    const full = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${q.id}`, {
      token: KEYS.northwind,
    });
    assert.deepEqual(Object.fromEntries(full.body.claims.map((c) => [c.id, c.status])), {
      [claim.id]: 'paid',
      [second.body.id]: 'submitted',
    });
    const fundAfter = await fundOf(fund.id);
    assert.deepEqual(
      [fundAfter.approved, fundAfter.claimed, fundAfter.remaining],
      [200_000, 150_000, 800_000],
    );
  });

  test('a rejected claim frees its amount; only submitted claims are rejected; approval never above the claim', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 100_000);
    await approve(q.id);
    const c = await server.request<MdfClaim>('POST', `/v1/mdf/requests/${q.id}/claims`, {
      token: KEYS.northwind,
      body: claimBody(100_000, fund.currency),
    });
    assert.equal(c.status, 201, c.text);
    assertProblem(
      await server.request('POST', `/v1/mdf/claims/${c.body.id}/approve`, {
        token: KEYS.vendor,
        body: { amount: { amount: 100_001, currency: fund.currency } },
      }),
      422,
      'exceeds_claimed',
      '/amount/amount',
    );
    assertProblem(
      await server.request('POST', `/v1/mdf/claims/${c.body.id}/pay`, { token: KEYS.vendor }),
      409,
      'invalid_state',
    );
    const rejected = await server.request<MdfClaim>('POST', `/v1/mdf/claims/${c.body.id}/reject`, {
      token: KEYS.vendor,
      body: { reason: 'The invoice is not dated.' },
    });
    assert.equal(rejected.status, 200, rejected.text);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.rejectionReason, 'The invoice is not dated.');
    assertProblem(
      await server.request('POST', `/v1/mdf/claims/${c.body.id}/reject`, {
        token: KEYS.vendor,
        body: { reason: 'Again.' },
      }),
      409,
      'invalid_state',
    );
    const again = await server.request('POST', `/v1/mdf/requests/${q.id}/claims`, {
      token: KEYS.northwind,
      body: claimBody(100_000, fund.currency),
    });
    assert.equal(again.status, 201, again.text);
    for (const op of ['approve', 'reject', 'pay']) {
      const r = await server.request('POST', `/v1/mdf/claims/${c.body.id}/${op}`, {
        token: KEYS.northwind,
        body: op === 'reject' ? { reason: 'x' } : {},
      });
      assertProblem(r, 403, 'forbidden');
    }
    assertProblem(
      await server.request('POST', '/v1/mdf/claims/mdfc_nothere/pay', { token: KEYS.vendor }),
      404,
      'not_found',
    );
  });

  test('claims need an approved request; proofs must be what they claim to be; nothing is stored otherwise', async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const pending = await createRequest(fund, 100_000);
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${pending.id}/claims`, {
        token: KEYS.northwind,
        body: claimBody(1000, fund.currency),
      }),
      409,
      'invalid_state',
    );
    await approve(pending.id);
    const fake = await server.request<Problem>('POST', `/v1/mdf/requests/${pending.id}/claims`, {
      token: KEYS.northwind,
      body: claimBody(1000, fund.currency, [
        { fileName: 'ok.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') },
        { fileName: 'not-a.pdf', contentType: 'application/pdf', dataBase64: png.toString('base64') },
      ]),
    });
    assertProblem(fake, 422, 'invalid_file', '/proofs/1/dataBase64');
    const badBase64 = await server.request('POST', `/v1/mdf/requests/${pending.id}/claims`, {
      token: KEYS.northwind,
      body: claimBody(1000, fund.currency, [
        { fileName: 'x.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0xLj=A' },
      ]),
    });
    assert.ok(badBase64.status === 400 || badBase64.status === 422, badBase64.text);
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${pending.id}/claims`, {
        token: KEYS.northwind,
        body: claimBody(1000, 'USD'),
      }),
      422,
      'currency_mismatch',
      '/amount/currency',
    );
    const claims = await server.db.query('SELECT 1 FROM mdf_claims WHERE request_id = $1', [pending.id]);
    assert.equal(claims.rows.length, 0);
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${pending.id}/claims`, {
        token: KEYS.vendor,
        body: claimBody(1000, fund.currency),
      }),
      403,
      'forbidden',
    );
  });
});

describe('isolation between partners', () => {
  test("another partner's requests are not found, not listed, not claimable", async () => {
    const fund = await newFund('ptn_northwind', 1_000_000);
    const q = await createRequest(fund, 100_000);
    await approve(q.id);
    assertProblem(
      await server.request('GET', `/v1/mdf/requests/${q.id}`, { token: KEYS.contoso }),
      404,
      'not_found',
    );
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${q.id}/claims`, {
        token: KEYS.contoso,
        body: claimBody(1000, fund.currency),
      }),
      404,
      'not_found',
    );
    const contosoList = await allRequests(KEYS.contoso);
    assert.ok(contosoList.length > 0);
    assert.ok(contosoList.every((r) => r.partnerId === 'ptn_contoso'));
    const sneaky = await allRequests(KEYS.contoso, `partnerId=ptn_northwind&fundId=${fund.id}`);
    assert.deepEqual(sneaky, []);
    const vendor = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${q.id}`, {
      token: KEYS.vendor,
    });
    assert.equal(vendor.status, 200);
  });
});

describe('listMdfRequests', () => {
  test('pages newest first with no gaps or repeats; filters by status and fund', async () => {
    const all = await allRequests(KEYS.northwind);
    const { rows } = await server.db.query<{ id: string }>(
      `SELECT id FROM mdf_requests WHERE partner_id = 'ptn_northwind' ORDER BY created_at DESC, id DESC`,
    );
    assert.deepEqual(
      all.map((r) => r.id),
      rows.map((r) => r.id),
    );
    const decided = await allRequests(KEYS.northwind, 'status=approved&status=partially_approved');
    assert.ok(
      decided.length > 0 &&
        decided.every((r) => r.status === 'approved' || r.status === 'partially_approved'),
    );
    assert.equal(
      decided.length,
      all.filter((r) => r.status === 'approved' || r.status === 'partially_approved').length,
    );
    const fundId = all[0]!.fundId;
    const byFund = await allRequests(KEYS.northwind, `fundId=${fundId}`);
    assert.deepEqual(
      byFund.map((r) => r.id),
      all.filter((r) => r.fundId === fundId).map((r) => r.id),
    );
    const bad = await server.request('GET', '/v1/mdf/requests?cursor=not-a-cursor', {
      token: KEYS.northwind,
    });
    assertProblem(bad, 400, 'validation_failed', '/query/cursor');
  });
});

describe('history', () => {
  test('is append-only in the database', async () => {
    await assert.rejects(server.db.query(`UPDATE mdf_history SET reason = 'rewritten'`), /append-only/);
    await assert.rejects(server.db.query('DELETE FROM mdf_history'), /append-only/);
  });
});

describe('expiry', () => {
  test('an undecided request expires when its fund period ends, and releases its hold', async () => {
    clock.set(new Date('2026-11-10T10:00:00Z'));
    const fund = await newFund('ptn_northwind', 1_000_000, {
      label: 'November',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
    });
    const q = await createRequest(fund, 300_000);
    clock.set(new Date('2026-11-30T23:59:00Z'));
    assert.equal((await fundOf(fund.id)).requested, 300_000, 'still pending on the last day');
    clock.set(new Date('2026-12-01T00:01:00Z'));
    const f = await fundOf(fund.id);
    assert.deepEqual([f.requested, f.remaining], [0, 1_000_000]);
    const r = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${q.id}`, { token: KEYS.northwind });
    assert.equal(r.body.status, 'expired');
    assert.deepEqual(
      { ...r.body.history.at(-1), at: undefined },
      {
        from: 'submitted',
        to: 'expired',
        at: undefined,
        actor: { type: 'system', id: null, name: 'System' },
        reason: 'The fund period ended before a decision was made.',
      },
    );
    assertProblem(await approve(q.id), 409, 'invalid_state');
  });

  test('an approved request never claimed expires 60 days after its activity; a claimed one does not', async () => {
    clock.set(new Date('2026-11-10T10:00:00Z'));
    const fund = await newFund('ptn_northwind', 1_000_000, {
      label: 'FY 2026-27',
      startsOn: '2026-11-01',
      endsOn: '2027-10-31',
    });
    const idle = await createRequest(fund, 100_000);
    const busy = await createRequest(fund, 100_000);
    await approve(idle.id);
    await approve(busy.id, { amount: 60_000, currency: fund.currency });
    const c = await server.request('POST', `/v1/mdf/requests/${busy.id}/claims`, {
      token: KEYS.northwind,
      body: claimBody(10_000, fund.currency),
    });
    assert.equal(c.status, 201, c.text);
    // The activity ends on 2026-12-01: claims are due by 2027-01-30.
    clock.set(new Date('2027-01-30T12:00:00Z'));
    assert.equal((await fundOf(fund.id)).approved, 160_000);
    clock.set(new Date('2027-01-31T00:00:01Z'));
    const f = await fundOf(fund.id);
    assert.deepEqual([f.approved, f.remaining], [60_000, 940_000]);
    const idleNow = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${idle.id}`, {
      token: KEYS.northwind,
    });
    assert.equal(idleNow.body.status, 'expired');
    assert.equal(idleNow.body.history.at(-1)?.reason, 'Not claimed within 60 days after the activity ended.');
    const busyNow = await server.request<MdfRequest>('GET', `/v1/mdf/requests/${busy.id}`, {
      token: KEYS.northwind,
    });
    assert.equal(busyNow.body.status, 'partially_approved');
    assertProblem(
      await server.request('POST', `/v1/mdf/requests/${idle.id}/claims`, {
        token: KEYS.northwind,
        body: claimBody(1000, fund.currency),
      }),
      409,
      'invalid_state',
    );
  });

  test('the sweep on its own expires what is due, once', async () => {
    clock.set(new Date('2026-11-10T10:00:00Z'));
    const fund = await newFund('ptn_contoso', 1_000_000, {
      label: 'Late November',
      startsOn: '2026-11-15',
      endsOn: '2026-11-30',
    });
    const q = await createRequest(fund, 1000, KEYS.contoso);
    const later = new Date(Date.parse('2026-12-01T00:00:00Z') + DAY);
    const first = await runMdfExpirySweep(server.db, later);
    assert.ok(first.includes(q.id));
    assert.deepEqual(await runMdfExpirySweep(server.db, later), []);
    const { rows } = await server.db.query<{ to_status: string; actor_type: string }>(
      `SELECT to_status, actor_type FROM mdf_history WHERE request_id = $1 ORDER BY id`,
      [q.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.to_status, r.actor_type]),
      [
        ['submitted', 'partner'],
        ['expired', 'system'],
      ],
    );
    clock.set(new Date('2026-11-10T10:00:00Z'));
  });
});
