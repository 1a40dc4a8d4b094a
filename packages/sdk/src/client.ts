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
import { authMiddleware, requestIdMiddleware } from './auth.js';
import { errorFromResponse, invalidResponse, isPartnerkitError, PartnerkitError } from './errors.js';
import { type Page, paginate } from './pagination.js';
import { badOption, createTransport, nonNegative, type RetryOptions, resolveRetry } from './transport.js';

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

/**
 * Every operation of the client, by group, one per line: `name method path [shape]`.
 *
 * - method: `GET` for a read; `POST` for a write, sent with an idempotency key and retried with
 *   it; `READ` for a read sent as POST (retried like a GET, no key).
 * - arguments, in order: one string per `{param}` of the path, then the query when the shape has
 *   `q`, then the body when it has `b` (`{}` when left out), then the request options.
 * - shape `i`: the result is the `items` of the answer; `p`: the answer is a page, and the group
 *   also gets the `listAll...` iterator of the list (`list` -> `listAll`, `listCourses` ->
 *   `listAllCourses`).
 *
 * The types of the methods are declared in `PartnerkitClient`; `operations.test.ts` checks each
 * line against the contract and calls every method against a real server.
 */
export const OPERATIONS: Record<string, string> = {
  me: 'get GET /v1/me',
  products: 'list GET /v1/products i',
  sessions: 'create POST /v1/sessions b',
  deals: `list GET /v1/deal-registrations qp
get GET /v1/deal-registrations/{id}
register POST /v1/deal-registrations b
checkConflict READ /v1/deal-registrations/conflict-check b
fields GET /v1/deal-registrations/fields i
requestExtension POST /v1/deal-registrations/{id}/extension b
startReview POST /v1/deal-registrations/{id}/review b
approve POST /v1/deal-registrations/{id}/approve b
reject POST /v1/deal-registrations/{id}/reject b
reportOutcome POST /v1/deal-registrations/{id}/outcome b`,
  training: `listLearningPaths GET /v1/learning-paths qi
listCourses GET /v1/courses qp
listEnrollments GET /v1/enrollments qp
enroll POST /v1/enrollments b
completeModule POST /v1/enrollments/{id}/modules/{moduleId}/completion
listCertifications GET /v1/certifications qp`,
  tiers: `list GET /v1/tiers i
progress GET /v1/tier-progress q`,
  mdf: `listFunds GET /v1/mdf/funds qi
createFund POST /v1/mdf/funds b
listRequests GET /v1/mdf/requests qp
getRequest GET /v1/mdf/requests/{id}
createRequest POST /v1/mdf/requests b
approveRequest POST /v1/mdf/requests/{id}/approve b
rejectRequest POST /v1/mdf/requests/{id}/reject b
createClaim POST /v1/mdf/requests/{id}/claims b
approveClaim POST /v1/mdf/claims/{id}/approve b
rejectClaim POST /v1/mdf/claims/{id}/reject b
payClaim POST /v1/mdf/claims/{id}/pay`,
  assets: `list GET /v1/assets qp
get GET /v1/assets/{id}
download POST /v1/assets/{id}/downloads b`,
};

/** A fresh idempotency key (a UUID v4), also where `crypto.randomUUID` is unavailable. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c.randomUUID) return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return Array.from(b, (x) => (x + 256).toString(16).slice(1))
    .join('')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

type Result = { data?: unknown; error?: unknown; response: Response };

const invalidArgument = (pointer: string, message: string) =>
  new PartnerkitError({
    kind: 'validation',
    title: 'Invalid argument',
    detail: message,
    errors: [{ pointer, code: 'invalid', message }],
  });

function checkOptions(options: PartnerkitClientOptions): void {
  if (typeof options !== 'object' || !options) badOption('options must be an object with at least a baseUrl');
  const { baseUrl, token, headers } = options;
  if (typeof baseUrl !== 'string' || !baseUrl.trim()) {
    badOption('baseUrl must be a non-empty string such as "https://api.example.com"');
  }
  if (!baseUrl.startsWith('/')) {
    let protocol = '';
    try {
      protocol = new URL(baseUrl).protocol;
    } catch {
      badOption(`baseUrl ${JSON.stringify(baseUrl)} is not a URL`);
    }
    if (!/^https?:$/.test(protocol)) badOption(`baseUrl must be http or https, got ${protocol}`);
  }
  if (token !== undefined && (typeof token !== 'string' || !token.trim())) {
    badOption('token must be a non-empty string');
  }
  for (const name of ['fetchToken', 'fetch'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function')
      badOption(`${name} must be a function`);
  }
  if (headers !== undefined && (typeof headers !== 'object' || !headers)) {
    badOption('headers must be an object of header names to values');
  }
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
  const send = createTransport({
    fetch: (request) => (userFetch ?? globalThis.fetch)(request),
    timeoutMs: nonNegative('timeoutMs', options.timeoutMs, 30_000),
    retry: resolveRetry(options.retry),
  });
  const raw: RawClient = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: (request) => send(request),
    headers: { Accept: 'application/json, application/problem+json', ...options.headers },
  });
  if (options.sendRequestId) raw.use(requestIdMiddleware(() => `req_${newIdempotencyKey()}`));
  raw.use(authMiddleware(options.token, options.fetchToken));
  /** A read sent as POST: retried like a GET. */
  const idempotentRead = (request: Request) => send(request, { idempotent: true });

  // The table's paths and shapes are checked by tests, so the untyped form of `raw.request`.
  const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<Result>;
  const client: Record<string, unknown> = { raw };
  for (const group in OPERATIONS) {
    const methods: Record<string, unknown> = {};
    client[group] = methods;
    for (const line of OPERATIONS[group]!.split('\n')) {
      const [name, method, path, shape = ''] = line.split(' ') as [string, string, string, string?];
      const call = async (...args: unknown[]) => {
        const params: { path: Record<string, unknown>; query?: unknown } = { path: {} };
        for (const [, id] of path.matchAll(/{(\w+)}/g)) {
          const value = args.shift();
          if (typeof value !== 'string' || !value.trim()) {
            const message = `${id} must be a non-empty string, got ${JSON.stringify(value)}`;
            throw invalidArgument(`/path/${id}`, message);
          }
          params.path[id!] = value;
        }
        if (shape.includes('q')) params.query = args.shift() ?? {};
        const body = shape.includes('b') ? (args.shift() ?? {}) : undefined;
        const opts = args[0] as WriteOptions | undefined;
        const headers = { ...opts?.headers };
        if (method === 'POST') {
          const key = opts?.idempotencyKey ?? newIdempotencyKey();
          if (typeof key !== 'string' || !key.trim()) {
            throw invalidArgument('/header/Idempotency-Key', 'idempotencyKey must be a non-empty string');
          }
          headers['Idempotency-Key'] = key;
        }
        let result: Result;
        try {
          result = await request(method === 'GET' ? 'get' : 'post', path, {
            params,
            body,
            headers,
            signal: opts?.signal,
            fetch: method === 'READ' ? idempotentRead : undefined,
          });
        } catch (error) {
          throw isPartnerkitError(error)
            ? error
            : new PartnerkitError({
                kind: 'network',
                detail: error instanceof Error ? error.message : String(error),
                cause: error,
              });
        }
        // The data of a 2xx, or a thrown `PartnerkitError`: never an error hidden in a value.
        const { data, error, response } = result;
        if (!response.ok) throw errorFromResponse(response, error);
        if (data == null) {
          throw invalidResponse(
            `The server answered ${response.status} without the expected body.`,
            response,
          );
        }
        return shape.includes('i') ? (data as { items: unknown }).items : data;
      };
      methods[name] = call;
      if (shape.includes('p')) {
        methods[name.replace('list', 'listAll')] = (query: { cursor?: string } | undefined, opts: unknown) =>
          paginate((q) => call(q, opts) as Promise<Page<unknown>>, query ?? {});
      }
    }
  }
  // A download is plain unless asked otherwise.
  const assets = client.assets as PartnerkitClient['assets'];
  const download = assets.download;
  assets.download = (id, input, opts) => download(id, { coBrand: false, ...input }, opts);
  return client as unknown as PartnerkitClient;
}
