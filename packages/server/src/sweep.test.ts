// The housekeeping sweep: expiry of lapsed registrations (with their system history entry) and
// forgetting old idempotency keys.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IDEMPOTENCY_TTL_MS } from './rules/idempotency.js';
import { DAY_MS } from './rules/protection.js';
import { sweep } from './sweep.js';
import { KEYS, registrationBody, startTestServer, type TestServer } from './test/harness.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

describe('sweep', () => {
  it('expires approved registrations past their protection, once, and forgets old keys', async () => {
    const created = await server.request('POST', '/v1/deal-registrations', {
      token: KEYS.northwind,
      body: registrationBody('Sweep Target Analytics'),
      headers: { 'idempotency-key': 'sweep-key-0001' },
    });
    const id = created.body.id;
    await server.request('POST', `/v1/deal-registrations/${id}/approve`, {
      token: KEYS.vendor,
      body: { protectionDays: 2 },
    });
    const statusOf = async () =>
      (await server.db.query<{ status: string }>('SELECT status FROM deal_registrations WHERE id = $1', [id]))
        .rows[0]!.status;

    const early = await sweep(server.db, new Date(server.clock.now().getTime() + DAY_MS));
    assert.equal(await statusOf(), 'approved');
    assert.equal(early.purgedIdempotencyKeys, 0);

    const later = new Date(server.clock.now().getTime() + 2 * DAY_MS + 1);
    const result = await sweep(server.db, later);
    assert.ok(result.expiredRegistrations >= 1);
    assert.ok(result.purgedIdempotencyKeys >= 1, 'keys older than the retention period are forgotten');
    assert.equal(await statusOf(), 'expired');
    const repeat = await sweep(server.db, later);
    assert.equal(repeat.expiredRegistrations, 0);
    assert.equal(repeat.purgedIdempotencyKeys, 0);
    assert.deepEqual(repeat.errors, []);
    const history = await server.db.query<{ to_status: string; actor_type: string }>(
      `SELECT to_status, actor_type FROM deal_history WHERE registration_id = $1 ORDER BY at, id`,
      [id],
    );
    assert.deepEqual(history.rows.at(-1), { to_status: 'expired', actor_type: 'system' });
    assert.equal(history.rows.filter((h) => h.to_status === 'expired').length, 1);
    assert.ok(later.getTime() - server.clock.now().getTime() > IDEMPOTENCY_TTL_MS);
    const keys = await server.db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'sweep-key-0001'`);
    assert.equal(keys.rows.length, 0);
  });
});
