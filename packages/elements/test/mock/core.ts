// What every domain of the mock API shares: replies, problem documents, the context a route's
// handler gets, and the shape of a route. See ../mock-api.ts for the mock API itself.
import type { FieldError, Me } from '@partnerkit/api';

/** One day in milliseconds. */
export const DAY = 86_400_000;

/** An answer of the mock API: status, JSON payload, extra headers. */
export class Reply {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A problem document (RFC 9457) with the contract's `code`, and any extra members. */
export const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) =>
  new Reply(status, { type: 'about:blank', title, status, code, ...extra });

/** A 400 `validation_failed` with one field error at `pointer`. */
export const fieldError = (pointer: string, code: string, message: string) =>
  problem(400, 'validation_failed', 'Invalid request', { errors: [{ pointer, code, message }] });

/** A 400 `validation_failed` with several field errors. */
export const fieldErrors = (errors: FieldError[]) =>
  problem(400, 'validation_failed', 'Invalid request', { errors });

export const notFound = () => problem(404, 'not_found', 'Not found');

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One request as the mock API received it. */
export interface MockCall<Operation extends string = string> {
  operation: Operation | 'unknown';
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
  idempotencyKey: string | null;
  /** The request's signal: `aborted` tells whether the caller gave up on it. */
  signal: AbortSignal;
  /** The HTTP status answered (0 while pending, or for a network failure). */
  status: number;
  /** True when the answer was a stored reply to an earlier request with the same key. */
  replayed: boolean;
}

/** What a route's handler works with: the live options, the stored state, the clock, the caller. */
export interface MockContext<Options, State> {
  readonly options: Options;
  readonly state: State;
  now(): number;
  me(): Me;
  /** A new id or reference number, counting up across the whole mock API. */
  sequence(): number;
}

/** One operation of the contract: its method, its path (with its parameters as groups) and handler. */
export interface Route<Operation extends string, Options, State> {
  method: 'GET' | 'POST';
  path: RegExp;
  operation: Operation;
  /** The answer; a promise for the few that take time to make (a PDF, say). */
  handle(
    context: MockContext<Options, State>,
    call: MockCall<Operation>,
    params: string[],
  ): Reply | Promise<Reply>;
}

/**
 * A cursor page of `all`, as the contract pages lists: `limit` from 1 to 100 (default 25), the
 * cursor an offset; a bad one answers 400 with its pointer.
 */
export function page<T>(all: T[], query: URLSearchParams, extra: Record<string, unknown> = {}): Reply {
  const limit = Number(query.get('limit') ?? '25');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return fieldError('/query/limit', 'maximum', 'must be an integer from 1 to 100');
  }
  const offset = Number(query.get('cursor') ?? 0);
  if (!Number.isInteger(offset) || offset < 0)
    return fieldError('/query/cursor', 'format', 'is not a cursor');
  return new Reply(200, {
    items: all.slice(offset, offset + limit),
    nextCursor: offset + limit < all.length ? String(offset + limit) : null,
    ...extra,
  });
}
