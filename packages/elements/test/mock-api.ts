/**
 * An in-memory Partnerkit API behind a `fetch` function, for browser tests and Storybook stories.
 * Hand its `fetch` to the real SDK, so the SDK's own code (auth, errors, retries, pagination) runs:
 *
 * ```ts
 * import { createPartnerkitClient } from '@partnerkit/sdk';
 * import { createMockApi } from '@partnerkit/elements/test/mock-api.ts'; // or a relative path
 *
 * const api = createMockApi({ deals: 40, latency: 150 });
 * portal.client = createPartnerkitClient({ baseUrl: MOCK_BASE_URL, token: 'demo', fetch: api.fetch, retry: false });
 * ```
 *
 * Operations (by operationId of the contract), one module per domain in `mock/`: deals
 * (`mock/deals.ts`: `getMe`, `listProducts`, `listDealFields`, `checkDealConflict`,
 * `registerDeal`, `listDealRegistrations`, `getDealRegistration`, `requestDealExtension`),
 * training (`mock/training.ts`), tiers (`mock/tiers.ts`), MDF (`mock/mdf.ts`) and assets
 * (`mock/assets.ts`: `listAssets`, `getAsset`, `createAssetDownload`, whose links are `blob:` URLs). Every `POST` with an `Idempotency-Key` is replayed as the contract says.
 * Anything else answers 404 with a problem document.
 *
 * Options (all optional, and all live: change `api.options` at any time): each domain's own
 * (`DealsOptions`: `me`, `products`, `fields`, `deals`, `conflict`; the others in their modules),
 * and these:
 * - `latency`: milliseconds before answering, or `'never'` (the request stays pending until it
 *   is aborted: the loading state); one value, or one per operation.
 * - `fail`: per operation, a {@link MockFailure} or just an error kind (`'server'`, `'network'`,
 *   `'validation'`, ...): the next `times` calls (default every call) fail that way.
 * - `token`: the only bearer token accepted (default: any non-empty one); others answer 401.
 * - `now`: the clock, in milliseconds (default `Date.now()`).
 *
 * The returned object has `fetch`, `options`, `state` (the stored deals and idempotent replies)
 * and `calls` (every request received, with its operation, body, idempotency key and signal, so
 * a test can check that a stale request was aborted).
 */

import {
  type AssetsOperation,
  type AssetsOptions,
  type AssetsState,
  assetRoutes,
  assetsState,
} from './mock/assets.js';
import { type MockCall, type MockContext, problem, Reply, type Route } from './mock/core.js';
import {
  type DealsOperation,
  type DealsOptions,
  type DealsState,
  dealRoutes,
  dealsState,
  demoMe,
} from './mock/deals.js';
import { type MdfOperation, type MdfOptions, type MdfState, mdfRoutes, mdfState } from './mock/mdf.js';
import {
  type TiersOperation,
  type TiersOptions,
  type TiersState,
  tierRoutes,
  tiersState,
} from './mock/tiers.js';
import {
  type TrainingOperation,
  type TrainingOptions,
  type TrainingState,
  trainingRoutes,
  trainingState,
} from './mock/training.js';

export * from './mock/assets.js';
export type { MockCall, MockContext, Route } from './mock/core.js';
export { DAY, Reply } from './mock/core.js';
export * from './mock/deals.js';
export * from './mock/mdf.js';
export * from './mock/tiers.js';
export * from './mock/training.js';

/** The base URL to give the SDK with the mock's `fetch` (any URL works; this one is never fetched). */
export const MOCK_BASE_URL = 'https://api.partnerkit.test';

export type MockOperation =
  | DealsOperation
  | TrainingOperation
  | TiersOperation
  | MdfOperation
  | AssetsOperation;

export type MockErrorKind =
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limit'
  | 'server'
  | 'network'
  | 'timeout';

/** A planned failure of an operation. */
export interface MockFailure {
  kind: MockErrorKind;
  /** How many calls fail this way before the operation works again (default: all of them). */
  times?: number;
  /** How many calls work before the failures begin (default 0): a later page that fails, say. */
  after?: number;
  /**
   * For `network`: the server did the work (stored the registration) but the answer was lost on
   * the way back, as when a connection drops after the request arrived.
   */
  afterProcessing?: boolean;
  /** The problem's `code` (default by kind: `validation_failed`, `deal_conflict`, ...). */
  code?: string;
  /** Field errors of a `validation` failure. */
  errors?: import('@partnerkit/api').FieldError[];
  /** The problem's `detail`. */
  detail?: string;
}

export type Latency = number | 'never';

export interface MockApiOptions
  extends DealsOptions,
    TrainingOptions,
    TiersOptions,
    MdfOptions,
    AssetsOptions {
  latency?: Latency | Partial<Record<MockOperation, Latency>>;
  fail?: Partial<Record<MockOperation, MockFailure | MockErrorKind>>;
  token?: string;
  now?: number;
}

export interface MockState extends DealsState, TrainingState, TiersState, MdfState, AssetsState {
  /** Stored replies by idempotency key: the body they answered and the reply. */
  replies: Map<string, { body: string; status: number; payload: unknown }>;
}

export interface MockApi {
  fetch: typeof fetch;
  options: MockApiOptions;
  state: MockState;
  calls: MockCall<MockOperation>[];
  /** The calls of one operation. */
  callsOf(operation: MockOperation): MockCall<MockOperation>[];
}

type AnyRoute = Route<MockOperation, MockApiOptions, MockState>;
/** Every route of every domain. */
const ROUTES = [...dealRoutes, ...trainingRoutes, ...tierRoutes, ...mdfRoutes, ...assetRoutes] as AnyRoute[];

const PROBLEM: Record<Exclude<MockErrorKind, 'network' | 'timeout'>, [number, string, string]> = {
  authentication: [401, 'unauthenticated', 'Not authenticated'],
  permission: [403, 'forbidden', 'Not allowed'],
  not_found: [404, 'not_found', 'Not found'],
  validation: [400, 'validation_failed', 'Invalid request'],
  conflict: [409, 'deal_conflict', 'Conflict'],
  rate_limit: [429, 'rate_limited', 'Too many requests'],
  server: [500, 'internal', 'Internal error'],
};

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Waits `latency` (forever for `'never'`), or rejects as soon as `signal` aborts. */
function wait(latency: Latency, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = latency === 'never' ? undefined : setTimeout(resolve, latency);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

/** Creates a mock API; see the top of this file. */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const now = () => options.now ?? Date.now();
  const me = () => options.me ?? demoMe;
  const state: MockState = {
    ...dealsState(options, now(), me()),
    ...trainingState(options, now(), me()),
    ...tiersState(options, now(), me()),
    ...mdfState(options, now(), me()),
    ...assetsState(options, now(), me()),
    replies: new Map(),
  };
  const calls: MockCall<MockOperation>[] = [];
  const failures = new Map<MockOperation, number>();
  let requestNumber = 0;
  let sequence = state.deals.length;
  const context: MockContext<MockApiOptions, MockState> = {
    options,
    state,
    now,
    me,
    sequence: () => ++sequence,
  };

  const latencyOf = (operation: MockOperation): Latency => {
    const l = options.latency;
    return typeof l === 'object' ? (l[operation] ?? 0) : (l ?? 0);
  };

  /** The planned failure of this call, counting it down. */
  const failureOf = (operation: MockOperation): MockFailure | undefined => {
    const f = options.fail?.[operation];
    if (!f) return undefined;
    const failure = typeof f === 'string' ? { kind: f } : f;
    const calls = failures.get(operation) ?? 0;
    failures.set(operation, calls + 1);
    const used = calls - (failure.after ?? 0);
    if (used < 0 || (failure.times !== undefined && used >= failure.times)) return undefined;
    return failure;
  };

  const respond = (reply: Reply, requestId: string, replayed = false) =>
    new Response(JSON.stringify(reply.payload), {
      status: reply.status,
      headers: {
        'Content-Type': reply.status >= 400 ? 'application/problem+json' : 'application/json',
        'X-Request-Id': requestId,
        ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
        ...reply.headers,
      },
    });

  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const route = ROUTES.find((r) => r.method === request.method && r.path.test(url.pathname));
    const operation = route?.operation ?? 'unknown';
    const call: MockCall<MockOperation> = {
      operation,
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body,
      headers: request.headers,
      idempotencyKey: request.headers.get('Idempotency-Key'),
      signal: request.signal,
      status: 0,
      replayed: false,
    };
    calls.push(call);
    const requestId = `req_mock_${++requestNumber}`;
    const finish = async (reply: Reply, replayed = false) => {
      await wait(route ? latencyOf(route.operation) : 0, request.signal);
      call.status = reply.status;
      call.replayed = replayed;
      return respond(reply, requestId, replayed);
    };

    if (!route) return finish(problem(404, 'not_found', `No route for ${request.method} ${url.pathname}`));
    const op = route.operation;
    const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (!token || (options.token !== undefined && token !== options.token)) {
      return finish(problem(401, 'unauthenticated', 'Not authenticated'));
    }
    const failure = failureOf(op);
    const key = call.idempotencyKey;
    const stored = key ? state.replies.get(key) : undefined;
    if (failure && !failure.afterProcessing) {
      if (failure.kind === 'network') {
        await wait(latencyOf(op), request.signal);
        throw new TypeError('Failed to fetch');
      }
      if (failure.kind === 'timeout') {
        await wait('never', request.signal);
      }
      const [status, code, title] = PROBLEM[failure.kind as keyof typeof PROBLEM];
      const planned = problem(status, failure.code ?? code, title, {
        ...(failure.detail ? { detail: failure.detail } : {}),
        ...(failure.errors ? { errors: failure.errors } : {}),
        ...(failure.kind === 'conflict' && (failure.code ?? code) === 'deal_conflict'
          ? {
              conflict: {
                result: 'conflict',
                reasons: [{ code: 'active_registration', message: 'Already registered' }],
              },
            }
          : {}),
      });
      return finish(
        failure.kind === 'rate_limit' ? new Reply(status, planned.payload, { 'Retry-After': '1' }) : planned,
      );
    }
    let reply: Reply;
    let replayed = false;
    if (stored) {
      replayed = stored.body === text;
      reply = replayed
        ? new Reply(stored.status, stored.payload)
        : problem(422, 'idempotency_key_reused', 'Idempotency key reused', {
            detail: 'This Idempotency-Key was used with a different request body.',
          });
    } else {
      reply = await route.handle(context, call, route.path.exec(url.pathname)?.slice(1) ?? []);
      if (key && request.method === 'POST' && reply.status < 500 && reply.status !== 429) {
        state.replies.set(key, { body: text, status: reply.status, payload: reply.payload });
      }
    }
    if (failure?.afterProcessing) {
      await wait(latencyOf(op), request.signal);
      throw new TypeError('Failed to fetch');
    }
    return finish(reply, replayed);
  };

  return {
    fetch: mockFetch as typeof fetch,
    options,
    state,
    calls,
    callsOf: (operation) => calls.filter((c) => c.operation === operation),
  };
}
