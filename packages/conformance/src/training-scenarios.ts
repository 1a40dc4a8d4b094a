// Training: learning paths and courses are listed with their modules; enrolling is idempotent;
// completing every module of a certification course grants the certification with its expiry;
// a partner never sees another's enrolments or certifications; lists page without repeats; bad
// input is a 400 naming the field.
//
// The suite cannot create courses: it needs one course that grants a certification in
// `GET /v1/courses`. Its learners are new partner users, one per scenario and run, signed in with
// session tokens the vendor key mints, so every run starts from no enrolments.
import type { Certification, Course, Enrollment } from '@partnerkit/api';
import type { PartnerkitClient } from '@partnerkit/sdk';
import { type Context, check, checkEqual, expectError, fieldPointers, show } from './context.js';
import type { Scenario } from './scenarios.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The course that grants a certification with the fewest modules (two or more if there is one). */
async function certificationCourse(ctx: Context): Promise<Course & { certification: object }> {
  const courses = (await ctx.courses()).filter((c) => c.certification !== null && c.modules.length > 0);
  check(courses.length > 0, 'needs a course that grants a certification in GET /v1/courses, found none');
  const rank = (c: Course) => (c.modules.length >= 2 ? c.modules.length : 1000 + c.modules.length);
  return [...courses].sort((a, b) => rank(a) - rank(b))[0] as Course & { certification: object };
}

async function allEnrollments(
  client: PartnerkitClient,
  scope: 'me' | 'organization',
  limit = 100,
): Promise<Enrollment[]> {
  const found: Enrollment[] = [];
  for await (const e of client.training.listAllEnrollments({ scope, limit })) found.push(e);
  return found;
}

async function allCertifications(
  client: PartnerkitClient,
  scope: 'me' | 'organization',
): Promise<Certification[]> {
  const found: Certification[] = [];
  for await (const c of client.training.listAllCertifications({ scope, limit: 100 })) found.push(c);
  return found;
}

/** `at` plus `months` calendar months. */
function addMonths(at: number, months: number): number {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

function checkFresh(enrollment: Enrollment, courseId: string, userId: string, what: string): void {
  checkEqual(enrollment.courseId, courseId, `${what}: courseId`);
  checkEqual(enrollment.userId, userId, `${what}: userId`);
  checkEqual(enrollment.status, 'enrolled', `${what}: status`);
  checkEqual(enrollment.progress, 0, `${what}: progress`);
  checkEqual(enrollment.completedModuleIds.length, 0, `${what}: completed modules`);
  checkEqual(enrollment.completedAt, null, `${what}: completedAt`);
  check(
    Math.abs(Date.parse(enrollment.enrolledAt) - Date.now()) < 10 * MINUTE,
    `${what}: enrolledAt ${enrollment.enrolledAt} is not now`,
  );
}

export const trainingScenarios: Scenario[] = [
  {
    name: 'training: learning paths and courses are listed with their modules and certifications',
    async run(ctx) {
      const courses = await ctx.courses();
      const ids = courses.map((c) => c.id);
      checkEqual(new Set(ids).size, ids.length, 'distinct course ids');
      for (const course of courses) {
        const moduleIds = course.modules.map((m) => m.id);
        checkEqual(new Set(moduleIds).size, moduleIds.length, `distinct module ids in ${course.id}`);
      }
      await certificationCourse(ctx);

      const all = await ctx.partner.training.listLearningPaths({ all: true });
      const tailored = await ctx.partner.training.listLearningPaths();
      const allIds = new Set(all.map((p) => p.id));
      for (const path of tailored) {
        check(allIds.has(path.id), `the tailored path ${path.id} is not among all paths`);
      }
      const known = new Set(ids);
      for (const path of all) {
        for (const id of path.courseIds) {
          check(known.has(id), `learning path ${path.id} names course ${id}, which GET /v1/courses lacks`);
        }
      }
      const path = all.find((p) => p.courseIds.length > 0);
      if (path) {
        const inPath: string[] = [];
        for await (const c of ctx.partner.training.listAllCourses({ pathId: path.id, limit: 2 })) {
          inPath.push(c.id);
        }
        checkEqual(
          inPath.join(),
          path.courseIds.join(),
          `GET /v1/courses?pathId=${path.id} against the path's courseIds`,
        );
      }
    },
  },
  {
    name: 'training: enrolling is idempotent, and the enrolment is the learner’s own',
    async run(ctx) {
      const learner = await ctx.learner('enrol');
      const course = (await ctx.courses())[0]!;
      const first = await learner.client.raw.POST('/v1/enrollments', {
        body: { courseId: course.id },
        headers: { 'Idempotency-Key': `conformance-${ctx.run}-enrol` },
      });
      checkEqual(first.response.status, 201, 'POST /v1/enrollments status for a new enrolment');
      check(first.data, 'no enrolment in the answer');
      const enrollment = first.data;
      checkFresh(enrollment, course.id, learner.user.id, 'a new enrolment');

      const replay = await learner.client.raw.POST('/v1/enrollments', {
        body: { courseId: course.id },
        headers: { 'Idempotency-Key': `conformance-${ctx.run}-enrol` },
      });
      checkEqual(replay.data?.id, enrollment.id, 'the replayed enrolment’s id');
      checkEqual(replay.response.headers.get('Idempotent-Replayed'), 'true', 'Idempotent-Replayed header');
      const again = await learner.client.raw.POST('/v1/enrollments', { body: { courseId: course.id } });
      checkEqual(again.response.status, 200, 'status of enrolling again with a new key');
      checkEqual(again.data?.id, enrollment.id, 'the enrolment of enrolling again');

      const mine = await allEnrollments(learner.client, 'me');
      checkEqual(
        mine.filter((e) => e.courseId === course.id).length,
        1,
        `the learner's enrolments in ${course.id}`,
      );
      checkEqual(mine.length, 1, "the new learner's enrolments");
      const admins = await allEnrollments(ctx.partner, 'me');
      check(
        !admins.some((e) => e.id === enrollment.id),
        "the learner's enrolment is in the partner admin's own (scope=me) list",
      );
      const organisation = await allEnrollments(ctx.partner, 'organization');
      check(
        organisation.some((e) => e.id === enrollment.id),
        "the learner's enrolment is not in the partner admin's scope=organization list",
      );
      await expectError(
        learner.client.training.listEnrollments({ scope: 'organization' }),
        403,
        'forbidden',
        "a partner user listing the organisation's enrolments",
      );
    },
  },
  {
    name: 'training: completing every module of a certification course grants the certification with an expiry',
    async run(ctx) {
      const learner = await ctx.learner('certify');
      const course = await certificationCourse(ctx);
      const definition = course.certification as { id: string; validityMonths: number };
      const enrollment = await learner.client.training.enroll({ courseId: course.id });
      checkFresh(enrollment, course.id, learner.user.id, 'the enrolment');
      const modules = [...course.modules].sort((a, b) => a.position - b.position);

      for (const [i, module] of modules.slice(0, -1).entries()) {
        const done = await learner.client.training.completeModule(enrollment.id, module.id);
        const what = `after module ${i + 1} of ${modules.length}`;
        checkEqual(done.certification, null, `${what}: certification`);
        checkEqual(done.enrollment.status, 'in_progress', `${what}: status`);
        checkEqual(done.enrollment.completedModuleIds.length, i + 1, `${what}: completed modules`);
        check(
          done.enrollment.completedModuleIds.includes(module.id),
          `${what}: completedModuleIds lacks ${module.id}`,
        );
        check(
          Math.abs(done.enrollment.progress - (i + 1) / modules.length) < 0.005,
          `${what}: progress ${done.enrollment.progress}, expected ${(i + 1) / modules.length}`,
        );
        checkEqual(done.enrollment.completedAt, null, `${what}: completedAt`);
      }
      if (modules.length > 1) {
        // A retried completion (same Idempotency-Key) replays the first answer.
        const key = `conformance-${ctx.run}-complete`;
        const path = '/v1/enrollments/{id}/modules/{moduleId}/completion' as const;
        const params = { path: { id: enrollment.id, moduleId: modules[0]!.id } };
        const once = await learner.client.raw.POST(path, { params, headers: { 'Idempotency-Key': key } });
        const twice = await learner.client.raw.POST(path, { params, headers: { 'Idempotency-Key': key } });
        checkEqual(twice.response.status, once.response.status, 'status of a replayed completion');
        checkEqual(
          twice.response.headers.get('Idempotent-Replayed'),
          'true',
          'Idempotent-Replayed header of a replayed completion',
        );
        checkEqual(
          twice.data?.enrollment.completedModuleIds.length,
          modules.length - 1,
          'completed modules after a replayed completion',
        );
        const repeat = await learner.client.training.completeModule(enrollment.id, modules[0]!.id);
        checkEqual(
          repeat.enrollment.completedModuleIds.length,
          modules.length - 1,
          'completed modules after completing the first module again',
        );
        checkEqual(repeat.certification, null, 'certification after completing a module again');
        const early = await allCertifications(learner.client, 'me');
        check(early.length === 0, `a certification before the last module: ${show(early)}`);
      }
      await expectError(
        learner.client.training.completeModule(enrollment.id, `missing-${ctx.run}`),
        404,
        'not_found',
        'completing a module the course does not have',
      );

      const before = Date.now();
      const last = await learner.client.training.completeModule(enrollment.id, modules.at(-1)!.id);
      checkEqual(last.enrollment.status, 'completed', 'status after the last module');
      checkEqual(last.enrollment.progress, 1, 'progress after the last module');
      checkEqual(last.enrollment.completedModuleIds.length, modules.length, 'completed modules at the end');
      check(last.enrollment.completedAt, 'completedAt is null after the last module');
      const granted = last.certification;
      check(granted, 'completing every module of a certification course granted no certification');
      checkEqual(granted.definitionId, definition.id, 'the certification’s definitionId');
      checkEqual(granted.courseId, course.id, 'the certification’s courseId');
      checkEqual(granted.userId, learner.user.id, 'the certification’s userId');
      check(
        Math.abs(Date.parse(granted.earnedAt) - before) < 10 * MINUTE,
        `earnedAt ${granted.earnedAt} is not now`,
      );
      const expected = addMonths(Date.parse(granted.earnedAt), definition.validityMonths);
      check(
        Math.abs(Date.parse(granted.expiresAt) - expected) <= 3 * DAY,
        `expiresAt ${granted.expiresAt} is not ${definition.validityMonths} months after earnedAt ${granted.earnedAt}`,
      );
      check(granted.status !== 'expired', 'a certification earned now is expired');
      if (Date.parse(granted.expiresAt) - Date.now() > 61 * DAY) {
        checkEqual(granted.status, 'active', 'status of a certification far from its expiry');
      }

      const after = await learner.client.training.completeModule(enrollment.id, modules.at(-1)!.id);
      checkEqual(after.certification, null, 'certification after completing the last module again');
      const mine = await allCertifications(learner.client, 'me');
      checkEqual(mine.length, 1, "the learner's certifications");
      checkEqual(mine[0]!.id, granted.id, "the learner's certification id");
      checkEqual(mine[0]!.expiresAt, granted.expiresAt, "the listed certification's expiresAt");
      const organisation = await allCertifications(ctx.partner, 'organization');
      check(
        organisation.some((c) => c.id === granted.id),
        "the learner's certification is not in the partner admin's organisation list",
      );
    },
  },
  {
    name: "training: another partner never sees a partner's enrolments or certifications",
    async run(ctx) {
      const learner = await ctx.learner('isolation');
      const course = await certificationCourse(ctx);
      const enrollment = await learner.client.training.enroll({ courseId: course.id });
      let granted: Certification | null = null;
      for (const module of course.modules) {
        granted = (await learner.client.training.completeModule(enrollment.id, module.id)).certification;
      }
      check(granted, 'completing the certification course granted no certification');
      const mine = await allEnrollments(ctx.partner, 'organization');
      check(
        mine.some((e) => e.id === enrollment.id),
        "the learner's enrolment is not in its own partner admin's list",
      );

      await expectError(
        ctx.other.training.completeModule(enrollment.id, course.modules[0]!.id),
        404,
        'not_found',
        "the other partner completing a module of the learner's enrolment",
      );
      for (const e of await allEnrollments(ctx.other, 'organization')) {
        check(e.id !== enrollment.id, "the partner's enrolment is in the other partner's list");
        check(
          e.userId !== learner.user.id,
          "the other partner's list holds an enrolment of the partner's user",
        );
      }
      for (const c of await allCertifications(ctx.other, 'organization')) {
        check(c.id !== granted.id, "the partner's certification is in the other partner's list");
        check(
          c.userId !== learner.user.id,
          "the other partner's list holds a certification of the partner's user",
        );
      }
      const outsider = await ctx.learner('isolation', 'other');
      for (const e of await allEnrollments(outsider.client, 'me')) {
        check(e.id !== enrollment.id, "the partner's enrolment is in another partner's user's list");
      }
      for (const c of await allCertifications(outsider.client, 'organization')) {
        check(c.id !== granted.id, "the partner's certification is in another partner's user's list");
      }
    },
  },
  {
    name: 'training: courses and enrolments page through without repeats',
    async run(ctx) {
      const courses = await ctx.courses();
      const seen = new Set<string>();
      let pages = 0;
      for (let cursor: string | undefined, i = 0; i < 1000; i++) {
        const page = await ctx.partner.training.listCourses({ limit: 2, ...(cursor ? { cursor } : {}) });
        pages++;
        check(page.items.length <= 2, `a page of limit 2 held ${page.items.length} courses`);
        for (const c of page.items) {
          check(!seen.has(c.id), `GET /v1/courses yielded ${c.id} twice at limit 2`);
          seen.add(c.id);
        }
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      checkEqual(seen.size, courses.length, 'courses found at limit 2 against limit 100');

      const learner = await ctx.learner('pages');
      const chosen = courses.slice(0, 5);
      const enrolled = new Set<string>();
      for (const course of chosen)
        enrolled.add((await learner.client.training.enroll({ courseId: course.id })).id);
      const listed = await allEnrollments(learner.client, 'me', 2);
      const ids = listed.map((e) => e.id);
      checkEqual(new Set(ids).size, ids.length, 'distinct enrolments over pages of 2');
      checkEqual(
        [...ids].sort().join(),
        [...enrolled].sort().join(),
        "the learner's enrolments over pages of 2",
      );
      if (chosen.length > 2) {
        const first = await learner.client.training.listEnrollments({ limit: 2 });
        check(
          first.nextCursor,
          `the first page of limit 2 has no nextCursor with ${chosen.length} enrolments`,
        );
        const a = await learner.client.training.listEnrollments({ limit: 2, cursor: first.nextCursor });
        const b = await learner.client.training.listEnrollments({ limit: 2, cursor: first.nextCursor });
        checkEqual(
          b.items.map((e) => e.id).join(),
          a.items.map((e) => e.id).join(),
          'the same enrolment cursor twice',
        );
      }
      check(
        pages >= Math.ceil(courses.length / 2),
        `${courses.length} courses at limit 2 took ${pages} page(s)`,
      );
    },
  },
  {
    name: 'training: a bad enrolment is refused with 400 naming the field, an unknown course with 404',
    async run(ctx) {
      const learner = await ctx.learner('invalid');
      const cases: Array<[string, unknown, string]> = [
        ['no courseId', {}, '/courseId'],
        ['a numeric courseId', { courseId: 42 }, '/courseId'],
        ['an empty courseId', { courseId: '' }, '/courseId'],
        ['an unknown property', { courseId: 'x', seat: 'front' }, '/seat'],
      ];
      for (const [what, body, pointer] of cases) {
        const error = await expectError(
          learner.client.training.enroll(body as never),
          400,
          'validation_failed',
          `an enrolment with ${what}`,
        );
        check(
          fieldPointers(error).includes(pointer),
          `an enrolment with ${what}: errors should name ${pointer}, got ${show(error.errors)}`,
        );
      }
      await expectError(
        learner.client.training.enroll({ courseId: `missing-${ctx.run}` }),
        404,
        'not_found',
        'an enrolment in a course that does not exist',
      );
      await expectError(
        learner.client.training.listCourses({ limit: 0 }),
        400,
        'validation_failed',
        'GET /v1/courses with limit=0',
      );
      const bad = await expectError(
        learner.client.training.listEnrollments({ scope: 'everyone' as never }),
        400,
        'validation_failed',
        'GET /v1/enrollments with scope=everyone',
      );
      check(
        fieldPointers(bad).includes('/query/scope'),
        `scope=everyone should name /query/scope, got ${show(bad.errors)}`,
      );
      await expectError(
        learner.client.training.completeModule(`missing-${ctx.run}`, 'm'),
        404,
        'not_found',
        'completing a module of an enrolment that does not exist',
      );
      checkEqual((await allEnrollments(learner.client, 'me')).length, 0, 'enrolments after refused ones');
    },
  },
];
