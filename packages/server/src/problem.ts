// RFC 9457 problem documents: from thrown ApiErrors, from the contract's validation errors, and
// from the framework's own errors (bad JSON, wrong content type, oversized body).
import type { ErrorObject } from 'ajv';
import { ApiError, type FieldError, type Schemas } from './types.js';

export type Problem = Schemas['Problem'];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  501: 'Not implemented',
  503: 'Service unavailable',
};

export function problemType(code: string): string {
  return `urn:partnerkit:problem:${code}`;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  requestId: string,
  extra: { errors?: FieldError[]; conflict?: Schemas['ConflictCheckResult']; title?: string } = {},
): Problem {
  const doc: Problem = {
    type: problemType(code),
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    requestId,
  };
  if (extra.errors && extra.errors.length > 0) doc.errors = extra.errors;
  if (extra.conflict) doc.conflict = extra.conflict;
  return doc;
}

export function problemFromApiError(error: ApiError, requestId: string): Problem {
  return problem(error.status, error.code, error.message, requestId, error.extra);
}

/** Escapes one JSON Pointer reference token. */
export const pointerToken = (token: string | number) =>
  String(token).replace(/~/g, '~0').replace(/\//g, '~1');

const PART_PREFIX: Record<string, string> = {
  body: '',
  querystring: '/query',
  params: '/path',
  headers: '/header',
};

const CODE_BY_KEYWORD: Record<string, string> = {
  additionalProperties: 'unknown_property',
  unevaluatedProperties: 'unknown_property',
  minLength: 'min_length',
  maxLength: 'max_length',
  minItems: 'min_items',
  maxItems: 'max_items',
  uniqueItems: 'unique_items',
  minProperties: 'min_properties',
  maxProperties: 'max_properties',
  exclusiveMinimum: 'minimum',
  exclusiveMaximum: 'maximum',
  propertyNames: 'property_name',
  oneOf: 'one_of',
  anyOf: 'any_of',
  multipleOf: 'multiple_of',
};

/**
 * Field errors from Ajv errors of one request part (`body`, `querystring`, `params`, `headers`):
 * each names the bad field by JSON Pointer (a missing or unknown property points at itself), with
 * a machine code (`required`, `type`, `unknown_property`, `max_length`, ...).
 */
export function fieldErrorsFromAjv(errors: readonly ErrorObject[], part: string): FieldError[] {
  const prefix = PART_PREFIX[part] ?? '';
  const out: FieldError[] = [];
  const seen = new Set<string>();
  // With `oneOf: [X, null]` Ajv reports X's errors, the null branch's `type` error and the oneOf
  // failure itself; the branch errors say more, so the summary is dropped when they exist.
  const detailed = new Set(errors.filter((e) => e.keyword !== 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    // The errors inside a `propertyNames` schema: the `propertyNames` error itself names the key.
    if ((e as { propertyName?: string }).propertyName !== undefined) continue;
    let pointer = e.instancePath;
    let code = CODE_BY_KEYWORD[e.keyword] ?? e.keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    let message = e.message ?? 'is invalid';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
      pointer = `${pointer}/${pointerToken(params.missingProperty)}`;
      message = 'is required';
    } else if (
      (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') &&
      typeof (params.additionalProperty ?? params.unevaluatedProperty) === 'string'
    ) {
      pointer = `${pointer}/${pointerToken(String(params.additionalProperty ?? params.unevaluatedProperty))}`;
      message = 'is not a known property';
    } else if (e.keyword === 'propertyNames' && typeof params.propertyName === 'string') {
      pointer = `${pointer}/${pointerToken(params.propertyName)}`;
      code = 'property_name';
      message = 'is not an allowed property name';
    } else if (e.keyword === 'oneOf' && detailed.has(pointer)) {
      continue;
    } else if (e.keyword === 'type' && e.schemaPath.includes('/oneOf/') && detailed.has(pointer)) {
      // the `null` branch of a nullable oneOf: the other branch's error names the real problem
      const siblings = errors.filter(
        (o) => o !== e && o.instancePath.startsWith(pointer) && o.keyword !== 'oneOf',
      );
      if (siblings.length > 0) continue;
    } else if (e.keyword === 'if') {
      continue;
    }
    if (part === 'headers') pointer = pointer.toLowerCase();
    const full = `${prefix}${pointer}`;
    const key = `${full}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: full, code, message: `${full || 'The body'} ${message}`.trim() });
  }
  return out;
}

/** A 400 `validation_failed` ApiError naming each bad field. */
export function validationFailed(errors: FieldError[], detail = 'The request does not match the contract.') {
  return new ApiError(400, 'validation_failed', detail, { errors });
}
