// Training rules: module completion and enrolment status, certification grant, renewal and expiry,
// which learning paths suit a caller, and which tiers a certification counts toward. No HTTP, no SQL.
import type { PartnerScope, PartnerType, Tier, TierRef } from '@partnerkit/api';

/** A certification is `expiring` within this many days of its expiry. */
export const EXPIRING_WITHIN_DAYS = 60;

const DAY_MS = 86_400_000;

/**
 * `date` plus `months` calendar months in UTC. The day of the month is kept, or clamped to the
 * last day of a shorter month (Jan 31 + 1 month = Feb 28 or 29). Negative `months` go back.
 */
export function addMonthsUtc(date: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError('months must be an integer');
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(
    Date.UTC(
      y,
      m,
      1,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** `date` plus `days` days of 24 hours. */
export function addDaysUtc(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** 00:00 UTC of `date`'s day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The `YYYY-MM-DD` UTC calendar day of `date`. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type CertificationStatus = 'active' | 'expiring' | 'expired';

/**
 * `expired` from the moment of expiry on; `expiring` when the expiry is at most 60 days away;
 * `active` otherwise.
 */
export function certificationStatus(expiresAt: Date, now: Date): CertificationStatus {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  if (left <= EXPIRING_WITHIN_DAYS * DAY_MS) return 'expiring';
  return 'active';
}

/** Whether a certification still counts (toward tiers): it has not expired. */
export function certificationCounts(expiresAt: Date, now: Date): boolean {
  return certificationStatus(expiresAt, now) !== 'expired';
}

export interface HeldCertification {
  earnedAt: Date;
  expiresAt: Date;
}

export interface CertificationGrant {
  /** `grant` for a first certification, `renew` when the user already holds (or held) it. */
  kind: 'grant' | 'renew';
  earnedAt: Date;
  expiresAt: Date;
}

/**
 * The certification a completed course grants: valid for `validityMonths` from `now`. When the
 * user already holds this certification (active, expiring or expired) the grant is a renewal
 * that replaces its dates (earned now, expiring `validityMonths` from now).
 */
export function grantCertification(
  validityMonths: number,
  held: HeldCertification | null,
  now: Date,
): CertificationGrant {
  if (!Number.isInteger(validityMonths) || validityMonths < 1) {
    throw new RangeError('validityMonths must be a whole number of months, at least 1');
  }
  const expiresAt = addMonthsUtc(now, validityMonths);
  return { kind: held ? 'renew' : 'grant', earnedAt: now, expiresAt };
}

/**
 * Whether a user whose enrolment in a course is complete may enrol again to renew the
 * certification it grants: only when that certification is expiring or has expired.
 */
export function mayReenrollToRenew(held: HeldCertification | null, now: Date): boolean {
  return held !== null && certificationStatus(held.expiresAt, now) !== 'active';
}

export type EnrollmentStatus = 'enrolled' | 'in_progress' | 'completed';

export interface EnrollmentState {
  status: EnrollmentStatus;
  completedModuleIds: readonly string[];
  completedAt: Date | null;
}

export interface ModuleCompletionResult {
  status: EnrollmentStatus;
  /** In the course's module order. */
  completedModuleIds: string[];
  /** Completed share of the modules, 0 to 1. */
  progress: number;
  completedAt: Date | null;
  /** False when the module was already complete: nothing to store. */
  changed: boolean;
  /** True when this completion finished the course. */
  finishedCourse: boolean;
}

/** Completed share of a course: completed / total, 0 for a course without modules. */
export function courseProgress(completed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, completed / total));
}

/** What an enrolment's status is once `completed` of `total` modules are done. */
export function enrollmentStatus(completed: number, total: number): EnrollmentStatus {
  if (total > 0 && completed >= total) return 'completed';
  return completed > 0 ? 'in_progress' : 'enrolled';
}

export class UnknownModuleError extends Error {
  constructor(readonly moduleId: string) {
    super(`The course has no module ${moduleId}.`);
    this.name = 'UnknownModuleError';
  }
}

/**
 * Marks `moduleId` complete. Idempotent: completing a module twice changes nothing. The status
 * moves enrolled -> in_progress -> completed; `completedAt` is set once, when the last module is
 * done. `courseModuleIds` is the course's modules in position order.
 */
export function completeModule(
  state: EnrollmentState,
  courseModuleIds: readonly string[],
  moduleId: string,
  now: Date,
): ModuleCompletionResult {
  if (!courseModuleIds.includes(moduleId)) throw new UnknownModuleError(moduleId);
  const done = new Set(state.completedModuleIds.filter((id) => courseModuleIds.includes(id)));
  const changed = !done.has(moduleId);
  done.add(moduleId);
  const completedModuleIds = courseModuleIds.filter((id) => done.has(id));
  const status = enrollmentStatus(completedModuleIds.length, courseModuleIds.length);
  const finishedCourse = status === 'completed' && state.status !== 'completed';
  return {
    status,
    completedModuleIds,
    progress: courseProgress(completedModuleIds.length, courseModuleIds.length),
    completedAt: state.completedAt ?? (status === 'completed' ? now : null),
    changed,
    finishedCourse,
  };
}

/** The caller a learning path or course is tailored to. */
export interface Learner {
  partnerType: PartnerType;
  role: 'partner_user' | 'partner_admin';
}

/**
 * Whether an audience includes the learner: its partner types and roles both include theirs; an
 * empty list means "everyone" for that dimension.
 */
export function audienceIncludes(audience: PartnerScope, learner: Learner): boolean {
  const typeOk = audience.partnerTypes.length === 0 || audience.partnerTypes.includes(learner.partnerType);
  const roleOk = audience.roles.length === 0 || audience.roles.includes(learner.role);
  return typeOk && roleOk;
}

const tierRef = (t: Tier): TierRef => ({ id: t.id, name: t.name, rank: t.rank });

/**
 * The tiers whose `certified_people` criterion counts `definitionId` (every tier with such a
 * criterion when it lists no certification ids), lowest first. A certification that has expired
 * counts toward none.
 */
export function certificationCountsToward(
  definitionId: string,
  tiers: readonly Tier[],
  expired = false,
): TierRef[] {
  if (expired) return [];
  return [...tiers]
    .sort((a, b) => a.rank - b.rank)
    .filter((tier) =>
      tier.criteria.some(
        (c) =>
          c.key === 'certified_people' &&
          (!c.certificationIds ||
            c.certificationIds.length === 0 ||
            c.certificationIds.includes(definitionId)),
      ),
    )
    .map(tierRef);
}
