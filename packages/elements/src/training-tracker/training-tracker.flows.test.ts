// What a partner does with the tracker: enrol, resume, complete modules (and so earn a
// certification), renew, filter and search, by mouse and by keyboard alone.
import '../define/pk-portal.js';
import '../define/pk-training-tracker.js';
import { expect, html, oneEvent } from '@open-wc/testing';
import type { Certification, Enrollment, ModuleCompletion } from '@partnerkit/api';
import { sendKeys } from '@web/test-runner-commands';
import { mount, text, waitUntil } from '../../test/helpers.js';
import {
  certification,
  DAY,
  demoCertificationDefinitions as defs,
  demoCourses,
  demoMe,
  demoPaths,
  enrollment,
} from '../../test/mock-api.js';
import { buttonIn, certificationOf, courseOf, courses, loaded, said } from '../../test/training.js';
import type { PkTrainingTracker } from './training-tracker.js';

const tracker = html`<pk-training-tracker></pk-training-tracker>`;
const SALES = 'Selling Acme Analytics';
const TECHNICAL = 'Acme Analytics for solutions engineers';
const focused = (el: PkTrainingTracker) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The text of the element that labels or describes `el` (a module's title for its button). */
const describedBy = (root: PkTrainingTracker, el: Element | null) =>
  text(root.shadowRoot!.getElementById(el?.getAttribute('aria-describedby') ?? ''));
const titles = (el: PkTrainingTracker) => courses(el).map((c) => text(c.querySelector('h3')));

/** Records the `pk-*` events of the training, in order. */
function record(el: Element) {
  const events: { type: string; detail: unknown }[] = [];
  for (const type of ['pk-enrolled', 'pk-module-completed', 'pk-certification-earned'] as const)
    el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  return events;
}

describe('<pk-training-tracker> flows', () => {
  it('enrols once, even on a double click, then opens the modules at the first one', async () => {
    const { el, api } = await mount<PkTrainingTracker>(tracker, { latency: { enroll: 50 } });
    await loaded(el);
    const events = record(el);
    const enrol = buttonIn(courseOf(el, TECHNICAL), 'Enrol')!;
    enrol.click();
    enrol.click();
    await el.updateComplete;
    expect(enrol.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => events.length === 1, 'not enrolled');
    await waitUntil(() => focused(el)?.textContent?.trim() === 'Mark as complete', 'no module focused');
    expect(api.callsOf('enroll')).to.have.length(1);
    expect(api.callsOf('enroll')[0]!.body).to.deep.equal({ courseId: 'crs_technical' });
    const enrolled = events[0]!.detail as Enrollment;
    expect(events[0]!.type).to.equal('pk-enrolled');
    expect(enrolled.courseId).to.equal('crs_technical');
    expect(describedBy(el, focused(el))).to.equal('Architecture and deployment options');
    const card = courseOf(el, TECHNICAL);
    expect(text(card.querySelector('[part~=badge]'))).to.equal('Not started');
    expect(buttonIn(card, 'Start')).to.exist;
    expect(card.querySelector('[aria-expanded]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(said(el)).to.equal(`Enrolled in ${TECHNICAL}.`);
    await expect(el).to.be.accessible();
  });

  it('keeps focus on the course when it has no module to do', async () => {
    const empty = {
      ...demoCourses[0]!,
      id: 'crs_empty',
      title: 'Coming soon',
      modules: [],
      durationMinutes: 0,
    };
    const { el } = await mount<PkTrainingTracker>(tracker, { courses: [empty], enrollments: [] });
    await loaded(el);
    buttonIn(courseOf(el, 'Coming soon'), 'Enrol')!.click();
    await waitUntil(() => focused(el)?.id === 'd-crs_empty', 'focus was lost');
    expect(text(focused(el))).to.equal('0 modules');
    await expect(el).to.be.accessible();
  });

  it('resumes at the next unfinished module', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker);
    await loaded(el);
    const card = courseOf(el, SALES);
    const toggle = card.querySelector('[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('m-crs_sales');
    buttonIn(card, 'Resume')!.click();
    await waitUntil(() => focused(el)?.id === 'b-crs_sales_m4', 'the next module is not focused');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const modules = [...card.querySelectorAll('[part~=module]')].map(text);
    expect(modules).to.have.length(4);
    expect(modules[0]).to.equal('Who buys analytics, and why 20 min Completed');
    expect(modules[3]).to.equal('Assessment 15 min Mark as complete');
    expect(el.shadowRoot!.getElementById('m-crs_sales')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('completes the last module, shows the certification it grants and fires the events in order', async () => {
    const { el, api } = await mount<PkTrainingTracker>(tracker, { certifications: [] });
    await loaded(el);
    expect(text(el.shadowRoot!.querySelector('section'))).to.contain(
      'You have not earned a certification yet.',
    );
    const events = record(el);
    buttonIn(courseOf(el, SALES), 'Resume')!.click();
    await waitUntil(() => focused(el)?.id === 'b-crs_sales_m4', 'not resumed');
    focused(el)!.click();
    await waitUntil(() => events.length === 2, 'no certification');
    expect(events.map((e) => e.type)).to.deep.equal(['pk-module-completed', 'pk-certification-earned']);
    const completion = events[0]!.detail as ModuleCompletion;
    const earned = events[1]!.detail as Certification;
    expect(completion.enrollment.status).to.equal('completed');
    expect(completion.certification).to.deep.equal(earned);
    expect(earned.name).to.equal('Acme Certified Sales Professional');
    await waitUntil(() => focused(el)?.getAttribute('part') === 'earned', 'the certification is not focused');
    expect(text(focused(el))).to.match(
      /^Certification earned: Acme Certified Sales Professional, valid until .+\.$/,
    );
    expect(said(el)).to.equal(text(focused(el)));
    const card = courseOf(el, SALES);
    expect(text(card.querySelector('[part~=badge]'))).to.equal('Completed');
    expect(card.querySelector('progress')!.value).to.equal(4);
    expect(buttonIn(card, 'Resume')).to.equal(undefined);
    // The certification is in the list, and tier progress was asked again: 4 others and the caller.
    await waitUntil(() => api.callsOf('getTierProgress').length === 2, 'tier progress not refreshed');
    await waitUntil(
      () =>
        text(certificationOf(el, 'Acme Certified Sales Professional')).includes(
          '+1 of 10 certified people for Platinum (5 now)',
        ),
      'the tier criterion does not count the new certification',
    );
    await expect(el).to.be.accessible();
  });

  it('fires pk-enrolled, pk-module-completed and pk-certification-earned in order through a whole course', async () => {
    const { el, api } = await mount<PkTrainingTracker>(tracker, { certifications: [] });
    await loaded(el);
    const events = record(el);
    buttonIn(courseOf(el, 'Acme Shield security specialist'), 'Enrol')!.click();
    for (const n of [1, 2, 3]) {
      await waitUntil(() => focused(el)?.id === `b-crs_security_m${n}`, `module ${n} not focused`);
      focused(el)!.click();
    }
    await waitUntil(() => events.length === 5, 'not all events');
    expect(events.map((e) => e.type)).to.deep.equal([
      'pk-enrolled',
      'pk-module-completed',
      'pk-module-completed',
      'pk-module-completed',
      'pk-certification-earned',
    ]);
    expect(api.callsOf('completeModule').map((c) => c.path.split('/').at(-2))).to.deep.equal([
      'crs_security_m1',
      'crs_security_m2',
      'crs_security_m3',
    ]);
    expect((events[3]!.detail as ModuleCompletion).certification!.name).to.equal(
      'Acme Shield Security Specialist',
    );
  });

  it('completes a module without a certification and moves focus on', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker);
    await loaded(el);
    const events = record(el);
    buttonIn(courseOf(el, TECHNICAL), 'Enrol')!.click();
    await waitUntil(() => focused(el)?.id === 'b-crs_technical_m1', 'not enrolled');
    focused(el)!.click();
    await waitUntil(() => focused(el)?.id === 'b-crs_technical_m2', 'focus did not move on');
    expect(said(el)).to.equal('Architecture and deployment options: 1 of 5 modules completed (20%)');
    expect(events.map((e) => e.type)).to.deep.equal(['pk-enrolled', 'pk-module-completed']);
    expect(text(courseOf(el, TECHNICAL).querySelector('[part~=badge]'))).to.equal('In progress');
  });

  it('retries a completion whose answer was lost with the same key, completing once', async () => {
    const { el, api } = await mount<PkTrainingTracker>(tracker, {
      fail: { completeModule: { kind: 'network', times: 1, afterProcessing: true } },
    });
    await loaded(el);
    const events = record(el);
    buttonIn(courseOf(el, SALES), 'Resume')!.click();
    await waitUntil(() => focused(el)?.id === 'b-crs_sales_m4', 'not resumed');
    focused(el)!.click();
    const card = courseOf(el, SALES);
    const module = el.shadowRoot!.getElementById('b-crs_sales_m4')!.closest('li')!;
    await waitUntil(() => module.querySelector('[role=alert]'), 'no error beside the module');
    expect(text(module.querySelector('[role=alert]'))).to.contain('The server could not be reached.');
    expect(said(el)).to.equal('The server could not be reached. Check your connection and try again.');
    expect(events).to.deep.equal([]);
    expect(focused(el)?.id).to.equal('b-crs_sales_m4');
    await expect(el).to.be.accessible();
    focused(el)!.click();
    await waitUntil(() => events.length === 2, 'not completed');
    const calls = api.callsOf('completeModule');
    expect(calls).to.have.length(2);
    expect(calls[1]!.idempotencyKey).to.equal(calls[0]!.idempotencyKey);
    expect(calls[1]!.replayed).to.equal(true);
    expect(card.querySelector('[role=alert]')).to.equal(null);
    expect(
      api.state.certifications.filter((c) => c.definitionId === 'cert_sales' && c.userId === demoMe.user.id),
    ).to.have.length(1);
  });

  for (const [kind, status, same] of [
    ['server', 500, true],
    ['permission', 403, false],
  ] as const) {
    it(`${same ? 'keeps' : 'renews'} the enrolment key after a ${kind} failure (${same ? 'outcome unknown' : 'refused'})`, async () => {
      const { el, api } = await mount<PkTrainingTracker>(tracker, { fail: { enroll: { kind, times: 1 } } });
      await loaded(el);
      const card = courseOf(el, TECHNICAL);
      buttonIn(card, 'Enrol')!.click();
      await waitUntil(() => card.querySelector('[role=alert]'), 'no error');
      expect(text(card.querySelector('[role=alert]'))).to.contain(
        same ? 'Something went wrong on our side.' : 'You do not have permission to do this.',
      );
      buttonIn(card, 'Enrol')!.click();
      await waitUntil(() => focused(el)?.id === 'b-crs_technical_m1', 'not enrolled');
      expect(card.querySelector('[role=alert]')).to.equal(null);
      const [first, second] = api.callsOf('enroll');
      expect([first!.status, second!.status]).to.deep.equal([status, 201]);
      expect(second!.idempotencyKey === first!.idempotencyKey).to.equal(same);
    });
  }

  it('renews an expiring certification: enrols again in its completed course', async () => {
    const technical = demoCourses[2]!;
    const { el, api } = await mount<PkTrainingTracker>(tracker, {
      enrollments: [enrollment(demoMe, technical, 5, Date.now() - 700 * DAY)],
      certifications: [certification(defs.technical!, demoMe.user, Date.now(), 20, 'crs_technical')],
    });
    await loaded(el);
    expect(text(courseOf(el, TECHNICAL).querySelector('[part~=badge]'))).to.equal('Completed');
    const card = certificationOf(el, 'Acme Certified Solutions Engineer');
    const renew = buttonIn(card, 'Renew')!;
    expect(describedBy(el, renew)).to.equal(TECHNICAL);
    renew.click();
    await waitUntil(() => focused(el)?.id === 'b-crs_technical_m1', 'not resumed');
    expect(api.callsOf('enroll')[0]!.status).to.equal(201);
    expect(api.state.enrollments.filter((e) => e.courseId === 'crs_technical')).to.have.length(2);
    expect(text(courseOf(el, TECHNICAL).querySelector('[part~=badge]'))).to.equal('Not started');
  });

  it('filters by status and learning path, and searches what is loaded', async () => {
    const { el, api } = await mount<PkTrainingTracker>(tracker);
    await loaded(el);
    const calls = api.calls.length;
    const [status, path] = [...el.shadowRoot!.querySelectorAll('select')];
    const search = el.shadowRoot!.querySelector('input')!;
    const choose = async (select: HTMLSelectElement, value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose(status!, 'in_progress');
    expect(titles(el)).to.deep.equal([SALES]);
    expect(said(el)).to.equal('1 course shown.');
    await choose(status!, '');
    await choose(path!, 'path_technical');
    // In the path's order.
    expect(titles(el)).to.deep.equal([
      'Welcome to the Acme Cloud partner program',
      TECHNICAL,
      'Acme Shield security specialist',
    ]);
    search.value = 'PROOF of concept';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([TECHNICAL]);
    await choose(status!, 'completed');
    expect(courses(el)).to.have.length(0);
    expect(text(el.shadowRoot!.querySelector('[part~=empty] p'))).to.equal(
      'No course matches these filters.',
    );
    expect(said(el)).to.equal('0 courses shown.');
    await expect(el).to.be.accessible();
    buttonIn(el.shadowRoot!.querySelector('[part~=empty]')!, 'Clear filters')!.click();
    await el.updateComplete;
    expect(courses(el)).to.have.length(4);
    expect([status!.value, path!.value, search.value]).to.deep.equal(['', '', '']);
    expect(focused(el)).to.equal(status);
    expect(api.calls.length).to.equal(calls);
  });

  it('works by keyboard alone: filter, search, open modules, resume and complete', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker, { certifications: [] });
    await loaded(el);
    const search = el.shadowRoot!.querySelector('input')!;
    search.focus();
    await sendKeys({ type: 'selling' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([SALES]);
    await sendKeys({ press: 'Tab' }); // Resume
    expect(text(focused(el))).to.equal('Resume');
    await sendKeys({ press: 'Tab' }); // the modules' disclosure
    const toggle = focused(el)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'b-crs_sales_m4', 'not resumed');
    const earned = oneEvent(el, 'pk-certification-earned');
    await sendKeys({ press: 'Enter' });
    await earned;
    await waitUntil(() => focused(el)?.getAttribute('part') === 'earned', 'the certification is not focused');
  });

  it('speaks German', async () => {
    const { el } = await mount<PkTrainingTracker>(tracker, { locale: 'de' });
    await loaded(el);
    await el.updateComplete;
    const sales = courseOf(el, SALES);
    expect(text(sales.querySelector('[part~=badge]'))).to.equal('In Bearbeitung');
    expect(text(sales)).to.contain('Fortgeschrittene · Englisch · 1 Std. 30 Min. · noch 15 Min.');
    expect(text(sales.querySelector('[part~=meter]'))).to.equal('3 von 4 Modulen abgeschlossen (75 %)');
    expect(buttonIn(sales, 'Fortsetzen')).to.exist;
    const cert = certificationOf(el, 'Acme Certified Solutions Engineer');
    expect(text(cert.querySelector('[part~=badge]'))).to.equal('Bald erneuern');
    expect(text(cert.querySelector('[part~=warning]'))).to.equal(
      'Erneuern Sie sie: Sie läuft in 30 Tagen ab.',
    );
    expect(text(cert)).to.match(/Erworben am \d+\.\d+\.\d+ · gültig bis \d+\.\d+\.\d+/);
    expect(text(certificationOf(el, 'Acme Shield Security Specialist'))).to.contain(
      'Sie zählt für keine Stufe mehr.',
    );
    expect(text(cert)).to.contain('+1 von 10 zertifizierten Personen für Platinum (derzeit 8)');
    expect([...el.shadowRoot!.querySelectorAll('h2')].map(text)).to.deep.equal([
      'Ihre Zertifizierungen',
      'Lernpfade',
      'Kurse',
    ]);
    await expect(el).to.be.accessible();
  });

  it('fits a narrow column and stays accessible with many long courses, right to left and dark', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...demoCourses[i % 4]!,
      id: `crs_many_${i}`,
      title: i % 3 ? `Course ${i}` : `${demoCourses[i % 4]!.title} for partners in every region `.repeat(3),
    }));
    const { el: column } = await mount<HTMLElement>(
      html`<div style="max-inline-size: 22rem">${tracker}</div>`,
      {
        courses: many,
        learningPaths: demoPaths.map((p) => ({
          ...p,
          name: `${p.name} ${'Zusammenarbeitsvereinbarung '.repeat(6)}`,
        })),
        enrollments: many.slice(0, 10).map((c, i) => enrollment(demoMe, c, i % 4, Date.now())),
        dir: 'rtl',
        theme: 'dark',
      },
    );
    const el = column.querySelector('pk-training-tracker')!;
    await loaded(el);
    expect(courses(el)).to.have.length(30);
    expect(getComputedStyle(courses(el)[0]!).direction).to.equal('rtl');
    buttonIn(courses(el)[1]!, 'Resume')!.click();
    await el.updateComplete;
    // A phone-wide column: nothing sticks out sideways, not even a long learning path's name.
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    await expect(el).to.be.accessible();
  });
});
