import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideConflict, SIMILARITY_THRESHOLD } from './conflict.js';

const mine = 'ptn_me';
const other = 'ptn_other';

describe('decideConflict', () => {
  it('is clear with nothing matching', () => {
    assert.deepEqual(
      decideConflict({ partnerId: mine, productIds: ['p1'], exact: [], directAccount: false, similar: [] }),
      {
        result: 'clear',
        reasons: [],
      },
    );
  });

  it('is a conflict when another partner holds the customer for an overlapping product, without naming it', () => {
    const r = decideConflict({
      partnerId: mine,
      productIds: ['p1', 'p2'],
      exact: [{ registrationId: 'dr_secret', partnerId: other, productIds: ['p2', 'p9'] }],
      directAccount: false,
      similar: [],
    });
    assert.equal(r.result, 'conflict');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['active_registration'],
    );
    const text = JSON.stringify(r);
    assert.ok(
      !text.includes('dr_secret') && !text.includes(other),
      'never reveals the other registration or partner',
    );
  });

  it("is clear when another partner's registration is for other products", () => {
    const r = decideConflict({
      partnerId: mine,
      productIds: ['p1'],
      exact: [{ registrationId: 'dr_x', partnerId: other, productIds: ['p2'] }],
      directAccount: false,
      similar: [],
    });
    assert.equal(r.result, 'clear');
  });

  it('treats "no products yet" as any product (the live check while typing)', () => {
    for (const productIds of [undefined, null, []]) {
      const r = decideConflict({
        partnerId: mine,
        productIds,
        exact: [{ registrationId: 'dr_x', partnerId: other, productIds: ['p2'] }],
        directAccount: false,
        similar: [],
      });
      assert.equal(r.result, 'conflict');
    }
  });

  it("names the caller's own registration, and only its own", () => {
    const r = decideConflict({
      partnerId: mine,
      productIds: ['p1'],
      exact: [{ registrationId: 'dr_mine', partnerId: mine, productIds: ['p1'] }],
      directAccount: false,
      similar: [],
    });
    assert.equal(r.result, 'conflict');
    assert.deepEqual(r.reasons, [
      {
        code: 'own_registration',
        message: 'Your organisation already has an active registration for this customer and product.',
        registrationId: 'dr_mine',
      },
    ]);
  });

  it('refuses direct-sales accounts whatever the products', () => {
    const r = decideConflict({
      partnerId: mine,
      productIds: ['p1'],
      exact: [],
      directAccount: true,
      similar: [],
    });
    assert.equal(r.result, 'conflict');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['direct_account'],
    );
  });

  it('lists every conflicting reason', () => {
    const r = decideConflict({
      partnerId: mine,
      productIds: ['p1'],
      exact: [
        { registrationId: 'dr_a', partnerId: other, productIds: ['p1'] },
        { registrationId: 'dr_b', partnerId: mine, productIds: ['p1'] },
      ],
      directAccount: true,
      similar: [],
    });
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['direct_account', 'active_registration', 'own_registration'],
    );
  });

  it('asks for review for a close name of another partner or a direct account', () => {
    const close = SIMILARITY_THRESHOLD + 0.1;
    const viaRegistration = decideConflict({
      partnerId: mine,
      productIds: ['p1'],
      exact: [],
      directAccount: false,
      similar: [{ kind: 'registration', partnerId: other, productIds: ['p1'], similarity: close }],
    });
    assert.equal(viaRegistration.result, 'review');
    assert.deepEqual(
      viaRegistration.reasons.map((x) => x.code),
      ['similar_customer'],
    );
    const viaDirect = decideConflict({
      partnerId: mine,
      productIds: ['p1'],
      exact: [],
      directAccount: false,
      similar: [{ kind: 'direct_account', partnerId: null, productIds: null, similarity: close }],
    });
    assert.equal(viaDirect.result, 'review');
  });

  it('ignores close names below the threshold, of the caller itself, or for other products', () => {
    for (const similar of [
      {
        kind: 'registration' as const,
        partnerId: other,
        productIds: ['p1'],
        similarity: SIMILARITY_THRESHOLD - 0.01,
      },
      { kind: 'registration' as const, partnerId: mine, productIds: ['p1'], similarity: 0.9 },
      { kind: 'registration' as const, partnerId: other, productIds: ['p7'], similarity: 0.9 },
    ]) {
      const r = decideConflict({
        partnerId: mine,
        productIds: ['p1'],
        exact: [],
        directAccount: false,
        similar: [similar],
      });
      assert.equal(r.result, 'clear', JSON.stringify(similar));
    }
  });

  it("for a vendor admin every registration is another partner's", () => {
    const r = decideConflict({
      partnerId: null,
      productIds: ['p1'],
      exact: [{ registrationId: 'dr_x', partnerId: other, productIds: ['p1'] }],
      directAccount: false,
      similar: [],
    });
    assert.equal(r.result, 'conflict');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['active_registration'],
    );
  });
});
