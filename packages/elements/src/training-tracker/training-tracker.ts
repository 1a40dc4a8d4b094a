import type {
  Certification,
  Course,
  CourseModule,
  Enrollment,
  LearningPath,
  Me,
  ModuleCompletion,
  PartnerScope,
  TierProgress,
} from '@partnerkit/api';
import { newIdempotencyKey, type WriteOptions } from '@partnerkit/sdk';
import { html, type TemplateResult } from 'lit';
import { cards } from '../internal/cards.js';
import { PkElement } from '../internal/element.js';
import type { PkErrorDetail } from '../internal/events.js';
import { outcomeUnknown } from '../internal/form.js';
import { countdown, days, duration, language, percent } from '../internal/format.js';
import { Catalog } from '../internal/i18n.js';
import { Load } from '../internal/load.js';
import { meter, meterStyles } from '../internal/meter.js';
import { badge, choice, toggled } from '../internal/parts.js';
import { base } from '../internal/styles.js';
import en from './strings/en.js';
import { trainingStyles } from './training-tracker.styles.js';

const catalog = new Catalog(en, () => import('./strings/de.js'));

/** A course's status for the caller. */
export type CourseStatus = keyof typeof en.course;
const STATUSES = Object.keys(en.course) as CourseStatus[];

/** Whether an audience includes the caller, as the server decides it: an empty list is everyone. */
const fits = ({ partnerTypes, roles }: PartnerScope, { partner, user }: Me) =>
  !partner ||
  ((!partnerTypes.length || partnerTypes.includes(partner.type)) &&
    (!roles.length || roles.includes(user.role as 'partner_user')));

/** The name of a course's language in `locale` ("German"), when it is not the language of `locale`. */
const otherLanguage = (locale: string, tag: string): string | undefined =>
  tag.split('-')[0]!.toLowerCase() === locale.split('-')[0]!.toLowerCase()
    ? undefined
    : language(locale, tag);

const statusOf = (e: Enrollment | undefined): CourseStatus =>
  e?.status === 'completed' ? 'completed' : e?.completedModuleIds.length ? 'in_progress' : 'not_started';

/** The first module of the course the enrolment has not completed. */
const nextModule = (c: Course, e: Enrollment): CourseModule | undefined =>
  c.modules.find((m) => !e.completedModuleIds.includes(m.id));

const NO_FILTER = { status: '', path: '', search: '' } as const;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * @tagname pk-training-tracker
 * @summary The caller's training: learning paths and courses for their partner type and role,
 * progress and time left per course, enrolment, resuming at the next unfinished module, module
 * completion, and the certifications earned with their expiry, renewal warnings and the tier
 * requirements they count toward.
 *
 * @attr renewal-window - Days before expiry from which a certification shows a renewal warning (default 60).
 *
 * @event pk-enrolled - The caller enrolled in a course; `detail` is the `Enrollment`.
 * @event pk-module-completed - A module was completed; `detail` is the `ModuleCompletion` (the enrolment, and the certification it granted or `null`).
 * @event pk-certification-earned - Completing a course granted a certification; `detail` is the `Certification`. Fired after `pk-module-completed`.
 * @event pk-error - A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`.
 *
 * @csspart certifications - The list of certifications.
 * @csspart certification - One certification.
 * @csspart warning - The renewal warning of a certification.
 * @csspart counts - The tier requirements a certification counts toward.
 * @csspart paths - The list of learning paths.
 * @csspart path - One learning path.
 * @csspart filter - The status and learning-path filters and the search.
 * @csspart courses - The list of courses.
 * @csspart course - One course.
 * @csspart badge - The status of a course or certification (text and symbol, not colour alone).
 * @csspart meter - A progress bar with its text.
 * @csspart modules - The modules of a course, when shown.
 * @csspart module - One module.
 * @csspart earned - The notice of a certification just earned.
 * @csspart button - Every button.
 * @csspart status - The loading, empty and error states.
 *
 * @cssproperty --pk-training-background - Background of the component.
 * @cssproperty --pk-training-border-color - Border of each course, path and certification.
 */
export class PkTrainingTracker extends PkElement {
  static override styles = [base, cards, meterStyles, trainingStyles];
  static override properties = {
    renewalWindow: { type: Number, attribute: 'renewal-window' },
    open: { state: true },
    busy: { state: true },
    said: { state: true },
    status: { state: true },
    path: { state: true },
    search: { state: true },
  };

  /** Days before expiry from which a certification shows a renewal warning. */
  renewalWindow = 60;

  /** Ids of the courses whose modules are shown. */
  private open = new Set<string>();
  /** The writes under way, by their key (`e` + course id, `c` + enrolment id / module id). */
  private busy = new Set<string>();
  /** The last announcement for screen readers. */
  private said = '';
  /** The filters and the search over the courses loaded. */
  private status: CourseStatus | '' = '';
  private path = '';
  private search = '';

  #paths: LearningPath[] = [];
  /** The courses for the caller's partner type and role, and any they are enrolled in. */
  #courses: Course[] = [];
  /** The caller's newest enrolment in each course, by course id. */
  #enrollments = new Map<string, Enrollment>();
  #certifications: Certification[] = [];
  #progress?: TierProgress | undefined;
  /** Failed writes, by where they were asked for: `e` + course id, `r` + certification id, or the module. */
  #problems = new Map<string, PkErrorDetail>();
  /** Certifications just earned, by the course that granted them. */
  #earned = new Map<string, Certification>();
  /** Idempotency keys of writes whose outcome is unknown, kept for the next attempt. */
  #keys = new Map<string, string>();

  readonly #data = new Load(
    this,
    async (signal) => {
      const { client, me } = this.portal!;
      const t = client.training;
      const o = { signal };
      const [who, paths, courses, enrollments, certifications, progress] = await this.all([
        [me(), 'me.get'],
        [t.listLearningPaths({}, o), 'training.listLearningPaths'],
        [collect(t.listAllCourses({ limit: 100 }, o)), 'training.listCourses'],
        [collect(t.listAllEnrollments({ scope: 'me', limit: 100 }, o)), 'training.listEnrollments'],
        [collect(t.listAllCertifications({ scope: 'me', limit: 100 }, o)), 'training.listCertifications'],
        // Without tier progress the certifications still show the tiers they count toward.
        [
          client.tiers.progress({}, o).catch((e: unknown) => {
            this.fail(e, 'tiers.progress');
            return undefined;
          }),
          'tiers.progress',
        ],
      ]);
      this.#enrollments.clear();
      for (const e of enrollments) {
        const known = this.#enrollments.get(e.courseId);
        if (!known || Date.parse(e.enrolledAt) > Date.parse(known.enrolledAt))
          this.#enrollments.set(e.courseId, e);
      }
      this.#paths = paths;
      this.#courses = courses.filter((c) => fits(c.audience, who) || this.#enrollments.has(c.id));
      this.#certifications = certifications;
      this.#progress = progress;
      this.said = this.strings(catalog).shown(this.format.number(this.#courses.length));
    },
    () => this.portal && [this.portal.client],
  );

  protected override willUpdate(): void {
    const w = this.renewalWindow;
    if (w == null || !(Number.isInteger(w) && w >= 0 && w <= 3650)) {
      if (w != null)
        console.warn(
          `<pk-training-tracker>: renewal-window must be a whole number of days from 0 to 3650; using 60.`,
        );
      this.renewalWindow = 60;
    }
  }

  /** The courses the filters and the search let through, in the path's order when one is chosen. */
  #shown(): Course[] {
    const q = this.search.trim().toLocaleLowerCase(this.locale);
    const path = this.#paths.find((p) => p.id === this.path);
    const courses = path
      ? path.courseIds.flatMap((id) => this.#courses.filter((c) => c.id === id))
      : this.#courses;
    return courses.filter(
      (c) =>
        (!this.status || statusOf(this.#enrollments.get(c.id)) === this.status) &&
        `${c.title} ${c.description}`.toLocaleLowerCase(this.locale).includes(q),
    );
  }

  #filter(change: { status?: CourseStatus | ''; path?: string; search?: string }): void {
    Object.assign(this, change);
    this.said = this.strings(catalog).shown(this.format.number(this.#shown().length));
  }

  #clear(): void {
    this.#filter(NO_FILTER);
    this.focusLater('select');
  }

  /** Shows the course's modules (and the course, if a filter hid it) and focuses the next one to do. */
  async #resume(c: Course): Promise<void> {
    if (!this.#shown().includes(c)) this.#filter(NO_FILTER);
    this.open = new Set(this.open).add(c.id);
    const e = this.#enrollments.get(c.id);
    const next = e && nextModule(c, e);
    // A course without modules to do has none to focus: its disclosure button then.
    await this.focusLater(next ? `#b-${next.id}` : `#d-${c.id}`);
  }

  /**
   * Sends a write once: a second click while it is under way does nothing, and every attempt
   * sends the same idempotency key while the outcome is unknown. A failure shows at `place`, beside
   * the button that asked for it (which is the retry).
   */
  async #write<R>(
    key: string,
    place: string,
    operation: string,
    send: (options: WriteOptions) => Promise<R>,
    done: (result: R) => void,
  ): Promise<void> {
    if (this.busy.has(key)) return;
    this.busy = new Set(this.busy).add(key);
    const idempotencyKey = this.#keys.get(key) ?? newIdempotencyKey();
    this.#keys.set(key, idempotencyKey);
    try {
      const result = await send({ idempotencyKey });
      this.#keys.delete(key);
      this.#problems.delete(place);
      done(result);
    } catch (error) {
      const d = this.fail(error, operation);
      if (!outcomeUnknown(d)) this.#keys.delete(key);
      this.#problems.set(place, d);
      this.said = this.errorMessage(d);
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
    }
  }

  /** The failure of the last write asked for at `place`, if it failed. */
  #problem(place: string): TemplateResult | string {
    const error = this.#problems.get(place);
    return error ? this.failure(error) : '';
  }

  #enroll(c: Course, place = `e${c.id}`): void {
    this.#write(
      `e${c.id}`,
      place,
      'training.enroll',
      (o) => this.portal!.client.training.enroll({ courseId: c.id }, o),
      (e) => {
        this.#enrollments.set(c.id, e);
        this.#earned.delete(c.id);
        this.said = this.strings(catalog).enrolled(c.title);
        this.emit('pk-enrolled', e);
        this.#resume(c);
      },
    );
  }

  #complete(c: Course, e: Enrollment, m: CourseModule): void {
    this.#write(
      `c${e.id}/${m.id}`,
      `c${e.id}/${m.id}`,
      'training.completeModule',
      (o) => this.portal!.client.training.completeModule(e.id, m.id, o),
      (r: ModuleCompletion) => {
        const t = this.strings(catalog);
        const { enrollment, certification: granted } = r;
        this.#enrollments.set(c.id, enrollment);
        const next = nextModule(c, enrollment);
        this.said = `${m.title}: ${this.#done(c, enrollment, t)}`;
        this.emit('pk-module-completed', r);
        if (granted) {
          this.#certifications = [
            granted,
            ...this.#certifications.filter((x) => x.definitionId !== granted.definitionId),
          ];
          this.#earned.set(c.id, granted);
          this.said = t.earned(granted.name, this.format.date(granted.expiresAt));
          this.emit('pk-certification-earned', granted);
          // The certified people of the tier criterion have changed: the server's numbers again.
          this.portal!.client.tiers.progress().then(
            (p) => {
              this.#progress = p;
              this.requestUpdate();
            },
            (error: unknown) => this.fail(error, 'tiers.progress'),
          );
        }
        this.focusLater(granted ? `#g-${c.id}` : next ? `#b-${next.id}` : `#d-${c.id}`);
      },
    );
  }

  #certification(x: Certification, t: typeof en): TemplateResult {
    const fmt = this.format;
    const expired = x.status === 'expired' || Date.parse(x.expiresAt) <= Date.now();
    const warn = !expired && days(x.expiresAt) <= this.renewalWindow;
    const state = expired ? 'expired' : warn ? 'expiring' : 'active';
    const course = this.#courses.find((c) => c.id === x.courseId);
    const p = this.#progress;
    const criterion = p?.criteria.find((k) => k.key === 'certified_people');
    const measured = (p?.nextTier ?? p?.currentTier)?.id;
    return html`<li part="certification" class="card"><div class="top"><h3>${x.name}</h3>
${badge(state, t.cert[state], state === 'expired' ? 'bad' : undefined)}</div>
<p class="muted">${t.dates(fmt.date(x.earnedAt), fmt.date(x.expiresAt), expired)}</p>
${warn ? html`<p part="warning">${t.renewBy(countdown(this.locale, x.expiresAt))}</p>` : ''}
${
  expired
    ? html`<p>${t.noLongerCounts}</p>`
    : x.countsToward.length
      ? html`<ul part="counts">${x.countsToward.map(
          (tier) =>
            html`<li>${criterion && tier.id === measured ? t.countsOf(tier.name, fmt.number(criterion.current), fmt.number(criterion.required)) : t.countsFor(tier.name)}</li>`,
        )}</ul>`
      : ''
}
${
  // The server lets a completed course start over once its certification is expiring or expired.
  course && (warn || expired) && x.status !== 'active'
    ? html`<div class="actions"><button part="button" type="button" aria-describedby="k-${x.id}" aria-disabled=${this.busy.has(`e${course.id}`)} @click=${() => this.#enroll(course, `r${x.id}`)}>${t.renew}</button><span class="sr" id="k-${x.id}">${course.title}</span></div>${this.#problem(`r${x.id}`)}`
    : ''
}</li>`;
  }

  /** How much of the course the enrolment has done, in words: "2 of 4 modules completed (50%)". */
  #done(c: Course, e: Enrollment, t: typeof en): string {
    const n = this.format.number;
    const done = c.modules.filter((m) => e.completedModuleIds.includes(m.id)).length;
    return t.modulesDone(n(done), n(c.modules.length), percent(this.locale, e.progress));
  }

  #module(c: Course, e: Enrollment | undefined, m: CourseModule, t: typeof en): TemplateResult {
    const done = e?.completedModuleIds.includes(m.id);
    return html`<li part="module"><span id="t-${m.id}">${m.title}</span>
<span class="muted">${duration(this.locale, m.durationMinutes)}</span>
${
  done
    ? badge('completed', t.course.completed)
    : e
      ? html`<button part="button" type="button" id="b-${m.id}" aria-describedby="t-${m.id}" aria-disabled=${this.busy.has(`c${e.id}/${m.id}`)} @click=${() => this.#complete(c, e, m)}>${t.complete}</button>${this.#problem(`c${e.id}/${m.id}`)}`
      : ''
}</li>`;
  }

  #course(c: Course, t: typeof en): TemplateResult {
    const fmt = this.format;
    const locale = this.locale;
    const e = this.#enrollments.get(c.id);
    const status = statusOf(e);
    const total = c.modules.length;
    const done = c.modules.filter((m) => e?.completedModuleIds.includes(m.id));
    const left = c.durationMinutes - done.reduce((sum, m) => sum + m.durationMinutes, 0);
    const open = this.open.has(c.id);
    const next = e && nextModule(c, e);
    const earned = this.#earned.get(c.id);
    const action = (label: string, click: () => void) =>
      html`<button part="button" class="primary" type="button" aria-describedby="h-${c.id}" aria-disabled=${this.busy.has(`e${c.id}`)} @click=${click}>${label}</button>`;
    return html`<li part="course" class="card"><div class="top"><h3 id="h-${c.id}">${c.title}</h3>
${badge(status, t.course[status])}</div>
<p class="muted">${[t.level[c.level], otherLanguage(locale, c.language), duration(locale, c.durationMinutes), status === 'in_progress' && t.left(duration(locale, left))].filter(Boolean).join(' · ')}</p>
<p>${c.description}</p>
${c.certification ? html`<p>${t.leadsTo(c.certification.name)}</p>` : ''}
${e ? meter(done.length, total, t.progress(c.title), this.#done(c, e, t)) : ''}
${earned ? html`<p part="earned" id="g-${c.id}" tabindex="-1">${t.earned(earned.name, fmt.date(earned.expiresAt))}</p>` : ''}
${this.#problem(`e${c.id}`)}
<div class="actions">${!e ? action(t.enroll, () => this.#enroll(c)) : next ? action(done.length ? t.resume : t.start, () => this.#resume(c)) : ''}<button part="button" type="button" id="d-${c.id}" aria-expanded=${open} aria-controls="m-${c.id}" @click=${() => (this.open = toggled(this.open, c.id))}>${t.modules(fmt.number(total))}</button></div>
${open ? html`<ol part="modules" id="m-${c.id}" aria-labelledby="h-${c.id}">${c.modules.map((m) => this.#module(c, e, m, t))}</ol>` : ''}</li>`;
  }

  #renderPaths(t: typeof en): TemplateResult | string {
    const n = this.format.number;
    const paths = this.#paths.map((p) => {
      const ids = p.courseIds.filter((id) => this.#courses.some((c) => c.id === id));
      const done = ids.filter((id) => this.#enrollments.get(id)?.status === 'completed').length;
      return html`<li part="path" class="card"><h3>${p.name}</h3><p>${p.description}</p>
${meter(done, ids.length, t.progress(p.name), t.coursesDone(n(done), n(ids.length)))}
${p.certification ? html`<p>${t.leadsTo(p.certification.name)}</p>` : ''}</li>`;
    });
    return paths.length
      ? html`<section aria-labelledby="ph"><h2 id="ph">${t.paths}</h2><ul part="paths">${paths}</ul></section>`
      : '';
  }

  #renderCourses(t: typeof en): TemplateResult {
    if (!this.#courses.length) return html`<p part="status empty">${t.empty}</p>`;
    const shown = this.#shown();
    return html`<div part="filter">${choice(
      t.status,
      ['', ...STATUSES].map((s) => [s, s ? t.course[s as CourseStatus] : t.all]),
      this.status,
      (status) => this.#filter({ status: status as CourseStatus }),
    )}
${this.#paths.length ? choice(t.path, [['', t.all], ...this.#paths.map((p) => [p.id, p.name] as const)], this.path, (path) => this.#filter({ path })) : ''}
<label>${t.search} <input type="search" .value=${this.search} @input=${(e: Event) => this.#filter({ search: (e.target as HTMLInputElement).value })}></label></div>
${
  shown.length
    ? html`<ul part="courses">${shown.map((c) => this.#course(c, t))}</ul>`
    : html`<div part="status empty"><p>${t.noMatch}</p><button part="button" type="button" @click=${this.#clear}>${t.clear}</button></div>`
}`;
  }

  protected override render() {
    const t = this.strings(catalog);
    return html`<div>${this.present(this.#data, t.loading, () => [
      html`<section aria-labelledby="ch"><h2 id="ch">${t.certifications}</h2>
${this.#certifications.length ? html`<ul part="certifications">${this.#certifications.map((x) => this.#certification(x, t))}</ul>` : html`<p class="muted">${t.noCertifications}</p>`}</section>
${this.#renderPaths(t)}
<section aria-labelledby="kh"><h2 id="kh">${t.courses}</h2>${this.#renderCourses(t)}</section>`,
      this.said,
    ])}</div>`;
  }
}
