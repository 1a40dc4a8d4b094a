import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customerKeys, normalizeCompany, normalizeDomain } from './normalize.js';

describe('normalizeCompany', () => {
  it('ignores case, punctuation and legal suffixes', () => {
    const same = [
      'Acme',
      'ACME Inc.',
      'Acme, Inc',
      'acme incorporated',
      'Acme LLC',
      'Acme Corp.',
      'The Acme Company',
    ];
    for (const name of same) assert.equal(normalizeCompany(name), 'acme', name);
  });

  it('drops every trailing legal form, in many languages', () => {
    assert.equal(normalizeCompany('Müller Logistik GmbH & Co. KG'), 'muller logistik');
    assert.equal(normalizeCompany('Acme Holdings Co., Ltd.'), 'acme holdings');
    assert.equal(normalizeCompany('Banco Exemplo S.A.'), 'banco exemplo');
    assert.equal(normalizeCompany('Fjordvik Shipping AS'), 'fjordvik shipping');
    assert.equal(normalizeCompany('Sakura Foods K.K.'), 'sakura foods');
    assert.equal(normalizeCompany('Gruppo Tessile S.p.A.'), 'gruppo tessile');
    assert.equal(normalizeCompany('Kangaroo Tech Pty Ltd'), 'kangaroo tech');
    assert.equal(normalizeCompany('Holland Bikes B.V.'), 'holland bikes');
    assert.equal(normalizeCompany('Nordic Oy'), 'nordic');
    assert.equal(normalizeCompany('Svensk Data AB'), 'svensk data');
    assert.equal(normalizeCompany('Lumière SARL'), 'lumiere');
    assert.equal(normalizeCompany('Paris Conseil SAS'), 'paris conseil');
    assert.equal(normalizeCompany('Grand Holdings PLC'), 'grand holdings');
    assert.equal(normalizeCompany('Volta N.V.'), 'volta');
    assert.equal(normalizeCompany('Roma Srl'), 'roma');
    assert.equal(normalizeCompany('Zürich Versicherung AG'), 'zurich versicherung');
    assert.equal(normalizeCompany('Widget Limited'), 'widget');
  });

  it('keeps legal words that are not at the end, and never empties a name', () => {
    assert.equal(normalizeCompany('AG Barr'), 'ag barr');
    assert.equal(normalizeCompany('Company'), 'company');
    assert.equal(normalizeCompany('Inc.'), 'inc');
    assert.equal(normalizeCompany('The'), 'the');
  });

  it('folds diacritics and compatibility forms (NFKD)', () => {
    assert.equal(normalizeCompany('Société Générale'), 'societe generale');
    assert.equal(normalizeCompany('Ｆｕｌｌｗｉｄｔｈ Ｔｅｃｈ'), 'fullwidth tech');
    assert.equal(normalizeCompany('Straße Bau GmbH'), 'strasse bau');
    assert.equal(normalizeCompany('Øresund Energi'), 'oresund energi');
  });

  it('joins dotted initials and apostrophes, reads & as "and", collapses whitespace', () => {
    assert.equal(normalizeCompany('A.C.M.E. Tools'), 'acme tools');
    assert.equal(normalizeCompany("O'Neil & Sons"), 'oneil and sons');
    assert.equal(normalizeCompany('  Johnson   and   Johnson  '), 'johnson and johnson');
    assert.equal(normalizeCompany('Johnson & Johnson'), 'johnson and johnson');
    assert.equal(normalizeCompany('Hewlett-Packard'), 'hewlett packard');
  });

  it('keeps non-Latin scripts', () => {
    assert.equal(normalizeCompany('株式会社 日立'), '株式会社 日立');
    assert.equal(normalizeCompany('Яндекс'), 'яндекс');
  });

  it('gives a name of punctuation alone a key of its own', () => {
    assert.equal(normalizeCompany('!!!'), '!!!');
    assert.notEqual(normalizeCompany('!!!'), normalizeCompany('???'));
  });
});

describe('normalizeDomain', () => {
  it('drops scheme, www, path, port, query, credentials and case', () => {
    const same = [
      'acme.com',
      'ACME.com',
      'www.acme.com',
      'https://www.acme.com/',
      'http://acme.com:8080/path?q=1#x',
      'https://user:pw@www.Acme.com/about',
      'acme.com.',
    ];
    for (const d of same) assert.equal(normalizeDomain(d), 'acme.com', d);
  });

  it('keeps other subdomains and only a leading www', () => {
    assert.equal(normalizeDomain('eu.acme.com'), 'eu.acme.com');
    assert.equal(normalizeDomain('www.www.acme.com'), 'www.acme.com');
    assert.equal(normalizeDomain('wwwacme.com'), 'wwwacme.com');
  });

  it('writes international names in ASCII', () => {
    assert.equal(normalizeDomain('bücher.de'), 'xn--bcher-kva.de');
    assert.equal(normalizeDomain('https://www.Bücher.de/x'), 'xn--bcher-kva.de');
  });

  it('answers null for nothing domain-like', () => {
    for (const d of [undefined, null, '', '   ', 'localhost', 'not a domain', 'http://', '://', 'a..b']) {
      assert.equal(normalizeDomain(d), null, String(d));
    }
  });
});

describe('customerKeys', () => {
  it('gives both blocking keys from the significant tokens', () => {
    assert.deepEqual(customerKeys('The Harborview Medical Group, Inc.', 'https://www.harborview.org'), {
      company: 'harborview medical group',
      domain: 'harborview.org',
      blockFirst: 'harborview',
      blockLast: 'group',
    });
    assert.deepEqual(customerKeys('Acme'), {
      company: 'acme',
      domain: null,
      blockFirst: 'acme',
      blockLast: 'acme',
    });
  });
});
