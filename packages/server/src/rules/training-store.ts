// Training records in the database: reading courses, paths, enrolments and certifications in the
// contract's shapes, and applying a module completion (with the certification it may grant) in
// the caller's transaction. Used by the handlers and by the demo seed; no HTTP here.
import type { Certification, Course, Enrollment, LearningPath, PartnerScope, Tier } from '@partnerkit/api';
import { newId } from '../ids.js';
import type { Queryable } from '../types.js';
import {
  type CertificationGrant,
  certificationCountsToward,
  certificationStatus,
  completeModule,
  courseProgress,
  type EnrollmentStatus,
  grantCertification,
  type ModuleCompletionResult,
} from './training.js';

type Role = PartnerScope['roles'][number];
type PartnerType = PartnerScope['partnerTypes'][number];

// ---------------------------------------------------------------------------------------------
// Courses and learning paths

interface CourseRow {
  id: string;
  title: string;
  description: string;
  level: Course['level'];
  language: string;
  partner_types: PartnerType[];
  roles: Role[];
  certification_id: string | null;
  certification_name: string | null;
  validity_months: number | null;
  created_at: Date;
}

export const COURSE_COLUMNS = `c.id, c.title, c.description, c.level, c.language, c.partner_types, c.roles,
  c.certification_id, d.name AS certification_name, d.validity_months, c.created_at`;
export const COURSE_FROM = 'courses c LEFT JOIN certification_definitions d ON d.id = c.certification_id';

interface ModuleRow {
  id: string;
  course_id: string;
  title: string;
  duration_minutes: number;
  position: number;
}

/** The modules of `courseIds`, in position order, by course. */
export async function modulesOf(
  q: Queryable,
  courseIds: readonly string[],
): Promise<Map<string, ModuleRow[]>> {
  const byCourse = new Map<string, ModuleRow[]>(courseIds.map((id) => [id, []]));
  if (courseIds.length === 0) return byCourse;
  const { rows } = await q.query<ModuleRow>(
    `SELECT id, course_id, title, duration_minutes, position FROM course_modules
      WHERE course_id = ANY($1::text[]) ORDER BY course_id, position`,
    [courseIds],
  );
  for (const row of rows) byCourse.get(row.course_id)?.push(row);
  return byCourse;
}

const definition = (id: string | null, name: string | null, validityMonths: number | null) =>
  id && name && validityMonths ? { id, name, validityMonths } : null;

/** Course rows with their modules, in the contract's shape. */
export async function toCourses(q: Queryable, rows: readonly CourseRow[]): Promise<Course[]> {
  const modules = await modulesOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mods = modules.get(r.id) ?? [];
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      level: r.level,
      language: r.language,
      durationMinutes: mods.reduce((sum, m) => sum + m.duration_minutes, 0),
      audience: { partnerTypes: r.partner_types, roles: r.roles },
      modules: mods.map((m) => ({
        id: m.id,
        title: m.title,
        durationMinutes: m.duration_minutes,
        position: m.position,
      })),
      certification: definition(r.certification_id, r.certification_name, r.validity_months),
    };
  });
}

/** Every learning path, in the program's order, with its courses in path order. */
export async function allLearningPaths(q: Queryable): Promise<LearningPath[]> {
  const { rows } = await q.query<{
    id: string;
    name: string;
    description: string;
    partner_types: PartnerType[];
    roles: Role[];
    certification_id: string | null;
    certification_name: string | null;
    validity_months: number | null;
    course_ids: string[] | null;
  }>(
    `SELECT p.id, p.name, p.description, p.partner_types, p.roles, p.certification_id,
            d.name AS certification_name, d.validity_months,
            (SELECT array_agg(lc.course_id ORDER BY lc.position) FROM learning_path_courses lc
              WHERE lc.path_id = p.id) AS course_ids
       FROM learning_paths p LEFT JOIN certification_definitions d ON d.id = p.certification_id
      ORDER BY p.position, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    audience: { partnerTypes: r.partner_types, roles: r.roles },
    courseIds: r.course_ids ?? [],
    certification: definition(r.certification_id, r.certification_name, r.validity_months),
  }));
}

// ---------------------------------------------------------------------------------------------
// Enrolments

export interface EnrollmentRow {
  id: string;
  partner_id: string;
  user_id: string;
  user_name: string;
  course_id: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
  completed_at: Date | null;
  last_activity_at: Date;
  completed_module_ids: string[];
  module_count: number;
}

/** Selects enrolment rows (alias `e`) with the learner's name and completed modules in course order. */
export const ENROLLMENT_SELECT = `SELECT e.id, e.partner_id, e.user_id, u.name AS user_name, e.course_id, e.status,
       e.enrolled_at, e.completed_at, e.last_activity_at,
       coalesce((SELECT array_agg(m.id ORDER BY m.position) FROM module_completions mc
                   JOIN course_modules m ON m.id = mc.module_id
                  WHERE mc.enrollment_id = e.id), '{}') AS completed_module_ids,
       (SELECT count(*) FROM course_modules m WHERE m.course_id = e.course_id)::int AS module_count
  FROM enrollments e JOIN users u ON u.id = e.user_id`;

export function toEnrollment(row: EnrollmentRow): Enrollment {
  return {
    id: row.id,
    courseId: row.course_id,
    userId: row.user_id,
    userName: row.user_name,
    status: row.status,
    completedModuleIds: row.completed_module_ids,
    progress: courseProgress(row.completed_module_ids.length, row.module_count),
    enrolledAt: row.enrolled_at.toISOString(),
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

export async function enrollmentById(q: Queryable, id: string): Promise<EnrollmentRow | null> {
  const { rows } = await q.query<EnrollmentRow>(`${ENROLLMENT_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Inserts an enrolment unless the person already has an open one for the course; returns its id. */
export async function insertEnrollment(
  q: Queryable,
  input: { partnerId: string; userId: string; courseId: string; now: Date; id?: string },
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO enrollments (id, partner_id, user_id, course_id, status, enrolled_at, last_activity_at)
     VALUES ($1, $2, $3, $4, 'enrolled', $5, $5)
     ON CONFLICT (user_id, course_id) WHERE completed_at IS NULL DO NOTHING
     RETURNING id`,
    [input.id ?? newId('enr'), input.partnerId, input.userId, input.courseId, input.now],
  );
  return rows[0]?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Certifications

export interface CertificationRow {
  id: string;
  partner_id: string;
  user_id: string;
  user_name: string;
  definition_id: string;
  name: string;
  course_id: string;
  earned_at: Date;
  expires_at: Date;
}

export const CERTIFICATION_SELECT = `SELECT c.id, c.partner_id, c.user_id, u.name AS user_name, c.definition_id,
       d.name, c.course_id, c.earned_at, c.expires_at
  FROM certifications c
  JOIN users u ON u.id = c.user_id
  JOIN certification_definitions d ON d.id = c.definition_id`;

export function toCertification(row: CertificationRow, tiers: readonly Tier[], now: Date): Certification {
  const status = certificationStatus(row.expires_at, now);
  return {
    id: row.id,
    definitionId: row.definition_id,
    name: row.name,
    userId: row.user_id,
    userName: row.user_name,
    courseId: row.course_id,
    earnedAt: row.earned_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    status,
    countsToward: certificationCountsToward(row.definition_id, tiers, status === 'expired'),
  };
}

/** The certification a person holds for a definition, if any (locked for update in a transaction). */
export async function heldCertification(
  q: Queryable,
  userId: string,
  definitionId: string,
): Promise<{ id: string; earned_at: Date; expires_at: Date } | null> {
  const { rows } = await q.query<{ id: string; earned_at: Date; expires_at: Date }>(
    'SELECT id, earned_at, expires_at FROM certifications WHERE user_id = $1 AND definition_id = $2 FOR UPDATE',
    [userId, definitionId],
  );
  return rows[0] ?? null;
}

/** Grants (or renews) a certification for a person; returns its id and what was done. */
export async function storeCertification(
  q: Queryable,
  input: {
    partnerId: string;
    userId: string;
    definitionId: string;
    courseId: string;
    validityMonths: number;
    now: Date;
    /** The id of a new certification (the demo seed's are fixed); random by default. */
    id?: string;
  },
): Promise<{ id: string; grant: CertificationGrant }> {
  const held = await heldCertification(q, input.userId, input.definitionId);
  const grant = grantCertification(
    input.validityMonths,
    held ? { earnedAt: held.earned_at, expiresAt: held.expires_at } : null,
    input.now,
  );
  if (held) {
    await q.query(
      `UPDATE certifications SET earned_at = $2, expires_at = $3, course_id = $4, renewals = renewals + 1
        WHERE id = $1`,
      [held.id, grant.earnedAt, grant.expiresAt, input.courseId],
    );
    return { id: held.id, grant };
  }
  // Another transaction may grant the same certification to the same person at the same moment
  // (two courses that grant it): the second one renews the first.
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO certifications
       (id, partner_id, user_id, definition_id, course_id, first_earned_at, earned_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
     ON CONFLICT (user_id, definition_id) DO UPDATE
       SET earned_at = EXCLUDED.earned_at, expires_at = EXCLUDED.expires_at, course_id = EXCLUDED.course_id,
           renewals = certifications.renewals + 1
     RETURNING id`,
    [
      input.id ?? newId('crt'),
      input.partnerId,
      input.userId,
      input.definitionId,
      input.courseId,
      grant.earnedAt,
      grant.expiresAt,
    ],
  );
  return { id: rows[0]!.id, grant };
}

// ---------------------------------------------------------------------------------------------
// Completing a module

export interface AppliedCompletion {
  result: ModuleCompletionResult;
  /** The certification this completion granted or renewed, if any. */
  certificationId: string | null;
}

/**
 * Completes `moduleId` of an enrolment inside transaction `tx` (the enrolment row is locked
 * first, so concurrent completions apply one after the other). Completing the last module of a
 * course that carries a certification grants it, or renews the one held. Throws the rules'
 * `UnknownModuleError` for a module of another course.
 */
export async function applyModuleCompletion(
  tx: Queryable,
  enrollmentId: string,
  moduleId: string,
  now: Date,
  options: { certificationId?: string } = {},
): Promise<AppliedCompletion> {
  const { rows } = await tx.query<{
    partner_id: string;
    user_id: string;
    course_id: string;
    status: EnrollmentStatus;
    completed_at: Date | null;
    certification_id: string | null;
    validity_months: number | null;
  }>(
    `SELECT e.partner_id, e.user_id, e.course_id, e.status, e.completed_at, c.certification_id, d.validity_months
       FROM enrollments e
       JOIN courses c ON c.id = e.course_id
       LEFT JOIN certification_definitions d ON d.id = c.certification_id
      WHERE e.id = $1
        FOR UPDATE OF e`,
    [enrollmentId],
  );
  const enrollment = rows[0];
  if (!enrollment) throw new Error(`No enrolment ${enrollmentId}`);
  const modules = (await modulesOf(tx, [enrollment.course_id])).get(enrollment.course_id) ?? [];
  const done = await tx.query<{ module_id: string }>(
    'SELECT module_id FROM module_completions WHERE enrollment_id = $1',
    [enrollmentId],
  );
  const result = completeModule(
    {
      status: enrollment.status,
      completedModuleIds: done.rows.map((r) => r.module_id),
      completedAt: enrollment.completed_at,
    },
    modules.map((m) => m.id),
    moduleId,
    now,
  );
  if (!result.changed) return { result, certificationId: null };
  await tx.query(
    'INSERT INTO module_completions (enrollment_id, module_id, completed_at) VALUES ($1, $2, $3)',
    [enrollmentId, moduleId, now],
  );
  await tx.query(
    `UPDATE enrollments SET status = $2, completed_at = $3, last_activity_at = GREATEST(last_activity_at, $4)
      WHERE id = $1`,
    [enrollmentId, result.status, result.completedAt, now],
  );
  let certificationId: string | null = null;
  if (result.finishedCourse && enrollment.certification_id && enrollment.validity_months) {
    ({ id: certificationId } = await storeCertification(tx, {
      partnerId: enrollment.partner_id,
      userId: enrollment.user_id,
      definitionId: enrollment.certification_id,
      courseId: enrollment.course_id,
      validityMonths: enrollment.validity_months,
      now,
      ...(options.certificationId ? { id: options.certificationId } : {}),
    }));
  }
  return { result, certificationId };
}
