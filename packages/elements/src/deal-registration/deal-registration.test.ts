import '../define/pk-portal.js';
import '../define/pk-deal-registration.js';
import { expect, html, oneEvent } from '@open-wc/testing';
import type { DealRegistration } from '@partnerkit/api';
import { sendKeys } from '@web/test-runner-commands';
import { mount, shadow, text, waitUntil } from '../../test/helpers.js';
import { demoProducts, manyFields } from '../../test/mock-api.js';
import {
  control,
  FUTURE,
  field,
  fill,
  formOf,
  submitButton,
  summary,
  VALID,
} from '../../test/registration.js';
import type { PkDealRegistration } from './deal-registration.js';

const registration = html`<pk-deal-registration></pk-deal-registration>`;

describe('<pk-deal-registration> states', () => {
  beforeEach(() => localStorage.clear());

  it('shows a labelled loading state while the form data loads', async () => {
    const { el } = await mount<PkDealRegistration>(registration, { latency: { listDealFields: 'never' } });
    const status = await shadow(el, '[part~=loading]');
    expect(text(status)).to.equal('Loading the registration form…');
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Loading the registration form…');
    await expect(el).to.be.accessible();
  });

  it('shows an error by kind with the support reference, and a retry that recovers', async () => {
    const errors: string[] = [];
    document.addEventListener('pk-error', (e) => errors.push(`${e.detail.operation}:${e.detail.kind}`), {
      once: true,
    });
    const { el, api } = await mount<PkDealRegistration>(registration, {
      fail: { listProducts: { kind: 'server', times: 1 } },
    });
    const error = await shadow(el, '[part~=error][role=alert]');
    expect(text(error)).to.contain('Something went wrong on our side.');
    expect(text(error)).to.match(/Support reference: req_mock_\d+/);
    expect(errors).to.deep.equal(['products.list:server']);
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await formOf(el);
    expect(api.callsOf('listProducts')).to.have.length(2);
  });

  it('says so when no product is open for registration', async () => {
    const { el } = await mount<PkDealRegistration>(registration, { products: [] });
    const empty = await shadow(el, '[part~=empty]');
    expect(text(empty)).to.contain('No products are open for deal registration yet.');
    await expect(el).to.be.accessible();
  });

  it('renders every field of the contract and the vendor fields, accessibly', async () => {
    const { el } = await mount<PkDealRegistration>(registration);
    await formOf(el);
    const names = [...el.shadowRoot!.querySelectorAll('pk-field')].map((f) => f.getAttribute('name'));
    expect(names).to.deep.equal([
      '/customer/company',
      '/customer/domain',
      '/customer/country',
      '/customer/region',
      '/customer/contact/name',
      '/customer/contact/email',
      '/customer/contact/phone',
      '/products',
      '/estimatedValue/amount',
      '/estimatedValue/currency',
      '/expectedCloseDate',
      '/sourcing',
      '/notes',
      '/customFields/seats',
      '/customFields/industry',
    ]);
    expect(field(el, '/estimatedValue/currency').value).to.equal('EUR');
    expect(field(el, '/customFields/seats').label).to.equal('Number of seats');
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.equal('Registration form ready.');
    await expect(el).to.be.accessible();
  });

  it('offers every ISO 3166 country, named in the locale and sorted', async () => {
    const { el } = await mount<PkDealRegistration>(registration);
    await formOf(el);
    const options = [...control(field(el, '/customer/country')).querySelectorAll('option')].slice(1);
    expect(options.length).to.be.within(249, 250);
    const codes = options.map((o) => o.value);
    for (const code of ['DE', 'US', 'JP', 'BR', 'ZA', 'AQ', 'SS']) expect(codes).to.include(code);
    for (const code of ['EU', 'UN', 'ZZ', 'BU', 'DD']) expect(codes).to.not.include(code);
    const labels = options.map((o) => o.textContent);
    expect(labels).to.deep.equal([...labels].sort(new Intl.Collator('en').compare));
  });

  it('renders many custom fields of every type, required or not, accessibly', async () => {
    const { el } = await mount<PkDealRegistration>(registration, { fields: manyFields(15) });
    await formOf(el);
    const custom = [...el.shadowRoot!.querySelectorAll('pk-field[name^="/customFields/"]')] as HTMLElement[];
    expect(custom).to.have.length(15);
    expect(new Set(custom.map((f) => (f as unknown as { type: string }).type))).to.deep.equal(
      new Set(['text', 'number', 'select', 'date', 'checkbox']),
    );
    await expect(el).to.be.accessible();
  });
});

describe('<pk-deal-registration> validation', () => {
  beforeEach(() => localStorage.clear());

  it('shows an inline error when the user leaves a field with a bad value', async () => {
    const { el } = await mount<PkDealRegistration>(registration);
    await formOf(el);
    const email = field(el, '/customer/contact/email');
    control(email).focus();
    await sendKeys({ type: 'hank@' });
    await sendKeys({ press: 'Tab' });
    await email.updateComplete;
    const error = email.shadowRoot!.querySelector<HTMLElement>('[part~=error]')!;
    expect(error.hidden).to.equal(false);
    expect(text(error)).to.contain('Enter an email address like name@example.com.');
    expect(summary(el)).to.equal(null);
  });

  it('puts an error summary first on submit, focused, linking to each field', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration);
    await fill(el, {
      '/customer/company': 'Globex',
      '/customer/domain': 'not a domain',
      '/estimatedValue/amount': '12.5.0',
    });
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no error summary');
    const box = summary(el)!;
    expect(el.shadowRoot!.activeElement).to.equal(box);
    expect(text(box.querySelector('h2'))).to.equal('There is a problem');
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      'Website domain: Enter a domain like acme.com.',
      'Country: This field is required.',
      'Full name: This field is required.',
      'Email address: This field is required.',
      'Products: This field is required.',
      'Estimated deal value: Enter an amount like the example, with no more decimals than the currency has.',
      'Expected close date: This field is required.',
      'Your role in this deal: This field is required.',
      'Number of seats: This field is required.',
    ]);
    expect(api.callsOf('registerDeal')).to.have.length(0);
    for (const f of ['/customer/domain', '/customer/country']) {
      expect(field(el, f).matches(':state(user-invalid)')).to.equal(true);
    }
    await expect(el).to.be.accessible();
    links[1]!.click();
    const country = field(el, '/customer/country');
    expect(el.shadowRoot!.activeElement).to.equal(country);
    expect(country.shadowRoot!.activeElement).to.equal(control(country));
  });

  it('checks the money amount in the currency of the deal', async () => {
    const { el } = await mount<PkDealRegistration>(registration);
    await fill(el, { '/estimatedValue/currency': 'JPY', '/estimatedValue/amount': '1,500.5' });
    const amount = field(el, '/estimatedValue/amount');
    expect(amount.checkValidity()).to.equal(false);
    await fill(el, { '/estimatedValue/amount': '1,500' });
    expect(amount.checkValidity()).to.equal(true);
    expect(amount.hint).to.equal('For example 12,500');
  });
});

describe('<pk-deal-registration> keyboard', () => {
  beforeEach(() => localStorage.clear());

  it('can be completed and submitted with the keyboard alone', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration);
    await formOf(el);
    const registered = oneEvent(el, 'pk-deal-registered');
    control(field(el, '/customer/company')).focus();
    const type = async (text: string) => {
      await sendKeys({ type: text });
      await sendKeys({ press: 'Tab' });
    };
    await type('Globex Corporation');
    await type('globex.example');
    await type('Germ'); // type-ahead in the country select
    await type('Bavaria');
    await type('Hank Scorpio');
    await type('hank@globex.example');
    await type('+49 89 1234');
    await sendKeys({ press: 'Space' }); // products: the first checkbox of the group
    for (const _ of demoProducts) await sendKeys({ press: 'Tab' }); // past each checkbox
    await type('12,500.50');
    await sendKeys({ press: 'Tab' }); // currency keeps the program's default
    const [year, month, day] = FUTURE.split('-');
    await type(`${month}${day}${year}`);
    await sendKeys({ press: 'Tab' }); // past the date picker button
    await type('We found'); // type-ahead: "We found this opportunity (sourced)"
    await type('Met at the Munich roadshow.');
    await sendKeys({ type: '250' }); // seats
    await sendKeys({ press: 'Enter' });
    const { detail } = (await registered) as CustomEvent<DealRegistration>;
    expect(detail.status).to.equal('submitted');
    const [call] = api.callsOf('registerDeal');
    expect(call!.body).to.deep.equal({
      customer: {
        company: 'Globex Corporation',
        domain: 'globex.example',
        country: 'DE',
        region: 'Bavaria',
        contact: { name: 'Hank Scorpio', email: 'hank@globex.example', phone: '+49 89 1234' },
      },
      products: ['prd_analytics'],
      estimatedValue: { amount: 1250050, currency: 'EUR' },
      expectedCloseDate: FUTURE,
      sourcing: 'sourced',
      notes: 'Met at the Munich roadshow.',
      customFields: { seats: 250 },
    });
  });

  it('submits with Enter from a text field once everything is valid', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration);
    await fill(el, VALID);
    control(field(el, '/customer/region')).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.callsOf('registerDeal').length === 1, 'Enter did not submit');
  });
});
