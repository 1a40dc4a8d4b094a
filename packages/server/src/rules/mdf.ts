// MDF budget arithmetic: what a fund has left, what a request may ask for, what an approval
// reserves and releases, what a claim may take, and when an untouched request expires.
// Integer minor units only; no HTTP and no SQL here.
import { ApiError, invalidState, type Schemas } from '../types.js';

export type MdfRequestStatus = Schemas['MdfRequestStatus'];
export type MdfClaimStatus = Schemas['MdfClaimStatus'];

/** Days after an approved activity ends within which it must be claimed. */
export const CLAIM_WINDOW_DAYS = 60;

/** The largest amount the contract accepts, in minor units. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** What the arithmetic needs of a request. */
export interface RequestAmounts {
  status: MdfRequestStatus;
  requestedAmount: number;
  approvedAmount: number | null;
}

/** What the arithmetic needs of a claim. */
export interface ClaimAmounts {
  status: MdfClaimStatus;
  amount: number;
  approvedAmount: number | null;
}

export interface FundTotals {
  allocated: number;
  /** Asked for by requests still awaiting a decision. */
  requested: number;
  /** Reserved by approved and partially approved requests. */
  approved: number;
  /** Granted to approved and paid claims. */
  claimed: number;
  /** allocated - requested - approved. */
  remaining: number;
}

function assertMinorUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer amount in minor units, got ${value}.`);
  }
}

/** How much of the fund a request holds: pending requests hold what they ask, approved ones what was granted. */
export function requestHold(request: RequestAmounts): { requested: number; approved: number } {
  switch (request.status) {
    case 'submitted':
      return { requested: request.requestedAmount, approved: 0 };
    case 'approved':
    case 'partially_approved':
      return { requested: 0, approved: request.approvedAmount ?? 0 };
    default:
      // rejected and expired requests hold nothing: their reservation is released
      return { requested: 0, approved: 0 };
  }
}

/** What a claim takes from its request's approved amount: its amount while pending, what was granted once decided. */
export function claimHold(claim: ClaimAmounts): number {
  switch (claim.status) {
    case 'submitted':
      return claim.amount;
    case 'approved':
    case 'paid':
      return claim.approvedAmount ?? claim.amount;
    default:
      return 0;
  }
}

/** The fund's figures, computed from its requests and their claims every time (never stored, never drifting). */
export function fundTotals(
  allocated: number,
  requests: RequestAmounts[],
  claims: ClaimAmounts[],
): FundTotals {
  assertMinorUnits(allocated, 'allocated');
  let requested = 0;
  let approved = 0;
  for (const r of requests) {
    const hold = requestHold(r);
    requested += hold.requested;
    approved += hold.approved;
  }
  let claimed = 0;
  for (const c of claims) {
    if (c.status === 'approved' || c.status === 'paid') claimed += c.approvedAmount ?? c.amount;
  }
  return {
    allocated,
    requested,
    approved,
    claimed,
    remaining: Math.max(0, allocated - requested - approved),
  };
}

/** Refuses a zero amount where one makes no sense (a request or claim of nothing). */
export function assertPositive(amount: number, pointer: string, what: string): void {
  assertMinorUnits(amount, what);
  if (amount === 0) {
    throw new ApiError(422, 'validation_failed', `The ${what} must be more than zero.`, {
      errors: [{ pointer, code: 'minimum', message: `The ${what} must be more than zero.` }],
    });
  }
}

/** Amounts are in the fund's currency; there is no conversion. */
export function assertCurrency(actual: string, expected: string, pointer: string): void {
  if (actual !== expected) {
    const message = `The amount must be in ${expected}, the fund's currency.`;
    throw new ApiError(422, 'currency_mismatch', message, {
      errors: [{ pointer, code: 'currency_mismatch', message }],
    });
  }
}

/** Whether a string is a real calendar day `YYYY-MM-DD` (no 30 February, years 1000 to 9999). */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Every named day must be a real calendar day; one 422 names each that is not. */
export function assertCalendarDays(days: Record<string, string>): void {
  const errors = Object.entries(days)
    .filter(([, value]) => !isCalendarDay(value))
    .map(([pointer]) => ({
      pointer,
      code: 'format',
      message: `${pointer} must be a real calendar day (YYYY-MM-DD).`,
    }));
  if (errors.length > 0)
    throw new ApiError(422, 'validation_failed', 'A date is not a real calendar day.', { errors });
}

/** A calendar-day range: the end may not come before the start. */
export function assertDayRange(
  startsOn: string,
  endsOn: string,
  startPointer: string,
  endPointer: string,
): void {
  if (endsOn < startsOn) {
    throw new ApiError(422, 'validation_failed', 'The end date is before the start date.', {
      errors: [
        {
          pointer: endPointer,
          code: 'before_start',
          message: 'The end date must be on or after the start date.',
        },
        {
          pointer: startPointer,
          code: 'after_end',
          message: 'The start date must be on or before the end date.',
        },
      ],
    });
  }
}

/** A new request may ask for at most what the fund has left. */
export function checkRequestAmount(totals: FundTotals, amount: number): void {
  assertPositive(amount, '/requestedAmount/amount', 'requested amount');
  if (amount > totals.remaining) {
    const message = `The requested amount (${amount}) is above the fund's remaining amount (${totals.remaining}).`;
    throw new ApiError(422, 'exceeds_remaining', message, {
      errors: [{ pointer: '/requestedAmount/amount', code: 'exceeds_remaining', message }],
    });
  }
}

export interface ApprovalOutcome {
  status: 'approved' | 'partially_approved';
  /** Reserved from the fund by this approval. */
  approvedAmount: number;
  /** Given back to the fund's remaining amount (requested - approved). */
  released: number;
}

/**
 * Approving a submitted request: in full when no amount is given or the amount equals the request,
 * in part when it is lower (the difference is released); never above what was requested.
 */
export function approveRequest(
  request: { status: MdfRequestStatus; requestedAmount: number },
  amount?: number,
): ApprovalOutcome {
  assertRequestTransition(request.status, 'approved');
  const granted = amount ?? request.requestedAmount;
  assertMinorUnits(granted, 'approved amount');
  if (granted === 0) {
    throw new ApiError(422, 'validation_failed', 'Approve at least one minor unit, or reject the request.', {
      errors: [
        {
          pointer: '/amount/amount',
          code: 'minimum',
          message: 'The approved amount must be more than zero.',
        },
      ],
    });
  }
  if (granted > request.requestedAmount) {
    const message = `The approved amount (${granted}) is above the requested amount (${request.requestedAmount}).`;
    throw new ApiError(422, 'exceeds_requested', message, {
      errors: [{ pointer: '/amount/amount', code: 'exceeds_requested', message }],
    });
  }
  return {
    status: granted < request.requestedAmount ? 'partially_approved' : 'approved',
    approvedAmount: granted,
    released: request.requestedAmount - granted,
  };
}

/** What rejecting or expiring a request gives back to the fund: everything it held. */
export function releaseOnClose(request: RequestAmounts): number {
  const hold = requestHold(request);
  return hold.requested + hold.approved;
}

const requestTransitions: Record<MdfRequestStatus, readonly MdfRequestStatus[]> = {
  submitted: ['approved', 'partially_approved', 'rejected', 'expired'],
  approved: ['expired'],
  partially_approved: ['expired'],
  rejected: [],
  expired: [],
};

/** The request lifecycle; a move it does not allow is a 409 `invalid_state`. */
export function assertRequestTransition(from: MdfRequestStatus, to: MdfRequestStatus): void {
  if (!requestTransitions[from].includes(to)) {
    throw invalidState(
      `An MDF request that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`,
    );
  }
}

/** Claims are made only against approved (or partially approved) requests. */
export function canClaim(status: MdfRequestStatus): boolean {
  return status === 'approved' || status === 'partially_approved';
}

/**
 * A new claim: only on an approved request, and the claims that still count (pending, approved,
 * paid) plus this one may not go above the approved amount.
 */
export function checkClaimAmount(
  request: { status: MdfRequestStatus; approvedAmount: number | null },
  existing: ClaimAmounts[],
  amount: number,
): { claimedSoFar: number; available: number } {
  if (!canClaim(request.status)) {
    throw invalidState(
      `Claims can be made only against an approved request; this one is ${request.status.replace('_', ' ')}.`,
    );
  }
  assertPositive(amount, '/amount/amount', 'claimed amount');
  const approved = request.approvedAmount ?? 0;
  const claimedSoFar = existing.reduce((sum, c) => sum + claimHold(c), 0);
  const available = Math.max(0, approved - claimedSoFar);
  if (amount > available) {
    const message = `The claimed amount (${amount}) is above what is left of the approved amount (${available} of ${approved}).`;
    throw new ApiError(422, 'exceeds_approved', message, {
      errors: [{ pointer: '/amount/amount', code: 'exceeds_approved', message }],
    });
  }
  return { claimedSoFar, available };
}

const claimTransitions: Record<MdfClaimStatus, readonly MdfClaimStatus[]> = {
  submitted: ['approved', 'rejected'],
  approved: ['paid'],
  rejected: [],
  paid: [],
};

/** The claim lifecycle: submitted -> approved -> paid, or submitted -> rejected. */
export function assertClaimTransition(from: MdfClaimStatus, to: MdfClaimStatus): void {
  if (!claimTransitions[from].includes(to)) {
    throw invalidState(`An MDF claim that is ${from} cannot become ${to}.`);
  }
}

/** Approving a claim in full, or in part (never above the claimed amount, never zero). */
export function approveClaim(claim: { status: MdfClaimStatus; amount: number }, amount?: number): number {
  assertClaimTransition(claim.status, 'approved');
  const granted = amount ?? claim.amount;
  assertMinorUnits(granted, 'approved amount');
  if (granted === 0) {
    throw new ApiError(422, 'validation_failed', 'Approve at least one minor unit, or reject the claim.', {
      errors: [
        {
          pointer: '/amount/amount',
          code: 'minimum',
          message: 'The approved amount must be more than zero.',
        },
      ],
    });
  }
  if (granted > claim.amount) {
    const message = `The approved amount (${granted}) is above the claimed amount (${claim.amount}).`;
    throw new ApiError(422, 'exceeds_claimed', message, {
      errors: [{ pointer: '/amount/amount', code: 'exceeds_claimed', message }],
    });
  }
  return granted;
}

/** `YYYY-MM-DD` plus a number of days (calendar arithmetic in UTC). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar day in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The last day on which an approved request may still be claimed for the first time. */
export function claimDeadline(endsOn: string): string {
  return addDays(endsOn, CLAIM_WINDOW_DAYS);
}

export type ExpiryReason = 'fund_period_ended' | 'not_claimed';

/**
 * Whether a request expires today: a pending request whose fund period has ended, or an approved
 * one with no claim that still counts by the end of the claim window.
 */
export function expiryOf(
  request: { status: MdfRequestStatus; endsOn: string },
  fundEndsOn: string,
  liveClaims: number,
  today: string,
): ExpiryReason | null {
  if (request.status === 'submitted' && today > fundEndsOn) return 'fund_period_ended';
  if (canClaim(request.status) && liveClaims === 0 && today > claimDeadline(request.endsOn))
    return 'not_claimed';
  return null;
}

export const expiryReasons: Record<ExpiryReason, string> = {
  fund_period_ended: 'The fund period ended before a decision was made.',
  not_claimed: `Not claimed within ${CLAIM_WINDOW_DAYS} days after the activity ended.`,
};

/** Half-year periods: `H1 2026` (Jan to Jun) and `H2 2026` (Jul to Dec). */
export function halfYear(day: string): { label: string; startsOn: string; endsOn: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month <= 6
    ? { label: `H1 ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-06-30` }
    : { label: `H2 ${year}`, startsOn: `${year}-07-01`, endsOn: `${year}-12-31` };
}

/** Whether two calendar-day ranges share at least one day. */
export function periodsOverlap(
  a: { startsOn: string; endsOn: string },
  b: { startsOn: string; endsOn: string },
): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}
