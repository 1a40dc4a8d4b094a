// The request form of <pk-mdf-request>: what remains of the fund to the minor unit, in currencies of
// 2, 0 and 3 decimals, before submit and when the server refuses; exactly-once submission; the
// draft; the page's veto; failures; the keyboard; German.
import '../define/pk-portal.js';
import '../define/pk-mdf-request.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MdfRequest, MdfRequestInput } from '@partnerkit/api';
import { sendKeys } from '@web/test-runner-commands';
import { mockClient, mount, text, waitUntil } from '../../test/helpers.js';
import {
  emptyFund,
  figures,
  inDays,
  loaded,
  mdfRequestTag,
  openRequestForm,
  requestValues,
  rows,
} from '../../test/mdf.js';
import { createMockApi, type MockErrorKind, mdfRequest } from '../../test/mock-api.js';
import { control, field, fill, submitButton, success, summary } from '../../test/registration.js';
import type { PkErrorDetail } from '../internal/events.js';
import type { PkPortal } from '../portal/portal.js';
import { PkMdfRequest } from './mdf-request.js';

const DRAFT_KEY = 'partnerkit:mdf-draft:prt_northwind:usr_ada';
const AMOUNT = '/requestedAmount/amount';
const sent = (api: ReturnType<typeof createMockApi>) =>
  api.callsOf('createMdfRequest').map((c) => c.body as MdfRequestInput);

/** A portal with the request form open on a fund of `allocated` minor units of `currency`. */
async function formOn(allocated: number, currency = 'EUR', options: Parameters<typeof mount>[1] = {}) {
  const mounted = await mount<PkMdfRequest>(mdfRequestTag, {
    funds: [emptyFund(allocated, currency)],
    ...options,
  });
  await loaded(mounted.el);
  await openRequestForm(mounted.el);
  return mounted;
}

describe('<pk-mdf-request> request form', () => {
  beforeEach(() => localStorage.clear());

  it('requests funds: the input in minor units of the fund’s currency, the event, the confirmation, the figures and the list', async () => {
    const { el, api } = await formOn(2_500_000);
    await waitUntil(
      () => el.shadowRoot!.activeElement === field(el, '/activityType'),
      'no focus on the form',
    );
    await fill(el, requestValues('12,345.67'));
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).values[AMOUNT]).to.equal('12,345.67');
    const requested = oneEvent(el, 'pk-mdf-requested');
    submitButton(el).click();
    const { detail } = (await requested) as CustomEvent<MdfRequest>;
    expect(detail.reference).to.match(/^MDF-\d{5}$/);
    expect(sent(api)).to.deep.equal([
      {
        fundId: 'fund_eur',
        activityType: 'webinar',
        title: 'Webinar: Acme Flow for logistics teams',
        description: 'A live webinar with a customer guest, promoted to our installed base.',
        startsOn: inDays(20),
        endsOn: inDays(21),
        requestedAmount: { amount: 1_234_567, currency: 'EUR' },
        expectedOutcome: { leads: 40, pipeline: { amount: 5_000_000, currency: 'EUR' } },
      },
    ]);
    await waitUntil(() => success(el), 'no confirmation');
    expect([...success(el)!.querySelectorAll('dt, dd')].map((e) => text(e))).to.deep.equal([
      'Reference',
      detail.reference,
      'Title',
      'Webinar: Acme Flow for logistics teams',
      'Amount requested',
      '€12,345.67',
    ]);
    await waitUntil(() => el.shadowRoot!.activeElement === success(el), 'the confirmation has no focus');
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    // The figures and the list are as the server has them now.
    await waitUntil(() => figures(el).Remaining === '€12,654.33', 'the figures were not refreshed');
    expect(figures(el)['Awaiting a decision']).to.equal('€12,345.67');
    await waitUntil(() => rows(el).length === 1, 'the list was not refreshed');
    expect(text(rows(el)[0]!.querySelector('[part~=badge]'))).to.equal('Submitted');
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.equal(
      `Request ${detail.reference} sent.`,
    );
    await expect(el).to.be.accessible();
    // Another request starts on an empty form.
    success(el)!.querySelector('button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#rform'), 'no form');
    expect(field(el, '/title').value).to.equal('');
  });

  for (const [currency, allocated, exact, over, shown] of [
    ['EUR', 100_000, '1,000.00', '1,000.01', '€1,000.00'],
    ['JPY', 150_000, '150,000', '150,001', '¥150,000'],
    ['BHD', 1_234_567, '1,234.567', '1,234.568', 'BHD 1,234.567'],
  ] as const) {
    it(`takes exactly what remains in ${currency}, and refuses one minor unit more before sending`, async () => {
      const { el, api } = await formOn(allocated, currency);
      const amount = field(el, AMOUNT);
      expect(amount.hint.replace(/\s/g, ' ')).to.contain(`Up to ${shown} remains.`);
      await fill(el, requestValues(over));
      submitButton(el).click();
      await waitUntil(() => summary(el), 'no summary');
      expect(api.callsOf('createMdfRequest')).to.have.length(0);
      const message = `Enter ${shown} or less: that is what remains of the fund.`;
      expect(amount.validationMessage.replace(/\s/g, ' ')).to.equal(message);
      expect(text(summary(el)!.querySelector('a')).replace(/\s/g, ' ')).to.equal(
        `Amount requested: ${message}`,
      );
      expect(amount.matches(':state(user-invalid)')).to.equal(true);
      await expect(el).to.be.accessible();
      // More decimals than the currency has is not an amount of it.
      await fill(el, { [AMOUNT]: currency === 'JPY' ? '1.5' : currency === 'EUR' ? '1.001' : '1.0001' });
      expect(amount.validationMessage).to.contain('no more decimals than the currency has');
      await fill(el, { [AMOUNT]: '0' });
      expect(amount.validationMessage).to.equal('Enter an amount above zero.');
      await fill(el, { [AMOUNT]: exact });
      submitButton(el).click();
      await waitUntil(() => success(el), 'the exact remaining amount was not accepted');
      expect(sent(api)[0]!.requestedAmount).to.deep.equal({ amount: allocated, currency });
      await waitUntil(
        () => /^\D*0([.,]0+)?$/.test((figures(el).Remaining ?? '').replace(/\s/g, '')),
        'nothing remains',
      );
    });
  }

  it('puts the server’s exceeds_remaining on the amount field, and shows the fund as it is now', async () => {
    const fund = emptyFund(100_000);
    const { el, api } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [fund] });
    await loaded(el);
    await openRequestForm(el);
    await fill(el, requestValues('800.00'));
    // Another partner user of the organisation took most of the fund since the page loaded.
    api.state.mdfRequests.unshift(
      mdfRequest({ id: 'mdfr_77', fund, status: 'submitted', title: 'Elsewhere', requested: 50_000 }),
    );
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    const amount = field(el, AMOUNT);
    expect(amount.validationMessage).to.equal(
      'This is more than remains of the fund now. The figures above are up to date.',
    );
    expect(text(summary(el)!.querySelector('a'))).to.equal(`Amount requested: ${amount.validationMessage}`);
    await waitUntil(() => figures(el).Remaining === '€500.00', 'the figures were not refreshed');
    expect(field(el, '/title').value).to.equal('Webinar: Acme Flow for logistics teams');
    await expect(el).to.be.accessible();
    // Within what remains now, it goes through (with a fresh key: the refusal was final).
    await fill(el, { [AMOUNT]: '500.00' });
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    const [first, second] = api.callsOf('createMdfRequest');
    expect(first!.status).to.equal(422);
    expect(second!.idempotencyKey).to.not.equal(first!.idempotencyKey);
  });

  it('sends one request for a double click', async () => {
    const { el, api } = await formOn(1_000_000, 'EUR', { latency: { createMdfRequest: 50 } });
    await fill(el, requestValues('100'));
    submitButton(el).click();
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    expect(api.callsOf('createMdfRequest')).to.have.length(1);
    expect(api.state.mdfRequests).to.have.length(1);
  });

  it('retries a lost answer with the same key, making one request', async () => {
    const { el, api } = await formOn(1_000_000, 'EUR', {
      fail: { createMdfRequest: { kind: 'network', times: 1, afterProcessing: true } },
    });
    await fill(el, requestValues('100'));
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no error');
    expect(text(summary(el))).to.contain('The server could not be reached.');
    await expect(el).to.be.accessible();
    summary(el)!.querySelector('button')!.click();
    await waitUntil(() => success(el), 'no confirmation after retry');
    const [first, second] = api.callsOf('createMdfRequest');
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect(second!.replayed).to.equal(true);
    expect(api.state.mdfRequests).to.have.length(1);
  });

  it('restores the draft after a reload, with the same key, and opens the form on it', async () => {
    const api = createMockApi({ funds: [emptyFund(1_000_000)], latency: { createMdfRequest: 'never' } });
    const first = await mount<PkMdfRequest>(mdfRequestTag, { api });
    await loaded(first.el);
    await openRequestForm(first.el);
    await fill(first.el, requestValues('250.50'));
    submitButton(first.el).click();
    await waitUntil(() => api.callsOf('createMdfRequest').length === 1, 'no submit');
    const key = api.callsOf('createMdfRequest')[0]!.idempotencyKey;
    first.portal.remove();
    api.options.latency = 0;
    const second = await mount<PkMdfRequest>(mdfRequestTag, { api });
    await waitUntil(
      () => second.el.shadowRoot!.querySelector('#rform pk-field'),
      'the form did not open on its draft',
    );
    expect(field(second.el, AMOUNT).value).to.equal('250.50');
    expect(text(second.el.shadowRoot!.querySelector('#rform')!.previousElementSibling)).to.match(
      /^Your unsent request from .+ was restored\. Discard draft$/,
    );
    await expect(second.el).to.be.accessible();
    submitButton(second.el).click();
    await waitUntil(() => success(second.el), 'no confirmation');
    expect(api.callsOf('createMdfRequest').map((c) => c.idempotencyKey)).to.deep.equal([key, key]);
    expect(api.state.mdfRequests).to.have.length(1);
  });

  it('lets the page veto or enrich the request with pk-before-submit', async () => {
    const { el, api } = await formOn(1_000_000);
    await fill(el, requestValues('100'));
    let vetoed = '';
    el.addEventListener(
      'pk-before-submit',
      (e) => {
        vetoed = e.detail.operation;
        e.preventDefault();
      },
      { once: true },
    );
    submitButton(el).click();
    await waitUntil(
      () => vetoed && submitButton(el).getAttribute('aria-disabled') === 'false',
      'the submission was not vetoed',
    );
    expect(vetoed).to.equal('mdf.createRequest');
    expect(api.callsOf('createMdfRequest')).to.have.length(0);
    el.addEventListener(
      'pk-before-submit',
      (e) => {
        if (e.detail.operation === 'mdf.createRequest') e.detail.input.title = `${e.detail.input.title} (Q3)`;
      },
      { once: true },
    );
    submitButton(el).click();
    await waitUntil(() => success(el), 'no confirmation');
    expect(sent(api)[0]!.title).to.equal('Webinar: Acme Flow for logistics teams (Q3)');
  });

  it('lists what is missing or wrong in the summary: blank text, an end before the start', async () => {
    const { el, api } = await formOn(1_000_000);
    await fill(el, { ...requestValues('100'), '/description': '   \n ', '/endsOn': inDays(10) });
    submitButton(el).click();
    await waitUntil(() => summary(el), 'no summary');
    const items = [...summary(el)!.querySelectorAll('li')].map((li) => text(li));
    expect(items[0]).to.equal('Description: This field is required.');
    expect(items[1]).to.match(/^End date: Choose .+ or later\.$/);
    expect(items).to.have.length(2);
    expect(el.shadowRoot!.activeElement).to.equal(summary(el));
    expect(api.callsOf('createMdfRequest')).to.have.length(0);
    await expect(el).to.be.accessible();
    // A link of the summary takes the partner to its field.
    summary(el)!.querySelector('a')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(field(el, '/description'));
  });

  it('is filled and sent by keyboard alone, and closes with Cancel, keeping the draft', async () => {
    const { el, api } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [emptyFund(1_000_000)] });
    await loaded(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#ask')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('pk-field[name="/activityType"]'),
      'focus is not in the form',
    );
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Partner breakfast' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'A breakfast briefing for twenty customers.' });
    await fill(el, { '/startsOn': inDays(30), '/endsOn': inDays(30) });
    field(el, AMOUNT).focus();
    await sendKeys({ type: '750' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '20' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '30000' });
    expect(control(field(el, '/expectedOutcome/pipeline/amount'))).to.equal(
      field(el, '/expectedOutcome/pipeline/amount').shadowRoot!.activeElement,
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => success(el), 'not sent');
    expect(sent(api)[0]).to.deep.include({ activityType: 'event', title: 'Partner breakfast' });
    expect(sent(api)[0]!.requestedAmount.amount).to.equal(75_000);
    // Another one, then Cancel: the form closes, focus goes back to its button, the draft stays.
    success(el)!.querySelector('button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#rform'), 'no form');
    await fill(el, { '/title': 'Half-written' });
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('#rform button')]
      .find((b) => text(b) === 'Cancel')!
      .focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'ask', 'focus did not return');
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).values['/title']).to.equal('Half-written');
  });

  it('reads amounts as typed in German', async () => {
    const { el, api } = await formOn(10_000_000, 'EUR', { locale: 'de-DE' });
    await waitUntil(() => field(el, AMOUNT).label === 'Beantragter Betrag', 'no German');
    expect(field(el, AMOUNT).hint.replace(/\s/g, ' ')).to.equal(
      'Bis zu 100.000,00 € sind verfügbar. Zum Beispiel 5.000,00',
    );
    await fill(el, { ...requestValues('12.500,50'), '/expectedOutcome/pipeline/amount': '80.000' });
    submitButton(el).click();
    await waitUntil(() => success(el), 'not sent');
    expect(sent(api)[0]!.requestedAmount.amount).to.equal(1_250_050);
    expect(sent(api)[0]!.expectedOutcome.pipeline.amount).to.equal(8_000_000);
    expect(text(success(el)!.querySelector('h3'))).to.equal('Antrag gesendet');
    await expect(el).to.be.accessible();
  });

  const kinds: [MockErrorKind, string][] = [
    ['server', 'Something went wrong on our side.'],
    ['rate_limit', 'Too many requests.'],
    ['permission', 'You do not have permission to do this.'],
    ['timeout', 'The server took too long to answer.'],
  ];
  for (const [kind, message] of kinds) {
    it(`reports a ${kind} failure of the request with pk-error, keeping the values`, async () => {
      const api = createMockApi({ funds: [emptyFund(1_000_000)], fail: { createMdfRequest: kind } });
      const client =
        kind === 'timeout'
          ? (await import('@partnerkit/sdk')).createPartnerkitClient({
              baseUrl: 'https://api.partnerkit.test',
              token: 't',
              fetch: api.fetch,
              retry: false,
              timeoutMs: 200,
            })
          : mockClient(api);
      const portal = await fixture<PkPortal>(
        html`<pk-portal .client=${client} locale="en">${mdfRequestTag}</pk-portal>`,
      );
      const el = portal.firstElementChild as PkMdfRequest;
      await loaded(el);
      await openRequestForm(el);
      await fill(el, requestValues('100'));
      const reported = oneEvent(el, 'pk-error');
      submitButton(el).click();
      const { detail } = (await reported) as CustomEvent<PkErrorDetail>;
      expect([detail.kind, detail.operation]).to.deep.equal([kind, 'mdf.createRequest']);
      await waitUntil(() => summary(el), 'no summary');
      expect(text(summary(el))).to.contain(message);
      expect(field(el, '/title').value).to.equal('Webinar: Acme Flow for logistics teams');
    });
  }

  it('loads its forms once, however quickly the partner opens them', async () => {
    let loads = 0;
    class PkMdfCounted extends PkMdfRequest {
      static override forms = () => {
        loads++;
        return new Promise<Awaited<ReturnType<typeof PkMdfRequest.forms>>>((resolve) =>
          setTimeout(() => resolve(PkMdfRequest.forms()), 50),
        );
      };
    }
    customElements.define('pk-mdf-counted', PkMdfCounted);
    const { el } = await mount<PkMdfRequest>(html`<pk-mdf-counted></pk-mdf-counted>`);
    await loaded(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#ask')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[id^="to-"]')!.click();
    await waitUntil(
      () =>
        el.shadowRoot!.querySelector('#rform pk-field') && el.shadowRoot!.querySelector('#cform pk-field'),
      'the forms did not open',
    );
    expect(loads).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows when its forms cannot load, with a retry', async () => {
    class PkMdfOffline extends PkMdfRequest {
      static failures = 1;
      static override forms = () =>
        PkMdfOffline.failures-- > 0
          ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
          : PkMdfRequest.forms();
    }
    customElements.define('pk-mdf-offline', PkMdfOffline);
    const { el } = await mount<PkMdfRequest>(html`<pk-mdf-offline></pk-mdf-offline>`, {
      funds: [emptyFund(1_000_000)],
    });
    await loaded(el);
    const reported = oneEvent(el, 'pk-error');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#ask')!.click();
    expect(((await reported) as CustomEvent<PkErrorDetail>).detail.operation).to.equal('mdf.forms');
    await waitUntil(() => el.shadowRoot!.querySelector('section [role=alert]'), 'no failure');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('section [role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#rform pk-field'), 'the retry did not load the form');
  });
});
