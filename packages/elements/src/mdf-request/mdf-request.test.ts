import '../define/pk-portal.js';
import '../define/pk-mdf-request.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mount, shadow, text, waitUntil } from '../../test/helpers.js';
import { button, emptyFund, figures, loaded, mdfRequestTag, row, rows } from '../../test/mdf.js';
import { demoFunds, type MockErrorKind, mdfRequest } from '../../test/mock-api.js';
import type { PkErrorDetail } from '../internal/events.js';
import type { PkMdfRequest } from './mdf-request.js';

const badges = (el: PkMdfRequest) =>
  Object.fromEntries(
    rows(el).map((r) => [text(r.querySelector('h3')), text(r.querySelector('[part~=badge]'))]),
  );

describe('<pk-mdf-request>', () => {
  beforeEach(() => localStorage.clear());

  it('shows the fund of the current period: its figures, exact to the cent, and a bar with its text', async () => {
    const { el, api } = await mount<PkMdfRequest>(mdfRequestTag);
    await loaded(el);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part~=fund] h2'))).to.equal(demoFunds()[0]!.period.label);
    // Allocated 60,000.00; pending 4,800 + 6,600; approved 4,200 + 5,400 + 5,000 + 7,200 + 8,000;
    // claimed: the approved claim (6,120) and the paid one (7,360); paid: 7,360.
    expect(figures(el)).to.deep.equal({
      Allocated: '€60,000.00',
      Paid: '€7,360.00',
      Claimed: '€13,480.00',
      Approved: '€29,800.00',
      'Awaiting a decision': '€11,400.00',
      Remaining: '€18,800.00',
    });
    const bar = root.querySelector<HTMLElement>('[part~=bar]')!;
    expect(bar.getAttribute('role')).to.equal('img');
    expect(bar.getAttribute('aria-label')).to.equal('€18,800.00 of €60,000.00 remaining');
    // One share each: paid, claimed but not paid, approved but not claimed, pending, remaining.
    expect(
      [...bar.children].map((s) => [s.className, Number((s as HTMLElement).style.flexGrow)]),
    ).to.deep.equal([
      ['paid', 736000],
      ['claimed', 612000],
      ['approved', 1632000],
      ['requested', 1140000],
      ['remaining', 1880000],
    ]);
    // The list asks for the requests of this fund; paid is summed from its approved ones.
    expect(api.callsOf('listMdfRequests').map((c) => c.query.get('fundId'))).to.deep.equal([
      'fund_current',
      'fund_current',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows every request with its status, requested against approved with the note, reasons and claims', async () => {
    const { el } = await mount<PkMdfRequest>(mdfRequestTag);
    await loaded(el);
    expect(badges(el)).to.deep.equal({
      'Webinar: Acme Shield for mid-market IT teams': 'Submitted',
      'Content syndication: the analytics buyer’s guide': 'Submitted',
      'Pre-sales bootcamp for our engineers': 'Rejected',
      'Webinar series: data platforms for manufacturers': 'Partially approved',
      'Booth at CloudWorld Expo Amsterdam': 'Approved',
      'Resilience Days Zurich: breakfast session': 'Claimed',
      'LinkedIn campaign: ransomware readiness': 'Claimed',
      'Customer roadshow: Munich': 'Paid',
    });
    const partial = row(el, 'Webinar series: data platforms for manufacturers');
    expect(text(partial)).to.contain('Approved €4,200.00 of €6,000.00 requested');
    expect(text(partial)).to.contain(
      'Note from the vendor: We fund up to 70% of webinar platform and promotion costs this half-year.',
    );
    expect(text(row(el, 'Pre-sales bootcamp for our engineers'))).to.contain(
      'Reason: Internal enablement is funded from the training budget',
    );
    expect(text(row(el, 'Booth at CloudWorld Expo Amsterdam'))).to.contain('Approved €5,400.00');
    expect(text(row(el, 'Booth at CloudWorld Expo Amsterdam'))).to.not.contain(' of ');
    const resubmitted = row(el, 'Resilience Days Zurich: breakfast session');
    expect([...resubmitted.querySelectorAll('[part~=claims] li')].map((li) => text(li))).to.deep.equal([
      'Claim of €5,000.00 Rejected Reason: The invoice does not show the event date or the venue; please resubmit with the dated invoice.',
      'Claim of €4,750.00 Submitted',
    ]);
    const paid = row(el, 'Customer roadshow: Munich');
    expect(text(paid.querySelector('[part~=claims] li'))).to.match(/^Claim of €7,360\.00, paid .+ Paid$/);
    // Claims are offered where something approved is left to claim, and only there.
    const claimable = rows(el)
      .filter((r) => [...r.querySelectorAll('button')].some((b) => text(b) === 'Claim spend'))
      .map((r) => text(r.querySelector('h3')));
    expect(claimable).to.deep.equal([
      'Webinar series: data platforms for manufacturers',
      'Booth at CloudWorld Expo Amsterdam',
      'Resilience Days Zurich: breakfast session',
      'LinkedIn campaign: ransomware readiness',
      'Customer roadshow: Munich',
    ]);
    await expect(el).to.be.accessible();
  });

  it('opens the status history of a request and its claims by keyboard', async () => {
    const { el } = await mount<PkMdfRequest>(mdfRequestTag);
    await loaded(el);
    const paid = row(el, 'Customer roadshow: Munich');
    const toggle = button(paid, 'Status history');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    const history = await shadow(el, '[part~=history]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal(history.id);
    expect(
      [...history.querySelectorAll('li')].map((li) => text(li).replace(/, .* by /, ' by ')),
    ).to.deep.equal([
      'Submitted by Ada Lindqvist',
      'Approved by Partner Operations',
      'Claim submitted by Ada Lindqvist',
      'Claim approved by Partner Operations',
      'Claim paid by Partner Operations',
    ]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~=history]'), 'the history did not close');
  });

  it('switches period with the picker, by keyboard: the fund, its figures and its requests', async () => {
    const { el, api } = await mount<PkMdfRequest>(mdfRequestTag);
    await loaded(el);
    const picker = el.shadowRoot!.querySelector<HTMLSelectElement>('#period')!;
    expect([...picker.options].map((o) => o.textContent)).to.deep.equal(
      demoFunds().map((f) => `${f.period.label} (EUR)`),
    );
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.fundId === 'fund_previous', 'the period did not change');
    await waitUntil(() => rows(el).length === 1, 'the previous period’s requests did not load');
    await loaded(el);
    expect(badges(el)).to.deep.equal({ 'Partner day: Stockholm': 'Expired' });
    expect(figures(el).Allocated).to.equal('€40,000.00');
    expect(figures(el).Remaining).to.equal('€40,000.00');
    expect(text(el.shadowRoot!.querySelector('[part~=notice]'))).to.match(/^This period ended on .+\./);
    expect(el.shadowRoot!.querySelector('#ask')).to.equal(null);
    expect(api.callsOf('listMdfRequests').at(-1)!.query.get('fundId')).to.equal('fund_previous');
    expect(el.getAttribute('fund-id')).to.equal('fund_previous');
    await expect(el).to.be.accessible();
  });

  it('shows the fund named by fund-id, and warns and falls back on an unknown one', async () => {
    const { el } = await mount<PkMdfRequest>(html`<pk-mdf-request fund-id="fund_previous"></pk-mdf-request>`);
    await loaded(el);
    expect(figures(el).Allocated).to.equal('€40,000.00');
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      el.fundId = 'fund_nope';
      await waitUntil(() => el.fundId === '', 'no fallback');
      await loaded(el);
      expect(figures(el).Allocated).to.equal('€60,000.00');
      expect(String(warnings[0]?.[0])).to.contain('no fund "fund_nope"');
    } finally {
      console.warn = warn;
    }
  });

  it('says when nothing remains, and shows a fund nearly used up to the cent', async () => {
    const fund = emptyFund(500_000);
    const taken = mdfRequest({
      id: 'mdfr_1',
      fund,
      status: 'approved',
      title: 'Roadshow',
      requested: 499_999,
    });
    const { el, api } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [fund], mdfRequests: [taken] });
    await loaded(el);
    expect(figures(el).Remaining).to.equal('€0.01');
    expect(el.shadowRoot!.querySelector('#ask')).to.not.equal(null);
    api.state.mdfRequests.unshift(
      mdfRequest({ id: 'mdfr_2', fund, status: 'submitted', title: 'Last cent', requested: 1 }),
    );
    el.remove();
    const again = await mount<PkMdfRequest>(mdfRequestTag, { api });
    await loaded(again.el);
    expect(figures(again.el).Remaining).to.equal('€0.00');
    expect(text(again.el.shadowRoot!.querySelector('[part~=notice]'))).to.equal(
      'Nothing remains in this fund for new requests.',
    );
    expect(again.el.shadowRoot!.querySelector('#ask')).to.equal(null);
    await expect(again.el).to.be.accessible();
  });

  it('shows the loading state, then an empty fund list', async () => {
    const { el, api } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [], latency: 'never' });
    const status = await shadow(el, '[part~=loading]');
    expect(text(status)).to.equal('Loading your market development funds…');
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal(
      'Loading your market development funds…',
    );
    await expect(el).to.be.accessible();
    api.options.latency = 0;
    el.remove();
    const again = await mount<PkMdfRequest>(mdfRequestTag, { api });
    const empty = await shadow(again.el, '[part~=empty]');
    expect(text(empty)).to.contain('No market development funds have been allocated to you yet.');
    await expect(again.el).to.be.accessible();
  });

  it('says when no request was made in the period', async () => {
    const { el } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [emptyFund(100_000)] });
    await loaded(el);
    expect(text(el.shadowRoot!.querySelector('section [part~=empty]'))).to.equal(
      'You have not requested funds in this period yet.',
    );
    expect(el.shadowRoot!.querySelector('#period')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  const kinds: [MockErrorKind, string][] = [
    ['authentication', 'Your session has ended.'],
    ['permission', 'You do not have permission to do this.'],
    ['not_found', 'This item no longer exists'],
    ['rate_limit', 'Too many requests.'],
    ['server', 'Something went wrong on our side.'],
    ['network', 'The server could not be reached.'],
  ];
  for (const [kind, message] of kinds) {
    it(`shows a ${kind} failure to load with a retry, and reports it`, async () => {
      const errors: PkErrorDetail[] = [];
      document.addEventListener('pk-error', (e) => errors.push(e.detail));
      const { el } = await mount<PkMdfRequest>(mdfRequestTag, { fail: { listMdfFunds: { kind, times: 1 } } });
      const alert = await shadow(el, '[part~=error][role=alert]');
      expect(text(alert)).to.contain(message);
      expect(errors.map((e) => [e.kind, e.operation])).to.deep.include([kind, 'mdf.listFunds']);
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await loaded(el);
      expect(figures(el).Allocated).to.equal('€60,000.00');
    });
  }

  it('shows a failed list and a failed paid figure with their retries, keeping the fund', async () => {
    const { el } = await mount<PkMdfRequest>(mdfRequestTag, {
      fail: { listMdfRequests: { kind: 'server', times: 2 } },
    });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role=alert]').length === 2, 'no failures shown');
    expect(figures(el).Allocated).to.equal('€60,000.00');
    expect(figures(el).Paid).to.equal('…');
    await expect(el).to.be.accessible();
    for (const alert of el.shadowRoot!.querySelectorAll('[role=alert]'))
      alert.querySelector('button')!.click();
    await loaded(el);
    expect(figures(el).Paid).to.equal('€7,360.00');
    expect(rows(el)).to.have.length(8);
  });

  it('pages through many requests with "Show more"', async () => {
    const fund = emptyFund(10_000_000);
    const { el } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [fund], mdfRequests: 23 });
    await loaded(el);
    expect(rows(el)).to.have.length(10);
    expect(text(el.shadowRoot!.querySelector('.sr[role=status]'))).to.equal(
      '10 requests shown; more are available.',
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=more]')!.click();
    await waitUntil(() => rows(el).length === 20, 'no second page');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=more]')!.click();
    await waitUntil(() => rows(el).length === 23, 'no last page');
    expect(el.shadowRoot!.querySelector('[part~=more]')).to.equal(null);
    // Every status of the generated ones, claims through paid.
    expect(new Set(rows(el).map((r) => text(r.querySelector('[part~=badge]'))))).to.deep.equal(
      new Set(['Submitted', 'Approved', 'Partially approved', 'Rejected', 'Claimed', 'Paid']),
    );
  });

  it('shows markup from the server as text', async () => {
    const fund = emptyFund(1_000_000);
    const hostile = mdfRequest({
      id: 'mdfr_9',
      fund,
      status: 'rejected',
      title: '<img src=x onerror=alert(1)> Roadshow',
      note: '<script>alert(1)</script> Not this time',
      requested: 1000,
    });
    const { el } = await mount<PkMdfRequest>(mdfRequestTag, { funds: [fund], mdfRequests: [hostile] });
    await loaded(el);
    const r = rows(el)[0]!;
    expect(text(r.querySelector('h3'))).to.equal('<img src=x onerror=alert(1)> Roadshow');
    expect(text(r)).to.contain('Reason: <script>alert(1)</script> Not this time');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
  });

  it('speaks German, with German amounts and dates', async () => {
    const { el } = await mount<PkMdfRequest>(mdfRequestTag, { locale: 'de-DE' });
    await loaded(el);
    await waitUntil(() => text(el.shadowRoot!.querySelector('#mine')) === 'Meine Anträge', 'no German');
    expect(figures(el)).to.deep.equal({
      Zugeteilt: '60.000,00 €',
      Ausgezahlt: '7.360,00 €',
      Abgerechnet: '13.480,00 €',
      Genehmigt: '29.800,00 €',
      'In Prüfung': '11.400,00 €',
      Verfügbar: '18.800,00 €',
    });
    expect(text(row(el, 'Webinar series: data platforms for manufacturers'))).to.contain(
      'Genehmigt 4.200,00 € von 6.000,00 € beantragt',
    );
    expect(badges(el)['Customer roadshow: Munich']).to.equal('Ausgezahlt');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left and in dark colours, and fits a phone-wide column', async () => {
    const { portal } = await mount<PkMdfRequest>(
      html`<div style="inline-size: 20rem"><pk-mdf-request></pk-mdf-request></div>`,
      { dir: 'rtl', theme: 'dark' },
    );
    const mdf = portal.querySelector('pk-mdf-request')!;
    await loaded(mdf);
    expect(getComputedStyle(mdf).direction).to.equal('rtl');
    expect(getComputedStyle(mdf).colorScheme).to.equal('dark');
    const bar = mdf.shadowRoot!.querySelector<HTMLElement>('[part~=bar]')!;
    const [first] = bar.children;
    // The first share (paid) starts at the right edge in right-to-left.
    expect(Math.round(first!.getBoundingClientRect().right)).to.equal(
      Math.round(bar.getBoundingClientRect().right) - 1,
    );
    expect(mdf.scrollWidth).to.be.at.most(mdf.clientWidth);
    await expect(mdf).to.be.accessible();
  });
});
