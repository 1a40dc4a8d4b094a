import { expect, fixture, html } from '@open-wc/testing';
import cobrandDe from '../asset-library/cobrand/strings/de.js';
import cobrandEn from '../asset-library/cobrand/strings/en.js';
import libraryDe from '../asset-library/strings/de.js';
import libraryEn from '../asset-library/strings/en.js';
import listDe from '../deal-list/strings/de.js';
import listEn from '../deal-list/strings/en.js';
import registrationDe from '../deal-registration/strings/de.js';
import registrationEn from '../deal-registration/strings/en.js';
import fieldDe from '../field/strings/de.js';
import fieldEn from '../field/strings/en.js';
import commonDe from '../internal/strings/de.js';
import commonEn from '../internal/strings/en.js';
import formsDe from '../mdf-request/forms/strings/de.js';
import formsEn from '../mdf-request/forms/strings/en.js';
import mdfDe from '../mdf-request/strings/de.js';
import mdfEn from '../mdf-request/strings/en.js';
import tierDe from '../tier-progress/strings/de.js';
import tierEn from '../tier-progress/strings/en.js';
import trainingDe from '../training-tracker/strings/de.js';
import trainingEn from '../training-tracker/strings/en.js';
import { define } from './define.js';
import { PkElement } from './element.js';
import { countdown, days, duration, formatFor, percent } from './format.js';
import { Catalog, langOf } from './i18n.js';

class PkEmitter extends PkElement {}
customElements.define('pk-emitter', PkEmitter);

/** Every key path of a string table, functions called with sample arguments. */
function shape(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object'
      ? shape(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}:${typeof value}`],
  );
}

describe('events', () => {
  it('are bubbling, composed and typed, and a missing detail is refused', async () => {
    const el = await fixture<PkEmitter>(html`<pk-emitter></pk-emitter>`);
    let seen: CustomEvent | undefined;
    document.addEventListener('pk-error', (e) => (seen = e), { once: true });
    const detail = {
      kind: 'network',
      code: 'network_error',
      message: 'x',
      requestId: undefined,
      operation: 'me.get',
    } as const;
    expect(el.emit('pk-error', detail)).to.equal(true);
    expect(seen!.detail).to.equal(detail);
    expect(seen!.bubbles && seen!.composed).to.equal(true);
    expect(() => el.emit('pk-error', undefined as never)).to.throw(TypeError, 'pk-error needs a detail');
  });
});

describe('define()', () => {
  it('registers once and warns, instead of throwing, when another copy took the tag', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class A extends HTMLElement {}
      class B extends HTMLElement {}
      define('pk-define-test', A);
      define('pk-define-test', A);
      expect(warnings).to.have.length(0);
      define('pk-define-test', B);
      expect(customElements.get('pk-define-test')).to.equal(A);
      expect(String((warnings[0] as unknown[])[0])).to.contain('<pk-define-test> is already defined');
    } finally {
      console.warn = warn;
    }
  });
});

describe('formatting', () => {
  it('formats money from minor units with the digits of its currency', () => {
    const en = formatFor('en-US');
    expect(en.money({ amount: 1250050, currency: 'USD' })).to.equal('$12,500.50');
    expect(en.money({ amount: 1250050, currency: 'JPY' })).to.equal('¥1,250,050');
    expect(en.money({ amount: 1250050, currency: 'BHD' })).to.equal('BHD\u00a01,250.050');
    expect(formatFor('de-DE').money({ amount: 5, currency: 'EUR' })).to.equal('0,05\u00a0€');
    expect([en.digits('EUR'), en.digits('JPY'), en.digits('KWD')]).to.deep.equal([2, 0, 3]);
  });

  it('shows a calendar day as that day in any time zone, and dates relative to now', () => {
    const en = formatFor('en-GB');
    expect(en.date('2026-03-01')).to.equal('1 Mar 2026');
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(en.relative('2026-03-04T12:00:00Z', now)).to.equal('in 3 days');
    expect(en.relative('2026-03-01T10:00:00Z', now)).to.equal('2 hours ago');
    expect(formatFor('de').relative('2026-03-02T12:00:00Z', now)).to.equal('morgen');
  });

  it('reads money as typed into integer minor units of its currency, never through a float', () => {
    const en = formatFor('en-US');
    const de = formatFor('de-DE');
    expect(en.minor('12,500.50', 'USD')).to.equal(1250050);
    expect(en.minor('0.1', 'USD')).to.equal(10);
    expect(en.minor('0.29', 'EUR')).to.equal(29);
    expect(en.minor('1.005', 'USD')).to.be.NaN;
    expect(en.minor('1.500', 'USD')).to.equal(150);
    expect(en.minor('1.005', 'BHD')).to.equal(1005);
    expect(en.minor('1500', 'JPY')).to.equal(1500);
    expect(en.minor('1500.5', 'JPY')).to.be.NaN;
    expect(de.minor('12.500,50', 'EUR')).to.equal(1250050);
    expect(de.minor('12.500.50', 'EUR')).to.be.NaN;
    expect(en.minor('9,007,199,254,740.99', 'USD')).to.equal(900719925474099);
    expect(en.minor('', 'USD')).to.be.NaN;
    expect(en.minor('-5', 'USD')).to.be.NaN;
  });

  it('counts calendar days, and says them as a countdown', () => {
    const noon = new Date(2026, 2, 1, 12).getTime();
    expect(days('2026-03-01', noon)).to.equal(0);
    expect(days('2026-03-13', noon)).to.equal(12);
    expect(days('2026-02-27', noon)).to.equal(-2);
    expect(days(new Date(2026, 2, 2, 0, 5).toISOString(), noon)).to.equal(1);
    expect(days(new Date(2026, 2, 1, 23, 55).toISOString(), noon)).to.equal(0);
    expect(countdown('en', '2026-03-13', noon)).to.equal('in 12 days');
    expect(countdown('en', '2026-03-02', noon)).to.equal('tomorrow');
    expect(countdown('en', '2026-03-01', noon)).to.equal('today');
    expect(countdown('en', '2026-02-27', noon)).to.equal('2 days ago');
    expect(countdown('de', '2026-03-13', noon)).to.equal('in 12 Tagen');
  });

  it('says durations and shares in the locale', () => {
    expect(duration('en', 45)).to.equal('45 min');
    expect(duration('en', 150)).to.equal('2 hr 30 min');
    expect(duration('en', 120)).to.equal('2 hr');
    expect(duration('en', 0)).to.equal('0 min');
    expect(duration('de', 150)).to.equal('2 Std. 30 Min.');
    expect(percent('en', 0.375)).to.equal('38%');
    expect(percent('de', 0.375)).to.equal('38\u00a0%');
  });

  it('reads decimals as typed in the locale, and refuses ambiguous ones', () => {
    const en = formatFor('en-US');
    const de = formatFor('de-DE');
    expect(en.parseDecimal('12,500.50')).to.equal(12500.5);
    expect(en.parseDecimal(' 12500 ')).to.equal(12500);
    expect(de.parseDecimal('12.500,50')).to.equal(12500.5);
    expect(de.parseDecimal('12500,5')).to.equal(12500.5);
    expect(de.parseDecimal('12500.50')).to.be.NaN;
    expect(en.parseDecimal('12,50')).to.be.NaN;
    expect(en.parseDecimal('-5')).to.be.NaN;
    expect(en.parseDecimal('1e5')).to.be.NaN;
    expect(formatFor('fr-FR').parseDecimal('12 500,5')).to.equal(12500.5);
    expect(formatFor('de-CH').parseDecimal(new Intl.NumberFormat('de-CH').format(12500.5))).to.equal(12500.5);
  });
});

describe('localisation', () => {
  it('ships German with exactly the English keys', () => {
    for (const [en, de] of [
      [commonEn, commonDe],
      [fieldEn, fieldDe],
      [registrationEn, registrationDe],
      [listEn, listDe],
      [mdfEn, mdfDe],
      [formsEn, formsDe],
      [tierEn, tierDe],
      [trainingEn, trainingDe],
      [libraryEn, libraryDe],
      [cobrandEn, cobrandDe],
    ] as const) {
      expect(shape(de)).to.deep.equal(shape(en));
    }
  });

  it('maps locales to string tables', () => {
    expect(['de', 'de-AT', 'de-CH', 'DE-de', 'en', 'en-GB', 'fr', 'dee'].map(langOf)).to.deep.equal([
      'de',
      'de',
      'de',
      'de',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('loads a language once, and falls back to English when it cannot', async () => {
    let loads = 0;
    const catalog = new Catalog({ hello: 'Hello' }, async () => {
      loads++;
      return { default: { hello: 'Hallo' } };
    });
    expect(catalog.get('en')).to.deep.equal({ hello: 'Hello' });
    const pending = catalog.get('de');
    expect(pending).to.be.instanceOf(Promise);
    expect(catalog.get('de')).to.equal(pending);
    await pending;
    expect(catalog.get('de')).to.deep.equal({ hello: 'Hallo' });
    expect(loads).to.equal(1);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const broken = new Catalog({ hello: 'Hello' }, () => Promise.reject(new Error('offline')));
      await broken.get('de');
      expect(broken.get('de')).to.deep.equal({ hello: 'Hello' });
    } finally {
      console.warn = warn;
    }
  });
});
