// The training operations through real HTTP, against a real server with the demo program, on
// PGlite in memory (or on PostgreSQL in a fresh schema when DATABASE_URL is set).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Certification, Course, Enrollment, LearningPath } from '@partnerkit/api';
import { startTestServer, type TestResponse, type TestServer, testClock } from '../test/harness.js';

const VENDOR = 'pk_demo_vendor_admin';
const NW_ADMIN = 'pk_demo_northwind_admin';
const NW_USER = 'pk_demo_northwind_user';
const CONTOSO_ADMIN = 'pk_demo_contoso_admin';

let server: TestServer;
const clock = testClock();

/** One request as `token`, through the shared test harness. */
const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
  server.request<T>(method, path, { token, body });

/** A new partner user (or admin) with a session token minted by the vendor, as a portal would. */
async function newLearner(partnerId: string, role: 'partner_user' | 'partner_admin' = 'partner_user') {
  const email = `learner.${randomBytes(5).toString('hex')}@${partnerId.replace('ptn_', '')}.example`;
  return login(partnerId, email, role);
}
async function login(
  partnerId: string,
  email: string,
  role: 'partner_user' | 'partner_admin' = 'partner_user',
) {
  const r = await call<{ token: string; user: { id: string } }>(VENDOR, 'POST', '/v1/sessions', {
    partnerId,
    user: { email, name: 'Robin Tester', role },
    ttlSeconds: 3600,
  });
  assert.equal(r.status, 201);
  return { token: r.body.token, userId: r.body.user.id, email, partnerId, role };
}

async function allPages<T>(token: string, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const r: TestResponse<{ items: T[]; nextCursor: string | null }> = await call(
      token,
      'GET',
      `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    out.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('pagination did not end');
}

const isProblem = (r: TestResponse, status: number, code?: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
  if (code) assert.equal((r.body as { code: string }).code, code);
};

before(async () => {
  server = await startTestServer({ seed: 'demo', logger: false, clock });
});

after(async () => {
  await server?.close();
});

describe('listLearningPaths', () => {
  test('tailored to the partner type and the role; all=true and vendor admins see every path', async () => {
    const all = await call<{ items: LearningPath[] }>(NW_USER, 'GET', '/v1/learning-paths?all=true');
    assert.equal(all.status, 200);
    assert.ok(all.body.items.length >= 5 && all.body.items.length <= 8);
    const vendor = await call<{ items: LearningPath[] }>(VENDOR, 'GET', '/v1/learning-paths');
    assert.deepEqual(
      vendor.body.items.map((p) => p.id),
      all.body.items.map((p) => p.id),
    );

    const user = await call<{ items: LearningPath[] }>(NW_USER, 'GET', '/v1/learning-paths');
    const admin = await call<{ items: LearningPath[] }>(NW_ADMIN, 'GET', '/v1/learning-paths');
    const msp = await call<{ items: LearningPath[] }>(CONTOSO_ADMIN, 'GET', '/v1/learning-paths');
    const ids = (r: TestResponse<{ items: LearningPath[] }>) => r.body.items.map((p) => p.id);
    // Northwind is a reseller, Contoso a managed-service provider.
    for (const p of user.body.items) {
      assert.ok(p.audience.partnerTypes.length === 0 || p.audience.partnerTypes.includes('reseller'));
      assert.ok(p.audience.roles.length === 0 || p.audience.roles.includes('partner_user'));
    }
    assert.ok(ids(user).includes('lp_sales_professional'));
    assert.ok(!ids(user).includes('lp_managed_services'));
    assert.ok(!ids(user).includes('lp_partner_admin'), 'the admin path is not offered to users');
    assert.ok(ids(admin).includes('lp_partner_admin'));
    assert.ok(ids(msp).includes('lp_managed_services'));
    assert.ok(!ids(msp).includes('lp_sales_professional'));
    assert.ok(ids(user).length < all.body.items.length);
    const sales = all.body.items.find((p) => p.id === 'lp_sales_professional')!;
    assert.equal(sales.courseIds.at(-1), 'crs_sales_exam', 'courses in path order');
    assert.deepEqual(sales.certification, {
      id: 'cert_sales_professional',
      name: 'Certified Sales Professional',
      validityMonths: 12,
    });
  });

  test('a bad query parameter is a 400 naming it', async () => {
    const r = await call(NW_USER, 'GET', '/v1/learning-paths?all=perhaps');
    isProblem(r, 400, 'validation_failed');
    assert.ok((r.body as { errors: { pointer: string }[] }).errors.some((e) => e.pointer === '/query/all'));
  });

  test('no token is a 401', async () => {
    const res = await fetch(`${server.url}/v1/learning-paths`);
    assert.equal(res.status, 401);
  });
});

describe('listCourses', () => {
  test('modules in position order, durations summed, pages without gaps or repeats', async () => {
    const pages: Course[][] = [];
    let cursor: string | null = null;
    do {
      const r: TestResponse<{ items: Course[]; nextCursor: string | null }> = await call(
        NW_USER,
        'GET',
        `/v1/courses?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(r.status, 200);
      assert.ok(r.body.items.length <= 7);
      pages.push(r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    const courses = pages.flat();
    assert.ok(courses.length >= 22, `${courses.length} courses`);
    assert.equal(new Set(courses.map((c) => c.id)).size, courses.length);
    assert.ok(pages.length > 1);
    for (const c of courses) {
      assert.ok(c.modules.length >= 3 && c.modules.length <= 8);
      assert.deepEqual(
        c.modules.map((m) => m.position),
        c.modules.map((_, i) => i),
      );
      assert.equal(
        c.durationMinutes,
        c.modules.reduce((s, m) => s + m.durationMinutes, 0),
      );
    }
    assert.ok(courses.some((c) => c.language === 'de'));
    const oneShot = await call<{ items: Course[]; nextCursor: null }>(
      NW_USER,
      'GET',
      '/v1/courses?limit=100',
    );
    assert.deepEqual(
      oneShot.body.items.map((c) => c.id),
      courses.map((c) => c.id),
    );
    assert.equal(oneShot.body.nextCursor, null);
  });

  test('pathId: the path courses in path order, paged', async () => {
    const paths = await call<{ items: LearningPath[] }>(NW_USER, 'GET', '/v1/learning-paths?all=true');
    for (const path of paths.body.items) {
      const courses = await allPages<Course>(NW_USER, `/v1/courses?pathId=${path.id}&limit=2`);
      assert.deepEqual(
        courses.map((c) => c.id),
        path.courseIds,
      );
    }
  });

  test('an unknown path is a 404; foreign and forged cursors are 400s', async () => {
    isProblem(await call(NW_USER, 'GET', '/v1/courses?pathId=lp_nope'), 404, 'not_found');
    const first = await call<{ nextCursor: string }>(
      NW_USER,
      'GET',
      '/v1/courses?pathId=lp_sales_professional&limit=2',
    );
    const other = await call(
      NW_USER,
      'GET',
      `/v1/courses?pathId=lp_technical_presales&cursor=${first.body.nextCursor}`,
    );
    isProblem(other, 400, 'validation_failed');
    isProblem(
      await call(NW_USER, 'GET', `/v1/courses?cursor=${first.body.nextCursor}`),
      400,
      'validation_failed',
    );
    isProblem(await call(NW_USER, 'GET', '/v1/courses?cursor=bm90IGEgY3Vyc29y'), 400, 'validation_failed');
    isProblem(await call(NW_USER, 'GET', '/v1/courses?limit=0'), 400, 'validation_failed');
    isProblem(await call(NW_USER, 'GET', '/v1/courses?limit=101'), 400, 'validation_failed');
  });
});

describe('enroll and completeModule', () => {
  test('201 for a new enrolment, 200 with the same one when enrolled already', async () => {
    const me = await newLearner('ptn_northwind');
    const first = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', {
      courseId: 'crs_value_selling',
    });
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'enrolled');
    assert.equal(first.body.progress, 0);
    assert.equal(first.body.userId, me.userId);
    assert.deepEqual(first.body.completedModuleIds, []);
    assert.equal(first.body.completedAt, null);
    const again = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', {
      courseId: 'crs_value_selling',
    });
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
  });

  test('parallel enrolments and completions: one enrolment, every module once, one certification', async () => {
    const me = await newLearner('ptn_northwind');
    const enrolments = await Promise.all(
      Array.from({ length: 8 }, () =>
        call<Enrollment>(me.token, 'POST', '/v1/enrollments', { courseId: 'crs_sales_exam' }),
      ),
    );
    assert.deepEqual(enrolments.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(enrolments.map((r) => r.body.id)).size, 1);
    const id = enrolments[0]!.body.id;
    const modules = ['mod_sales_exam_1', 'mod_sales_exam_2', 'mod_sales_exam_3'];
    const completions = await Promise.all(
      [...modules, ...modules].map((m) =>
        call<{ certification: Certification | null }>(
          me.token,
          'POST',
          `/v1/enrollments/${id}/modules/${m}/completion`,
        ),
      ),
    );
    assert.ok(completions.every((r) => r.status === 200));
    assert.equal(completions.filter((r) => r.body.certification).length, 1, 'granted exactly once');
    const mine = await call<{ items: Enrollment[] }>(me.token, 'GET', '/v1/enrollments');
    assert.equal(mine.body.items.length, 1);
    assert.deepEqual(mine.body.items[0]!.completedModuleIds, modules);
    assert.equal(mine.body.items[0]!.status, 'completed');
    const certs = await call<{ items: Certification[] }>(me.token, 'GET', '/v1/certifications?scope=me');
    assert.equal(certs.body.items.length, 1);
  });

  test('two courses granting the same certification, finished at once: one certification', async () => {
    const me = await newLearner('ptn_northwind');
    const ids: string[] = [];
    for (const courseId of ['crs_sales_exam', 'crs_de_sales_exam']) {
      const enr = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', { courseId });
      ids.push(enr.body.id);
      const prefix = courseId.replace('crs_', 'mod_');
      for (const n of [1, 2])
        await call(me.token, 'POST', `/v1/enrollments/${enr.body.id}/modules/${prefix}_${n}/completion`);
    }
    const last = await Promise.all([
      call<{ certification: Certification | null }>(
        me.token,
        'POST',
        `/v1/enrollments/${ids[0]}/modules/mod_sales_exam_3/completion`,
      ),
      call<{ certification: Certification | null }>(
        me.token,
        'POST',
        `/v1/enrollments/${ids[1]}/modules/mod_de_sales_exam_3/completion`,
      ),
    ]);
    assert.deepEqual(
      last.map((r) => r.status),
      [200, 200],
    );
    assert.equal(last[0]!.body.certification?.id, last[1]!.body.certification?.id);
    const certs = await call<{ items: Certification[] }>(me.token, 'GET', '/v1/certifications?scope=me');
    assert.equal(certs.body.items.length, 1);
  });

  test('bad enrolments: unknown course 404, invalid body 400, vendor admin 403', async () => {
    const me = await newLearner('ptn_northwind');
    isProblem(await call(me.token, 'POST', '/v1/enrollments', { courseId: 'crs_missing' }), 404, 'not_found');
    isProblem(await call(me.token, 'POST', '/v1/enrollments', {}), 400, 'validation_failed');
    isProblem(
      await call(me.token, 'POST', '/v1/enrollments', { courseId: 'x', extra: 1 }),
      400,
      'validation_failed',
    );
    isProblem(
      await call(me.token, 'POST', '/v1/enrollments', { courseId: '../etc' }),
      400,
      'validation_failed',
    );
    isProblem(
      await call(VENDOR, 'POST', '/v1/enrollments', { courseId: 'crs_value_selling' }),
      403,
      'forbidden',
    );
    const mine = await call<{ items: Enrollment[] }>(me.token, 'GET', '/v1/enrollments');
    assert.deepEqual(mine.body.items, [], 'nothing stored');
  });

  test('enrolled -> in_progress -> completed; each module once; the certification granted with its expiry', async () => {
    const me = await newLearner('ptn_northwind');
    const path = await call<{ items: Course[] }>(
      me.token,
      'GET',
      '/v1/courses?pathId=lp_sales_professional&limit=100',
    );
    const exam = path.body.items.find((c) => c.id === 'crs_sales_exam')!;
    const enrolment = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', { courseId: exam.id });
    const modules = exam.modules.map((m) => m.id);
    const seen: string[] = [];
    let last: TestResponse<{ enrollment: Enrollment; certification: Certification | null }> | null = null;
    for (const [i, moduleId] of [...modules].reverse().entries()) {
      last = await call(
        me.token,
        'POST',
        `/v1/enrollments/${enrolment.body.id}/modules/${moduleId}/completion`,
      );
      assert.equal(last.status, 200, JSON.stringify(last.body));
      assert.equal(last.body.enrollment.progress, (i + 1) / modules.length);
      seen.push(last.body.enrollment.status);
      if (i < modules.length - 1) {
        assert.equal(last.body.certification, null);
        // Completing the same module again changes nothing.
        const repeat = await call<{ enrollment: Enrollment; certification: null }>(
          me.token,
          'POST',
          `/v1/enrollments/${enrolment.body.id}/modules/${moduleId}/completion`,
        );
        assert.equal(repeat.status, 200);
        assert.deepEqual(repeat.body.enrollment.completedModuleIds, last.body.enrollment.completedModuleIds);
        assert.equal(repeat.body.certification, null);
      }
    }
    assert.deepEqual(seen, [...modules.slice(1).map(() => 'in_progress'), 'completed']);
    const done = last!.body;
    assert.deepEqual(done.enrollment.completedModuleIds, modules, 'in course order');
    assert.equal(done.enrollment.completedAt, clock.now().toISOString());
    const cert = done.certification!;
    assert.equal(cert.definitionId, 'cert_sales_professional');
    assert.equal(cert.userId, me.userId);
    assert.equal(cert.courseId, exam.id);
    assert.equal(cert.status, 'active');
    assert.equal(cert.earnedAt, clock.now().toISOString());
    const expected = new Date(clock.now());
    expected.setUTCMonth(expected.getUTCMonth() + 12);
    assert.equal(cert.expiresAt.slice(0, 10), expected.toISOString().slice(0, 10));
    assert.deepEqual(
      cert.countsToward.map((t) => t.name),
      ['Silver', 'Gold', 'Platinum'],
    );
    // Completing a module once more grants nothing new.
    const again = await call<{ certification: null; enrollment: Enrollment }>(
      me.token,
      'POST',
      `/v1/enrollments/${enrolment.body.id}/modules/${modules[0]}/completion`,
    );
    assert.equal(again.body.certification, null);
    assert.equal(again.body.enrollment.status, 'completed');
    const mine = await call<{ items: Certification[] }>(me.token, 'GET', '/v1/certifications?scope=me');
    assert.deepEqual(
      mine.body.items.map((c) => c.id),
      [cert.id],
    );
    // Enrolling again while the certification is current returns the completed enrolment.
    const back = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', { courseId: exam.id });
    assert.equal(back.status, 200);
    assert.equal(back.body.id, enrolment.body.id);
  });

  test('renewal: when the certification is expiring, enrolling again starts over and renews it', async () => {
    const start = clock.now();
    try {
      const me = await newLearner('ptn_northwind');
      const enr = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', {
        courseId: 'crs_marketing_exam',
      });
      let cert: Certification | null = null;
      for (const m of ['mod_marketing_exam_1', 'mod_marketing_exam_2', 'mod_marketing_exam_3']) {
        const r = await call<{ certification: Certification | null }>(
          me.token,
          'POST',
          `/v1/enrollments/${enr.body.id}/modules/${m}/completion`,
        );
        cert = r.body.certification ?? cert;
      }
      assert.ok(cert);
      // Eleven months later it is expiring; a new session for the same person.
      clock.set(new Date(start.getTime() + 335 * 86_400_000));
      const later = await login('ptn_northwind', me.email);
      const listed = await call<{ items: Certification[] }>(
        later.token,
        'GET',
        '/v1/certifications?scope=me',
      );
      assert.equal(listed.body.items[0]?.status, 'expiring');
      const renew = await call<Enrollment>(later.token, 'POST', '/v1/enrollments', {
        courseId: 'crs_marketing_exam',
      });
      assert.equal(renew.status, 201);
      assert.notEqual(renew.body.id, enr.body.id);
      let renewed: Certification | null = null;
      for (const m of ['mod_marketing_exam_1', 'mod_marketing_exam_2', 'mod_marketing_exam_3']) {
        const r = await call<{ certification: Certification | null }>(
          later.token,
          'POST',
          `/v1/enrollments/${renew.body.id}/modules/${m}/completion`,
        );
        renewed = r.body.certification ?? renewed;
      }
      assert.equal(renewed?.id, cert.id, 'the same certification, renewed');
      assert.equal(renewed?.status, 'active');
      assert.equal(renewed?.earnedAt, clock.now().toISOString());
      assert.ok(renewed!.expiresAt > cert.expiresAt);
      // Both enrolments stay on record.
      const history = await call<{ items: Enrollment[] }>(later.token, 'GET', '/v1/enrollments');
      assert.equal(history.body.items.length, 2);
      // Two years on it has expired and counts toward nothing.
      clock.set(new Date(start.getTime() + 800 * 86_400_000));
      const old = await login('ptn_northwind', me.email);
      const expired = await call<{ items: Certification[] }>(old.token, 'GET', '/v1/certifications?scope=me');
      assert.equal(expired.body.items[0]?.status, 'expired');
      assert.deepEqual(expired.body.items[0]?.countsToward, []);
    } finally {
      clock.set(start);
    }
  });

  test('isolation: another partner, or another learner, gets a 404; an admin of the same partner a 403', async () => {
    const me = await newLearner('ptn_northwind');
    const enr = await call<Enrollment>(me.token, 'POST', '/v1/enrollments', {
      courseId: 'crs_pricing_licensing',
    });
    const path = `/v1/enrollments/${enr.body.id}/modules/mod_pricing_licensing_1/completion`;
    isProblem(await call(CONTOSO_ADMIN, 'POST', path), 404, 'not_found');
    const contosoUser = await newLearner('ptn_contoso');
    isProblem(await call(contosoUser.token, 'POST', path), 404, 'not_found');
    isProblem(await call(NW_USER, 'POST', path), 404, 'not_found');
    isProblem(await call(NW_ADMIN, 'POST', path), 403, 'forbidden');
    isProblem(await call(VENDOR, 'POST', path), 403, 'forbidden');
    isProblem(
      await call(me.token, 'POST', `/v1/enrollments/${enr.body.id}/modules/mod_value_selling_1/completion`),
      404,
    );
    isProblem(
      await call(me.token, 'POST', '/v1/enrollments/enr_nope/modules/mod_pricing_licensing_1/completion'),
      404,
    );
    const still = await call<{ items: Enrollment[] }>(me.token, 'GET', '/v1/enrollments');
    assert.deepEqual(still.body.items[0]?.completedModuleIds, [], 'nothing was completed');
    const ok = await call<{ enrollment: Enrollment }>(me.token, 'POST', path);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.enrollment.status, 'in_progress');
  });
});

describe('listEnrollments', () => {
  test('me by default; the organisation for partner admins only', async () => {
    const mine = await allPages<Enrollment>(NW_USER, '/v1/enrollments?limit=2');
    assert.ok(mine.length > 0);
    const me = await call<{ user: { id: string } }>(NW_USER, 'GET', '/v1/me');
    assert.ok(mine.every((e) => e.userId === me.body.user.id));
    const states = new Set(mine.map((e) => e.status));
    assert.ok(states.size >= 2, `the demo user has enrolments in several states: ${[...states]}`);
    isProblem(await call(NW_USER, 'GET', '/v1/enrollments?scope=organization'), 403, 'forbidden');
    isProblem(await call(VENDOR, 'GET', '/v1/enrollments'), 403, 'forbidden');

    const org = await allPages<Enrollment>(NW_ADMIN, '/v1/enrollments?scope=organization&limit=10');
    assert.ok(new Set(org.map((e) => e.userId)).size > 3);
    assert.equal(new Set(org.map((e) => e.id)).size, org.length, 'no repeats across pages');
    assert.deepEqual(['completed', 'enrolled', 'in_progress'], [...new Set(org.map((e) => e.status))].sort());
    for (const e of mine) assert.ok(org.some((o) => o.id === e.id));
    for (let i = 1; i < org.length; i++)
      assert.ok(org[i - 1]!.enrolledAt >= org[i]!.enrolledAt, 'newest first');
    const contoso = await allPages<Enrollment>(CONTOSO_ADMIN, '/v1/enrollments?scope=organization&limit=100');
    assert.ok(contoso.length > 0);
    assert.ok(
      contoso.every((e) => !org.some((o) => o.id === e.id)),
      'partners never see each other',
    );
  });

  test('progress agrees with the completed modules', async () => {
    const courses = await call<{ items: Course[] }>(NW_ADMIN, 'GET', '/v1/courses?limit=100');
    const org = await allPages<Enrollment>(NW_ADMIN, '/v1/enrollments?scope=organization&limit=100');
    for (const e of org) {
      const c = courses.body.items.find((x) => x.id === e.courseId)!;
      assert.equal(e.progress, e.completedModuleIds.length / c.modules.length);
      assert.equal(e.status === 'completed', e.completedModuleIds.length === c.modules.length);
      assert.equal(e.status === 'enrolled', e.completedModuleIds.length === 0);
    }
  });
});

describe('listCertifications', () => {
  test('the organisation by default, or my own; every status; expired count toward nothing', async () => {
    const org = await allPages<Certification>(NW_USER, '/v1/certifications?limit=5');
    assert.ok(org.length >= 5);
    const me = await call<{ user: { id: string } }>(NW_USER, 'GET', '/v1/me');
    const mine = await allPages<Certification>(NW_USER, '/v1/certifications?scope=me');
    assert.ok(mine.every((c) => c.userId === me.body.user.id));
    assert.ok(mine.every((c) => org.some((o) => o.id === c.id)));
    const statuses = new Set(org.map((c) => c.status));
    assert.deepEqual([...statuses].sort(), ['active', 'expired', 'expiring']);
    for (const c of org) {
      const days = (Date.parse(c.expiresAt) - clock.now().getTime()) / 86_400_000;
      assert.equal(c.status, days <= 0 ? 'expired' : days <= 60 ? 'expiring' : 'active');
      if (c.status === 'expired') assert.deepEqual(c.countsToward, []);
      else assert.ok(c.countsToward.length > 0);
    }
    const contoso = await allPages<Certification>(CONTOSO_ADMIN, '/v1/certifications?limit=100');
    assert.ok(contoso.every((c) => !org.some((o) => o.id === c.id)));
    const vendor = await allPages<Certification>(VENDOR, '/v1/certifications?limit=100');
    assert.ok(vendor.length >= org.length + contoso.length, 'vendor admins see every partner');
    isProblem(await call(NW_USER, 'GET', '/v1/certifications?scope=everyone'), 400, 'validation_failed');
  });
});
