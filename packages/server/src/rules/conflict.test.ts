import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decideConflict,
  isOneEdit,
  isTypoOf,
  oneDeletionForms,
  SIMILARITY_THRESHOLD,
  TYPO_MAX_WORD_LENGTH,
  TYPO_MIN_LENGTH,
} from './conflict.js';

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

describe('one typo apart', () => {
  it('counts one insertion, deletion, replacement or swap of neighbours, and nothing else', () => {
    for (const [a, b] of [
      ['globex', 'glebex'],
      ['initech', 'intech'],
      ['intech', 'initech'],
      ['initech', 'intiech'],
      ['hooli', 'hoolie'],
      ['müller', 'muller'],
      ['globex systems', 'glebex systems'],
    ]) {
      assert.equal(isOneEdit(a!, b!), true, `${a} / ${b}`);
    }
    for (const [a, b] of [
      ['globex', 'globex'],
      ['globex', 'global'],
      ['globex', 'gloxeb'],
      ['initech', 'intch'],
      ['globex', 'globexinc'],
    ]) {
      assert.equal(isOneEdit(a!, b!), false, `${a} / ${b}`);
    }
  });

  it(`makes names close only from ${TYPO_MIN_LENGTH} characters`, () => {
    assert.equal(isTypoOf('globex', 'glebex'), true);
    assert.equal(isTypoOf('acme', 'acne'), false);
    assert.equal(isTypoOf('acme', 'acmes'), false);
    assert.equal(isTypoOf('acmes', 'acmex'), true);
  });

  it('asks for review for a name one typo away whatever its trigram similarity, never for the caller itself', () => {
    const typo = { kind: 'registration' as const, partnerId: other, productIds: ['p1'], similarity: 0.4 };
    const base = { partnerId: mine, company: 'globex', productIds: ['p1'], exact: [], directAccount: false };
    assert.equal(decideConflict({ ...base, similar: [{ ...typo, name: 'glebex' }] }).result, 'review');
    assert.equal(
      decideConflict({
        ...base,
        similar: [
          { kind: 'direct_account', partnerId: null, productIds: null, similarity: 0.4, name: 'glebex' },
        ],
      }).result,
      'review',
    );
    for (const similar of [
      { ...typo, name: 'global' },
      { ...typo, name: 'glebex', partnerId: mine },
      { ...typo, name: 'glebex', productIds: ['p7'] },
      { ...typo },
    ]) {
      assert.equal(decideConflict({ ...base, similar: [similar] }).result, 'clear', JSON.stringify(similar));
    }
    const { company: _company, ...withoutName } = base;
    assert.equal(
      decideConflict({ ...withoutName, similar: [{ ...typo, name: 'glebex' }] }).result,
      'clear',
      'without the customer name only similarity counts',
    );
  });
});

describe('oneDeletionForms', () => {
  it('gives the word and the word without each of its characters, once each', () => {
    assert.deepEqual(
      oneDeletionForms('globex').sort(),
      ['globe', 'globex', 'globx', 'glbex', 'gloex', 'gobex', 'lobex'].sort(),
    );
    assert.deepEqual(oneDeletionForms('aaaaa'), ['aaaaa', 'aaaa']);
    assert.deepEqual(oneDeletionForms('acme'), ['acme'], 'short words are never matched by typo');
    const long = 'x'.repeat(TYPO_MAX_WORD_LENGTH + 1);
    assert.deepEqual(oneDeletionForms(long), [long], 'nor words no one types');
    assert.deepEqual(
      oneDeletionForms('müller').sort(),
      ['müller', 'üller', 'mller', 'müler', 'müllr', 'mülle'].sort(),
      'by character, and the two l give one form',
    );
  });

  // The near-miss lock relies on this: two words one typo apart always share a form.
  it('shares a form between any two words one typo apart', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöü0123456789');
    const word = fc.array(letter, { minLength: TYPO_MIN_LENGTH, maxLength: 14 }).map((l) => l.join(''));
    const edit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'replace', 'swap'),
      at: fc.nat(),
      char: letter,
    });
    fc.assert(
      fc.property(word, edit, (w, { kind, at, char }) => {
        const chars = [...w];
        const i = at % chars.length;
        if (kind === 'insert') chars.splice(i, 0, char);
        else if (kind === 'delete') chars.splice(i, 1);
        else if (kind === 'replace') chars[i] = char;
        else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
        const other = chars.join('');
        if (!isTypoOf(w, other)) return;
        const forms = new Set(oneDeletionForms(w));
        assert.ok(
          oneDeletionForms(other).some((f) => forms.has(f)),
          `${w} and ${other} share no form`,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
