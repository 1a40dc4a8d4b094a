// The life of a registration: which status changes are allowed, protection on approval, the one
// extension, expiry, and closing as won or lost. No I/O here.
import type { DealStatus } from '@partnerkit/api';
import { ApiError, invalidState } from '../types.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What the rules need to know of a registration. */
export interface RegistrationState {
  status: DealStatus;
  protectedUntil: Date | null;
  extended: boolean;
}

/** Approved and past its protection: the registration no longer holds its customer. */
export function isLapsed(reg: RegistrationState, now: Date): boolean {
  return (
    reg.status === 'approved' && reg.protectedUntil !== null && reg.protectedUntil.getTime() <= now.getTime()
  );
}

/** The status as of `now`: an approved registration past its protection is `expired`. */
export function effectiveStatus(reg: RegistrationState, now: Date): DealStatus {
  return isLapsed(reg, now) ? 'expired' : reg.status;
}

/** Whether the registration still holds its customer against other partners' registrations. */
export function isActive(reg: RegistrationState, now: Date): boolean {
  const status = effectiveStatus(reg, now);
  return status === 'submitted' || status === 'under_review' || status === 'approved';
}

export function canRequestExtension(reg: RegistrationState, now: Date): boolean {
  return effectiveStatus(reg, now) === 'approved' && !reg.extended;
}

/** Submitted -> under review. */
export function startReview(reg: RegistrationState, now: Date): { to: 'under_review' } {
  const status = effectiveStatus(reg, now);
  if (status !== 'submitted')
    throw invalidState(`Only a submitted registration can be put under review; this one is ${status}.`);
  return { to: 'under_review' };
}

/** Submitted or under review -> approved, protected for `days` from `now`. */
export function approve(
  reg: RegistrationState,
  now: Date,
  days: number,
): { to: 'approved'; protectedUntil: Date } {
  const status = effectiveStatus(reg, now);
  if (status !== 'submitted' && status !== 'under_review') {
    throw invalidState(
      `Only a submitted or under-review registration can be approved; this one is ${status}.`,
    );
  }
  if (!Number.isInteger(days) || days < 1) throw new RangeError('protection days must be a positive integer');
  return { to: 'approved', protectedUntil: new Date(now.getTime() + days * DAY_MS) };
}

/** Submitted or under review -> rejected. */
export function reject(reg: RegistrationState, now: Date): { to: 'rejected' } {
  const status = effectiveStatus(reg, now);
  if (status !== 'submitted' && status !== 'under_review') {
    throw invalidState(
      `Only a submitted or under-review registration can be rejected; this one is ${status}.`,
    );
  }
  return { to: 'rejected' };
}

/**
 * The one extension: approved, before protection ends, not extended before. The new end is the
 * current end plus `extensionDays`.
 */
export function extend(
  reg: RegistrationState,
  now: Date,
  extensionDays: number,
): { previousEnd: Date; newEnd: Date } {
  const status = effectiveStatus(reg, now);
  if (status !== 'approved') {
    throw invalidState(
      status === 'expired'
        ? 'Protection has ended; an extension must be requested before the end of protection.'
        : `Only an approved registration can be extended; this one is ${status}.`,
    );
  }
  if (reg.extended) {
    throw new ApiError(409, 'already_extended', 'This registration has already been extended once.');
  }
  const previousEnd = reg.protectedUntil!;
  return { previousEnd, newEnd: new Date(previousEnd.getTime() + extensionDays * DAY_MS) };
}

/** Approved (and still protected) -> won or lost. */
export function close(reg: RegistrationState, now: Date, outcome: 'won' | 'lost'): { to: 'won' | 'lost' } {
  const status = effectiveStatus(reg, now);
  if (status !== 'approved') {
    throw invalidState(`Only an approved registration can be reported ${outcome}; this one is ${status}.`);
  }
  return { to: outcome };
}
