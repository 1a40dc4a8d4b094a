import '../define/pk-portal.js';
import '../define/pk-tier-progress.js';
import '../define/pk-deal-registration.js';
import { expect, html } from '@open-wc/testing';
import type { CriterionProgress, Tier, TierProgress } from '@partnerkit/api';
import { sendKeys } from '@web/test-runner-commands';
import { mount, shadow, text, waitUntil } from '../../test/helpers.js';
import { demoTiers, type MockApiOptions } from '../../test/mock-api.js';
import { fill, submitButton, success, VALID } from '../../test/registration.js';
import type { PkNavigateDetail } from '../internal/events.js';
import { type PkTierProgress, tierState } from './tier-progress.js';

const full = html`<pk-tier-progress></pk-tier-progress>`;
const compact = html`<pk-tier-progress compact></pk-tier-progress>`;
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const criteria = (el: PkTierProgress) => all(el, '[part~=criterion]');
const criterion = (el: PkTierProgress, label: string) =>
  criteria(el).find((c) => text(c.querySelector('strong')) === label)!;
const stateOf = (el: PkTierProgress) => text(el.shadowRoot!.querySelector('[part~=state]'));
const said = (el: PkTierProgress) => text(el.shadowRoot!.querySelector('.sr[role=status]'));
/** The calendar day `n` days from today, by the local calendar (as the countdown counts). */
const inDays = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((x) => String(x).padStart(2, '0')).join('-');
};
const longDate = (day: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00Z`));

/** Mounts `content` (the full view by default) and waits until it has loaded. */
async function mountFull(
  options: MockApiOptions & { locale?: string; dir?: string; theme?: string } = {},
  content = full,
) {
  const mounted = await mount<PkTierProgress>(content, options);
  await shadow(mounted.el, '[part~=summary], [part~=compact]');
  return mounted;
}

/** Records of a Gold partner that meet every Platinum criterion, with the demo's 4 certified people. */
const platinumRecords = {
  closedRevenue: 520_000_000,
  registeredDeals: 41,
  satisfaction: 4.7,
  otherCertifiedPeople: 9,
};
/** Those records without the certifications: one person short of Platinum. */
const onePersonShort = { certifications: [], standing: platinumRecords } satisfies MockApiOptions;

const ref = (t: Tier) => ({ id: t.id, name: t.name, rank: t.rank });
const [registered, silver, gold, platinum] = demoTiers as [Tier, Tier, Tier, Tier];
const measured = (key: CriterionProgress['key'], current: number, required: number): CriterionProgress => ({
  key,
  label: demoTiers[3]!.criteria.find((c) => c.key === key)!.label,
  unit: key === 'closed_revenue' ? 'money' : key === 'customer_satisfaction' ? 'score' : 'count',
  ...(key === 'closed_revenue' ? { currency: 'USD' } : {}),
  current,
  required,
  remaining: Math.max(0, Math.round((required - current) * 100) / 100),
  met: current >= required,
});
/** Progress as a backend might answer it (one that promotes or demotes only at the review date). */
const answer = (over: Partial<TierProgress> = {}): TierProgress => ({
  partnerId: 'prt_northwind',
  currentTier: ref(gold),
  nextTier: ref(platinum),
  criteria: [
    measured('closed_revenue', 325_000_000, 500_000_000),
    measured('certified_people', 8, 10),
    measured('registered_deals', 31, 40),
    measured('customer_satisfaction', 4.6, 4.5),
  ],
  currentBenefits: gold.benefits,
  nextBenefits: platinum.benefits,
  reviewDate: '2027-03-12',
  grace: { active: false, endsOn: null, qualifiedTier: ref(gold) },
  computedAt: new Date().toISOString(),
  ...over,
});

describe('<pk-tier-progress>', () => {
  it('shows a labelled loading state', async () => {
    const { el } = await mount<PkTierProgress>(full, { latency: 'never' });
    expect(text(await shadow(el, '[part~=loading]'))).to.equal('Loading your tier progress…');
    expect(said(el)).to.equal('Loading your tier progress…');
    await expect(el).to.be.accessible();
  });

  for (const operation of ['getTierProgress', 'listTiers'] as const) {
    it(`shows an error with a retry that recovers when ${operation} fails`, async () => {
      const errors: string[] = [];
      const onError = (e: Event) => errors.push((e as CustomEvent).detail.operation);
      document.addEventListener('pk-error', onError);
      try {
        const { el, api } = await mount<PkTierProgress>(full, {
          fail: { [operation]: { kind: 'server', times: 1 } },
        });
        const error = await shadow(el, '[part~=error]');
        expect(text(error)).to.contain('Something went wrong on our side.');
        expect(text(error)).to.match(/Support reference: req_mock_\d+/);
        expect(errors).to.deep.equal([operation === 'getTierProgress' ? 'tiers.progress' : 'tiers.list']);
        await expect(el).to.be.accessible();
        error.querySelector('button')!.click();
        await shadow(el, '[part~=summary]');
        expect(api.callsOf(operation)).to.have.length(2);
        expect(stateOf(el)).to.equal('On track');
      } finally {
        document.removeEventListener('pk-error', onError);
      }
    });
  }

  it('on track: the tiers, every criterion of the next as current against required, what remains, the review', async () => {
    const { el } = await mountFull({ standing: { reviewDate: '2027-03-12' } });
    const summary = el.shadowRoot!.querySelector('[part~=summary]')!;
    expect(text(summary.querySelector('h2'))).to.equal('Your tier: Gold');
    expect(stateOf(el)).to.equal('On track');
    expect(text(summary)).to.contain('1 of 4 criteria for Platinum met');
    expect(text(summary)).to.contain('Next review: Mar 12, 2027');
    expect(text(el.shadowRoot!.querySelector('[part~=criteria] h3'))).to.equal('Criteria for Platinum');
    const rows = criteria(el).map((c) => [
      text(c.querySelector('strong')),
      text(c.querySelector('.left')),
      text(c.querySelector('[part~=meter] span')),
    ]);
    expect(rows).to.deep.equal([
      ['Closed revenue (trailing 12 months)', '$1,750,000.00 to go', '$3,250,000.00 of $5,000,000.00'],
      ['Certified people', '2 more people needed', '8 of 10'],
      ['Registered deals (trailing 12 months)', '9 more deals needed', '31 of 40'],
      ['Customer satisfaction', 'Met', '4.6 of 4.5'],
    ]);
    // The bars say what the text says, and a met criterion is marked in words, not colour alone.
    const bar = criterion(el, 'Certified people').querySelector('progress')!;
    expect([bar.value, bar.max]).to.deep.equal([8, 10]);
    expect(bar.getAttribute('aria-label')).to.equal('Certified people');
    expect(bar.getAttribute('aria-valuetext')).to.equal('8 of 10');
    expect(criterion(el, 'Customer satisfaction').part.contains('met')).to.equal(true);
    expect(criterion(el, 'Certified people').part.contains('met')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~=requirements]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what remains in each criterion’s own unit: money in its currency, a score, people and deals', async () => {
    const tiers: Tier[] = [
      { ...silver, rank: 0, criteria: [] },
      {
        ...gold,
        rank: 1,
        criteria: [
          {
            key: 'closed_revenue',
            label: 'Revenue in euros',
            unit: 'money',
            required: 1_000_000,
            currency: 'EUR',
          },
          {
            key: 'closed_revenue',
            label: 'Revenue in yen',
            unit: 'money',
            required: 2_000_000,
            currency: 'JPY',
          },
          { key: 'certified_people', label: 'Certified people', unit: 'count', required: 3 },
          { key: 'registered_deals', label: 'Registered deals', unit: 'count', required: 10 },
          { key: 'customer_satisfaction', label: 'Customer satisfaction', unit: 'score', required: 4.5 },
        ],
      },
    ];
    const { el } = await mountFull({
      tiers,
      certifications: [],
      standing: {
        tier: silver.id,
        closedRevenue: 250_050,
        registeredDeals: 9,
        satisfaction: 4,
        otherCertifiedPeople: 2,
      },
    });
    const left = (label: string) => text(criterion(el, label).querySelector('.left'));
    const of = (label: string) => text(criterion(el, label).querySelector('[part~=meter] span'));
    expect(left('Revenue in euros')).to.equal('€7,499.50 to go');
    expect(of('Revenue in euros')).to.equal('€2,500.50 of €10,000.00');
    expect(left('Revenue in yen')).to.equal('¥1,749,950 to go');
    expect(of('Revenue in yen')).to.equal('¥250,050 of ¥2,000,000');
    expect(left('Certified people')).to.equal('1 more person needed');
    expect(left('Registered deals')).to.equal('1 more deal needed');
    expect(left('Customer satisfaction')).to.equal('0.5 to go');
    expect(of('Customer satisfaction')).to.equal('4.0 of 4.5');
    await expect(el).to.be.accessible();
  });

  it('a score the server rounds to two decimals is shown with them, never rounded up to look met', async () => {
    const { el } = await mountFull({ standing: { satisfaction: 4.46 } });
    const row = criterion(el, 'Customer satisfaction');
    expect(text(row.querySelector('[part~=meter] span'))).to.equal('4.46 of 4.5');
    expect(text(row.querySelector('.left'))).to.equal('0.04 to go');
  });

  it('at the top tier: no next tier, the criteria that keep it, no gains', async () => {
    const { el, api } = await mountFull({
      standing: {
        tier: platinum.id,
        closedRevenue: 600_000_000,
        registeredDeals: 45,
        otherCertifiedPeople: 8,
      },
    });
    const progress = api.callsOf('getTierProgress');
    expect(progress).to.have.length(1);
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Your tier: Platinum');
    expect(stateOf(el)).to.equal('Top tier');
    expect(el.shadowRoot!.querySelector('[part~=state]')!.part.contains('top')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[part~=summary]'))).to.contain(
      'Platinum is the program’s highest tier.',
    );
    expect(text(el.shadowRoot!.querySelector('[part~=criteria] h3'))).to.equal('Criteria to keep Platinum');
    expect(criteria(el)).to.have.length(4);
    expect(criteria(el).every((c) => text(c.querySelector('.left')) === 'Met')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~=gains]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in a grace period: the tier kept until its end date, a countdown, the tier the records qualify for', async () => {
    const ends = inDays(12);
    const { el } = await mountFull({ standing: { closedRevenue: 80_000_000, graceEndsOn: ends } });
    expect(stateOf(el)).to.equal('Grace period');
    expect(el.shadowRoot!.querySelector('[part~=state]')!.part.contains('grace')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[part~=summary]'))).to.contain(
      `You keep Gold until ${longDate(ends)} (in 12 days). Your records now qualify for Silver: meet the Gold requirements again by then to keep it.`,
    );
    // What Gold requires, as the program lists it; the criteria are still the next tier's.
    expect(all(el, '[part~=requirements] li').map((li) => text(li))).to.deep.equal([
      'Closed revenue (trailing 12 months): $1,000,000.00',
      'Certified people: 5',
      'Registered deals (trailing 12 months): 15',
      'Customer satisfaction: 4.0',
    ]);
    expect(text(el.shadowRoot!.querySelector('[part~=criteria] h3'))).to.equal('Criteria for Platinum');
    await expect(el).to.be.accessible();
  });

  it('records that fall below the tier start a grace period of the server’s 90 days', async () => {
    const { el } = await mountFull({ standing: { registeredDeals: 10 } });
    expect(stateOf(el)).to.equal('Grace period');
    expect(text(el.shadowRoot!.querySelector('[part~=summary]'))).to.contain(`(in 90 days)`);
  });

  it('at risk: below the tier without a grace period (a backend that waits for the review)', async () => {
    const { el } = await mountFull({ standingRules: 'at-review', standing: { closedRevenue: 80_000_000 } });
    expect(stateOf(el)).to.equal('At risk');
    expect(el.shadowRoot!.querySelector('[part~=state]')!.part.contains('at-risk')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[part~=summary]'))).to.contain(
      'Your records now qualify for Silver, below Gold. Meet the Gold requirements again to keep it.',
    );
    expect(text(el.shadowRoot!.querySelector('[part~=requirements]'))).to.contain('Certified people: 5');
    await expect(el).to.be.accessible();
  });

  it('qualified for promotion: records above the tier before the backend promotes', async () => {
    const { el } = await mountFull({ standingRules: 'at-review', standing: platinumRecords });
    expect(criteria(el).every((c) => c.part.contains('met'))).to.equal(true);
    expect(stateOf(el)).to.equal('Qualified for promotion');
    expect(el.shadowRoot!.querySelector('[part~=state]')!.part.contains('promotion')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[part~=summary]'))).to.contain(
      'Your records qualify for Platinum.',
    );
    await expect(el).to.be.accessible();
  });

  it('derives the overall state from the server’s fields alone, in order', () => {
    const q = (t: Tier) => ({ active: false, endsOn: null, qualifiedTier: ref(t) });
    expect(tierState(answer())).to.equal('on-track');
    expect(
      tierState(answer({ grace: { active: true, endsOn: '2027-01-01', qualifiedTier: ref(silver) } })),
    ).to.equal('grace');
    expect(tierState(answer({ grace: q(silver) }))).to.equal('at-risk');
    expect(tierState(answer({ nextTier: null, currentTier: ref(platinum), grace: q(platinum) }))).to.equal(
      'top',
    );
    expect(tierState(answer({ nextTier: null, currentTier: ref(platinum), grace: q(gold) }))).to.equal(
      'at-risk',
    );
    expect(tierState(answer({ grace: q(platinum) }))).to.equal('promotion');
    // Every criterion of the next tier met, whatever the backend says it qualifies for.
    const met = answer().criteria.map((c) => ({ ...c, met: true }));
    expect(tierState(answer({ criteria: met }))).to.equal('promotion');
    expect(
      tierState(
        answer({ currentTier: ref(registered), nextTier: ref(silver), criteria: [], grace: q(registered) }),
      ),
    ).to.equal('on-track');
  });

  it('shows what the next tier adds, and every tier’s benefits with the partner’s own highlighted', async () => {
    const tiers = demoTiers.map((t) =>
      t.id === platinum.id
        ? { ...t, benefits: [...t.benefits, { key: 'channel_manager', label: 'Two channel managers' }] }
        : t,
    );
    const { el } = await mountFull({ tiers });
    const gains = el.shadowRoot!.querySelector('[part~=gains]')!;
    expect(text(gains.previousElementSibling)).to.equal('What Platinum adds');
    expect([...gains.children].map((li) => text(li))).to.deep.equal([
      '40% resale discount On every Acme Cloud product.',
      'Joint account planning Co-selling with Acme Cloud account teams.',
      'Partner advisory board seat A voice in the product roadmap.',
      'Two channel managers (instead of Dedicated channel manager)',
    ]);
    const cards = all(el, '[part~=tier]');
    expect(cards.map((c) => text(c.querySelector('h4')))).to.deep.equal([
      'Registered',
      'Silver',
      'Gold (Your tier)',
      'Platinum (Next tier)',
    ]);
    const current = cards.filter((c) => c.getAttribute('aria-current') === 'true');
    expect(current).to.deep.equal([cards[2]]);
    expect(cards[2]!.part.contains('current')).to.equal(true);
    expect(text(cards[0])).to.contain('Partner portal access');
    await expect(el).to.be.accessible();
  });

  it('a program that lists no tiers shows no empty list of them', async () => {
    const { el } = await mountFull({ tiers: [], tierProgress: answer() });
    expect(el.shadowRoot!.querySelector('[part~=tiers]')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[part~=benefits]'))).to.not.contain('Benefits by tier');
    expect(all(el, '[part~=gains] > li')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('refreshes when a certification is earned on the page, and says so when it is a promotion', async () => {
    const { el, client, api, portal } = await mountFull(onePersonShort);
    expect(stateOf(el)).to.equal('On track');
    expect(text(criterion(el, 'Certified people').querySelector('[part~=meter] span'))).to.equal('9 of 10');
    const { certification } = await client.training.completeModule('enr_crs_sales_usr_ada', 'crs_sales_m4');
    // As the training tracker would announce it, from anywhere inside the portal.
    portal.dispatchEvent(
      new CustomEvent('pk-certification-earned', { detail: certification, bubbles: true, composed: true }),
    );
    await waitUntil(() => stateOf(el) === 'Top tier', 'not refreshed to the promotion');
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Your tier: Platinum');
    expect(said(el)).to.equal('You have been promoted to Platinum.');
    expect(api.callsOf('getTierProgress')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('refreshes when a deal is registered on the page, keeping what it shows meanwhile', async () => {
    const { el, api, portal } = await mountFull(
      {},
      html`<pk-tier-progress></pk-tier-progress><pk-deal-registration></pk-deal-registration>`,
    );
    const registration = portal.querySelector('pk-deal-registration')!;
    const deals = () =>
      text(criterion(el, 'Registered deals (trailing 12 months)').querySelector('[part~=meter] span'));
    expect(deals()).to.equal('31 of 40');
    // The first refresh never answers: what was loaded stays in view.
    api.options.latency = { getTierProgress: 'never' };
    await fill(registration, VALID);
    submitButton(registration).click();
    await waitUntil(() => success(registration), 'not registered');
    await waitUntil(() => api.callsOf('getTierProgress').length === 2, 'no refresh');
    await el.updateComplete;
    expect(deals()).to.equal('31 of 40');
    expect(el.shadowRoot!.querySelector('[part~=loading]')).to.equal(null);
    // Another registration announced on the page: the newest refresh wins.
    api.options.latency = 0;
    document.dispatchEvent(new CustomEvent('pk-deal-registered', { detail: api.state.deals[0]! }));
    await waitUntil(() => deals() === '32 of 40', 'not refreshed');
    expect(text(criterion(el, 'Registered deals (trailing 12 months)').querySelector('.left'))).to.equal(
      '8 more deals needed',
    );
    expect(said(el)).to.equal('Tier progress updated.');
    expect(api.callsOf('getTierProgress')[1]!.signal.aborted).to.equal(true);
  });

  it('stops listening when it leaves the page', async () => {
    const { el, api } = await mountFull();
    el.remove();
    document.dispatchEvent(new CustomEvent('pk-certification-earned', { detail: {} as never }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.callsOf('getTierProgress')).to.have.length(1);
  });

  it('links a criterion only to a place the page gave an address for', async () => {
    const { el } = await mountFull();
    expect(all(el, 'a')).to.have.length(0);
    el.trainingHref = '/partners/training';
    await el.updateComplete;
    const links = all(el, 'a');
    expect(links.map((a) => [text(a), a.getAttribute('href')])).to.deep.equal([
      ['Go to training', '/partners/training'],
    ]);
    expect(links[0]!.closest('[part~=criterion]')).to.equal(criterion(el, 'Certified people'));
    el.dealRegistrationHref = '/partners/deals/new';
    el.dealListHref = '/partners/deals';
    await el.updateComplete;
    const where = (label: string) => text(criterion(el, label).querySelector('a')) || null;
    expect(where('Closed revenue (trailing 12 months)')).to.equal('See your registrations');
    expect(where('Registered deals (trailing 12 months)')).to.equal('Register a deal');
    expect(where('Customer satisfaction')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fires a cancelable pk-navigate on a link; the page may route itself or let the browser follow', async () => {
    const { el } = await mountFull(
      {},
      html`<pk-tier-progress training-href="#training" deal-list-href="#deals"></pk-tier-progress>`,
    );
    const seen: PkNavigateDetail[] = [];
    let route = false;
    const onNavigate = (e: CustomEvent<PkNavigateDetail>) => {
      seen.push(e.detail);
      expect(e.cancelable && e.bubbles && e.composed).to.equal(true);
      if (route) e.preventDefault();
    };
    document.addEventListener('pk-navigate', onNavigate);
    const before = location.hash;
    try {
      const training = criterion(el, 'Certified people').querySelector('a')!;
      training.click();
      expect(seen).to.deep.equal([{ place: 'training', href: '#training', reason: 'certified_people' }]);
      expect(location.hash).to.equal('#training');
      route = true;
      history.replaceState(null, '', before || location.pathname + location.search);
      criterion(el, 'Closed revenue (trailing 12 months)').querySelector('a')!.click();
      expect(seen.at(-1)).to.deep.equal({ place: 'deal-list', href: '#deals', reason: 'closed_revenue' });
      expect(location.hash).to.equal(before);
      // A click that opens a new tab is the browser's: no event.
      document.addEventListener('click', (e) => e.preventDefault(), { once: true });
      training.dispatchEvent(
        new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }),
      );
      expect(seen).to.have.length(2);
    } finally {
      document.removeEventListener('pk-navigate', onNavigate);
      history.replaceState(null, '', before || location.pathname + location.search);
    }
  });

  it('works by keyboard: Tab reaches each link in reading order, Enter follows it', async () => {
    const { el } = await mountFull(
      {},
      html`<pk-tier-progress training-href="#t" deal-registration-href="#r" deal-list-href="#l"></pk-tier-progress>`,
    );
    const seen: string[] = [];
    const onNavigate = (e: CustomEvent<PkNavigateDetail>) => {
      seen.push(e.detail.place);
      e.preventDefault();
    };
    document.addEventListener('pk-navigate', onNavigate);
    try {
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(text(el.shadowRoot!.activeElement));
      }
      expect(order).to.deep.equal(['See your registrations', 'Go to training', 'Register a deal']);
      await sendKeys({ press: 'Enter' });
      expect(seen).to.deep.equal(['deal-registration']);
    } finally {
      document.removeEventListener('pk-navigate', onNavigate);
    }
  });

  describe('compact', () => {
    const line = (el: PkTierProgress) => text(el.shadowRoot!.querySelector('[part~=compact]'));

    it('is one line: the tier, the state, progress toward the next; it does not load the tiers', async () => {
      const { el, api } = await mountFull({}, compact);
      expect(line(el)).to.equal('Your tier: Gold On track 1 of 4 criteria for Platinum met');
      const bar = el.shadowRoot!.querySelector('progress')!;
      expect([bar.value, bar.max, bar.getAttribute('aria-label')]).to.deep.equal([
        1,
        4,
        'Criteria for Platinum',
      ]);
      expect(el.shadowRoot!.querySelector('[part~=criteria], [part~=benefits]')).to.equal(null);
      expect(api.callsOf('listTiers')).to.have.length(0);
      const box = el.shadowRoot!.querySelector('[part~=compact]')!.getBoundingClientRect();
      const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight);
      expect(box.height).to.be.below(lineHeight * 2);
      await expect(el).to.be.accessible();
    });

    it('in every state', async () => {
      const ends = inDays(3);
      const cases: [MockApiOptions, string][] = [
        [
          { standing: { closedRevenue: 80_000_000, graceEndsOn: ends } },
          `Your tier: Gold Grace period Until ${longDate(ends)} (in 3 days)`,
        ],
        [
          { standingRules: 'at-review', standing: { closedRevenue: 80_000_000 } },
          'Your tier: Gold At risk Records qualify for Silver',
        ],
        [
          { standingRules: 'at-review', standing: platinumRecords },
          'Your tier: Gold Qualified for promotion Your records qualify for Platinum.',
        ],
        [
          {
            standing: {
              tier: platinum.id,
              closedRevenue: 600_000_000,
              registeredDeals: 45,
              otherCertifiedPeople: 8,
            },
          },
          'Your tier: Platinum Top tier',
        ],
      ];
      for (const [options, expected] of cases) {
        const { el } = await mountFull(options, compact);
        expect(line(el)).to.equal(expected);
        await expect(el).to.be.accessible();
      }
    });

    it('links to the tier details when the page says where they are, and loads the tiers for the full view', async () => {
      const { el, api } = await mountFull(
        {},
        html`<pk-tier-progress compact tier-progress-href="/partners/tier" training-href="#t"></pk-tier-progress>`,
      );
      const links = all(el, 'a');
      expect(links.map((a) => [text(a), a.getAttribute('href')])).to.deep.equal([
        ['Tier details', '/partners/tier'],
      ]);
      el.compact = false;
      await shadow(el, '[part~=tiers]');
      expect(api.callsOf('listTiers')).to.have.length(1);
      expect(all(el, 'a').map((a) => text(a))).to.deep.equal(['Go to training']);
    });
  });

  it('speaks German: strings, numbers, money and dates', async () => {
    const { el } = await mountFull({ locale: 'de-DE', standing: { reviewDate: '2027-03-12' } });
    await waitUntil(() => stateOf(el) === 'Auf Kurs', 'not German');
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Ihre Stufe: Gold');
    expect(text(el.shadowRoot!.querySelector('[part~=summary]'))).to.contain(
      'Nächste Überprüfung: 12.03.2027',
    );
    const revenue = criteria(el)[0]!;
    expect(text(revenue.querySelector('.left'))).to.equal('Noch 1.750.000,00 $');
    expect(text(revenue.querySelector('[part~=meter] span'))).to.equal('3.250.000,00 $ von 5.000.000,00 $');
    expect(text(criteria(el)[1]!.querySelector('.left'))).to.equal('2 weitere Personen nötig');
    expect(text(criteria(el)[3]!.querySelector('[part~=meter] span'))).to.equal('4,6 von 4,5');
    expect(text(el.shadowRoot!.querySelector('[part~=gains]')!.previousElementSibling)).to.equal(
      'Was Platinum zusätzlich bietet',
    );
    await expect(el).to.be.accessible();
  });

  it('mirrors right to left', async () => {
    const { el } = await mountFull({ dir: 'rtl' });
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const row = criteria(el)[0]!;
    const label = row.querySelector('strong')!.getBoundingClientRect();
    const left = row.querySelector('.left')!.getBoundingClientRect();
    expect(label.right).to.be.greaterThan(left.right);
    const bar = row.querySelector('progress')!.getBoundingClientRect();
    const barText = row.querySelector('[part~=meter] span')!.getBoundingClientRect();
    // The text under the bar starts at its right-hand end.
    expect(Math.abs(bar.right - barText.right)).to.be.below(1);
    expect(barText.left).to.be.greaterThan(bar.left + 10);
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark mode', async () => {
    const { el } = await mountFull({ theme: 'dark' });
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('shows markup from the server as text', async () => {
    const evil = '<img src=x onerror="window.__pkOwned=1">';
    const tiers = demoTiers.map((t) => ({
      ...t,
      name: t.id === gold.id ? '<b>Gold</b>' : t.name,
      benefits: t.benefits.map((b) => ({
        ...b,
        label: `<script>alert(1)</script>${b.label}`,
        description: evil,
      })),
      criteria: t.criteria.map((c) => ({ ...c, label: evil })),
    }));
    const { el } = await mountFull({ tiers });
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, b')).to.equal(null);
    expect(text(root.querySelector('h2'))).to.equal('Your tier: <b>Gold</b>');
    expect(text(criteria(el)[0]!.querySelector('strong'))).to.equal(evil);
    expect(text(root.querySelector('[part~=gains] strong'))).to.contain('<script>alert(1)</script>');
    expect((window as { __pkOwned?: number }).__pkOwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
