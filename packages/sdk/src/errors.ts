import type { ConflictCheckResult, FieldError, Problem } from '@partnerkit/api';

/** Every kind of failure a Partnerkit call can end in. Components report the same kinds. */
export const ERROR_KINDS = [
  'authentication',
  'permission',
  'not_found',
  'validation',
  'conflict',
  'rate_limit',
  'server',
  'network',
  'timeout',
  'aborted',
] as const;

export type PartnerkitErrorKind = (typeof ERROR_KINDS)[number];

const BRAND = Symbol.for('partnerkit.error');

/** The machine code and the title used when an answer carries none: one per kind, in order. */
const CODES =
  'unauthenticated forbidden not_found validation_failed conflict rate_limited internal network_error timeout aborted';
const TITLES =
  'Not authenticated,Not allowed,Not found,Invalid request,Conflict,Too many requests,Server error,Network error,Request timed out,Request aborted';

export interface PartnerkitErrorInit {
  kind: PartnerkitErrorKind;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  conflict?: ConflictCheckResult;
  requestId?: string;
  problem?: Problem;
  headers?: Headers;
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * The one error every SDK call throws: an HTTP error answer (with the problem document), or a
 * failure to get an answer at all (`network`, `timeout`, `aborted`, with `status` 0).
 */
export class PartnerkitError extends Error {
  /** What went wrong, from a small fixed set: switch on it. */
  declare readonly kind: PartnerkitErrorKind;
  /** The HTTP status, or 0 when there was no response. */
  declare readonly status: number;
  /** The machine code of the problem document (`deal_conflict`, `exceeds_remaining`, ...). */
  declare readonly code: string;
  declare readonly title: string;
  declare readonly detail: string | undefined;
  /** Field errors: `pointer` is a JSON Pointer into the request body (or `/query/<name>`, ...). */
  declare readonly errors: FieldError[];
  /** The conflict check result of a `deal_conflict`. */
  declare readonly conflict: ConflictCheckResult | undefined;
  /** The server's id for this request (from `X-Request-Id` or the problem document). */
  declare readonly requestId: string | undefined;
  /** The whole problem document, when the server sent one. */
  declare readonly problem: Problem | undefined;
  /** The response headers, when there was a response. */
  declare readonly headers: Headers | undefined;
  /** How long the server asked to wait before retrying (`Retry-After`), in milliseconds. */
  declare readonly retryAfterMs: number | undefined;

  constructor({ cause, ...init }: PartnerkitErrorInit) {
    const i = ERROR_KINDS.indexOf(init.kind);
    const title = init.title || TITLES.split(',')[i]!;
    super(init.detail ? `${title}: ${init.detail}` : title, cause === undefined ? {} : { cause });
    Object.assign(this, init, {
      name: 'PartnerkitError',
      status: init.status ?? 0,
      code: init.code || CODES.split(' ')[i],
      title,
      errors: init.errors ?? [],
    });
    // Every copy of the SDK marks its errors with the same registered symbol.
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The field errors whose pointer is `pointer` or lies beneath it. */
  errorsAt(pointer: string): FieldError[] {
    return this.errors.filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`));
  }

  /** `instanceof` also recognises errors made by another copy of the SDK on the same page. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isPartnerkitError(value);
  }
}

/** True for any `PartnerkitError`, even one thrown by another copy of the SDK. */
export function isPartnerkitError(value: unknown): value is PartnerkitError {
  return (value as Record<symbol, unknown> | null)?.[BRAND] === true;
}

/** The kind for an HTTP error status. */
export function kindForStatus(status: number): PartnerkitErrorKind {
  return status === 401
    ? 'authentication'
    : status === 403
      ? 'permission'
      : status === 404 || status === 410
        ? 'not_found'
        : status === 409
          ? 'conflict'
          : status === 429
            ? 'rate_limit'
            : status >= 400 && status < 500
              ? 'validation'
              : 'server';
}

/**
 * Reads `Retry-After` (delay in seconds, or an HTTP date) as milliseconds from now; `undefined`
 * when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(+text * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Builds the error for a non-2xx response. `body` is the parsed JSON body when there was one,
 * or its text, or `undefined` for an empty body.
 */
export function errorFromResponse({ status, statusText, headers }: Response, body: unknown): PartnerkitError {
  const init = {
    kind: kindForStatus(status),
    status,
    headers,
    retryAfterMs: parseRetryAfter(headers.get('Retry-After')),
    requestId: headers.get('X-Request-Id') ?? undefined,
  };
  if (isRecord(body) && (text(body.code) ?? text(body.title)) !== undefined) {
    return new PartnerkitError({
      ...init,
      code: text(body.code),
      title: text(body.title) ?? statusText,
      detail: text(body.detail),
      errors: Array.isArray(body.errors)
        ? body.errors.filter(isRecord).map((e) => ({
            pointer: text(e.pointer) ?? '',
            code: text(e.code) ?? 'invalid',
            message: text(e.message) ?? '',
          }))
        : [],
      conflict: isRecord(body.conflict) ? (body.conflict as unknown as ConflictCheckResult) : undefined,
      requestId: init.requestId ?? text(body.requestId),
      problem: body as unknown as Problem,
    });
  }
  // Not a problem document: an HTML error page from a proxy, plain text, or nothing at all.
  const page =
    text(body)
      ?.replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() ?? '';
  return new PartnerkitError({
    ...init,
    title: statusText || `HTTP ${status}`,
    detail: page
      ? page.length > 300
        ? `${page.slice(0, 300)}…`
        : page
      : `The server answered ${status} without a problem document.`,
  });
}

/** An answer the SDK cannot use (a 2xx without its body, a body that is not JSON, a looping cursor). */
export const invalidResponse = (detail: string, response?: Response, cause?: unknown): PartnerkitError =>
  new PartnerkitError({
    kind: 'server',
    status: response?.status,
    code: 'invalid_response',
    title: 'Invalid response',
    detail,
    requestId: response?.headers.get('X-Request-Id') ?? undefined,
    headers: response?.headers,
    cause,
  });
