// The `fetch` beneath openapi-fetch: one attempt per try with its own timeout, retries for the
// requests that are safe to repeat (Stripe's policy), and bodies read within the attempt.
import { isPartnerkitError, PartnerkitError, parseRetryAfter } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Shortest wait before a retry, in milliseconds (default 500). */
  minDelayMs?: number;
  /** Longest backoff wait, in milliseconds (default 5000). */
  maxDelayMs?: number;
  /** Longest wait a `Retry-After` header may impose, in milliseconds (default 60000). */
  maxRetryAfterMs?: number;
  /** Called before each wait: for logs and metrics. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  /** How long the client waits before it. */
  delayMs: number;
  method: string;
  url: string;
  /** The status that caused it, or 0 for a network error or timeout. */
  status: number;
  /** The error of the failed attempt. */
  error: PartnerkitError | undefined;
  /** The `Retry-After` of the failed attempt, in milliseconds, when it had one. */
  retryAfterMs: number | undefined;
}

export interface ResolvedRetry {
  maxRetries: number;
  minDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  onRetry: ((info: RetryInfo) => void) | undefined;
}

export interface TransportConfig {
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  retry: ResolvedRetry;
  /** Uniform random number in [0, 1); injectable for tests. */
  random?: () => number;
}

export interface SendPolicy {
  /** Treat a request whose method is not GET as safe to repeat (a read sent as POST). */
  idempotent?: boolean;
}

export type Send = (request: Request, policy?: SendPolicy) => Promise<Response>;

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new TypeError(`Partnerkit client: ${name} must be a number >= 0, got ${String(value)}`);
  }
  return value;
}

export function resolveRetry(retry: RetryOptions | false | undefined): ResolvedRetry {
  if (retry === false) {
    return { maxRetries: 0, minDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0, onRetry: undefined };
  }
  if (retry !== undefined && (typeof retry !== 'object' || retry === null)) {
    throw new TypeError('Partnerkit client: retry must be an object or false');
  }
  const maxRetries = nonNegative('retry.maxRetries', retry?.maxRetries, 2);
  if (!Number.isInteger(maxRetries))
    throw new TypeError('Partnerkit client: retry.maxRetries must be an integer');
  const minDelayMs = nonNegative('retry.minDelayMs', retry?.minDelayMs, 500);
  const maxDelayMs = nonNegative('retry.maxDelayMs', retry?.maxDelayMs, Math.max(5000, minDelayMs));
  if (maxDelayMs < minDelayMs) {
    throw new TypeError('Partnerkit client: retry.maxDelayMs must not be below retry.minDelayMs');
  }
  const maxRetryAfterMs = nonNegative('retry.maxRetryAfterMs', retry?.maxRetryAfterMs, 60_000);
  if (retry?.onRetry !== undefined && typeof retry.onRetry !== 'function') {
    throw new TypeError('Partnerkit client: retry.onRetry must be a function');
  }
  return { maxRetries, minDelayMs, maxDelayMs, maxRetryAfterMs, onRetry: retry?.onRetry };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Whether a request may be sent again: reads, and writes that carry an idempotency key. */
export function isRetryable(request: Request, policy?: SendPolicy): boolean {
  return (
    SAFE_METHODS.has(request.method) || policy?.idempotent === true || request.headers.has('Idempotency-Key')
  );
}

function abortedError(signal: AbortSignal, requestId?: string): PartnerkitError {
  return new PartnerkitError({ kind: 'aborted', requestId, cause: signal.reason });
}

/** Waits `ms`, or rejects with an `aborted` error as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with an `aborted` error when `signal` aborts first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') {
      return body.code;
    }
  } catch {
    // not JSON: no code
  }
  return undefined;
}

async function isRetryableResponse(response: Response): Promise<boolean> {
  if (response.status === 429 || response.status >= 500) return true;
  if (response.status === 409) return (await problemCode(response)) === 'idempotency_in_progress';
  return false;
}

export function createTransport(config: TransportConfig): Send {
  const random = config.random ?? Math.random;
  const { retry, timeoutMs } = config;

  const backoff = (retryNumber: number): number => {
    const ceiling = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** retryNumber);
    return Math.round(retry.minDelayMs + random() * Math.max(0, ceiling - retry.minDelayMs));
  };

  /** One attempt: its own timeout, the caller's signal, and the whole body read before it ends. */
  const attempt = async (request: Request): Promise<Response> => {
    const callerSignal = request.signal;
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener('abort', onAbort, { once: true });
    const timer =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(
              new PartnerkitError({ kind: 'timeout', detail: `No answer within ${timeoutMs} ms.` }),
            );
          }, timeoutMs)
        : undefined;
    try {
      const response = await config.fetch(new Request(request.clone(), { signal: controller.signal }));
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      const type = copy.headers.get('Content-Type') ?? '';
      if (copy.ok && body !== null && body.byteLength > 0 && /\bjson\b/i.test(type)) {
        try {
          JSON.parse(new TextDecoder().decode(body));
        } catch (cause) {
          throw new PartnerkitError({
            kind: 'server',
            status: copy.status,
            code: 'invalid_response',
            title: 'Invalid response',
            detail: 'The server answered with a body that is not valid JSON.',
            requestId: copy.headers.get('X-Request-Id') ?? undefined,
            headers: copy.headers,
            cause,
          });
        }
      }
      return copy;
    } catch (error) {
      if (isPartnerkitError(error) && error.kind === 'server') throw error;
      // No answer: the id we sent, if any, is the one the backend's logs know the request by.
      const requestId = request.headers.get('X-Request-Id') ?? undefined;
      if (callerSignal.aborted) throw abortedError(callerSignal, requestId);
      if (timedOut) {
        throw new PartnerkitError({
          kind: 'timeout',
          detail: `No answer within ${timeoutMs} ms.`,
          requestId,
          cause: error,
        });
      }
      throw new PartnerkitError({
        kind: 'network',
        detail: error instanceof Error ? error.message : String(error),
        requestId,
        cause: error,
      });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal.removeEventListener('abort', onAbort);
    }
  };

  return async (request, policy) => {
    const signal = request.signal;
    if (signal.aborted) throw abortedError(signal);
    const retryable = isRetryable(request, policy);
    for (let retryNumber = 1; ; retryNumber++) {
      let response: Response | undefined;
      let failure: PartnerkitError | undefined;
      try {
        response = await attempt(request);
      } catch (error) {
        if (!isPartnerkitError(error)) throw error;
        failure = error;
      }
      const exhausted = !retryable || retryNumber > retry.maxRetries;
      const worthRetrying = failure
        ? failure.kind === 'network' || failure.kind === 'timeout'
        : response !== undefined && (await isRetryableResponse(response));
      if (exhausted || !worthRetrying) {
        if (failure) throw failure;
        return response as Response;
      }
      const retryAfterMs = response ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
      const delayMs =
        retryAfterMs !== undefined ? Math.min(retryAfterMs, retry.maxRetryAfterMs) : backoff(retryNumber);
      try {
        retry.onRetry?.({
          retry: retryNumber,
          delayMs,
          method: request.method,
          url: request.url,
          status: response?.status ?? 0,
          error: failure,
          retryAfterMs,
        });
      } catch {
        // a failing log hook must not change the outcome of the call
      }
      await sleep(delayMs, signal);
    }
  };
}
