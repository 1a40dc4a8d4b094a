// The `fetch` beneath openapi-fetch: one attempt per try with its own timeout, retries for the
// requests that are safe to repeat (Stripe's policy), and bodies read within the attempt.
import { invalidResponse, PartnerkitError, parseRetryAfter } from './errors.js';

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

export type ResolvedRetry = Required<Omit<RetryOptions, 'onRetry'>> & Pick<RetryOptions, 'onRetry'>;

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

/** Throws the `TypeError` of a bad client option. */
export const badOption = (message: string): never => {
  throw new TypeError(`createPartnerkitClient: ${message}`);
};

/** `value` when it is a number >= 0, `fallback` when it is undefined; otherwise a `TypeError`. */
export const nonNegative = (name: string, value: unknown, fallback: number): number =>
  value === undefined
    ? fallback
    : typeof value === 'number' && value >= 0
      ? value
      : badOption(`${name} must be a number >= 0, got ${String(value)}`);

export function resolveRetry(retry: RetryOptions | false | undefined): ResolvedRetry {
  if (retry === false) return { maxRetries: 0, minDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
  if (retry !== undefined && (typeof retry !== 'object' || retry === null)) {
    badOption('retry must be an object or false');
  }
  const maxRetries = nonNegative('retry.maxRetries', retry?.maxRetries, 2);
  const minDelayMs = nonNegative('retry.minDelayMs', retry?.minDelayMs, 500);
  const maxDelayMs = nonNegative('retry.maxDelayMs', retry?.maxDelayMs, Math.max(5000, minDelayMs));
  if (!Number.isInteger(maxRetries)) badOption('retry.maxRetries must be an integer');
  if (maxDelayMs < minDelayMs) badOption('retry.maxDelayMs must not be below retry.minDelayMs');
  if (retry?.onRetry !== undefined && typeof retry.onRetry !== 'function') {
    badOption('retry.onRetry must be a function');
  }
  return {
    maxRetries,
    minDelayMs,
    maxDelayMs,
    maxRetryAfterMs: nonNegative('retry.maxRetryAfterMs', retry?.maxRetryAfterMs, 60_000),
    onRetry: retry?.onRetry,
  };
}

const aborted = (signal: AbortSignal, requestId?: string) =>
  new PartnerkitError({ kind: 'aborted', requestId, cause: signal.reason });

/**
 * Settles like `promise`, or rejects with an `aborted` error as soon as `signal` aborts (then
 * `onAbort` runs).
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal, onAbort?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      onAbort?.();
      reject(aborted(signal));
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Waits `ms`, or rejects with an `aborted` error as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return abortable(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal, () =>
    clearTimeout(timer),
  );
}

/** Whether an answer is worth another attempt: 429, 5xx, and a key still being processed. */
const worthRetrying = async (response: Response): Promise<boolean> =>
  response.status === 429 ||
  response.status >= 500 ||
  (response.status === 409 &&
    (
      await response
        .clone()
        .json()
        .catch(() => null)
    )?.code === 'idempotency_in_progress');

export function createTransport({ fetch, timeoutMs, retry, random = Math.random }: TransportConfig): Send {
  /** One attempt: its own timeout, the caller's signal, and the whole body read before it ends. */
  const attempt = async (request: Request): Promise<Response> => {
    const signal = request.signal;
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', abort);
    let timedOut = false;
    const timer =
      timeoutMs > 0 && timeoutMs < Number.POSITIVE_INFINITY
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    let response: Response;
    let body: ArrayBuffer | null;
    try {
      response = await fetch(new Request(request.clone(), { signal: controller.signal }));
      body = [101, 204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
    } catch (cause) {
      // No answer: the id we sent, if any, is the one the backend's logs know the request by.
      const requestId = request.headers.get('X-Request-Id') ?? undefined;
      throw signal.aborted
        ? aborted(signal, requestId)
        : new PartnerkitError(
            timedOut
              ? { kind: 'timeout', detail: `No answer within ${timeoutMs} ms.`, requestId, cause }
              : {
                  kind: 'network',
                  detail: cause instanceof Error ? cause.message : String(cause),
                  requestId,
                  cause,
                },
          );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    }
    const copy = new Response(body, response);
    if (copy.ok && body?.byteLength && /\bjson\b/i.test(copy.headers.get('Content-Type') ?? '')) {
      try {
        JSON.parse(new TextDecoder().decode(body));
      } catch (cause) {
        throw invalidResponse('The server answered with a body that is not valid JSON.', copy, cause);
      }
    }
    return copy;
  };

  return async (request, policy) => {
    const signal = request.signal;
    if (signal.aborted) throw aborted(signal);
    // Reads, and writes that carry an idempotency key, may be sent again.
    const retryable =
      /^(GET|HEAD|OPTIONS)$/.test(request.method) ||
      policy?.idempotent ||
      request.headers.has('Idempotency-Key');
    for (let n = 1; ; n++) {
      let response: Response | undefined;
      let error: PartnerkitError | undefined;
      try {
        response = await attempt(request);
      } catch (e) {
        error = e as PartnerkitError;
      }
      if (
        !retryable ||
        n > retry.maxRetries ||
        !(error ? error.kind === 'network' || error.kind === 'timeout' : await worthRetrying(response!))
      ) {
        if (error) throw error;
        return response!;
      }
      const retryAfterMs = parseRetryAfter(response?.headers.get('Retry-After') ?? null);
      const { minDelayMs: min } = retry;
      const delayMs =
        retryAfterMs === undefined
          ? Math.round(min + random() * Math.max(0, Math.min(retry.maxDelayMs, min * 2 ** n) - min))
          : Math.min(retryAfterMs, retry.maxRetryAfterMs);
      try {
        retry.onRetry?.({
          retry: n,
          delayMs,
          method: request.method,
          url: request.url,
          status: response?.status ?? 0,
          error,
          retryAfterMs,
        });
      } catch {
        // a failing log hook must not change the outcome of the call
      }
      await sleep(delayMs, signal);
    }
  };
}
