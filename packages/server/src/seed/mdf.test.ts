// The demo MDF data obeys the rules it demonstrates, whatever day it is seeded on: nothing is
// overspent or over-claimed, every history is in time order and ends at the current status,
// nothing happens after "now", and the expiry sweep finds nothing left to do.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDatabase } from '../db.js';
import { sweepMdfExpiry } from '../handlers/mdf.js';
import { migrate } from '../migrate.js';
import { fundTotals, type MdfClaimStatus, type MdfRequestStatus } from '../rules/mdf.js';
import { seedCore } from './core.js';
import { seedMdf } from './mdf.js';

// Mid-period, and the first days of a half-year (when the previous period has just ended).
for (const when of ['2026-11-10T10:00:00Z', '2027-01-02T08:00:00Z']) {
  describe(`the MDF demo seeded on ${when}`, () => {
    test('is consistent with the rules', async () => {
      const now = new Date(when);
      const db = await openDatabase({ memory: true });
      try {
        await migrate(db);
        await seedCore(db, now);
        await seedMdf(db, now);

        const funds = (
          await db.query<{ id: string; allocated: number; partner_id: string }>(
            'SELECT id, allocated, partner_id FROM mdf_funds',
          )
        ).rows;
        const partners = (await db.query<{ id: string }>('SELECT id FROM partners')).rows;
        assert.equal(funds.length, partners.length * 2, 'two periods for every partner');

        const requests = (
          await db.query<{
            id: string;
            fund_id: string;
            status: MdfRequestStatus;
            requested_amount: number;
            approved_amount: number | null;
            created_at: Date;
            updated_at: Date;
          }>(
            'SELECT id, fund_id, status, requested_amount, approved_amount, created_at, updated_at FROM mdf_requests',
          )
        ).rows;
        const claims = (
          await db.query<{
            id: string;
            request_id: string;
            status: MdfClaimStatus;
            amount: number;
            approved_amount: number | null;
            paid_at: Date | null;
          }>('SELECT id, request_id, status, amount, approved_amount, paid_at FROM mdf_claims')
        ).rows;
        const history = (
          await db.query<{
            request_id: string;
            claim_id: string | null;
            from_status: string | null;
            to_status: string;
            at: Date;
          }>('SELECT request_id, claim_id, from_status, to_status, at FROM mdf_history ORDER BY id')
        ).rows;

        assert.deepEqual([...new Set(requests.map((r) => r.status))].sort(), [
          'approved',
          'expired',
          'partially_approved',
          'rejected',
          'submitted',
        ]);
        assert.deepEqual([...new Set(claims.map((c) => c.status))].sort(), [
          'approved',
          'paid',
          'rejected',
          'submitted',
        ]);

        for (const f of funds) {
          const own = requests.filter((r) => r.fund_id === f.id);
          const t = fundTotals(
            f.allocated,
            own.map((r) => ({
              status: r.status,
              requestedAmount: r.requested_amount,
              approvedAmount: r.approved_amount,
            })),
            [],
          );
          assert.ok(t.requested + t.approved <= f.allocated, `fund ${f.id} is not overspent`);
        }
        for (const r of requests) {
          const live = claims.filter((c) => c.request_id === r.id && c.status !== 'rejected');
          const held = live.reduce(
            (s, c) => s + (c.status === 'submitted' ? c.amount : (c.approved_amount ?? 0)),
            0,
          );
          assert.ok(
            held <= (r.approved_amount ?? 0) || live.length === 0,
            `request ${r.id} is not over-claimed`,
          );
          const entries = history.filter((h) => h.request_id === r.id && h.claim_id === null);
          assert.equal(entries[0]?.from_status, null);
          assert.equal(entries.at(-1)?.to_status, r.status);
          for (let i = 1; i < entries.length; i++) {
            assert.equal(entries[i]!.from_status, entries[i - 1]!.to_status);
            assert.ok(entries[i]!.at >= entries[i - 1]!.at, 'in time order');
          }
          assert.ok(r.created_at <= now && r.updated_at <= now);
        }
        for (const c of claims) {
          const entries = history.filter((h) => h.claim_id === c.id);
          assert.equal(entries.at(-1)?.to_status, c.status);
          assert.equal(c.status === 'paid', c.paid_at !== null);
        }
        assert.ok(
          history.every((h) => h.at <= now),
          'nothing happens in the future',
        );
        assert.deepEqual(await db.transaction((tx) => sweepMdfExpiry(tx, now)), [], 'nothing left to expire');
      } finally {
        await db.close();
      }
    });
  });
}
