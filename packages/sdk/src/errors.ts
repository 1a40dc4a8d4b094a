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

/** The machine code used when a response carries no problem document of its own. */
const DEFAULT_CODES: Record<PartnerkitErrorKind, string> = {
  authentication: 'unauthenticated',
  permission: 'forbidden',
  not_found: 'not_found',
  validation: 'validation_failed',
  conflict: 'conflict',
  rate_limit: 'rate_limited',
  server: 'internal',
  network: 'network_error',
  timeout: 'timeout',
  aborted: 'aborted',
};

const DEFAULT_TITLES: Record<PartnerkitErrorKind, string> = {
  authentication: 'Not authenticated',
  permission: 'Not allowed',
  not_found: 'Not found',
  validation: 'Invalid request',
  conflict: 'Conflict',
  rate_limit: 'Too many requests',
  server: 'Server error',
  network: 'Network error',
  timeout: 'Request timed out',
  aborted: 'Request aborted',
};

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
  readonly kind: PartnerkitErrorKind;
  /** The HTTP status, or 0 when there was no response. */
  readonly status: number;
  /** The machine code of the problem document (`deal_conflict`, `exceeds_remaining`, ...). */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field errors: `pointer` is a JSON Pointer into the request body (or `/query/<name>`, ...). */
  readonly errors: FieldError[];
  /** The conflict check result of a `deal_conflict`. */
  readonly conflict: ConflictCheckResult | undefined;
  /** The server's id for this request (from `X-Request-Id` or the problem document). */
  readonly requestId: string | undefined;
  /** The whole problem document, when the server sent one. */
  readonly problem: Problem | undefined;
  /** The response headers, when there was a response. */
  readonly headers: Headers | undefined;
  /** How long the server asked to wait before retrying (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: PartnerkitErrorInit) {
    const title = init.title || DEFAULT_TITLES[init.kind];
    super(
      init.detail ? `${title}: ${init.detail}` : title,
      init.cause === undefined ? {} : { cause: init.cause },
    );
    this.name = 'PartnerkitError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code || DEFAULT_CODES[init.kind];
    this.title = title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.conflict = init.conflict;
    this.requestId = init.requestId;
    this.problem = init.problem;
    this.headers = init.headers;
    this.retryAfterMs = init.retryAfterMs;
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
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The kind for an HTTP error status. */
export function kindForStatus(status: number): PartnerkitErrorKind {
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limit';
  if (status >= 400 && status < 500) return 'validation';
  return 'server';
}

/**
 * Reads `Retry-After` (delay in seconds, or an HTTP date) as milliseconds from now; `undefined`
 * when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    pointer: typeof e.pointer === 'string' ? e.pointer : '',
    code: typeof e.code === 'string' ? e.code : 'invalid',
    message: typeof e.message === 'string' ? e.message : '',
  }));
}

/**
 * Builds the error for a non-2xx response. `body` is the parsed JSON body when there was one,
 * or its text, or `undefined` for an empty body.
 */
export function errorFromResponse(response: Response, body: unknown): PartnerkitError {
  const status = response.status;
  const kind = kindForStatus(status);
  const headers = response.headers;
  const retryAfterMs = parseRetryAfter(headers.get('Retry-After'));
  const headerRequestId = headers.get('X-Request-Id') ?? undefined;
  if (isRecord(body) && (typeof body.code === 'string' || typeof body.title === 'string')) {
    const problem = body as unknown as Problem;
    return new PartnerkitError({
      kind,
      status,
      code: typeof body.code === 'string' ? body.code : undefined,
      title: typeof body.title === 'string' ? body.title : response.statusText,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: readFieldErrors(body.errors),
      conflict: isRecord(body.conflict) ? (body.conflict as unknown as ConflictCheckResult) : undefined,
      requestId: headerRequestId ?? (typeof body.requestId === 'string' ? body.requestId : undefined),
      problem,
      headers,
      retryAfterMs,
    });
  }
  // Not a problem document: an HTML error page from a proxy, plain text, or nothing at all.
  let detail: string | undefined;
  if (typeof body === 'string' && body.trim() !== '') {
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    detail = text.length > 300 ? `${text.slice(0, 300)}…` : text || undefined;
  }
  return new PartnerkitError({
    kind,
    status,
    title: response.statusText || `HTTP ${status}`,
    detail: detail ?? `The server answered ${status} without a problem document.`,
    requestId: headerRequestId,
    headers,
    retryAfterMs,
  });
}
