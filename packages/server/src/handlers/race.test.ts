// Two partners registering the same customer at the same moment must not both end up active.
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
});
