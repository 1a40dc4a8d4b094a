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
 * Operations (by operationId of the contract): `getMe`, `listProducts`, `listDealFields`,
 * `checkDealConflict`, `registerDeal` (with `Idempotency-Key` replay), `listDealRegistrations`
 * (status filter, cursor pages), `getDealRegistration`, `requestDealExtension`. Anything else
 * answers 404 with a problem document.
 *
 * Options (all optional, and all live: change `api.options` at any time):
 * - `me`, `products`, `fields`: what those operations return (defaults: {@link demoMe},
 *   {@link demoProducts}, {@link demoFields}).
 * - `deals`: the stored registrations, or a number of generated ones ({@link makeDeals}).
 * - `conflict`: the conflict check's answer, or a function of its input; `registerDeal` refuses
 *   with 409 `deal_conflict` when it says `conflict`, and flags `similar_customer` on `review`.
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
import type {
  ConflictCheckInput,
  ConflictCheckResult,
  CustomField,
  DealRegistration,
  DealRegistrationInput,
  DealStatus,
  FieldError,
  Me,
  Product,
} from '@partnerkit/api';

/** The base URL to give the SDK with the mock's `fetch` (any URL works; this one is never fetched). */
export const MOCK_BASE_URL = 'https://api.partnerkit.test';

export type MockOperation =
  | 'getMe'
  | 'listProducts'
  | 'listDealFields'
  | 'checkDealConflict'
  | 'registerDeal'
  | 'listDealRegistrations'
  | 'getDealRegistration'
  | 'requestDealExtension';

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
  /**
   * For `network`: the server did the work (stored the registration) but the answer was lost on
   * the way back, as when a connection drops after the request arrived.
   */
  afterProcessing?: boolean;
  /** The problem's `code` (default by kind: `validation_failed`, `deal_conflict`, ...). */
  code?: string;
  /** Field errors of a `validation` failure. */
  errors?: FieldError[];
  /** The problem's `detail`. */
  detail?: string;
}

export type Latency = number | 'never';

export interface MockApiOptions {
  me?: Me;
  products?: Product[];
  fields?: CustomField[];
  deals?: DealRegistration[] | number;
  conflict?: ConflictCheckResult | ((input: ConflictCheckInput) => ConflictCheckResult);
  latency?: Latency | Partial<Record<MockOperation, Latency>>;
  fail?: Partial<Record<MockOperation, MockFailure | MockErrorKind>>;
  token?: string;
  now?: number;
}

export interface MockCall {
  operation: MockOperation | 'unknown';
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

export interface MockState {
  deals: DealRegistration[];
  /** Stored replies by idempotency key: the body they answered and the reply. */
  replies: Map<string, { body: string; status: number; payload: unknown }>;
}

export interface MockApi {
  fetch: typeof fetch;
  options: MockApiOptions;
  state: MockState;
  calls: MockCall[];
  /** The calls of one operation. */
  callsOf(operation: MockOperation): MockCall[];
}

const DAY = 86_400_000;

export const demoMe: Me = {
  user: { id: 'usr_ada', name: 'Ada Lindqvist', email: 'ada@northwind.example', role: 'partner_user' },
  partner: {
    id: 'prt_northwind',
    name: 'Northwind Systems',
    type: 'var',
    tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
    region: 'EMEA',
    country: 'DE',
    website: 'https://northwind.example',
    logoUrl: null,
    contact: { name: 'Ada Lindqvist', email: 'ada@northwind.example' },
  },
  program: { vendorName: 'Acme Cloud', protectionDays: 90, extensionDays: 30, defaultCurrency: 'EUR' },
  sessionExpiresAt: null,
};

export const demoProducts: Product[] = [
  { id: 'prd_analytics', name: 'Acme Analytics', family: 'Data' },
  { id: 'prd_warehouse', name: 'Acme Warehouse', family: 'Data' },
  { id: 'prd_shield', name: 'Acme Shield', family: 'Security' },
  { id: 'prd_flow', name: 'Acme Flow', family: 'Automation' },
];

export const demoFields: CustomField[] = [
  {
    key: 'seats',
    label: 'Number of seats',
    hint: 'Licensed users at the customer',
    type: 'number',
    required: true,
    min: 1,
    max: 100000,
    translations: { de: { label: 'Anzahl der Lizenzen', hint: 'Lizenzierte Nutzer beim Kunden' } },
  },
  {
    key: 'industry',
    label: 'Industry',
    type: 'select',
    required: false,
    options: [
      { value: 'manufacturing', label: 'Manufacturing' },
      { value: 'finance', label: 'Financial services' },
      { value: 'public', label: 'Public sector' },
    ],
    translations: {
      de: {
        label: 'Branche',
        options: {
          manufacturing: 'Fertigung',
          finance: 'Finanzdienstleistungen',
          public: 'Öffentlicher Sektor',
        },
      },
    },
  },
];

/** `n` custom fields of every type, half of them required: the "many custom fields" state. */
export function manyFields(n: number): CustomField[] {
  const types: CustomField['type'][] = ['text', 'number', 'select', 'date', 'checkbox'];
  return Array.from({ length: n }, (_, i) => {
    const type = types[i % types.length]!;
    return {
      key: `field_${i + 1}`,
      label: `Vendor question ${i + 1} (${type})`,
      hint: i % 3 === 0 ? `Hint for question ${i + 1}` : null,
      type,
      required: i % 2 === 0 && type !== 'checkbox',
      ...(type === 'select'
        ? {
            options: [
              { value: 'a', label: 'Option A' },
              { value: 'b', label: 'Option B' },
            ],
          }
        : {}),
      ...(type === 'text' ? { maxLength: 120 } : {}),
    };
  });
}

const COMPANIES = [
  'Globex Corporation',
  'Initech GmbH',
  'Umbrella Health Ltd',
  'Stark Industrie AG',
  'Wayne Logistics',
  'Hooli Europe BV',
  'Vandelay Imports LLC',
  'Soylent Foods',
  'Tyrell Robotics Inc',
  'Cyberdyne Systems',
  'Massive Dynamic',
  'Oscorp Pharma',
  'Kirchner Maschinenbau GmbH & Co. KG',
  'Nakatomi Trading',
  'Duff Brewing Company',
];
const STATUSES: DealStatus[] = [
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'expired',
  'won',
  'lost',
];

/**
 * `n` varied registrations of the caller's partner, newest first: every status, protection dates
 * for the approved ones (the first of them may request an extension), reasons for the rejected.
 */
export function makeDeals(n: number, now = Date.now(), me: Me = demoMe): DealRegistration[] {
  return Array.from({ length: n }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const created = new Date(now - (i + 1) * DAY).toISOString();
    const company = COMPANIES[i % COMPANIES.length]!;
    return deal(me, {
      id: `dr_${String(n - i).padStart(4, '0')}`,
      reference: `DR-2026-${String(n - i).padStart(6, '0')}`,
      status,
      company: i >= COMPANIES.length ? `${company} ${Math.floor(i / COMPANIES.length) + 1}` : company,
      amount: 1_000_000 + ((i * 7919) % 50) * 250_000,
      created,
      protectedUntil: status === 'approved' ? new Date(now + (30 - i) * DAY).toISOString() : null,
      canRequestExtension: status === 'approved' && i < 7,
      rejectionReason: status === 'rejected' ? 'The customer is already covered by another partner.' : null,
    });
  });
}

function deal(
  me: Me,
  d: {
    id: string;
    reference: string;
    status: DealStatus;
    company: string;
    amount: number;
    created: string;
    protectedUntil: string | null;
    canRequestExtension: boolean;
    rejectionReason: string | null;
  },
): DealRegistration {
  const actor = { type: 'partner' as const, id: me.user.id, name: me.user.name };
  const history: DealRegistration['history'] = [
    { from: null, to: 'submitted', at: d.created, actor, reason: null },
  ];
  if (d.status !== 'submitted') {
    history.push({
      from: 'submitted',
      to: d.status,
      at: d.created,
      actor: { type: 'vendor', id: 'usr_vendor', name: 'Partner Operations' },
      reason: d.rejectionReason,
    });
  }
  return {
    id: d.id,
    reference: d.reference,
    partnerId: me.partner?.id ?? 'prt_unknown',
    status: d.status,
    customer: {
      company: d.company,
      domain: `${d.company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
      country: 'DE',
      contact: { name: 'Jordan Example', email: 'jordan@customer.example' },
    },
    products: [demoProducts[0]!],
    estimatedValue: { amount: d.amount, currency: me.program.defaultCurrency },
    expectedCloseDate: d.created.slice(0, 10),
    sourcing: 'sourced',
    notes: null,
    customFields: {},
    flags: [],
    protectedUntil: d.protectedUntil,
    extension: null,
    canRequestExtension: d.canRequestExtension,
    rejectionReason: d.rejectionReason,
    closedValue: null,
    submittedBy: { id: me.user.id, name: me.user.name },
    createdAt: d.created,
    updatedAt: d.created,
    history,
  };
}

const PROBLEM: Record<Exclude<MockErrorKind, 'network' | 'timeout'>, [number, string, string]> = {
  authentication: [401, 'unauthenticated', 'Not authenticated'],
  permission: [403, 'forbidden', 'Not allowed'],
  not_found: [404, 'not_found', 'Not found'],
  validation: [400, 'validation_failed', 'Invalid request'],
  conflict: [409, 'deal_conflict', 'Conflict'],
  rate_limit: [429, 'rate_limited', 'Too many requests'],
  server: [500, 'internal', 'Internal error'],
};

const ROUTES: [string, RegExp, MockOperation][] = [
  ['GET', /^\/v1\/me$/, 'getMe'],
  ['GET', /^\/v1\/products$/, 'listProducts'],
  ['GET', /^\/v1\/deal-registrations\/fields$/, 'listDealFields'],
  ['POST', /^\/v1\/deal-registrations\/conflict-check$/, 'checkDealConflict'],
  ['POST', /^\/v1\/deal-registrations$/, 'registerDeal'],
  ['GET', /^\/v1\/deal-registrations$/, 'listDealRegistrations'],
  ['GET', /^\/v1\/deal-registrations\/([A-Za-z0-9_-]+)$/, 'getDealRegistration'],
  ['POST', /^\/v1\/deal-registrations\/([A-Za-z0-9_-]+)\/extension$/, 'requestDealExtension'],
];

class Reply {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) =>
  new Reply(status, { type: 'about:blank', title, status, code, ...extra });

const fieldError = (pointer: string, code: string, message: string) =>
  problem(400, 'validation_failed', 'Invalid request', { errors: [{ pointer, code, message }] });

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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks of the contract that the components rely on, with its JSON Pointers. */
function validateRegistration(body: unknown, products: Product[]): Reply | undefined {
  if (!isObject(body)) return fieldError('', 'type', 'must be an object');
  const customer = body.customer;
  if (!isObject(customer)) return fieldError('/customer', 'required', 'is required');
  if (typeof customer.company !== 'string' || !customer.company.trim()) {
    return fieldError('/customer/company', 'required', 'is required');
  }
  if (typeof customer.country !== 'string' || !/^[A-Z]{2}$/.test(customer.country)) {
    return fieldError('/customer/country', 'pattern', 'must be an ISO 3166-1 alpha-2 code');
  }
  const contact = customer.contact;
  if (!isObject(contact) || typeof contact.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(contact.email)) {
    return fieldError('/customer/contact/email', 'format', 'must be an email address');
  }
  if (!Array.isArray(body.products) || body.products.length === 0) {
    return fieldError('/products', 'min_items', 'must have at least 1 item');
  }
  const known = new Set(products.map((p) => p.id));
  const unknown = body.products.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    return problem(422, 'unknown_product', 'Unknown product', {
      errors: [{ pointer: `/products/${unknown}`, code: 'unknown_product', message: 'is not a product' }],
    });
  }
  const value = body.estimatedValue;
  if (!isObject(value) || !Number.isInteger(value.amount) || (value.amount as number) < 0) {
    return fieldError('/estimatedValue/amount', 'type', 'must be an integer of minor units');
  }
  if (typeof body.expectedCloseDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.expectedCloseDate)) {
    return fieldError('/expectedCloseDate', 'format', 'must be a date');
  }
  if (body.sourcing !== 'sourced' && body.sourcing !== 'influenced') {
    return fieldError('/sourcing', 'enum', 'must be sourced or influenced');
  }
  return undefined;
}

/** Creates a mock API; see the top of this file. */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const now = () => options.now ?? Date.now();
  const me = () => options.me ?? demoMe;
  const state: MockState = {
    deals:
      typeof options.deals === 'number' ? makeDeals(options.deals, now(), me()) : [...(options.deals ?? [])],
    replies: new Map(),
  };
  const calls: MockCall[] = [];
  const failures = new Map<MockOperation, number>();
  let requestNumber = 0;
  let sequence = state.deals.length;

  const conflictOf = (input: ConflictCheckInput): ConflictCheckResult => {
    const c = options.conflict;
    return typeof c === 'function' ? c(input) : (c ?? { result: 'clear', reasons: [] });
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
    const used = failures.get(operation) ?? 0;
    if (failure.times !== undefined && used >= failure.times) return undefined;
    failures.set(operation, used + 1);
    return failure;
  };

  const handle = (operation: MockOperation, call: MockCall, params: string[]): Reply => {
    const body = call.body;
    switch (operation) {
      case 'getMe':
        return new Reply(200, me());
      case 'listProducts':
        return new Reply(200, { items: options.products ?? demoProducts });
      case 'listDealFields':
        return new Reply(200, { items: options.fields ?? demoFields });
      case 'checkDealConflict': {
        if (!isObject(body) || typeof body.company !== 'string' || !body.company) {
          return fieldError('/company', 'required', 'is required');
        }
        return new Reply(200, conflictOf(body as unknown as ConflictCheckInput));
      }
      case 'registerDeal': {
        const invalid = validateRegistration(body, options.products ?? demoProducts);
        if (invalid) return invalid;
        const input = body as DealRegistrationInput;
        const conflict = conflictOf({
          company: input.customer.company,
          ...(input.customer.domain ? { domain: input.customer.domain } : {}),
          products: input.products,
        });
        if (conflict.result === 'conflict') {
          return problem(409, 'deal_conflict', 'Deal conflict', {
            detail: 'The customer conflicts with an existing registration or a direct account.',
            conflict,
          });
        }
        const n = ++sequence;
        const at = new Date(now()).toISOString();
        const caller = me();
        const registration: DealRegistration = {
          id: `dr_${String(n).padStart(4, '0')}`,
          reference: `DR-2026-${String(n).padStart(6, '0')}`,
          partnerId: caller.partner?.id ?? 'prt_unknown',
          status: 'submitted',
          customer: input.customer,
          products: input.products.map((id) => (options.products ?? demoProducts).find((p) => p.id === id)!),
          estimatedValue: input.estimatedValue,
          expectedCloseDate: input.expectedCloseDate,
          sourcing: input.sourcing,
          notes: input.notes ?? null,
          customFields: input.customFields ?? {},
          flags: conflict.result === 'review' ? ['similar_customer'] : [],
          protectedUntil: null,
          extension: null,
          canRequestExtension: false,
          rejectionReason: null,
          closedValue: null,
          submittedBy: { id: caller.user.id, name: caller.user.name },
          createdAt: at,
          updatedAt: at,
          history: [
            {
              from: null,
              to: 'submitted',
              at,
              actor: { type: 'partner', id: caller.user.id, name: caller.user.name },
              reason: null,
            },
          ],
        };
        state.deals.unshift(registration);
        return new Reply(201, registration);
      }
      case 'listDealRegistrations': {
        const statuses = call.query.getAll('status');
        const limitText = call.query.get('limit') ?? '25';
        const limit = Number(limitText);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
          return fieldError('/query/limit', 'maximum', 'must be an integer from 1 to 100');
        }
        const offset = Number(call.query.get('cursor') ?? 0);
        if (!Number.isInteger(offset) || offset < 0)
          return fieldError('/query/cursor', 'format', 'is not a cursor');
        const all = state.deals.filter((d) => statuses.length === 0 || statuses.includes(d.status));
        const items = all.slice(offset, offset + limit);
        return new Reply(200, {
          items,
          nextCursor: offset + limit < all.length ? String(offset + limit) : null,
        });
      }
      case 'getDealRegistration': {
        const found = state.deals.find((d) => d.id === params[0]);
        return found ? new Reply(200, found) : problem(404, 'not_found', 'Not found');
      }
      case 'requestDealExtension': {
        const index = state.deals.findIndex((d) => d.id === params[0]);
        const found = state.deals[index];
        if (!found) return problem(404, 'not_found', 'Not found');
        if (!isObject(body) || typeof body.reason !== 'string' || !body.reason.trim()) {
          return fieldError('/reason', 'required', 'is required');
        }
        if (found.extension) return problem(409, 'already_extended', 'Already extended');
        if (!found.canRequestExtension || !found.protectedUntil || Date.parse(found.protectedUntil) < now()) {
          return problem(409, 'invalid_state', 'Not extendable');
        }
        const newEnd = new Date(
          Date.parse(found.protectedUntil) + me().program.extensionDays * DAY,
        ).toISOString();
        const updated: DealRegistration = {
          ...found,
          protectedUntil: newEnd,
          canRequestExtension: false,
          extension: {
            requestedAt: new Date(now()).toISOString(),
            reason: body.reason,
            previousEnd: found.protectedUntil,
            newEnd,
          },
          updatedAt: new Date(now()).toISOString(),
        };
        state.deals[index] = updated;
        return new Reply(200, updated);
      }
    }
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
    const route = ROUTES.find(([method, path]) => method === request.method && path.test(url.pathname));
    const operation = route?.[2] ?? 'unknown';
    const call: MockCall = {
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
      await wait(route ? latencyOf(route[2]) : 0, request.signal);
      call.status = reply.status;
      call.replayed = replayed;
      return respond(reply, requestId, replayed);
    };

    if (!route) return finish(problem(404, 'not_found', `No route for ${request.method} ${url.pathname}`));
    const op = route[2];
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
      reply = handle(op, call, route[1].exec(url.pathname)?.slice(1) ?? []);
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
