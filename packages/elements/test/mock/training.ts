// The training domain of the mock API: learning paths, courses with their modules, the caller's
// enrolments (enrolling again in a completed course starts over only to renew an expiring or
// expired certification), module completion (which grants a certification when a certification
// course is done) and the certifications of the caller's organisation, with the tiers each counts
// toward. Tier progress (mock/tiers.ts) counts its certified people from the certifications stored
// here, so completing a course in a story or a test moves the tier criterion, as the reference
// server does.
import type {
  Certification,
  CertificationDefinition,
  Course,
  Enrollment,
  LearningPath,
  Me,
  PartnerScope,
  Tier,
  TierRef,
} from '@partnerkit/api';
import { DAY, fieldError, isObject, type MockContext, notFound, page, Reply, type Route } from './core.js';
import { countsFor, demoTiers, type TiersOptions } from './tiers.js';

export type TrainingOperation =
  | 'listLearningPaths'
  | 'listCourses'
  | 'listEnrollments'
  | 'enroll'
  | 'completeModule'
  | 'listCertifications';

export interface TrainingOptions {
  /** The program's learning paths (default {@link demoPaths}). */
  learningPaths?: LearningPath[];
  /** Every course (default {@link demoCourses}). */
  courses?: Course[];
  /**
   * The caller's enrolments at the start (default {@link demoEnrollments}), or a function of the
   * caller and the clock that makes them (a story's caller has an id of its own).
   */
  enrollments?: Enrollment[] | ((me: Me, now: number) => Enrollment[]);
  /** The organisation's certifications at the start (default {@link demoCertifications}), or a function as above. */
  certifications?: Certification[] | ((me: Me, now: number) => Certification[]);
}

export interface TrainingState {
  enrollments: Enrollment[];
  certifications: Certification[];
}

const everyone: PartnerScope = {
  partnerTypes: ['reseller', 'var', 'isv', 'si', 'msp', 'referral', 'marketplace'],
  roles: ['partner_user', 'partner_admin'],
};

/**
 * The tiers a certification of `definitionId` counts toward, as the server says: those whose
 * `certified_people` criterion counts it, lowest first; none once it has expired.
 */
export const countsToward = (definitionId: string, tiers: Tier[], expired: boolean): TierRef[] =>
  expired
    ? []
    : [...tiers]
        .sort((a, b) => a.rank - b.rank)
        .filter((t) => t.criteria.some((k) => countsFor(k, definitionId)))
        .map(({ id, name, rank }) => ({ id, name, rank }));

export const demoCertificationDefinitions: Record<string, CertificationDefinition> = {
  sales: { id: 'cert_sales', name: 'Acme Certified Sales Professional', validityMonths: 24 },
  technical: { id: 'cert_technical', name: 'Acme Certified Solutions Engineer', validityMonths: 24 },
  security: { id: 'cert_security', name: 'Acme Shield Security Specialist', validityMonths: 12 },
};

const modules = (courseId: string, titles: [string, number][]) =>
  titles.map(([title, durationMinutes], position) => ({
    id: `${courseId}_m${position + 1}`,
    title,
    durationMinutes,
    position,
  }));

const course = (
  id: string,
  title: string,
  description: string,
  level: Course['level'],
  titles: [string, number][],
  certification: CertificationDefinition | null,
  audience: PartnerScope = everyone,
): Course => {
  const mods = modules(id, titles);
  return {
    id,
    title,
    description,
    level,
    language: 'en',
    durationMinutes: mods.reduce((sum, m) => sum + m.durationMinutes, 0),
    audience,
    modules: mods,
    certification,
  };
};

export const demoCourses: Course[] = [
  course(
    'crs_onboarding',
    'Welcome to the Acme Cloud partner program',
    'How the program works: tiers, deal registration, MDF and where to find help.',
    'beginner',
    [
      ['The partner program at a glance', 10],
      ['Registering your first deal', 15],
      ['Funds, assets and co-branding', 15],
    ],
    null,
  ),
  course(
    'crs_sales',
    'Selling Acme Analytics',
    'Discovery questions, value messaging and handling the five objections customers raise most.',
    'intermediate',
    [
      ['Who buys analytics, and why', 20],
      ['Discovery that finds the budget', 30],
      ['Objections and answers', 25],
      ['Assessment', 15],
    ],
    demoCertificationDefinitions.sales!,
  ),
  course(
    'crs_technical',
    'Acme Analytics for solutions engineers',
    'Architecture, data connectors, sizing and a proof of concept in a week.',
    'advanced',
    [
      ['Architecture and deployment options', 45],
      ['Connectors and data modelling', 60],
      ['Sizing and performance', 40],
      ['Running a proof of concept', 50],
      ['Lab assessment', 60],
    ],
    demoCertificationDefinitions.technical!,
  ),
  course(
    'crs_security',
    'Acme Shield security specialist',
    'Threat models, policy design and incident response with Acme Shield.',
    'advanced',
    [
      ['Threat models', 40],
      ['Policy design', 50],
      ['Incident response', 45],
    ],
    demoCertificationDefinitions.security!,
    { partnerTypes: ['msp', 'si', 'var'], roles: ['partner_user', 'partner_admin'] },
  ),
];

export const demoPaths: LearningPath[] = [
  {
    id: 'path_sales',
    name: 'Sales',
    description: 'From the program basics to the sales certification.',
    audience: everyone,
    courseIds: ['crs_onboarding', 'crs_sales'],
    certification: demoCertificationDefinitions.sales!,
  },
  {
    id: 'path_technical',
    name: 'Technical',
    description: 'Design, deploy and secure Acme Cloud for your customers.',
    audience: everyone,
    courseIds: ['crs_onboarding', 'crs_technical', 'crs_security'],
    certification: demoCertificationDefinitions.technical!,
  },
];

/** An enrolment of `me` in `course` with its first `done` modules completed. */
export function enrollment(me: Me, c: Course, done: number, at: number): Enrollment {
  const completed = c.modules.slice(0, done).map((m) => m.id);
  const complete = c.modules.length > 0 && completed.length === c.modules.length;
  return {
    id: `enr_${c.id}_${me.user.id}`,
    courseId: c.id,
    userId: me.user.id,
    userName: me.user.name,
    status: complete ? 'completed' : completed.length ? 'in_progress' : 'enrolled',
    completedModuleIds: completed,
    progress: c.modules.length ? completed.length / c.modules.length : 0,
    enrolledAt: new Date(at - 40 * DAY).toISOString(),
    completedAt: complete ? new Date(at - 10 * DAY).toISOString() : null,
    lastActivityAt: new Date(at - 2 * DAY).toISOString(),
  };
}

/** The caller has finished onboarding, is one module short of the sales certification. */
export const demoEnrollments = (me: Me, now: number): Enrollment[] => [
  enrollment(me, demoCourses[0]!, 3, now),
  enrollment(me, demoCourses[1]!, 3, now),
];

/** Whether a certification of `expiresAt` is active, expiring (within 60 days) or expired. */
export const certificationStatus = (expiresAt: string, now: number): Certification['status'] => {
  const left = Date.parse(expiresAt) - now;
  return left <= 0 ? 'expired' : left <= 60 * DAY ? 'expiring' : 'active';
};

/**
 * A certification of `definition` held by `user`, expiring in `left` days (earned its validity
 * before that), counting toward the tiers of `tiers` as the server computes it.
 */
export function certification(
  definition: CertificationDefinition,
  user: { id: string; name: string },
  now: number,
  left: number,
  courseId: string,
  tiers: Tier[] = demoTiers,
): Certification {
  const expiresAt = new Date(now + left * DAY).toISOString();
  const status = certificationStatus(expiresAt, now);
  return {
    id: `crt_${definition.id}_${user.id}`,
    definitionId: definition.id,
    name: definition.name,
    userId: user.id,
    userName: user.name,
    courseId,
    earnedAt: new Date(now + left * DAY - definition.validityMonths * 30 * DAY).toISOString(),
    expiresAt,
    status,
    countsToward: countsToward(definition.id, tiers, status === 'expired'),
  };
}

/**
 * The organisation's certifications: the caller's technical one expires in 30 days (a renewal
 * warning), its security one has expired; three colleagues hold active ones.
 */
export const demoCertifications = (me: Me, now: number): Certification[] => {
  const d = demoCertificationDefinitions;
  return [
    certification(d.technical!, me.user, now, 30, 'crs_technical'),
    certification(d.security!, me.user, now, -20, 'crs_security'),
    certification(d.sales!, { id: 'usr_bo', name: 'Bo Andersson' }, now, 400, 'crs_sales'),
    certification(d.technical!, { id: 'usr_chen', name: 'Chen Wei' }, now, 210, 'crs_technical'),
    certification(d.sales!, { id: 'usr_dana', name: 'Dana Okafor' }, now, 95, 'crs_sales'),
  ];
};

/** The initial training state of a mock API. */
export function trainingState(options: TrainingOptions, now: number, me: Me): TrainingState {
  const { enrollments = demoEnrollments, certifications = demoCertifications } = options;
  return {
    enrollments: typeof enrollments === 'function' ? enrollments(me, now) : [...enrollments],
    certifications: typeof certifications === 'function' ? certifications(me, now) : [...certifications],
  };
}

type Context = MockContext<TrainingOptions & TiersOptions, TrainingState>;

const coursesOf = ({ options }: Context) => options.courses ?? demoCourses;
/** Whether an audience includes the caller, as the server decides it: an empty list is everyone. */
const fits = (scope: PartnerScope, me: Me) =>
  !me.partner ||
  me.user.role === 'vendor_admin' ||
  ((!scope.partnerTypes.length || scope.partnerTypes.includes(me.partner.type)) &&
    (!scope.roles.length || scope.roles.includes(me.user.role as 'partner_user')));
/** Certifications as of now: their status, and so the tiers they count toward, follow the clock. */
const current = (c: Context, list: Certification[]) =>
  list.map((x) => {
    const status = certificationStatus(x.expiresAt, c.now());
    return {
      ...x,
      status,
      countsToward: countsToward(x.definitionId, c.options.tiers ?? demoTiers, status === 'expired'),
    };
  });
/** The caller's newest enrolment in a course, as the server picks it. */
const latest = (c: Context, courseId: string) =>
  c.state.enrollments
    .filter((e) => e.courseId === courseId && e.userId === c.me().user.id)
    .sort(
      (a, b) =>
        Number(!!a.completedAt) - Number(!!b.completedAt) ||
        (b.completedAt ?? '').localeCompare(a.completedAt ?? '') ||
        b.id.localeCompare(a.id),
    )[0];

export const trainingRoutes: Route<TrainingOperation, TrainingOptions & TiersOptions, TrainingState>[] = [
  {
    method: 'GET',
    path: /^\/v1\/learning-paths$/,
    operation: 'listLearningPaths',
    handle: (c, { query }) => {
      const all = c.options.learningPaths ?? demoPaths;
      const every = query.get('all') === 'true';
      return new Reply(200, { items: every ? all : all.filter((p) => fits(p.audience, c.me())) });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/courses$/,
    operation: 'listCourses',
    handle: (c, { query }) => {
      const pathId = query.get('pathId');
      const courses = coursesOf(c);
      if (!pathId) return page(courses, query);
      const path = (c.options.learningPaths ?? demoPaths).find((p) => p.id === pathId);
      if (!path) return page([], query);
      return page(
        path.courseIds.map((id) => courses.find((x) => x.id === id)).filter((x) => x !== undefined),
        query,
      );
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/enrollments$/,
    operation: 'listEnrollments',
    handle: (c, { query }) => {
      const mine = (query.get('scope') ?? 'me') === 'me';
      // Newest first, as the server orders them.
      return page(
        c.state.enrollments
          .filter((e) => !mine || e.userId === c.me().user.id)
          .sort((a, b) => b.enrolledAt.localeCompare(a.enrolledAt) || b.id.localeCompare(a.id)),
        query,
      );
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/enrollments$/,
    operation: 'enroll',
    handle: (c, { body }) => {
      if (!isObject(body) || typeof body.courseId !== 'string' || !body.courseId) {
        return fieldError('/courseId', 'required', 'is required');
      }
      const found = coursesOf(c).find((x) => x.id === body.courseId);
      if (!found) return notFound();
      const me = c.me();
      const existing = latest(c, found.id);
      // A completed course starts over only to renew its certification once it is expiring or
      // has expired (the server's 60 days); otherwise enrolling again answers the enrolment there is.
      const held =
        existing?.completedAt && found.certification
          ? c.state.certifications.find(
              (x) => x.definitionId === found.certification!.id && x.userId === me.user.id,
            )
          : undefined;
      if (existing && (!held || certificationStatus(held.expiresAt, c.now()) === 'active')) {
        return new Reply(200, existing);
      }
      const base = enrollment(me, found, 0, c.now());
      const created = {
        ...base,
        id: existing ? `${base.id}_${c.sequence()}` : base.id,
        enrolledAt: new Date(c.now()).toISOString(),
      };
      created.lastActivityAt = created.enrolledAt;
      c.state.enrollments.push(created);
      return new Reply(201, created);
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/enrollments\/([A-Za-z0-9_-]+)\/modules\/([A-Za-z0-9_-]+)\/completion$/,
    operation: 'completeModule',
    handle: (c, _call, [id, moduleId]) => {
      const me = c.me();
      const index = c.state.enrollments.findIndex((e) => e.id === id && e.userId === me.user.id);
      const found = c.state.enrollments[index];
      const crs = found && coursesOf(c).find((x) => x.id === found.courseId);
      if (!found || !crs?.modules.some((m) => m.id === moduleId)) return notFound();
      const at = new Date(c.now()).toISOString();
      const done = new Set([...found.completedModuleIds, moduleId!]);
      const completedModuleIds = crs.modules.filter((m) => done.has(m.id)).map((m) => m.id);
      const complete = completedModuleIds.length === crs.modules.length;
      const updated: Enrollment = {
        ...found,
        completedModuleIds,
        progress: completedModuleIds.length / crs.modules.length,
        status: complete ? 'completed' : 'in_progress',
        completedAt: found.completedAt ?? (complete ? at : null),
        lastActivityAt: at,
      };
      c.state.enrollments[index] = updated;
      // Completing a certification course grants (or renews) the certification, once.
      let granted: Certification | null = null;
      if (complete && !found.completedAt && crs.certification) {
        const def = crs.certification;
        granted = {
          ...certification(def, me.user, c.now(), def.validityMonths * 30, crs.id, c.options.tiers),
          earnedAt: at,
        };
        c.state.certifications = [
          granted,
          ...c.state.certifications.filter((x) => !(x.definitionId === def.id && x.userId === me.user.id)),
        ];
      }
      return new Reply(200, { enrollment: updated, certification: granted });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/certifications$/,
    operation: 'listCertifications',
    handle: (c, { query }) => {
      const mine = query.get('scope') === 'me';
      return page(
        current(
          c,
          c.state.certifications.filter((x) => !mine || x.userId === c.me().user.id),
        ),
        query,
      );
    },
  },
];
