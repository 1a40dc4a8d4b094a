// Training operations: learning paths, courses, enrolments, module completions, certifications.
import type { operations, PartnerType } from '@partnerkit/api';
import { requirePartner } from '../access.js';
import { decodeCursor, pageOf } from '../ids.js';
import { loadTiers, refreshTierStanding } from '../rules/tiers-store.js';
import { audienceIncludes, mayReenrollToRenew, UnknownModuleError } from '../rules/training.js';
import {
  allLearningPaths,
  applyModuleCompletion,
  CERTIFICATION_SELECT,
  type CertificationRow,
  COURSE_COLUMNS,
  COURSE_FROM,
  ENROLLMENT_SELECT,
  type EnrollmentRow,
  enrollmentById,
  heldCertification,
  insertEnrollment,
  toCertification,
  toCourses,
  toEnrollment,
} from '../rules/training-store.js';
import {
  ApiError,
  forbidden,
  type HandlerRequest,
  type Handlers,
  notFound,
  type Queryable,
} from '../types.js';

type Query<Op extends keyof operations> = operations[Op]['parameters'] extends { query?: infer Q }
  ? NonNullable<Q>
  : never;

const DEFAULT_LIMIT = 25;
const limitOf = (limit: number | undefined) => Math.min(100, Math.max(1, limit ?? DEFAULT_LIMIT));

const badCursor = () =>
  new ApiError(400, 'validation_failed', 'The cursor is not valid; pass back a `nextCursor` unchanged.', {
    errors: [
      { pointer: '/query/cursor', code: 'invalid_cursor', message: '/query/cursor is not a valid cursor' },
    ],
  });

/** A (timestamp, id) cursor, with a timestamp PostgreSQL can hold (a forged one is a 400). */
function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const position = decodeCursor(cursor);
  const year = position.at.getUTCFullYear();
  if (year < 1970 || year > 9999) throw badCursor();
  return position;
}

/** A page position in one learning path's course order: (position, id), tied to the path. */
function encodePathCursor(pathId: string, position: number, id: string): string {
  return Buffer.from(JSON.stringify(['p', pathId, position, id]), 'utf8').toString('base64url');
}
function decodePathCursor(cursor: string, pathId: string): { position: number; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== 'p' || parsed[1] !== pathId)
    throw badCursor();
  const [, , position, id] = parsed as unknown[];
  if (
    !Number.isInteger(position) ||
    (position as number) < 0 ||
    (position as number) > 2_147_483_647 ||
    typeof id !== 'string' ||
    id.length === 0 ||
    id.length > 64
  )
    throw badCursor();
  return { position: position as number, id };
}

async function partnerType(q: Queryable, partnerId: string): Promise<PartnerType | null> {
  const { rows } = await q.query<{ type: PartnerType }>('SELECT type FROM partners WHERE id = $1', [
    partnerId,
  ]);
  return rows[0]?.type ?? null;
}

export const trainingHandlers: Handlers = {
  async listLearningPaths(req: HandlerRequest<undefined, Query<'listLearningPaths'>>, ctx) {
    const paths = await allLearningPaths(ctx.db);
    const { caller } = ctx;
    if (req.query.all === true || !caller.partnerId || caller.role === 'vendor_admin') {
      return { status: 200, body: { items: paths } };
    }
    const type = await partnerType(ctx.db, caller.partnerId);
    if (!type) return { status: 200, body: { items: [] } };
    const learner = { partnerType: type, role: caller.role };
    return { status: 200, body: { items: paths.filter((p) => audienceIncludes(p.audience, learner)) } };
  },

  async listCourses(req: HandlerRequest<undefined, Query<'listCourses'>>, ctx) {
    const limit = limitOf(req.query.limit);
    const { pathId, cursor } = req.query;
    if (pathId) {
      const path = await ctx.db.query('SELECT 1 FROM learning_paths WHERE id = $1', [pathId]);
      if (path.rows.length === 0) throw notFound('learning path');
      const after = cursor ? decodePathCursor(cursor, pathId) : null;
      const { rows } = await ctx.db.query<
        Parameters<typeof toCourses>[1][number] & { path_position: number }
      >(
        `SELECT ${COURSE_COLUMNS}, lc.position AS path_position
           FROM learning_path_courses lc JOIN ${COURSE_FROM} ON c.id = lc.course_id
          WHERE lc.path_id = $1 AND ($2::int IS NULL OR (lc.position, c.id) > ($2::int, $3::text))
          ORDER BY lc.position, c.id
          LIMIT $4`,
        [pathId, after?.position ?? null, after?.id ?? null, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        status: 200,
        body: {
          items: await toCourses(ctx.db, page),
          nextCursor:
            rows.length > limit && last ? encodePathCursor(pathId, last.path_position, last.id) : null,
        },
      };
    }
    const after = cursor ? decodeTimeCursor(cursor) : null;
    const { rows } = await ctx.db.query<Parameters<typeof toCourses>[1][number]>(
      `SELECT ${COURSE_COLUMNS} FROM ${COURSE_FROM}
        WHERE $1::timestamptz IS NULL OR (c.created_at, c.id) > ($1::timestamptz, $2::text)
        ORDER BY c.created_at, c.id
        LIMIT $3`,
      [after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const page = pageOf(rows, limit, (r) => ({ at: r.created_at, id: r.id }));
    return { status: 200, body: { items: await toCourses(ctx.db, page.items), nextCursor: page.nextCursor } };
  },

  async listEnrollments(req: HandlerRequest<undefined, Query<'listEnrollments'>>, ctx) {
    const partnerId = requirePartner(ctx.caller);
    const scope = req.query.scope ?? 'me';
    if (scope === 'organization' && ctx.caller.role !== 'partner_admin') {
      throw forbidden("Only a partner admin may list the organization's enrolments.");
    }
    const limit = limitOf(req.query.limit);
    const after = req.query.cursor ? decodeTimeCursor(req.query.cursor) : null;
    const { rows } = await ctx.db.query<EnrollmentRow>(
      `${ENROLLMENT_SELECT}
        WHERE e.partner_id = $1 AND ($2::text IS NULL OR e.user_id = $2)
          AND ($3::timestamptz IS NULL OR (e.enrolled_at, e.id) < ($3::timestamptz, $4::text))
        ORDER BY e.enrolled_at DESC, e.id DESC
        LIMIT $5`,
      [partnerId, scope === 'me' ? ctx.caller.userId : null, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const page = pageOf(rows, limit, (r) => ({ at: r.enrolled_at, id: r.id }));
    return { status: 200, body: { items: page.items.map(toEnrollment), nextCursor: page.nextCursor } };
  },

  async enroll(req: HandlerRequest<{ courseId: string }>, ctx) {
    const partnerId = requirePartner(ctx.caller);
    const { userId } = ctx.caller;
    const { courseId } = req.body;
    const now = ctx.now();
    const { status, id } = await ctx.db.transaction(async (tx) => {
      const course = await tx.query<{ certification_id: string | null }>(
        'SELECT certification_id FROM courses WHERE id = $1',
        [courseId],
      );
      if (!course.rows[0]) {
        throw new ApiError(404, 'not_found', 'No course with that id.', {
          errors: [{ pointer: '/courseId', code: 'not_found', message: 'No course with that id.' }],
        });
      }
      const existing = await tx.query<{ id: string; completed_at: Date | null }>(
        `SELECT id, completed_at FROM enrollments WHERE user_id = $1 AND course_id = $2
          ORDER BY completed_at IS NULL DESC, completed_at DESC, id DESC LIMIT 1`,
        [userId, courseId],
      );
      const latest = existing.rows[0];
      if (latest && latest.completed_at === null) return { status: 200, id: latest.id };
      if (latest) {
        // Completed: enrolling again starts over only to renew an expiring or expired certification.
        const definitionId = course.rows[0].certification_id;
        const held = definitionId ? await heldCertification(tx, userId, definitionId) : null;
        const renewable =
          held && mayReenrollToRenew({ earnedAt: held.earned_at, expiresAt: held.expires_at }, now);
        if (!renewable) return { status: 200, id: latest.id };
      }
      const inserted = await insertEnrollment(tx, { partnerId, userId, courseId, now });
      if (inserted) return { status: 201, id: inserted };
      // Another request enrolled this person in the meantime.
      const open = await tx.query<{ id: string }>(
        'SELECT id FROM enrollments WHERE user_id = $1 AND course_id = $2 AND completed_at IS NULL',
        [userId, courseId],
      );
      return { status: 200, id: open.rows[0]!.id };
    });
    const row = await enrollmentById(ctx.db, id);
    return { status, body: toEnrollment(row!) };
  },

  async completeModule(req: HandlerRequest<undefined, undefined, { id: string; moduleId: string }>, ctx) {
    const partnerId = requirePartner(ctx.caller);
    const { id, moduleId } = req.params;
    const now = ctx.now();
    const certificationId = await ctx.db.transaction(async (tx) => {
      const found = await tx.query<{ user_id: string }>(
        'SELECT user_id FROM enrollments WHERE id = $1 AND partner_id = $2',
        [id, partnerId],
      );
      const enrollment = found.rows[0];
      if (!enrollment) throw notFound('enrolment');
      if (enrollment.user_id !== ctx.caller.userId) {
        if (ctx.caller.role === 'partner_admin')
          throw forbidden('Only the learner may complete modules of an enrolment.');
        throw notFound('enrolment');
      }
      let applied: Awaited<ReturnType<typeof applyModuleCompletion>>;
      try {
        applied = await applyModuleCompletion(tx, id, moduleId, now);
      } catch (error) {
        if (error instanceof UnknownModuleError) {
          throw new ApiError(404, 'not_found', 'No module with that id in this course.', {
            errors: [
              { pointer: '/path/moduleId', code: 'not_found', message: 'The course has no such module.' },
            ],
          });
        }
        throw error;
      }
      // A new certification may lift the partner's tier at once.
      if (applied.certificationId) await refreshTierStanding(tx, partnerId, now);
      return applied.certificationId;
    });
    const enrollment = toEnrollment((await enrollmentById(ctx.db, id))!);
    let certification = null;
    if (certificationId) {
      const { rows } = await ctx.db.query<CertificationRow>(`${CERTIFICATION_SELECT} WHERE c.id = $1`, [
        certificationId,
      ]);
      certification = toCertification(rows[0]!, await loadTiers(ctx.db), now);
    }
    return { status: 200, body: { enrollment, certification } };
  },

  async listCertifications(req: HandlerRequest<undefined, Query<'listCertifications'>>, ctx) {
    const { caller } = ctx;
    const scope = req.query.scope ?? 'organization';
    const limit = limitOf(req.query.limit);
    const after = req.query.cursor ? decodeTimeCursor(req.query.cursor) : null;
    // Partners see their organisation's (or their own); vendor admins see every partner's.
    const { rows } = await ctx.db.query<CertificationRow>(
      `${CERTIFICATION_SELECT}
        WHERE ($1::text IS NULL OR c.partner_id = $1) AND ($2::text IS NULL OR c.user_id = $2)
          AND ($3::timestamptz IS NULL OR (c.earned_at, c.id) < ($3::timestamptz, $4::text))
        ORDER BY c.earned_at DESC, c.id DESC
        LIMIT $5`,
      [
        caller.partnerId,
        scope === 'me' ? caller.userId : null,
        after?.at ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
    const page = pageOf(rows, limit, (r) => ({ at: r.earned_at, id: r.id }));
    const tiers = await loadTiers(ctx.db);
    const now = ctx.now();
    return {
      status: 200,
      body: { items: page.items.map((r) => toCertification(r, tiers, now)), nextCursor: page.nextCursor },
    };
  },
};
