import '../define/pk-portal.js';
import '../define/pk-deal-registration.js';
import { expect, html } from '@open-wc/testing';
import type { ConflictCheckInput, DealRegistrationInput } from '@partnerkit/api';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { mount, pause, text, waitUntil } from '../../test/helpers.js';
import { demoFields } from '../../test/mock-api.js';
import {
  control,
  field,
  fill,
  formOf,
  submitButton,
  success,
  summary,
  VALID,
} from '../../test/registration.js';
import type { PkDealRegistration } from './deal-registration.js';

const registration = html`<pk-deal-registration check-delay="100"></pk-deal-registration>`;
const hint = (el: PkDealRegistration) => el.shadowRoot!.querySelector<HTMLElement>('[part~=conflict]')!;

describe('<pk-deal-registration> conflict hint', () => {
  beforeEach(() => localStorage.clear());

  it('checks once the partner stops typing, and says what the answer means', async () => {
    // A pause longer than any gap between two keys, also on a loaded machine.
    const patient = html`<pk-deal-registration check-delay="1000"></pk-deal-registration>`;
    const { el, api } = await mount<PkDealRegistration>(patient, {
      conflict: (input: ConflictCheckInput) =>
        input.company.startsWith('Globex')
          ? {
              result: 'conflict',
              reasons: [{ code: 'active_registration', message: 'Registered by Partner X' }],
            }
          : { result: 'clear', reasons: [] },
    });
    await formOf(el);
    control(field(el, '/customer/company')).focus();
    await sendKeys({ type: 'Globex Corporation' });
    await waitUntil(() => api.callsOf('checkDealConflict').length > 0, 'no check');
    await waitUntil(() => text(hint(el)), 'no hint');
    // Typing faster than the delay asks once, with the whole name.
    expect(api.callsOf('checkDealConflict').map((c) => c.body)).to.deep.equal([
      { company: 'Globex Corporation' },
    ]);
    expect(text(hint(el))).to.equal('An active registration already exists for this customer.');
    // The server's own words (which could name another partner) are not shown.
    expect(text(el.shadowRoot!)).to.not.contain('Partner X');
    expect(hint(el).getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    await fill(el, { '/customer/company': 'Initech' });
    await waitUntil(() => !text(hint(el)), 'the hint stayed');
  });

  it('aborts a check in flight when the partner types on, and sends domain and products', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration, {
      latency: { checkDealConflict: 400 },
      conflict: { result: 'review', reasons: [{ code: 'similar_customer', message: 'Similar' }] },
    });
    await fill(el, { '/customer/company': 'Glob', '/products': ['prd_flow'] });
    await waitUntil(() => api.callsOf('checkDealConflict').length === 1, 'no first check');
    await fill(el, { '/customer/company': 'Globex', '/customer/domain': 'https://www.Globex.example/about' });
    await waitUntil(() => api.callsOf('checkDealConflict').length === 2, 'no second check');
    const [stale, fresh] = api.callsOf('checkDealConflict');
    expect(stale!.signal.aborted).to.equal(true);
    expect(fresh!.body).to.deep.equal({
      company: 'Globex',
      domain: 'www.globex.example',
      products: ['prd_flow'],
    });
    await waitUntil(() => text(hint(el)), 'no hint');
    expect(text(hint(el))).to.equal(
      'A similar customer is already registered, so this registration will be reviewed.',
    );
    expect(fresh!.signal.aborted).to.equal(false);
  });

  it('says when the account is owned by direct sales', async () => {
    const { el } = await mount<PkDealRegistration>(registration, {
      conflict: { result: 'conflict', reasons: [{ code: 'direct_account', message: 'Direct' }] },
    });
    await fill(el, { '/customer/company': 'Hooli' });
    await waitUntil(() => text(hint(el)), 'no hint');
    expect(text(hint(el))).to.equal('This account is owned by direct sales.');
  });

  it('stays quiet and reports pk-error when the check fails', async () => {
    const errors: string[] = [];
    const { el } = await mount<PkDealRegistration>(registration, { fail: { checkDealConflict: 'server' } });
    el.addEventListener('pk-error', (e) => errors.push(e.detail.operation));
    await fill(el, { '/customer/company': 'Hooli' });
    await waitUntil(() => errors.length, 'no pk-error');
    expect(errors).to.deep.equal(['deals.checkConflict']);
    expect(text(hint(el))).to.equal('');
  });
});

describe('<pk-deal-registration> text from the server', () => {
  beforeEach(() => localStorage.clear());

  it('shows markup in server strings as text, never as elements', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const { el } = await mount<PkDealRegistration>(registration, {
      products: [{ id: 'prd_x', name: `Acme ${evil}`, family: 'X' }],
      fields: [{ ...demoFields[0]!, label: `Seats ${evil}`, hint: evil }],
    });
    await fill(el, { ...VALID, '/customer/company': evil, '/customer/domain': '', '/products': ['prd_x'] });
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    expect(text(success(el))).to.contain(evil);
    const all = [el.shadowRoot!, ...[...el.shadowRoot!.querySelectorAll('*')].map((e) => e.shadowRoot)];
    for (const root of all) expect(root?.querySelector('img') ?? null).to.equal(null);
    await pause(50);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<pk-deal-registration> locale, theme and direction', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('speaks German: labels, vendor translations, country names and amounts', async () => {
    const { el, api, portal } = await mount<PkDealRegistration>(registration, { locale: 'de-DE' });
    await formOf(el);
    await el.updateComplete;
    await Promise.all(
      [...el.shadowRoot!.querySelectorAll('pk-field')].map(
        (f) => (f as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
      ),
    );
    expect(field(el, '/customer/company').label).to.equal('Firmenname');
    expect(field(el, '/customFields/seats').label).to.equal('Anzahl der Lizenzen');
    expect(field(el, '/customFields/seats').hint).to.equal('Lizenzierte Nutzer beim Kunden');
    const industry = control(field(el, '/customFields/industry'));
    expect([...industry.querySelectorAll('option')].map((o) => o.textContent)).to.deep.equal([
      'Bitte wählen …',
      'Fertigung',
      'Finanzdienstleistungen',
      'Öffentlicher Sektor',
    ]);
    const countries = [...control(field(el, '/customer/country')).querySelectorAll('option')];
    expect(countries.find((o) => o.value === 'DE')!.textContent).to.equal('Deutschland');
    expect(field(el, '/estimatedValue/amount').hint).to.equal('Zum Beispiel 12.500,00');
    expect(text(el.shadowRoot!.querySelector('legend'))).to.equal('Kunde');
    await expect(el).to.be.accessible();
    await fill(el, { ...VALID, '/estimatedValue/amount': '12.500,50' });
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    expect((api.callsOf('registerDeal')[0]!.body as DealRegistrationInput).estimatedValue.amount).to.equal(
      1250050,
    );
    expect(text(success(el))).to.contain('Prüfung ausstehend');
    portal.locale = 'en';
    await portal.updateComplete;
    await el.updateComplete;
    expect(text(success(el))).to.contain('Pending review');
  });

  it('switches language while the partner types, keeping every value', async () => {
    const { el, portal } = await mount<PkDealRegistration>(registration);
    await fill(el, { '/customer/company': 'Initech', '/customer/domain': 'bad domain' });
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    portal.locale = 'de';
    await portal.updateComplete;
    await waitUntil(() => field(el, '/customer/company').label === 'Firmenname', 'still English');
    expect(field(el, '/customer/company').value).to.equal('Initech');
    expect(text(el.shadowRoot!.querySelector('button[type=submit]'))).to.equal('Deal registrieren');
    // The error summary that was open follows the switch too.
    await waitUntil(() => text(summary(el)!.querySelector('h2')) === 'Es gibt ein Problem', 'summary title');
    const first = text(summary(el)!.querySelector('a'));
    expect(first.startsWith('Website-Domain: '), first).to.equal(true);
  });

  it('follows prefers-color-scheme when the portal theme is auto', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { el, portal } = await mount<PkDealRegistration>(registration, { theme: 'auto' });
    await formOf(el);
    const submit = submitButton(el);
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(138, 180, 248)');
    expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 237)');
    await expect(el).to.be.accessible();
    portal.theme = 'light';
    await portal.updateComplete;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(29, 78, 216)');
  });

  it('takes the vendor brand from --pk-* tokens, and parts from ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `pk-portal { --pk-color-primary: rgb(200, 0, 100); --pk-radius: 0px }
      pk-deal-registration::part(submit) { text-transform: uppercase }
      pk-deal-registration::part(input) { letter-spacing: 1px }
      button { color: rgb(1, 2, 3) !important }`;
    document.head.append(style);
    try {
      const { el } = await mount<PkDealRegistration>(registration);
      await formOf(el);
      const submit = submitButton(el);
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(200, 0, 100)');
      expect(getComputedStyle(submit).textTransform).to.equal('uppercase');
      // The page's own `button` rule does not reach inside.
      expect(getComputedStyle(submit).color).to.not.equal('rgb(1, 2, 3)');
      const input = control(field(el, '/customer/company'));
      expect(getComputedStyle(input).letterSpacing).to.equal('1px');
      expect(getComputedStyle(input).borderTopLeftRadius).to.equal('0px');
    } finally {
      style.remove();
    }
  });

  it('lays out right to left under dir=rtl', async () => {
    const { el } = await mount<PkDealRegistration>(registration, { dir: 'rtl', locale: 'ar' });
    await fill(el, { '/customer/company': 'Initech' });
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    const list = summary(el)!.querySelector('ul')!;
    expect(getComputedStyle(list).direction).to.equal('rtl');
    expect(getComputedStyle(list).paddingRight).to.not.equal('0px');
    expect(getComputedStyle(list).paddingLeft).to.equal('0px');
    const company = field(el, '/customer/company').getBoundingClientRect();
    const domain = field(el, '/customer/domain').getBoundingClientRect();
    if (company.top === domain.top) expect(company.left).to.be.greaterThan(domain.left);
    await expect(el).to.be.accessible();
  });
});
