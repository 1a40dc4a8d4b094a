import type {
  ApproveAmountInput,
  ApproveDealInput,
  Asset,
  AssetDetail,
  AssetDownload,
  AssetDownloadInput,
  AssetPage,
  Certification,
  ConflictCheckInput,
  ConflictCheckResult,
  Course,
  CustomField,
  DealOutcomeInput,
  DealRegistration,
  DealRegistrationInput,
  DecisionNote,
  Enrollment,
  EnrollmentInput,
  ExtensionInput,
  LearningPath,
  MdfClaim,
  MdfClaimInput,
  MdfFund,
  MdfFundInput,
  MdfRequest,
  MdfRequestInput,
  Me,
  ModuleCompletion,
  operations,
  Product,
  paths,
  RejectInput,
  Session,
  SessionInput,
  Tier,
  TierProgress,
} from '@partnerkit/api';
import createClient, { type Client } from 'openapi-fetch';
import { authMiddleware, requestIdMiddleware, TokenSource } from './auth.js';
import { errorFromResponse, isPartnerkitError, PartnerkitError } from './errors.js';
import { type Page, paginate } from './pagination.js';
import { createTransport, type RetryOptions, resolveRetry, type Send } from './transport.js';

export interface PartnerkitClientOptions {
  /** Where the API lives, e.g. `https://partners.example.com` (the `/v1/...` paths go after it). */
  baseUrl: string;
  /** A fixed bearer token: an API key or a partner session token. */
  token?: string;
  /**
   * Gets a token from your own server: awaited before the first call, and again (once) after a
   * 401, then the call is sent again. Concurrent calls share one pending fetch.
   */
  fetchToken?: () => Promise<string>;
  /** The `fetch` to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Retry policy, or `false` for none. */
  retry?: RetryOptions | false;
  /** Time limit of each attempt in milliseconds (default 30000; 0 for none). */
  timeoutMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Send an `X-Request-Id` of our own with every call (the same on each retry of the call), so
   * the backend's logs and errors without an answer (`network`, `timeout`, `aborted`) share an
   * id. Off by default: the backend's CORS must allow the header for browsers.
   */
  sendRequestId?: boolean;
}

export interface RequestOptions {
  /** Aborts the call, at any point, including while it waits to retry. */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

export interface WriteOptions extends RequestOptions {
  /** One key per intended write; generated when absent, and reused by every retry of the call. */
  idempotencyKey?: string;
}

/**
 * `SessionInput` with its defaulted fields optional: `user.role` (default `partner_user`) and
 * `ttlSeconds` (default 900).
 */
export type CreateSessionInput = Omit<SessionInput, 'user' | 'ttlSeconds'> & {
  user: Omit<SessionInput['user'], 'role'> & { role?: SessionInput['user']['role'] };
  ttlSeconds?: number;
};

/** `AssetDownloadInput` with `coBrand` optional (default `false`). */
export type DownloadAssetInput = Omit<AssetDownloadInput, 'coBrand'> & { coBrand?: boolean };

type Query<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type DealListQuery = Query<'listDealRegistrations'>;
export type LearningPathQuery = Query<'listLearningPaths'>;
export type CourseListQuery = Query<'listCourses'>;
export type EnrollmentListQuery = Query<'listEnrollments'>;
export type CertificationListQuery = Query<'listCertifications'>;
export type TierProgressQuery = Query<'getTierProgress'>;
export type MdfFundQuery = Query<'listMdfFunds'>;
export type MdfRequestListQuery = Query<'listMdfRequests'>;
export type AssetListQuery = Query<'listAssets'>;

/** The typed openapi-fetch client underneath, with the same auth, retries and timeouts. */
export type RawClient = Client<paths>;

export interface PartnerkitClient {
  readonly raw: RawClient;
  readonly me: {
    /** The caller, its role, its partner organisation and the program's settings. */
    get(opts?: RequestOptions): Promise<Me>;
  };
  readonly products: {
    list(opts?: RequestOptions): Promise<Product[]>;
  };
  readonly sessions: {
    /** Mints a short-lived partner session token (vendor admin key only; call it from your server). */
    create(input: CreateSessionInput, opts?: WriteOptions): Promise<Session>;
  };
  readonly deals: {
    list(query?: DealListQuery, opts?: RequestOptions): Promise<Page<DealRegistration>>;
    listAll(query?: DealListQuery, opts?: RequestOptions): AsyncIterableIterator<DealRegistration>;
    get(id: string, opts?: RequestOptions): Promise<DealRegistration>;
    register(input: DealRegistrationInput, opts?: WriteOptions): Promise<DealRegistration>;
    checkConflict(input: ConflictCheckInput, opts?: RequestOptions): Promise<ConflictCheckResult>;
    fields(opts?: RequestOptions): Promise<CustomField[]>;
    requestExtension(id: string, input: ExtensionInput, opts?: WriteOptions): Promise<DealRegistration>;
    startReview(id: string, input?: DecisionNote, opts?: WriteOptions): Promise<DealRegistration>;
    approve(id: string, input?: ApproveDealInput, opts?: WriteOptions): Promise<DealRegistration>;
    reject(id: string, input: RejectInput, opts?: WriteOptions): Promise<DealRegistration>;
    reportOutcome(id: string, input: DealOutcomeInput, opts?: WriteOptions): Promise<DealRegistration>;
  };
  readonly training: {
    listLearningPaths(query?: LearningPathQuery, opts?: RequestOptions): Promise<LearningPath[]>;
    listCourses(query?: CourseListQuery, opts?: RequestOptions): Promise<Page<Course>>;
    listAllCourses(query?: CourseListQuery, opts?: RequestOptions): AsyncIterableIterator<Course>;
    listEnrollments(query?: EnrollmentListQuery, opts?: RequestOptions): Promise<Page<Enrollment>>;
    listAllEnrollments(query?: EnrollmentListQuery, opts?: RequestOptions): AsyncIterableIterator<Enrollment>;
    enroll(input: EnrollmentInput, opts?: WriteOptions): Promise<Enrollment>;
    completeModule(enrollmentId: string, moduleId: string, opts?: WriteOptions): Promise<ModuleCompletion>;
    listCertifications(query?: CertificationListQuery, opts?: RequestOptions): Promise<Page<Certification>>;
    listAllCertifications(
      query?: CertificationListQuery,
      opts?: RequestOptions,
    ): AsyncIterableIterator<Certification>;
  };
  readonly tiers: {
    list(opts?: RequestOptions): Promise<Tier[]>;
    progress(query?: TierProgressQuery, opts?: RequestOptions): Promise<TierProgress>;
  };
  readonly mdf: {
    listFunds(query?: MdfFundQuery, opts?: RequestOptions): Promise<MdfFund[]>;
    createFund(input: MdfFundInput, opts?: WriteOptions): Promise<MdfFund>;
    listRequests(query?: MdfRequestListQuery, opts?: RequestOptions): Promise<Page<MdfRequest>>;
    listAllRequests(query?: MdfRequestListQuery, opts?: RequestOptions): AsyncIterableIterator<MdfRequest>;
    getRequest(id: string, opts?: RequestOptions): Promise<MdfRequest>;
    createRequest(input: MdfRequestInput, opts?: WriteOptions): Promise<MdfRequest>;
    approveRequest(id: string, input?: ApproveAmountInput, opts?: WriteOptions): Promise<MdfRequest>;
    rejectRequest(id: string, input: RejectInput, opts?: WriteOptions): Promise<MdfRequest>;
    createClaim(requestId: string, input: MdfClaimInput, opts?: WriteOptions): Promise<MdfClaim>;
    approveClaim(id: string, input?: ApproveAmountInput, opts?: WriteOptions): Promise<MdfClaim>;
    rejectClaim(id: string, input: RejectInput, opts?: WriteOptions): Promise<MdfClaim>;
    payClaim(id: string, opts?: WriteOptions): Promise<MdfClaim>;
  };
  readonly assets: {
    list(query?: AssetListQuery, opts?: RequestOptions): Promise<AssetPage>;
    listAll(query?: AssetListQuery, opts?: RequestOptions): AsyncIterableIterator<Asset>;
    get(id: string, opts?: RequestOptions): Promise<AssetDetail>;
    download(id: string, input?: DownloadAssetInput, opts?: WriteOptions): Promise<AssetDownload>;
  };
}

/** A fresh idempotency key (a UUID v4), also where `crypto.randomUUID` is unavailable. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function invalidArgument(pointer: string, message: string): PartnerkitError {
  return new PartnerkitError({
    kind: 'validation',
    code: 'validation_failed',
    title: 'Invalid argument',
    detail: message,
    errors: [{ pointer, code: 'invalid', message }],
  });
}

function requireId(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidArgument(
      `/path/${name}`,
      `${name} must be a non-empty string, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkOptions(options: PartnerkitClientOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createPartnerkitClient: options must be an object with at least a baseUrl');
  }
  const { baseUrl, token, fetchToken, timeoutMs, headers } = options;
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new TypeError(
      'createPartnerkitClient: baseUrl must be a non-empty string such as "https://api.example.com"',
    );
  }
  if (!baseUrl.startsWith('/')) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new TypeError(`createPartnerkitClient: baseUrl ${JSON.stringify(baseUrl)} is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`createPartnerkitClient: baseUrl must be http or https, got ${url.protocol}`);
    }
  }
  if (token !== undefined && (typeof token !== 'string' || token.trim() === '')) {
    throw new TypeError('createPartnerkitClient: token must be a non-empty string');
  }
  if (fetchToken !== undefined && typeof fetchToken !== 'function') {
    throw new TypeError(
      'createPartnerkitClient: fetchToken must be a function returning a Promise of a token',
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('createPartnerkitClient: fetch must be a function');
  }
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0)
  ) {
    throw new TypeError('createPartnerkitClient: timeoutMs must be a number >= 0 (0 for no timeout)');
  }
  if (headers !== undefined && (typeof headers !== 'object' || headers === null)) {
    throw new TypeError('createPartnerkitClient: headers must be an object of header names to values');
  }
}

type Result = { data?: unknown; error?: unknown; response: Response };

/** The data of a 2xx, or a thrown `PartnerkitError`: never an error hidden in a value. */
async function unwrap<R extends Result>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    if (isPartnerkitError(error)) throw error;
    throw new PartnerkitError({
      kind: 'network',
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  const { data, error, response } = result;
  if (!response.ok) throw errorFromResponse(response, error);
  if (data === undefined || data === null) {
    throw new PartnerkitError({
      kind: 'server',
      status: response.status,
      code: 'invalid_response',
      title: 'Invalid response',
      detail: `The server answered ${response.status} without the expected body.`,
      requestId: response.headers.get('X-Request-Id') ?? undefined,
      headers: response.headers,
    });
  }
  return data as NonNullable<R['data']>;
}

/**
 * Creates a typed Partnerkit client.
 *
 * ```ts
 * const pk = createPartnerkitClient({ baseUrl: 'https://partners.example.com', token: process.env.PK_KEY });
 * const deal = await pk.deals.register(input);
 * for await (const d of pk.deals.listAll({ status: ['approved'] })) console.log(d.reference);
 * ```
 */
export function createPartnerkitClient(options: PartnerkitClientOptions): PartnerkitClient {
  checkOptions(options);
  const userFetch = options.fetch;
  const send: Send = createTransport({
    fetch: (request) => (userFetch ?? globalThis.fetch)(request),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: resolveRetry(options.retry),
  });
  const tokens = new TokenSource(options.token, options.fetchToken);

  const raw: RawClient = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: (request) => send(request),
    headers: { Accept: 'application/json, application/problem+json', ...options.headers },
  });
  if (options.sendRequestId) raw.use(requestIdMiddleware(() => `req_${newIdempotencyKey()}`));
  raw.use(authMiddleware(tokens));

  /** A read sent as POST: retried like a GET. */
  const idempotentRead = (request: Request) => send(request, { idempotent: true });

  const read = (opts: RequestOptions | undefined) => ({ signal: opts?.signal, headers: opts?.headers });
  const write = (opts: WriteOptions | undefined) => {
    const key = opts?.idempotencyKey ?? newIdempotencyKey();
    if (typeof key !== 'string' || key.trim() === '') {
      throw invalidArgument('/header/Idempotency-Key', 'idempotencyKey must be a non-empty string');
    }
    return { signal: opts?.signal, headers: { ...opts?.headers, 'Idempotency-Key': key } };
  };
  const path = (id: string, name = 'id') =>
    ({ path: { [name]: requireId(name, id) } }) as { path: { id: string } };

  const deals: PartnerkitClient['deals'] = {
    list: (query, opts) =>
      unwrap(raw.GET('/v1/deal-registrations', { params: { query: query ?? {} }, ...read(opts) })),
    listAll: (query, opts) => paginate((q) => deals.list(q, opts), query ?? {}),
    get: async (id, opts) =>
      unwrap(raw.GET('/v1/deal-registrations/{id}', { params: path(id), ...read(opts) })),
    register: async (input, opts) =>
      unwrap(raw.POST('/v1/deal-registrations', { body: input, ...write(opts) })),
    checkConflict: (input, opts) =>
      unwrap(
        raw.POST('/v1/deal-registrations/conflict-check', {
          body: input,
          fetch: idempotentRead,
          ...read(opts),
        }),
      ),
    fields: async (opts) => (await unwrap(raw.GET('/v1/deal-registrations/fields', read(opts)))).items,
    requestExtension: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/deal-registrations/{id}/extension', { params: path(id), body: input, ...write(opts) }),
      ),
    startReview: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/deal-registrations/{id}/review', {
          params: path(id),
          body: input ?? {},
          ...write(opts),
        }),
      ),
    approve: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/deal-registrations/{id}/approve', {
          params: path(id),
          body: input ?? {},
          ...write(opts),
        }),
      ),
    reject: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/deal-registrations/{id}/reject', { params: path(id), body: input, ...write(opts) }),
      ),
    reportOutcome: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/deal-registrations/{id}/outcome', { params: path(id), body: input, ...write(opts) }),
      ),
  };

  const training: PartnerkitClient['training'] = {
    listLearningPaths: async (query, opts) =>
      (await unwrap(raw.GET('/v1/learning-paths', { params: { query: query ?? {} }, ...read(opts) }))).items,
    listCourses: (query, opts) =>
      unwrap(raw.GET('/v1/courses', { params: { query: query ?? {} }, ...read(opts) })),
    listAllCourses: (query, opts) => paginate((q) => training.listCourses(q, opts), query ?? {}),
    listEnrollments: (query, opts) =>
      unwrap(raw.GET('/v1/enrollments', { params: { query: query ?? {} }, ...read(opts) })),
    listAllEnrollments: (query, opts) => paginate((q) => training.listEnrollments(q, opts), query ?? {}),
    enroll: async (input, opts) => unwrap(raw.POST('/v1/enrollments', { body: input, ...write(opts) })),
    completeModule: async (enrollmentId, moduleId, opts) =>
      unwrap(
        raw.POST('/v1/enrollments/{id}/modules/{moduleId}/completion', {
          params: { path: { id: requireId('id', enrollmentId), moduleId: requireId('moduleId', moduleId) } },
          ...write(opts),
        }),
      ),
    listCertifications: (query, opts) =>
      unwrap(raw.GET('/v1/certifications', { params: { query: query ?? {} }, ...read(opts) })),
    listAllCertifications: (query, opts) =>
      paginate((q) => training.listCertifications(q, opts), query ?? {}),
  };

  const mdf: PartnerkitClient['mdf'] = {
    listFunds: async (query, opts) =>
      (await unwrap(raw.GET('/v1/mdf/funds', { params: { query: query ?? {} }, ...read(opts) }))).items,
    createFund: async (input, opts) => unwrap(raw.POST('/v1/mdf/funds', { body: input, ...write(opts) })),
    listRequests: (query, opts) =>
      unwrap(raw.GET('/v1/mdf/requests', { params: { query: query ?? {} }, ...read(opts) })),
    listAllRequests: (query, opts) => paginate((q) => mdf.listRequests(q, opts), query ?? {}),
    getRequest: async (id, opts) =>
      unwrap(raw.GET('/v1/mdf/requests/{id}', { params: path(id), ...read(opts) })),
    createRequest: async (input, opts) =>
      unwrap(raw.POST('/v1/mdf/requests', { body: input, ...write(opts) })),
    approveRequest: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/mdf/requests/{id}/approve', { params: path(id), body: input ?? {}, ...write(opts) }),
      ),
    rejectRequest: async (id, input, opts) =>
      unwrap(raw.POST('/v1/mdf/requests/{id}/reject', { params: path(id), body: input, ...write(opts) })),
    createClaim: async (requestId, input, opts) =>
      unwrap(
        raw.POST('/v1/mdf/requests/{id}/claims', { params: path(requestId), body: input, ...write(opts) }),
      ),
    approveClaim: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/mdf/claims/{id}/approve', { params: path(id), body: input ?? {}, ...write(opts) }),
      ),
    rejectClaim: async (id, input, opts) =>
      unwrap(raw.POST('/v1/mdf/claims/{id}/reject', { params: path(id), body: input, ...write(opts) })),
    payClaim: async (id, opts) =>
      unwrap(raw.POST('/v1/mdf/claims/{id}/pay', { params: path(id), ...write(opts) })),
  };

  const assets: PartnerkitClient['assets'] = {
    list: (query, opts) => unwrap(raw.GET('/v1/assets', { params: { query: query ?? {} }, ...read(opts) })),
    listAll: (query, opts) => paginate((q) => assets.list(q, opts), query ?? {}),
    get: async (id, opts) => unwrap(raw.GET('/v1/assets/{id}', { params: path(id), ...read(opts) })),
    download: async (id, input, opts) =>
      unwrap(
        raw.POST('/v1/assets/{id}/downloads', {
          params: path(id),
          body: { coBrand: false, ...input },
          ...write(opts),
        }),
      ),
  };

  return {
    raw,
    me: { get: (opts) => unwrap(raw.GET('/v1/me', read(opts))) },
    products: { list: async (opts) => (await unwrap(raw.GET('/v1/products', read(opts)))).items },
    sessions: {
      create: async (input, opts) =>
        unwrap(raw.POST('/v1/sessions', { body: input as SessionInput, ...write(opts) })),
    },
    deals,
    training,
    tiers: {
      list: async (opts) => (await unwrap(raw.GET('/v1/tiers', read(opts)))).items,
      progress: (query, opts) =>
        unwrap(raw.GET('/v1/tier-progress', { params: { query: query ?? {} }, ...read(opts) })),
    },
    mdf,
    assets,
  };
}
