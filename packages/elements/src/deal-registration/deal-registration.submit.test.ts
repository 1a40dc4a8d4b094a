import '../define/pk-portal.js';
import '../define/pk-deal-registration.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DealRegistration, DealRegistrationInput } from '@partnerkit/api';
import { mockClient, mount, text, waitUntil } from '../../test/helpers.js';
import { createMockApi, demoMe, type MockErrorKind } from '../../test/mock-api.js';
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
import type { PkErrorDetail } from '../internal/events.js';
import type { PkPortal } from '../portal/portal.js';
import type { PkDealRegistration } from './deal-registration.js';

const registration = html`<pk-deal-registration></pk-deal-registration>`;
const DRAFT_KEY = 'partnerkit:deal-draft:prt_northwind:usr_ada';
const storedDraft = () => JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');

describe('<pk-deal-registration> submission', () => {
  beforeEach(() => localStorage.clear());

  it('registers, fires pk-deal-registered, shows reference, status and protection, and clears the draft', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration);
    await fill(el, VALID);
    expect(storedDraft().values['/customer/company']).to.equal('Globex Corporation');
    const registered = oneEvent(el, 'pk-deal-registered');
    submitButton(el).click();
    const { detail } = (await registered) as CustomEvent<DealRegistration>;
    expect(detail.reference).to.match(/^DR-2026-\d{6}$/);
    await waitUntil(() => success(el), 'no confirmation');
    const done = success(el)!;
    expect([...done.querySelectorAll('dt, dd')].map((e) => text(e))).to.deep.equal([
      'Reference',
      detail.reference,
      'Customer',
      'Globex Corporation',
      'Status',
      'Submitted',
      'Protection',
      'Pending review',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(done);
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    expect(api.state.deals[0]!.customer.company).to.equal('Globex Corporation');
    expect((api.callsOf('registerDeal')[0]!.body as DealRegistrationInput).estimatedValue).to.deep.equal({
      amount: 1250050,
      currency: 'EUR',
    });
    await expect(el).to.be.accessible();
    done.querySelector('button')!.click();
    await formOf(el);
    expect(field(el, '/customer/company').value).to.equal('');
  });

  it('sends one registration for a double click', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration, { latency: { registerDeal: 50 } });
    await fill(el, VALID);
    submitButton(el).click();
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    expect(api.callsOf('registerDeal')).to.have.length(1);
    expect(api.state.deals.filter((d) => d.customer.company === 'Globex Corporation')).to.have.length(1);
  });

  it('retries with the same idempotency key after a lost answer, making one registration', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration, {
      fail: { registerDeal: { kind: 'network', times: 1, afterProcessing: true } },
    });
    await fill(el, VALID);
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no error');
    const box = summary(el)!;
    expect(text(box)).to.contain('The server could not be reached.');
    expect(el.shadowRoot!.activeElement).to.equal(box);
    await expect(el).to.be.accessible();
    box.querySelector('button')!.click();
    await waitUntil(() => success(el), 'no confirmation after retry');
    const [first, second] = api.callsOf('registerDeal');
    expect(first!.idempotencyKey).to.be.a('string').and.equal(second!.idempotencyKey);
    expect(second!.replayed).to.equal(true);
    expect(api.state.deals.filter((d) => d.customer.company === 'Globex Corporation')).to.have.length(1);
  });

  it('lets the SDK retry a lost answer with the same key too', async () => {
    const api = createMockApi({
      fail: { registerDeal: { kind: 'network', times: 1, afterProcessing: true } },
    });
    const client = mockClient(api, { maxRetries: 1, minDelayMs: 0, maxDelayMs: 0 });
    const portal = await fixture<PkPortal>(html`<pk-portal .client=${client}>${registration}</pk-portal>`);
    const el = portal.firstElementChild as PkDealRegistration;
    await fill(el, VALID);
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    const keys = api.callsOf('registerDeal').map((c) => c.idempotencyKey);
    expect(keys).to.have.length(2);
    expect(new Set(keys).size).to.equal(1);
    expect(api.state.deals).to.have.length(1);
  });

  it('keeps the key across a reload in the middle of a submit, making one registration', async () => {
    const api = createMockApi({ latency: { registerDeal: 'never' } });
    const first = await mount<PkDealRegistration>(registration, { api });
    await fill(first.el, VALID);
    submitButton(first.el).click();
    await waitUntil(() => api.callsOf('registerDeal').length === 1, 'no submit');
    const key = api.callsOf('registerDeal')[0]!.idempotencyKey;
    expect(storedDraft().key).to.equal(key);
    // The page goes away before the answer arrives; a new page loads the same draft.
    first.portal.remove();
    expect(api.callsOf('registerDeal')[0]!.signal.aborted).to.equal(true);
    api.options.latency = 0;
    const second = await mount<PkDealRegistration>(registration, { api });
    await formOf(second.el);
    expect(field(second.el, '/customer/company').value).to.equal('Globex Corporation');
    submitButton(second.el).click();
    await waitUntil(() => success(second.el), 'no confirmation');
    const calls = api.callsOf('registerDeal');
    expect(calls.map((c) => c.idempotencyKey)).to.deep.equal([key, key]);
    expect(calls[1]!.replayed).to.equal(true);
    expect(api.state.deals).to.have.length(1);
  });

  it('maps server field errors back onto their fields, and takes a fresh key for the corrected draft', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration, {
      fail: {
        registerDeal: {
          kind: 'validation',
          times: 1,
          errors: [
            { pointer: '/customer/company', code: 'max_length', message: 'must be at most 200 characters' },
            { pointer: '/customFields/seats', code: 'maximum', message: 'must be at most 5000' },
            { pointer: '/products/0', code: 'unknown_product', message: 'Acme Analytics is no longer sold.' },
            { pointer: '/estimatedValue', code: 'required', message: 'is required' },
            { pointer: '/partnerRef', code: 'unknown_property', message: 'partnerRef is not accepted.' },
          ],
        },
      },
    });
    await fill(el, VALID);
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    const items = [...summary(el)!.querySelectorAll('li')].map((li) => [text(li), !!li.querySelector('a')]);
    expect(items).to.deep.equal([
      ['Company name: Enter a valid value.', true],
      ['Products: Acme Analytics is no longer sold.', true],
      ['Estimated deal value: This field is required.', true],
      ['Number of seats: Enter a valid value.', true],
      ['partnerRef is not accepted.', false],
    ]);
    expect(field(el, '/customFields/seats').matches(':state(user-invalid)')).to.equal(true);
    await expect(el).to.be.accessible();
    // Nothing was lost: every value is still there.
    expect(field(el, '/customer/contact/email').value).to.equal('hank@globex.example');
    const firstKey = api.callsOf('registerDeal')[0]!.idempotencyKey;
    await fill(el, {
      '/customer/company': 'Globex Corp',
      '/customFields/seats': '40',
      '/products': ['prd_shield'],
      '/estimatedValue/amount': '12,000',
    });
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation after correcting');
    const secondKey = api.callsOf('registerDeal')[1]!.idempotencyKey;
    expect(secondKey).to.not.equal(firstKey);
  });

  it('shows the conflict of a refused registration, with the values kept', async () => {
    const { el } = await mount<PkDealRegistration>(registration, {
      conflict: { result: 'conflict', reasons: [{ code: 'direct_account', message: 'Direct account' }] },
    });
    await fill(el, VALID);
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    expect(text(summary(el))).to.contain('This account is owned by direct sales.');
    expect(text(el.shadowRoot!.querySelector('[part~=conflict]'))).to.equal(
      'This account is owned by direct sales.',
    );
    expect(field(el, '/customer/company').value).to.equal('Globex Corporation');
  });

  const kinds: [MockErrorKind, string][] = [
    ['authentication', 'Your session has ended.'],
    ['permission', 'You do not have permission to do this.'],
    ['rate_limit', 'Too many requests.'],
    ['server', 'Something went wrong on our side.'],
    ['network', 'The server could not be reached.'],
  ];
  for (const [kind, message] of kinds) {
    it(`reports a ${kind} failure with pk-error and a message`, async () => {
      const { el } = await mount<PkDealRegistration>(registration, { fail: { registerDeal: kind } });
      await fill(el, VALID);
      const reported = oneEvent(el, 'pk-error');
      submitButton(el).click();
      const { detail } = (await reported) as CustomEvent<PkErrorDetail>;
      expect(detail.kind).to.equal(kind);
      expect(detail.operation).to.equal('deals.register');
      expect(detail.requestId ?? 'none').to.match(kind === 'network' ? /none/ : /^req_mock_\d+$/);
      await waitUntil(() => summary(el), 'no error shown');
      expect(text(summary(el))).to.contain(message);
    });
  }

  it('reports a timeout as its own kind', async () => {
    const api = createMockApi({ fail: { registerDeal: 'timeout' } });
    const client = (await import('@partnerkit/sdk')).createPartnerkitClient({
      baseUrl: 'https://api.partnerkit.test',
      token: 't',
      fetch: api.fetch,
      retry: false,
      timeoutMs: 200,
    });
    const portal = await fixture<PkPortal>(html`<pk-portal .client=${client}>${registration}</pk-portal>`);
    const el = portal.firstElementChild as PkDealRegistration;
    await fill(el, VALID);
    const reported = oneEvent(el, 'pk-error');
    submitButton(el).click();
    expect(((await reported) as CustomEvent<PkErrorDetail>).detail.kind).to.equal('timeout');
    await waitUntil(() => summary(el), 'no error shown');
    expect(text(summary(el))).to.contain('The server took too long to answer.');
  });

  it('lets the page veto a submission with pk-before-submit', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration);
    await fill(el, VALID);
    el.addEventListener('pk-before-submit', (e) => e.preventDefault(), { once: true });
    const asked = oneEvent(el, 'pk-before-submit');
    submitButton(el).click();
    const event = (await asked) as CustomEvent;
    expect(event.cancelable).to.equal(true);
    expect(event.composed).to.equal(true);
    await el.updateComplete;
    expect(api.callsOf('registerDeal')).to.have.length(0);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('lets the page enrich the input with pk-before-submit', async () => {
    const { el, api } = await mount<PkDealRegistration>(registration);
    await fill(el, VALID);
    document.addEventListener(
      'pk-before-submit',
      (e) => {
        if (e.detail.operation === 'deals.register') {
          e.detail.input.notes = 'Lead from campaign SPRING-26';
          e.detail.input.customFields = { ...e.detail.input.customFields, industry: 'finance' };
        }
      },
      { once: true },
    );
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    const body = api.callsOf('registerDeal')[0]!.body as DealRegistrationInput;
    expect(body.notes).to.equal('Lead from campaign SPRING-26');
    expect(body.customFields).to.deep.equal({ seats: 250, industry: 'finance' });
  });
});

describe('<pk-deal-registration> draft', () => {
  beforeEach(() => localStorage.clear());

  it('restores an unsent draft of the same user with a notice, and discards it on request', async () => {
    const api = createMockApi();
    const first = await mount<PkDealRegistration>(registration, { api });
    await fill(first.el, {
      '/customer/company': 'Initech',
      '/products': ['prd_flow'],
      '/customFields/seats': '12',
    });
    const key = storedDraft().key;
    first.portal.remove();

    const { el } = await mount<PkDealRegistration>(registration, { api });
    await formOf(el);
    expect(field(el, '/customer/company').value).to.equal('Initech');
    expect(field(el, '/products').value).to.deep.equal(['prd_flow']);
    expect(field(el, '/customFields/seats').value).to.equal('12');
    const notice = el.shadowRoot!.querySelector<HTMLElement>('[part~=notice]')!;
    expect(text(notice)).to.match(/^Your unsent registration from .+ was restored\. Discard draft$/);
    expect(storedDraft().key).to.equal(key);
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.match(/^Your unsent registration from/);
    await expect(el).to.be.accessible();

    notice.querySelector('button')!.click();
    await el.updateComplete;
    await field(el, '/customer/company').updateComplete;
    expect(field(el, '/customer/company').value).to.equal('');
    expect(control(field(el, '/customer/company')).value).to.equal('');
    expect(el.shadowRoot!.querySelector('[part~=notice]')).to.equal(null);
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, '/customer/company'));
  });

  it('keeps drafts per partner user', async () => {
    const api = createMockApi();
    const first = await mount<PkDealRegistration>(registration, { api });
    await fill(first.el, { '/customer/company': 'Initech' });
    first.portal.remove();
    api.options.me = { ...demoMe, user: { ...demoMe.user, id: 'usr_other' } };
    const { el } = await mount<PkDealRegistration>(registration, { api });
    await formOf(el);
    expect(field(el, '/customer/company').value).to.equal('');
    expect(el.shadowRoot!.querySelector('[part~=notice]')).to.equal(null);
  });

  it('drops a product from a restored draft when it is no longer offered', async () => {
    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({
        key: 'draft-key-1234',
        values: { '/customer/company': 'Initech', '/products': ['prd_gone', 'prd_flow'] },
        savedAt: Date.now() - 3_600_000,
      }),
    );
    const { el, api } = await mount<PkDealRegistration>(registration);
    await formOf(el);
    expect(field(el, '/products').value).to.deep.equal(['prd_flow']);
    await fill(el, { ...VALID, '/products': field(el, '/products').value });
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    const [call] = api.callsOf('registerDeal');
    expect((call!.body as DealRegistrationInput).products).to.deep.equal(['prd_flow']);
    expect(call!.idempotencyKey).to.equal('draft-key-1234');
  });

  it('ignores a corrupt stored draft', async () => {
    localStorage.setItem(DRAFT_KEY, '{"key": 12, "values": "<script>');
    const { el } = await mount<PkDealRegistration>(registration);
    await formOf(el);
    expect(field(el, '/customer/company').value).to.equal('');
    await fill(el, { '/customer/company': 'Initech' });
    expect(storedDraft().key).to.be.a('string');
  });
});
