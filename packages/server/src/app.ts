// The HTTP application, spec-first: every operation of packages/api/openapi.yaml is routed by
// fastify-openapi-glue to `handlers[operationId]`; requests are validated against the contract
// before a handler runs, and responses after (an invalid response is a logged 500, never sent).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import cors from '@fastify/cors';
import responseValidation from '@fastify/response-validation';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { parse as parseYaml } from 'yaml';
import { ANONYMOUS, authenticate } from './auth.js';
import { claimKey, completeKey, releaseKey } from './idempotency.js';
import {
  fieldErrorsFromAjv,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problem,
  problemFromApiError,
  validationFailed,
} from './problem.js';
import { isStorableStatus, requestFingerprint } from './rules/idempotency.js';
import { ApiError, type Caller, type Database, type HandlerResult, type Handlers } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The contract, as an object. */
export function loadContract(): OpenApiDocument {
  const path = createRequire(import.meta.url).resolve('@partnerkit/api/openapi.yaml');
  return parseYaml(readFileSync(path, 'utf8')) as OpenApiDocument;
}

interface OpenApiOperation {
  operationId: string;
  security?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
}
interface OpenApiDocument {
  security?: unknown[];
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  secured: boolean;
  bodyRequired: boolean;
  hasBody: boolean;
}

export function listOperations(spec: OpenApiDocument): OperationInfo[] {
  const out: OperationInfo[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperation | undefined;
      if (!op) continue;
      const security = op.security ?? spec.security ?? [];
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        secured: security.length > 0,
        bodyRequired: op.requestBody?.required === true,
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return out;
}

/** Bodies are JSON of at most 1 MiB, except where the contract carries files (MDF proofs, base64). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const LARGE_BODY_LIMIT = 40 * 1024 * 1024;
const LARGE_BODY_OPERATIONS = new Set(['createMdfClaim']);

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface AppOptions {
  db: Database;
  handlers: Handlers;
  sessionSecret: Uint8Array;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  corsOrigins?: readonly string[];
  /** Trust X-Forwarded-* from a proxy in front (for the base URL of file links). */
  trustProxy?: boolean;
  version?: string;
}

/**
 * fastify-openapi-glue warns, at every start, that response-only media types (PDF, SVG, ...)
 * have no request parser, as if they were request bodies. Those lines are dropped; everything
 * else is logged.
 */
function withoutGlueNoise(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    hooks: {
      logMethod(args, method) {
        if (typeof args[0] === 'string' && /^ContentTypeParser for '[^']*' not found$/.test(args[0])) return;
        method.apply(this, args);
      },
    },
  };
}

/** Ajv for the contract's JSON Schema 2020-12, with formats, caching compiled schemas by content. */
function makeAjv(options: { coerceTypes: boolean | 'array'; useDefaults: boolean }) {
  const ajv = new Ajv2020({
    allErrors: true,
    removeAdditional: false,
    coerceTypes: options.coerceTypes,
    useDefaults: options.useDefaults,
    strict: false,
    validateFormats: true,
  });
  addFormats(ajv);
  const cache = new Map<string, ValidateFunction>();
  const compile = ajv.compile.bind(ajv);
  ajv.compile = ((schema: object) => {
    const key = JSON.stringify(schema);
    let fn = cache.get(key);
    if (!fn) {
      fn = compile(schema);
      cache.set(key, fn);
    }
    return fn;
  }) as typeof ajv.compile;
  return ajv;
}

/** The contract's header parameters are flat objects: lower-case their property names. */
function lowerCaseHeaderNames(input: object) {
  const schema = input as { properties?: Record<string, unknown>; required?: string[] };
  const out: Record<string, unknown> = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k.toLowerCase(), v]),
    );
  }
  if (schema.required) out.required = schema.required.map((k) => k.toLowerCase());
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badText = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** No request of the contract nests deeper than this; deeper JSON is refused before validation. */
export const MAX_BODY_DEPTH = 32;

/**
 * Walks a parsed JSON body (iteratively: depth cannot exhaust the stack) for what no handler
 * should see: nesting deeper than MAX_BODY_DEPTH, and text PostgreSQL cannot store or that is not
 * valid Unicode (NUL, lone surrogates). Returns the first problem with its pointer.
 */
function inspectBody(body: unknown): { pointer: string; code: 'too_deep' | 'invalid_text' } | null {
  const stack: [unknown, string, number][] = [[body, '', 0]];
  while (stack.length > 0) {
    const [value, pointer, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (badText(value)) return { pointer, code: 'invalid_text' };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { pointer, code: 'too_deep' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${pointer}/${i}`, depth + 1]);
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      const at = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (badText(k)) return { pointer: at, code: 'invalid_text' };
      stack.push([v, at, depth + 1]);
    }
  }
  return null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, handlers, sessionSecret } = options;
  const now = options.now ?? (() => new Date());
  const spec = loadContract();
  const operations = listOperations(spec);
  const byId = new Map(operations.map((op) => [op.operationId, op]));

  const app = Fastify({
    logger: withoutGlueNoise(options.logger ?? false),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : `req_${randomUUID()}`;
    },
    return503OnClosing: true,
    // Long enough for the longest path parameter of the contract (a 2048-character file token);
    // the contract's own limits then answer with a 400 naming the parameter.
    routerOptions: { maxParamLength: 2100 },
    frameworkErrors: (error, request, reply) => {
      reply.header('X-Request-Id', request.id);
      reply.header('X-Content-Type-Options', 'nosniff');
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const code = status === 414 ? 'uri_too_long' : 'validation_failed';
      return sendProblem(reply, problem(status, code, 'The URL is not valid or is too long.', request.id));
    },
  });

  // Validation: bodies exactly as sent (no coercion, nothing removed); parameters coerced from
  // their text form, single query values read as one-element arrays where the contract wants one.
  const bodyAjv = makeAjv({ coerceTypes: false, useDefaults: true });
  const paramAjv = makeAjv({ coerceTypes: 'array', useDefaults: true });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return bodyAjv.compile(schema);
    // Header names are case-insensitive and arrive lower-cased; so must the schema's be.
    return paramAjv.compile(httpPart === 'headers' ? lowerCaseHeaderNames(schema as object) : schema);
  });
  // Responses are checked by @fastify/response-validation, then written as plain JSON.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeContentTypeParser(['text/plain']);

  const responseAjv = makeAjv({ coerceTypes: false, useDefaults: false });
  await app.register(responseValidation, { ajv: responseAjv as never });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const origins = [...options.corsOrigins];
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Retry-After', 'WWW-Authenticate'],
      maxAge: 600,
    });
  }

  // Every answer, JSON or file, is read as the type it declares: a browser never sniffs a problem
  // document or a list (which may quote what a caller sent) into HTML or script.
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  // Authentication before the body is even read: an unknown caller cannot make us parse 40 MB.
  app.addHook('onRequest', async (request) => {
    const operationId = (request.routeOptions.config as { operationId?: string }).operationId;
    if (!operationId) return;
    const op = byId.get(operationId);
    if (!op) return;
    if (!op.secured) {
      request.caller = ANONYMOUS;
      return;
    }
    request.caller = await authenticate(db, sessionSecret, request.headers.authorization, now());
  });

  // What the contract's validation cannot see: a missing required body (no content type), and
  // text PostgreSQL cannot store.
  app.addHook('preValidation', async (request) => {
    const operationId = (request.routeOptions.config as { operationId?: string }).operationId;
    const op = operationId ? byId.get(operationId) : undefined;
    if (!op) return;
    if (op.bodyRequired && request.body === undefined) {
      throw validationFailed(
        [
          {
            pointer: '',
            code: 'required',
            message: 'A JSON body (Content-Type: application/json) is required.',
          },
        ],
        'This operation needs a JSON body.',
      );
    }
    if (request.body !== undefined) {
      const bad = inspectBody(request.body);
      if (bad?.code === 'too_deep') {
        throw validationFailed(
          [
            {
              pointer: bad.pointer,
              code: 'too_deep',
              message: `The body nests deeper than ${MAX_BODY_DEPTH} levels`,
            },
          ],
          'The body is nested too deeply.',
        );
      }
      if (bad) {
        throw validationFailed(
          [
            {
              pointer: bad.pointer,
              code: 'invalid_text',
              message: `${bad.pointer || 'The body'} contains a NUL character or invalid Unicode`,
            },
          ],
          'The body contains text that cannot be stored.',
        );
      }
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const doc = problemForError(error, request);
    if (doc.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, doc);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?', 1)[0] ?? '').replace(/\/+$/, '') || '/';
    const allowed = operations.filter((op) => templateToRegExp(op.path).test(path)).map((op) => op.method);
    if (allowed.length > 0) {
      reply.header('Allow', [...new Set(allowed)].join(', '));
      return sendProblem(
        reply,
        problem(
          405,
          'method_not_allowed',
          `${request.method} is not allowed here; use ${allowed.join(' or ')}.`,
          request.id,
        ),
      );
    }
    return sendProblem(reply, problem(404, 'not_found', `No route ${request.method} ${path}.`, request.id));
  });

  await app.register(openapiGlue, {
    specification: spec,
    operationResolver: ((operationId: string) => {
      const op = byId.get(operationId)!;
      const handler = handlers[operationId];
      return {
        config: { operationId },
        ...(LARGE_BODY_OPERATIONS.has(operationId) ? { bodyLimit: LARGE_BODY_LIMIT } : {}),
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          if (!handler) {
            throw new ApiError(
              501,
              'not_implemented',
              `${operationId} is not implemented by this server yet.`,
            );
          }
          return runOperation(op, handler, request, reply);
        },
      };
    }) as never,
  });

  async function runOperation(
    op: OperationInfo,
    handler: NonNullable<Handlers[string]>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const caller = request.caller ?? ANONYMOUS;
    const ctx = {
      db,
      caller,
      now,
      baseUrl: `${request.protocol}://${request.host}`,
      log: request.log,
    };
    const req = {
      body: request.body,
      query: (request.query ?? {}) as Record<string, unknown>,
      params: (request.params ?? {}) as Record<string, string>,
      headers: request.headers,
    };
    const key = request.headers['idempotency-key'];
    const idempotent = op.method === 'POST' && typeof key === 'string' && caller.kind !== 'anonymous';
    if (!idempotent) {
      return sendResult(reply, await handler(req, ctx));
    }
    const callerId = caller.userId;
    const path = request.url.split('?', 1)[0] ?? '';
    const fingerprint = requestFingerprint(op.method, path, request.body);
    const decision = await claimKey(db, callerId, key, fingerprint, now());
    if (decision.kind === 'replay') {
      reply.header('Idempotent-Replayed', 'true');
      for (const [name, value] of Object.entries(decision.headers)) reply.header(name, value);
      reply.code(decision.status);
      return decision.body === null ? reply.send() : decision.body;
    }
    if (decision.kind === 'reused') {
      throw new ApiError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      );
    }
    if (decision.kind === 'in_progress') {
      reply.header('Retry-After', '1');
      throw new ApiError(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
      );
    }
    let outcome: { status: number; body: unknown; headers: Record<string, string> };
    try {
      const result = await handler(req, ctx);
      outcome = { status: result.status, body: result.body, headers: { ...(result.headers ?? {}) } };
    } catch (error) {
      if (error instanceof ApiError && isStorableStatus(error.status)) {
        const doc = problemFromApiError(error, request.id);
        await completeKey(
          db,
          callerId,
          key,
          { status: doc.status, body: doc, headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
          now(),
        );
        return sendProblem(reply, doc);
      }
      await releaseKey(db, callerId, key).catch(() => {});
      throw error;
    }
    if (!isStorableStatus(outcome.status)) {
      await releaseKey(db, callerId, key).catch(() => {});
    } else {
      await completeKey(db, callerId, key, outcome, now());
    }
    return sendResult(reply, outcome);
  }

  function sendResult(reply: FastifyReply, result: HandlerResult) {
    reply.code(result.status);
    let hasType = false;
    for (const [name, value] of Object.entries(result.headers ?? {})) {
      if (name.toLowerCase() === 'content-type') hasType = true;
      reply.header(name, value);
    }
    if (result.body === undefined) return reply.send();
    if (!hasType && !Buffer.isBuffer(result.body) && typeof result.body !== 'string') {
      reply.type('application/json; charset=utf-8');
    }
    return reply.send(result.body);
  }

  return app;
}

function sendProblem(reply: FastifyReply, doc: Problem) {
  if (doc.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="partnerkit"');
  return reply.code(doc.status).type(PROBLEM_CONTENT_TYPE).send(doc);
}

function problemForError(error: FastifyError, request: FastifyRequest): Problem {
  const id = request.id;
  if (error instanceof ApiError) return problemFromApiError(error, id);
  // Checked before `validation`: a failed response check carries Ajv errors too.
  if (error.code?.startsWith('FST_RESPONSE_VALIDATION')) {
    return problem(500, 'internal', 'The server produced an invalid response; it was not sent.', id);
  }
  if (error.validation) {
    const errors = fieldErrorsFromAjv(error.validation as never, error.validationContext ?? 'body');
    return problem(400, 'validation_failed', 'The request does not match the contract.', id, { errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return problem(415, 'unsupported_media_type', 'Send the body as application/json.', id);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'payload_too_large', 'The body is larger than this operation accepts.', id);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'validation_failed', 'The JSON body is empty.', id, {
        errors: [{ pointer: '', code: 'required', message: 'A JSON body is required.' }],
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'validation_failed', 'The body is not valid JSON.', id, {
        errors: [{ pointer: '', code: 'malformed_json', message: 'The body is not valid JSON.' }],
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'validation_failed', 'The Content-Length does not match the body.', id);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    if (error instanceof SyntaxError || /JSON/i.test(error.message)) {
      return problem(400, 'validation_failed', 'The body is not valid JSON.', id, {
        errors: [{ pointer: '', code: 'malformed_json', message: error.message }],
      });
    }
    return problem(status, status === 404 ? 'not_found' : 'bad_request', error.message, id);
  }
  return problem(500, 'internal', 'Something went wrong on our side; it has been logged.', id);
}

const templateCache = new Map<string, RegExp>();
function templateToRegExp(template: string): RegExp {
  let re = templateCache.get(template);
  if (!re) {
    const source = template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    re = new RegExp(`^${source}$`);
    templateCache.set(template, re);
  }
  return re;
}
