import '../define/pk-portal.js';
import '../define/pk-deal-list.js';
import '../define/pk-deal-registration.js';
import { expect, html, oneEvent } from '@open-wc/testing';
import type { DealRegistration } from '@partnerkit/api';
import { sendKeys } from '@web/test-runner-commands';
import { mount, shadow, text, waitUntil } from '../../test/helpers.js';
import { createMockApi, makeDeals } from '../../test/mock-api.js';
import { control, fill, submitButton, success, VALID } from '../../test/registration.js';
import type { PkDealRegistration } from '../deal-registration/deal-registration.js';
import type { PkField } from '../field/field.js';
import type { PkDealList } from './deal-list.js';

const list = html`<pk-deal-list page-size="10"></pk-deal-list>`;
const rows = (el: PkDealList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=row]')];
const rowOf = (el: PkDealList, company: string) =>
  rows(el).find((r) => text(r.querySelector('h3')) === company)!;
const buttonIn = (root: Element, label: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement | undefined;
const loaded = (el: PkDealList) => waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 5000 });

describe('<pk-deal-list>', () => {
  it('shows a labelled loading state', async () => {
    const { el } = await mount<PkDealList>(list, { latency: 'never' });
    expect(text(await shadow(el, '[part~=loading]'))).to.equal('Loading your registrations…');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const { el, api } = await mount<PkDealList>(list, {
      deals: 3,
      fail: { listDealRegistrations: { kind: 'network', times: 1 } },
    });
    const error = await shadow(el, '[part~=error]');
    expect(text(error)).to.contain('The server could not be reached.');
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await loaded(el);
    expect(rows(el)).to.have.length(3);
    expect(api.callsOf('listDealRegistrations')).to.have.length(2);
  });

  it('says when there is nothing to show', async () => {
    const { el } = await mount<PkDealList>(list, { deals: 0 });
    expect(text(await shadow(el, '[part~=empty]'))).to.equal('You have not registered any deals yet.');
    await expect(el).to.be.accessible();
  });

  it('shows status (in words, not colour alone), value, protection end and rejection reason', async () => {
    const now = Date.now();
    const { el } = await mount<PkDealList>(list, { deals: makeDeals(7, now), now });
    await loaded(el);
    const badges = rows(el).map((r) => text(r.querySelector('[part~=badge]')));
    expect(badges).to.deep.equal([
      'Submitted',
      'Under review',
      'Approved',
      'Rejected',
      'Expired',
      'Won',
      'Lost',
    ]);
    const approved = rows(el)[2]!;
    expect(text(approved)).to.match(/Protected until .+ \(in 4 weeks\)/);
    expect(text(rows(el)[3])).to.contain(
      'Reason for rejection: The customer is already covered by another partner.',
    );
    expect(text(rows(el)[0])).to.contain('€10,000.00');
    expect(text(rows(el)[0])).to.contain('DR-2026-000007');
    await expect(el).to.be.accessible();
  });

  it('pages through the SDK iterator with "Show more"', async () => {
    const { el, api } = await mount<PkDealList>(list, { deals: 25 });
    await loaded(el);
    expect(rows(el)).to.have.length(10);
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.equal(
      '10 registrations shown; more are available.',
    );
    const more = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=more]');
    more()!.click();
    await waitUntil(() => rows(el).length === 20, 'no second page');
    more()!.click();
    await waitUntil(() => rows(el).length === 25, 'no third page');
    expect(more()).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.equal('25 registrations shown.');
    const cursors = api.callsOf('listDealRegistrations').map((c) => c.query.get('cursor'));
    expect(cursors).to.deep.equal([null, '10', '20']);
    expect(new Set(rows(el).map((r) => text(r.querySelector('h3')))).size).to.be.greaterThan(10);
  });

  it('filters by status', async () => {
    const { el, api } = await mount<PkDealList>(list, { deals: 30 });
    await loaded(el);
    const select = el.shadowRoot!.querySelector('select')!;
    select.focus();
    await sendKeys({ type: 'Appr' });
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () => rows(el).length && rows(el).every((r) => text(r.querySelector('[part~=badge]')) === 'Approved'),
      'not filtered',
    );
    expect(el.status).to.equal('approved');
    expect(api.callsOf('listDealRegistrations').at(-1)!.query.getAll('status')).to.deep.equal(['approved']);
    el.status = 'won';
    api.state.deals = api.state.deals.filter((d) => d.status !== 'won');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=empty]'), 'no empty state');
    expect(text(el.shadowRoot!.querySelector('[part~=empty]'))).to.equal('No registration has this status.');
  });

  it('warns about a bad status or page size and shows a working list', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => warnings.push(String(message));
    try {
      const { el, api } = await mount<PkDealList>(
        html`<pk-deal-list status="open" page-size="5000"></pk-deal-list>`,
        {
          deals: 3,
        },
      );
      await loaded(el);
      expect(rows(el)).to.have.length(3);
      expect(el.status).to.equal('');
      expect(api.callsOf('listDealRegistrations')[0]!.query.toString()).to.equal('limit=100');
      expect(warnings.join('\n')).to.contain('status "open" is not one of');
      expect(warnings.join('\n')).to.contain('page-size must be a number from 1 to 100');
    } finally {
      console.warn = warn;
    }
  });

  it('opens the status history of a registration', async () => {
    const { el } = await mount<PkDealList>(list, { deals: 4 });
    await loaded(el);
    const row = rows(el)[3]!; // rejected
    const toggle = buttonIn(row, 'Status history')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const history = [...row.querySelectorAll('[part~=history] li')].map((li) => text(li));
    expect(history).to.have.length(2);
    expect(history[0]).to.match(/^Submitted, .+, by Ada Lindqvist$/);
    expect(history[1]).to.match(/^Rejected, .+, by Partner Operations: The customer is already covered/);
    await expect(el).to.be.accessible();
  });

  it('requests an extension once, with a reason, before protection ends', async () => {
    const { el, api } = await mount<PkDealList>(list, { deals: 3 });
    await loaded(el);
    const row = rows(el)[2]!;
    const before = api.state.deals[2]!.protectedUntil!;
    buttonIn(row, 'Request an extension')!.click();
    const form = await shadow(el, '[part~=extension]');
    const reason = form.querySelector<PkField>('pk-field')!;
    expect(el.shadowRoot!.activeElement).to.equal(reason);
    buttonIn(form, 'Send request')!.click();
    await waitUntil(() => reason.matches(':state(user-invalid)'), 'the reason shows no error');
    expect(api.callsOf('requestDealExtension')).to.have.length(0);
    await expect(el).to.be.accessible();
    control(reason).focus();
    await sendKeys({ type: 'The customer moved the board meeting to next quarter.' });
    const extended = oneEvent(el, 'pk-extension-requested');
    buttonIn(form, 'Send request')!.click();
    const { detail } = (await extended) as CustomEvent<DealRegistration>;
    expect(Date.parse(detail.protectedUntil!)).to.equal(Date.parse(before) + 30 * 86_400_000);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=extension]')).to.equal(null);
    expect(buttonIn(rows(el)[2]!, 'Request an extension')).to.equal(undefined);
    const [call] = api.callsOf('requestDealExtension');
    expect(call!.body).to.deep.equal({ reason: 'The customer moved the board meeting to next quarter.' });
    expect(call!.idempotencyKey).to.be.a('string');
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.match(
      /^Protection extended until .+\.$/,
    );
  });

  it('retries an extension whose answer was lost with the same key, extending once', async () => {
    const { el, api } = await mount<PkDealList>(list, {
      deals: 3,
      fail: { requestDealExtension: { kind: 'network', times: 1, afterProcessing: true } },
    });
    await loaded(el);
    buttonIn(rows(el)[2]!, 'Request an extension')!.click();
    const form = await shadow(el, '[part~=extension]');
    const reason = form.querySelector<PkField>('pk-field')!;
    reason.value = 'More time, please.';
    await reason.updateComplete;
    buttonIn(form, 'Send request')!.click();
    await waitUntil(() => form.querySelector('[part~=summary]'), 'no error');
    expect(text(form.querySelector('[part~=summary]'))).to.contain('The server could not be reached.');
    buttonIn(form, 'Send request')!.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~=extension]'), 'not extended');
    const calls = api.callsOf('requestDealExtension');
    expect(calls).to.have.length(2);
    expect(calls[0]!.idempotencyKey).to.equal(calls[1]!.idempotencyKey);
    expect(calls[1]!.replayed).to.equal(true);
  });

  it('lets the page veto an extension request', async () => {
    const { el, api } = await mount<PkDealList>(list, { deals: 3 });
    await loaded(el);
    buttonIn(rows(el)[2]!, 'Request an extension')!.click();
    const form = await shadow(el, '[part~=extension]');
    const reason = form.querySelector<PkField>('pk-field')!;
    reason.value = 'Because.';
    await reason.updateComplete;
    el.addEventListener('pk-before-submit', (e) => e.preventDefault(), { once: true });
    const asked = oneEvent(el, 'pk-before-submit');
    buttonIn(form, 'Send request')!.click();
    const { detail } = (await asked) as CustomEvent;
    expect(detail).to.deep.equal({
      operation: 'deals.requestExtension',
      input: { id: 'dr_0001', reason: 'Because.' },
    });
    expect(api.callsOf('requestDealExtension')).to.have.length(0);
  });

  it('refreshes when a deal is registered on the page', async () => {
    localStorage.clear();
    const api = createMockApi({ deals: 2 });
    const { portal } = await mount<PkDealList>(
      html`<pk-deal-registration></pk-deal-registration><pk-deal-list></pk-deal-list>`,
      { api },
    );
    const registration = portal.querySelector('pk-deal-registration') as PkDealRegistration;
    const el = portal.querySelector('pk-deal-list') as PkDealList;
    await loaded(el);
    expect(rows(el)).to.have.length(2);
    await fill(registration, VALID);
    submitButton(registration).click();
    await waitUntil(() => success(registration), 'not registered');
    await waitUntil(() => rows(el).length === 3, 'the list did not refresh');
    expect(text(rows(el)[0]!.querySelector('h3'))).to.equal('Globex Corporation');
  });

  it('speaks German', async () => {
    const { el } = await mount<PkDealList>(list, { deals: 3, locale: 'de' });
    await loaded(el);
    await el.updateComplete;
    expect(rows(el).map((r) => text(r.querySelector('[part~=badge]')))).to.deep.equal([
      'Eingereicht',
      'In Prüfung',
      'Genehmigt',
    ]);
    expect(text(rows(el)[0])).to.contain('10.000,00 €');
    // The label holds its select: its own words come first.
    const select = el.shadowRoot!.querySelector('select')!;
    const words = [...select.labels![0]!.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    expect(
      words
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ).to.equal('Status');
    expect(text(el.shadowRoot!.querySelector('option'))).to.equal('Alle Status');
    await expect(el).to.be.accessible();
  });

  it('shows markup from the server as text', async () => {
    const evil = '<img src=x onerror="window.__pwnedList=1">';
    const deals = makeDeals(1).map((d) => ({ ...d, customer: { ...d.customer, company: evil } }));
    const { el } = await mount<PkDealList>(list, { deals });
    await loaded(el);
    expect(text(rowOf(el, evil).querySelector('h3'))).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('stays accessible with many long registrations, right to left and dark', async () => {
    const deals = makeDeals(40).map((d, i) =>
      i % 5
        ? d
        : {
            ...d,
            customer: { ...d.customer, company: `${d.customer.company} International Holdings `.repeat(4) },
          },
    );
    const { el } = await mount<PkDealList>(html`<pk-deal-list page-size="40"></pk-deal-list>`, {
      deals,
      dir: 'rtl',
      theme: 'dark',
    });
    await loaded(el);
    expect(rows(el)).to.have.length(40);
    expect(getComputedStyle(rows(el)[0]!).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});
