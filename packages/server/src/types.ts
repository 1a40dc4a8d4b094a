// The shapes every part of the server shares: the database, the caller, the handler context and
// the error that becomes a problem document.
import type { components } from '@partnerkit/api';

export type Schemas = components['schemas'];
export type Role = Schemas['Role'];

/** Something SQL can be sent to: the database, or a transaction of it. */
export interface Queryable {
  /** Runs one parameterised statement ($1, $2, ...). Never interpolate values into `sql`. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/** PGlite (embedded) or a PostgreSQL server behind `pg`: same SQL, same migrations. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction (BEGIN ... COMMIT, ROLLBACK on a throw). `isolation` defaults to
   * READ COMMITTED. A serialization failure or deadlock is retried a bounded number of times.
   */
  transaction<T>(
    fn: (tx: Queryable) => Promise<T>,
    isolation?: 'read committed' | 'serializable',
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * Who is calling, resolved from the bearer token (an API key or a partner session token).
 * Operations the contract marks `security: []` (health, signed file links) get an `anonymous`
 * caller with no organisation and no rights.
 */
export interface Caller {
  kind: 'api_key' | 'session' | 'anonymous';
  userId: string;
  userName: string;
  email: string;
  role: Role;
  /** The caller's partner organisation; `null` for vendor admins. */
  partnerId: string | null;
  /** Expiry of a session token; `null` for API keys. */
  sessionExpiresAt: string | null;
}

/** What a handler gets besides the request. */
export interface HandlerContext {
  db: Database;
  caller: Caller;
  /** The clock; tests replace it. */
  now(): Date;
  /** The absolute base URL of this server as the caller reached it (for file URLs). */
  baseUrl: string;
  log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

/** A validated request, as the contract shapes it. */
export interface HandlerRequest<
  Body = unknown,
  Query = Record<string, unknown>,
  Params = Record<string, string>,
> {
  body: Body;
  query: Query;
  params: Params;
  headers: Record<string, string | string[] | undefined>;
}

/** A handler's answer; `body` is validated against the contract's response schema. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One operation of the contract, by its operationId. */
// biome-ignore lint/suspicious/noExplicitAny: each handler narrows the request to its operation's types
export type Handler = (req: HandlerRequest<any, any, any>, ctx: HandlerContext) => Promise<HandlerResult>;
export type Handlers = Record<string, Handler>;

export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

/**
 * Thrown by rules and handlers; becomes an RFC 9457 problem document with this status and code.
 * Rules throw it too (they know the code, not HTTP): the status travels with it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; conflict?: Schemas['ConflictCheckResult']; title?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `No ${what} with that id.`);
export const forbidden = (message = 'Your role may not do this.') => new ApiError(403, 'forbidden', message);
export const invalidState = (message: string) => new ApiError(409, 'invalid_state', message);
