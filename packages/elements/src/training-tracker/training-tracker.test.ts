import '../define/pk-portal.js';
import '../define/pk-training-tracker.js';
import { expect, html } from '@open-wc/testing';
import type { Certification, Course } from '@partnerkit/api';
import { mount, shadow, text } from '../../test/helpers.js';
import {
  certification,
  demoCertificationDefinitions as defs,
  demoCourses,
  demoMe,
  demoPaths,
  enrollment,
} from '../../test/mock-api.js';
import {
  buttonIn,
  certificationOf,
  certifications,
  courseOf,
  courses,
  inDays,
  loaded,
  said,
} from '../../test/training.js';
import type { PkTrainingTracker } from './training-tracker.js';

const tracker = html`<pk-training-tracker></pk-training-tracker>`;
const now = Date.now();
/** One certification of the caller's, expiring at noon `days` calendar days from today. */
const expiringIn = (days: number, definition = defs.technical!): Certification => ({
  ...certification(definition, demoMe.user, now, days, 'crs_technical'),
  expiresAt: inDays(days),
});
const warning = (card: Element) => card.querySelector('[part~=warning]');
const badge = (card: Element) => text(card.querySelector('[part~=badge]'));

/** Collects console warnings while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string> {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (message: unknown) => seen.push(String(message));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return seen.join('\n');
}

describe('<pk-training-tracker>', () => {
  it('shows a labelled loading state', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker, { latency: 'never' });
    expect(text(await shadow(el, '[part~=loading]'))).to.equal('Loading your training…');
    expect(said(el)).to.equal('Loading your training…');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a support reference and a retry that recovers', async () => {
    const errors: string[] = [];
    const report = (e: CustomEvent<{ operation: string }>) => errors.push(e.detail.operation);
    document.addEventListener('pk-error', report);
    const { el, api } = await mount<PkTrainingTracker>(tracker, {
      fail: { listCourses: { kind: 'server', times: 1 } },
    });
    const error = await shadow(el, '[part~=error]');
    expect(text(error)).to.contain('Something went wrong on our side.');
    expect(text(error)).to.match(/Support reference: req_mock_\d+/);
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await loaded(el);
    expect(courses(el)).to.have.length(4);
    expect(api.callsOf('listCourses')).to.have.length(2);
    document.removeEventListener('pk-error', report);
    expect(errors).to.deep.equal(['training.listCourses']);
  });

  it('says when there are no courses', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker, {
      courses: [],
      learningPaths: [],
      enrollments: [],
      certifications: [],
    });
    expect(text(await shadow(el, '[part~=empty]'))).to.equal('No courses are available to you yet.');
    expect(text(el.shadowRoot!.querySelector('section'))).to.contain(
      'You have not earned a certification yet.',
    );
    expect(el.shadowRoot!.querySelector('[part~=filter]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the courses for the partner type and role, with status, progress and time', async () => {
    const msp = { ...demoCourses[3]!, audience: { partnerTypes: ['msp' as const], roles: [] } };
    const admins = {
      ...demoCourses[2]!,
      id: 'crs_admins',
      title: 'For partner admins',
      audience: { partnerTypes: [], roles: ['partner_admin' as const] },
    };
    const { el, api } = await mount<PkTrainingTracker>(tracker, {
      courses: [...demoCourses.slice(0, 3), msp, admins],
    });
    await loaded(el);
    // A VAR's partner user: not the MSP course, nor the admins' one.
    expect(courses(el).map((c) => text(c.querySelector('h3')))).to.deep.equal([
      'Welcome to the Acme Cloud partner program',
      'Selling Acme Analytics',
      'Acme Analytics for solutions engineers',
    ]);
    expect(courses(el).map(badge)).to.deep.equal(['Completed', 'In progress', 'Not started']);
    const sales = courseOf(el, 'Selling Acme Analytics');
    expect(text(sales)).to.contain('Intermediate · 1 hr 30 min · 15 min left');
    expect(text(sales)).to.contain('Certification: Acme Certified Sales Professional');
    const bar = sales.querySelector('progress')!;
    expect([bar.value, bar.max]).to.deep.equal([3, 4]);
    expect(bar.getAttribute('aria-label')).to.equal('Progress of Selling Acme Analytics');
    expect(bar.getAttribute('aria-valuetext')).to.equal('3 of 4 modules completed (75%)');
    expect(text(sales.querySelector('[part~=meter]'))).to.equal('3 of 4 modules completed (75%)');
    expect(buttonIn(sales, 'Resume')).to.exist;
    const technical = courseOf(el, 'Acme Analytics for solutions engineers');
    expect(text(technical)).to.contain('Advanced · 4 hr 15 min');
    expect(technical.querySelector('progress')).to.equal(null);
    expect(buttonIn(technical, 'Enrol')).to.exist;
    expect(buttonIn(courseOf(el, 'Welcome to the Acme Cloud partner program'), 'Resume')).to.equal(undefined);
    expect(said(el)).to.equal('3 courses shown.');
    expect(api.callsOf('listEnrollments')[0]!.query.get('scope')).to.equal('me');
    expect(api.callsOf('listCertifications')[0]!.query.get('scope')).to.equal('me');
    await expect(el).to.be.accessible();
  });

  it('names the language of a course when it is not the language of the portal', async () => {
    const german = { ...demoCourses[0]!, id: 'crs_de', title: 'Acme Cloud im Überblick', language: 'de-DE' };
    const { el } = await mount<PkTrainingTracker>(tracker, { courses: [demoCourses[1]!, german] });
    await loaded(el);
    expect(text(courseOf(el, 'Acme Cloud im Überblick').querySelector('.muted'))).to.equal(
      'Beginner · German (Germany) · 40 min',
    );
    expect(text(courseOf(el, 'Selling Acme Analytics').querySelector('.muted'))).to.equal(
      'Intermediate · 1 hr 30 min · 15 min left',
    );
  });

  it('shows the learning paths with the share of their courses completed', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker);
    await loaded(el);
    const paths = [...el.shadowRoot!.querySelectorAll('[part~=path]')];
    expect(paths.map((p) => text(p.querySelector('h3')))).to.deep.equal(['Sales', 'Technical']);
    expect(text(paths[0]!.querySelector('[part~=meter]'))).to.equal('1 of 2 courses completed');
    expect(text(paths[1]!.querySelector('[part~=meter]'))).to.equal('1 of 3 courses completed');
    expect(text(paths[1])).to.contain('Certification: Acme Certified Solutions Engineer');
  });

  it('shows each certification with its dates and the tier criteria it counts toward', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker, { certifications: [expiringIn(200)] });
    await loaded(el);
    const card = certificationOf(el, 'Acme Certified Solutions Engineer');
    expect(badge(card)).to.equal('Active');
    expect(text(card)).to.match(/Earned .+ · valid until .+/);
    expect(warning(card)).to.equal(null);
    // The server's numbers: 4 other certified people and the caller; Platinum is the next tier.
    expect([...card.querySelectorAll('[part~=counts] li')].map(text)).to.deep.equal([
      '+1 certified person for Silver',
      '+1 certified person for Gold',
      '+1 of 10 certified people for Platinum (5 now)',
    ]);
    await expect(el).to.be.accessible();
  });

  describe('renewal window', () => {
    const mountWith = (days: number[], attribute = '') =>
      mount<PkTrainingTracker>(
        attribute ? html`<pk-training-tracker renewal-window=${attribute}></pk-training-tracker>` : tracker,
        {
          certifications: days.map((d, i) => ({
            ...expiringIn(d, [defs.technical!, defs.sales!, defs.security!][i]),
          })),
        },
      );
    const warned = (el: PkTrainingTracker) =>
      certifications(el).map((c) => (warning(c) ? badge(c) : `no warning, ${badge(c)}`));

    it('warns 60 days ahead by default: exactly at the window and inside it, not outside', async () => {
      const { el } = await mountWith([60, 59, 61]);
      await loaded(el);
      expect(warned(el)).to.deep.equal(['Renew soon', 'Renew soon', 'no warning, Active']);
      expect(text(warning(certifications(el)[0]!))).to.equal('Renew it: it expires in 60 days.');
      await expect(el).to.be.accessible();
    });

    it('takes a window of its own from renewal-window', async () => {
      const { el } = await mountWith([90, 89, 91], '90');
      await loaded(el);
      expect(el.renewalWindow).to.equal(90);
      expect(warned(el)).to.deep.equal(['Renew soon', 'Renew soon', 'no warning, Active']);
      el.renewalWindow = 0;
      await el.updateComplete;
      expect(warned(el)).to.deep.equal(['no warning, Active', 'no warning, Active', 'no warning, Active']);
    });

    it('warns about a bad renewal-window and falls back to 60 days', async () => {
      for (const bad of ['soon', '-1', '7.5', '5000']) {
        let el!: PkTrainingTracker;
        const said = await warnings(async () => {
          ({ el } = await mountWith([60, 61], bad));
          await loaded(el);
        });
        expect(said, bad).to.contain(
          '<pk-training-tracker>: renewal-window must be a whole number of days from 0 to 3650; using 60.',
        );
        expect(el.renewalWindow).to.equal(60);
        expect(warned(el)).to.deep.equal(['Renew soon', 'no warning, Active']);
      }
    });
  });

  it('marks an expired certification, which no longer counts toward any tier', async () => {
    const expired = expiringIn(-3, defs.security);
    const { el } = await mount<PkTrainingTracker>(tracker, {
      certifications: [expired, expiringIn(200)],
    });
    await loaded(el);
    const card = certificationOf(el, 'Acme Shield Security Specialist');
    expect(badge(card)).to.equal('Expired');
    expect(text(card)).to.match(/Earned .+ · expired .+/);
    expect(text(card)).to.contain('It no longer counts toward any tier.');
    expect(card.querySelector('[part~=counts]')).to.equal(null);
    expect(warning(card)).to.equal(null);
    // Tier progress counts the caller once, for the certification still valid: 4 + 1.
    expect(text(certificationOf(el, 'Acme Certified Solutions Engineer'))).to.contain(
      '+1 of 10 certified people for Platinum (5 now)',
    );
    await expect(el).to.be.accessible();
  });

  it('still shows the certifications when tier progress fails, and reports it', async () => {
    const errors: string[] = [];
    document.addEventListener('pk-error', (e) => errors.push(e.detail.operation), { once: true });
    const { el } = await mount<PkTrainingTracker>(tracker, {
      certifications: [expiringIn(200)],
      fail: { getTierProgress: 'server' },
    });
    await loaded(el);
    expect([...certifications(el)[0]!.querySelectorAll('[part~=counts] li')].map(text)).to.deep.equal([
      '+1 certified person for Silver',
      '+1 certified person for Gold',
      '+1 certified person for Platinum',
    ]);
    expect(errors).to.deep.equal(['tiers.progress']);
    await expect(el).to.be.accessible();
  });

  it('shows markup from the server as text', async () => {
    const evil = '<img src=x onerror="window.__pwnedTraining=1">';
    const course: Course = { ...demoCourses[1]!, title: evil, description: `<b>${evil}</b>` };
    const { el } = await mount<PkTrainingTracker>(tracker, {
      courses: [course],
      learningPaths: [{ ...demoPaths[0]!, name: evil, description: evil }],
      certifications: [{ ...expiringIn(30), name: evil }],
    });
    await loaded(el);
    expect(text(courses(el)[0]!.querySelector('h3'))).to.equal(evil);
    expect(text(certifications(el)[0]!.querySelector('h3'))).to.equal(evil);
    expect(text(el.shadowRoot!.querySelector('[part~=path] h3'))).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { __pwnedTraining?: number }).__pwnedTraining).to.equal(undefined);
  });

  it('keeps the enrolments of courses outside its audience, and shows the newest enrolment', async () => {
    const msp = { ...demoCourses[3]!, audience: { partnerTypes: ['msp' as const], roles: [] } };
    const old = { ...enrollment(demoMe, msp, 3, now - 400 * 86_400_000), id: 'enr_old' };
    const renewed = { ...enrollment(demoMe, msp, 1, now), id: 'enr_new' };
    const { el } = await mount<PkTrainingTracker>(tracker, {
      courses: [msp],
      enrollments: [renewed, old],
    });
    await loaded(el);
    expect(courses(el)).to.have.length(1);
    expect(badge(courses(el)[0]!)).to.equal('In progress');
  });
});
