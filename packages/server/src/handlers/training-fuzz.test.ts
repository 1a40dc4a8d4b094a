// Property-based tests of the training write operations (enroll, completeModule) through real
// HTTP: malformed, oversized and hostile input always gets a 4xx problem document, never a 5xx,
// and never leaves an invalid row behind.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer, testClock } from '../test/harness.js';

const VENDOR = 'pk_demo_vendor_admin';
const CONTOSO_ADMIN = 'pk_demo_contoso_admin';

let server: TestServer;
let learner: { token: string; userId: string };
const clock = testClock();

const HOSTILE = [
  "crs_value_selling'; DROP TABLE enrollments; --",
  '<script>alert(1)</script>',
  'crs_value_selling\u0000',
  '\ud800',
  '../../etc/passwd',
  'crs_value_selling ',
  'CRS_VALUE_SELLING',
  '%00',
  '🎓',
  'x'.repeat(65),
  'x'.repeat(200_000),
];

async function send(
  method: string,
  path: string,
  body: string | undefined,
  contentType = 'application/json',
) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${learner.token}`,
      ...(body !== undefined ? { 'content-type': contentType } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

function assertClientProblem(r: { status: number; type: string; text: string }, context: string) {
  assert.ok(r.status >= 400 && r.status < 500, `${context}: status ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.type, /application\/problem\+json/, context);
  const problem = JSON.parse(r.text) as { status: number; code: string };
  assert.equal(problem.status, r.status);
  assert.equal(typeof problem.code, 'string');
}

/** Every enrolment is consistent with its completed modules, which all belong to its course. */
async function assertNoInvalidRows() {
  const foreign = await server.db.query(
    `SELECT 1 FROM module_completions mc JOIN enrollments e ON e.id = mc.enrollment_id
       JOIN course_modules m ON m.id = mc.module_id WHERE m.course_id <> e.course_id`,
  );
  assert.equal(foreign.rows.length, 0, 'a completion of another course module');
  const inconsistent = await server.db.query(
    `SELECT e.id FROM enrollments e
      WHERE e.status <> CASE
        WHEN (SELECT count(*) FROM module_completions mc WHERE mc.enrollment_id = e.id) = 0 THEN 'enrolled'
        WHEN (SELECT count(*) FROM module_completions mc WHERE mc.enrollment_id = e.id)
           = (SELECT count(*) FROM course_modules m WHERE m.course_id = e.course_id) THEN 'completed'
        ELSE 'in_progress' END`,
  );
  assert.deepEqual(inconsistent.rows, [], 'status disagrees with completions');
  const orphans = await server.db.query(
    'SELECT 1 FROM enrollments e LEFT JOIN courses c ON c.id = e.course_id WHERE c.id IS NULL',
  );
  assert.equal(orphans.rows.length, 0);
}

/** A path segment (a lone surrogate travels as U+FFFD; invalid UTF-8 is tested on its own). */
const segment = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));

let courseIds: string[] = [];
let modulesByCourse = new Map<string, string[]>();

before(async () => {
  server = await startTestServer({ seed: 'demo', logger: false, clock });
  const res = await fetch(`${server.url}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${VENDOR}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      partnerId: 'ptn_northwind',
      user: { email: 'fuzz.learner@northwind.example', name: 'Fuzz Learner' },
      ttlSeconds: 3600,
    }),
  });
  const session = (await res.json()) as { token: string; user: { id: string } };
  learner = { token: session.token, userId: session.user.id };
  const modules = await server.db.query<{ course_id: string; id: string }>(
    'SELECT course_id, id FROM course_modules ORDER BY course_id, position',
  );
  modulesByCourse = new Map();
  for (const m of modules.rows)
    modulesByCourse.set(m.course_id, [...(modulesByCourse.get(m.course_id) ?? []), m.id]);
  courseIds = [...modulesByCourse.keys()];
});

after(async () => {
  await server?.close();
});

describe('enroll with bad input', () => {
  test('any JSON body that is not {courseId: <a course>} is a 4xx problem, and stores nothing', async () => {
    const before = await server.db.query('SELECT count(*)::int AS n FROM enrollments WHERE user_id = $1', [
      learner.userId,
    ]);
    const bodies = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record({ courseId: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...HOSTILE)) }),
      fc.record({ courseId: fc.constantFrom('crs_value_selling'), extra: fc.anything({ maxDepth: 1 }) }),
      fc.record({ courseId: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string())) }),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const text = JSON.stringify(body);
        if (text === undefined) return;
        const r = await send('POST', '/v1/enrollments', text);
        const sent: unknown = JSON.parse(text);
        const valid =
          sent !== null &&
          typeof sent === 'object' &&
          !Array.isArray(sent) &&
          Object.keys(sent).length === 1 &&
          courseIds.includes((sent as { courseId?: string }).courseId as string);
        if (valid) assert.ok(r.status === 200 || r.status === 201, r.text);
        else assertClientProblem(r, `POST /v1/enrollments ${text.slice(0, 200)}`);
      }),
      { numRuns: 150 },
    );
    const afterCount = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM enrollments WHERE user_id = $1',
      [learner.userId],
    );
    assert.ok(afterCount.rows[0]!.n >= (before.rows[0] as { n: number }).n);
    await assertNoInvalidRows();
  });

  test('broken JSON, other content types and oversized bodies are 4xx problems', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('{', '{"courseId":', 'null', '[]', '""', '{"courseId":"crs_value_selling"'),
        ),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
        ),
        async (raw, type) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {}
          if (type === 'application/json' && parsed && typeof parsed === 'object' && 'courseId' in parsed)
            return;
          assertClientProblem(
            await send('POST', '/v1/enrollments', raw, type),
            `raw ${JSON.stringify(raw)} as ${type}`,
          );
        },
      ),
      { numRuns: 80 },
    );
    const huge = JSON.stringify({ courseId: 'crs_value_selling', pad: 'x'.repeat(3 * 1024 * 1024) });
    assertClientProblem(await send('POST', '/v1/enrollments', huge), 'oversized body');
    await assertNoInvalidRows();
  });
});

describe('completeModule with bad input', () => {
  test('any enrolment and module ids: 200 only for my enrolment and a module of its course, else a 4xx problem', async () => {
    // Enrolments to aim at: some of mine, and another partner's.
    const mine: { id: string; courseId: string }[] = [];
    for (const courseId of courseIds.slice(0, 4)) {
      const r = await send('POST', '/v1/enrollments', JSON.stringify({ courseId }));
      mine.push({ id: (JSON.parse(r.text) as { id: string }).id, courseId });
    }
    const theirs = await fetch(`${server.url}/v1/enrollments?scope=organization&limit=5`, {
      headers: { authorization: `Bearer ${CONTOSO_ADMIN}` },
    });
    const other = ((await theirs.json()) as { items: { id: string; courseId: string }[] }).items;
    assert.ok(other.length > 0);
    const anyModule = [...modulesByCourse.values()].flat();

    const enrolmentId = fc.oneof(
      fc.constantFrom(...mine.map((e) => e.id)),
      fc.constantFrom(...other.map((e) => e.id)),
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.constantFrom(...HOSTILE.slice(0, 9)),
    );
    const moduleId = fc.oneof(
      fc.constantFrom(...anyModule),
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.constantFrom(...HOSTILE.slice(0, 9)),
    );
    await fc.assert(
      fc.asyncProperty(
        enrolmentId,
        moduleId,
        fc.option(fc.anything({ maxDepth: 1 })),
        async (eid, mid, body) => {
          const path = `/v1/enrollments/${segment(eid)}/modules/${segment(mid)}/completion`;
          const r = await send('POST', path, body === null ? undefined : JSON.stringify(body));
          const own = mine.find((e) => e.id === eid);
          const valid = own && modulesByCourse.get(own.courseId)?.includes(mid);
          if (r.status === 200) {
            assert.ok(valid, `200 for ${path}`);
            const done = JSON.parse(r.text) as { enrollment: { id: string; completedModuleIds: string[] } };
            assert.equal(done.enrollment.id, eid);
            assert.ok(done.enrollment.completedModuleIds.includes(mid));
          } else {
            assertClientProblem(r, `POST ${path}`);
            if (valid) assert.ok(body !== null, `a valid completion without a body failed: ${r.text}`);
          }
        },
      ),
      { numRuns: 200 },
    );
    await assertNoInvalidRows();
    // Nothing of the other partner's changed through these calls.
    const otherRows = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM module_completions mc JOIN enrollments e ON e.id = mc.enrollment_id
        WHERE e.id = ANY($1::text[]) AND mc.completed_at > now() - interval '1 hour'`,
      [other.map((e) => e.id)],
    );
    assert.equal(otherRows.rows[0]!.n, 0);
  });
});

describe('completeModule with a URL that is not valid UTF-8', () => {
  test('is a 400 problem document', async () => {
    for (const path of [
      '/v1/enrollments/%ED%A0%80/modules/m/completion',
      '/v1/enrollments/e/modules/%FF/completion',
    ]) {
      assertClientProblem(await send('POST', path, undefined), `POST ${path}`);
    }
  });
});

describe('list cursors that were never handed out', () => {
  test('forged, foreign and garbage cursors are 400 problems (or a page), never a 5xx', async () => {
    // fc.anything() yields undefined and functions too, which JSON.stringify turns into undefined.
    const b64 = (value: unknown) =>
      Buffer.from(JSON.stringify(value) ?? 'undefined', 'utf8').toString('base64url');
    const stamp = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom(
        '-100000-01-01T00:00:00.000Z',
        '+275760-09-13T00:00:00.000Z',
        '0000-01-01T00:00:00Z',
        'now',
      ),
      fc.string({ maxLength: 30 }),
    );
    const cursor = fc.oneof(
      fc.string({ minLength: 1, maxLength: 100 }),
      fc.tuple(stamp, fc.oneof(fc.string({ maxLength: 70 }), fc.integer())).map(b64),
      fc
        .tuple(
          fc.constant('p'),
          fc.constantFrom('lp_sales_professional', 'lp_other'),
          fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 31, -1, 1e300)),
          fc.string({ maxLength: 70 }),
        )
        .map(b64),
      fc.anything({ maxDepth: 2 }).map(b64),
    );
    const lists = fc.constantFrom(
      '/v1/courses?limit=3',
      '/v1/courses?pathId=lp_sales_professional&limit=3',
      '/v1/enrollments?limit=3',
      '/v1/certifications?limit=3',
    );
    await fc.assert(
      fc.asyncProperty(lists, cursor, async (list, c) => {
        if (c.length > 512) return;
        const r = await send('GET', `${list}&cursor=${encodeURIComponent(c)}`, undefined);
        if (r.status !== 200) assertClientProblem(r, `GET ${list} cursor ${c}`);
      }),
      { numRuns: 200 },
    );
  });
});
