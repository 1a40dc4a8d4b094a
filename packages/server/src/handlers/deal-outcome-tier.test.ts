// A won deal counts toward the partner's tier at once: reporting the outcome re-evaluates the
// standing in the same transaction, without waiting for a tier-progress read or the sweep.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from '../test/harness.js';

const VENDOR = 'pk_demo_vendor_admin';
const NW_ADMIN = 'pk_demo_northwind_admin';
let server: TestServer;

before(async () => {
  server = await startTestServer({ seed: 'demo', logger: false });
});
after(async () => {
  await server?.close();
});

test('reporting a won deal re-evaluates the tier standing at once', async () => {
  const me = await server.request('GET', '/v1/me', { token: NW_ADMIN });
  const earned = me.body.partner.tier;
  // Make the stored standing stale on purpose: the lowest tier, which Northwind's records exceed.
  const lowest = await server.db.query<{ id: string; rank: number }>(
    'SELECT id, rank FROM tiers ORDER BY rank LIMIT 1',
  );
  assert.ok(lowest.rows[0]!.rank < earned.rank, 'the demo partner sits above the lowest tier');
  await server.db.query('UPDATE partners SET tier_id = $2, grace_until = NULL WHERE id = $1', [
    'ptn_northwind',
    lowest.rows[0]!.id,
  ]);
  const stale = await server.request('GET', '/v1/me', { token: NW_ADMIN });
  assert.equal(stale.body.partner.tier.id, lowest.rows[0]!.id);

  const approved = await server.request('GET', '/v1/deal-registrations?status=approved&limit=1', {
    token: NW_ADMIN,
  });
  const deal = approved.body.items[0];
  const won = await server.request('POST', `/v1/deal-registrations/${deal.id}/outcome`, {
    token: VENDOR,
    body: { outcome: 'won' },
  });
  assert.equal(won.status, 200, JSON.stringify(won.body));
  assert.equal(won.body.status, 'won');

  // No tier-progress read in between: the outcome itself promoted the partner back.
  const fresh = await server.request('GET', '/v1/me', { token: NW_ADMIN });
  assert.ok(fresh.body.partner.tier.rank >= earned.rank, JSON.stringify(fresh.body.partner.tier));
  const log = await server.db.query<{ change: string }>(
    `SELECT change FROM tier_changes WHERE partner_id = 'ptn_northwind' ORDER BY id DESC LIMIT 1`,
  );
  assert.equal(log.rows[0]?.change, 'promoted');
});
