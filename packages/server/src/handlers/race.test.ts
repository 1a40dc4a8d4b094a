// Two partners registering the same customer at the same moment must not both end up active, and
// two registering near misses of each other must not both go unflagged.
// Against PostgreSQL (DATABASE_URL) the requests run in truly parallel transactions; on PGlite
// they are serialised by its single connection, and the answer must be the same.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { customerKeys } from '../rules/normalize.js';
import { PARTNERS } from '../seed/core.js';
import { registrationBody, startTestServer, type TestServer } from '../test/harness.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const partnerKeys = PARTNERS.map((p) => `pk_demo_${p.slug}_admin`);

async function race(bodies: (i: number) => ReturnType<typeof registrationBody>, perPartner: number) {
  const requests = partnerKeys.flatMap((token, p) =>
    Array.from({ length: perPartner }, (_, k) =>
      server.request('POST', '/v1/deal-registrations', { token, body: bodies(p * perPartner + k) }),
    ),
  );
  return Promise.all(requests);
}

async function activeCount(company: string, domain?: string) {
  const keys = customerKeys(company, domain);
  const { rows } = await server.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deal_registrations
      WHERE status IN ('submitted', 'under_review', 'approved') AND (company_key = $1 OR domain_key = $2)`,
    [keys.company, keys.domain],
  );
  return rows[0]!.n;
}

describe('parallel registrations of one customer', () => {
  it(`exactly one of ${PARTNERS.length * 3} simultaneous registrations of the same name wins`, async () => {
    const spellings = [
      'Zephyr Aerospace Inc.',
      'ZEPHYR AEROSPACE',
      'Zephyr Aerospace, LLC',
      'The Zephyr Aerospace Corp',
    ];
    const results = await race((i) => {
      const body = registrationBody(spellings[i % spellings.length]!);
      body.customer.domain = `zephyr-${i}.example.com`;
      return body;
    }, 3);
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
    assert.ok(
      results.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'deal_conflict')),
      statuses.join(','),
    );
    assert.equal(await activeCount('Zephyr Aerospace'), 1);
  });

  it('exactly one wins when the names differ but the domain is the same', async () => {
    const results = await race((i) => {
      const body = registrationBody(`Domain Racer ${i} Holdings`);
      body.customer.domain = i % 2 === 0 ? 'www.domainracer.example.com' : 'DOMAINRACER.example.com';
      return body;
    }, 2);
    const winners = results.filter((r) => r.status === 201);
    assert.equal(winners.length, 1, results.map((r) => r.status).join(','));
    const { rows } = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deal_registrations
        WHERE domain_key = 'domainracer.example.com' AND status IN ('submitted', 'under_review', 'approved')`,
    );
    assert.equal(rows[0]!.n, 1);
  });

  it('registrations of different customers do not block each other', async () => {
    const results = await race((i) => registrationBody(`Independent Customer ${i} Labs`), 2);
    assert.ok(
      results.every((r) => r.status === 201),
      results.map((r) => r.status).join(','),
    );
  });

  // Every name below is close to every other (one typo apart, or trigram-close in the same
  // blocks), so whatever order the registrations commit in, the first one alone is unflagged and
  // every later one sees an earlier one. Without a lock the near misses share, several would check
  // before any commits and go unflagged together.
  async function nearMissRace(names: string[]) {
    assert.ok(names.length <= partnerKeys.length);
    const results = await Promise.all(
      names.map((company, i) => {
        const body = registrationBody(company);
        body.customer.domain = `near-${i}-${company.toLowerCase().replace(/[^a-z]+/g, '')}.example.com`;
        return server.request('POST', '/v1/deal-registrations', { token: partnerKeys[i]!, body });
      }),
    );
    const statuses = results.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 201),
      statuses.join(','),
    );
    const unflagged = results.filter((r) => r.body.flags.length === 0).map((r) => r.body.customer.company);
    assert.deepEqual(unflagged.length, 1, `unflagged: ${unflagged.join(', ')}`);
    assert.ok(
      results.every((r) => r.body.flags.length === 0 || r.body.flags[0] === 'similar_customer'),
      JSON.stringify(results.map((r) => r.body.flags)),
    );
  }

  it(`one of ${PARTNERS.length} simultaneous one-word names one typo apart goes unflagged, the rest are flagged`, async () => {
    // Qu?ntrix: the same letter replaced, so every two are one typo apart, and no two share a block.
    const letters = 'aeiouybcdfghklmnprstvwz';
    await nearMissRace(partnerKeys.map((_, i) => `Qu${letters[i]}ntrix`));
  });

  it('the same for close names in the same blocks', async () => {
    const middles = [
      'North',
      'South',
      'East',
      'West',
      'Bay',
      'Coast',
      'Lake',
      'Field',
      'Ridge',
      'Park',
      'Dale',
      'Moor',
    ];
    await nearMissRace(middles.slice(0, partnerKeys.length).map((m) => `Vantage ${m} Freight Systems`));
  });
});
