// The contract as a validator: which operation a request is, and whether an answer has the
// status, media type and body shape the contract gives it (JSON Schema 2020-12, with ajv).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats is CommonJS: its default import is the plugin itself or a module object around it.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ??
  addFormatsPlugin) as unknown as (ajv: Ajv2020) => void;

const CONTRACT_ID = 'urn:partnerkit:contract';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

type Json = Record<string, unknown>;

export interface Operation {
  method: string;
  /** The contract's path template, e.g. `/v1/deal-registrations/{id}`. */
  path: string;
  operationId: string;
  /** Documented statuses (`200`, `404`, `default`, ...). */
  statuses: string[];
}

export interface Contract {
  /** The document as parsed. */
  document: Json;
  /** The operation for a method and a path relative to the base URL, if the contract has one. */
  match(method: string, path: string): Operation | undefined;
  /**
   * What is wrong with an answer to `operation` (empty when nothing): an undocumented status, the
   * wrong media type, or a body that does not match the schema.
   */
  checkResponse(operation: Operation, status: number, contentType: string | null, body: unknown): string[];
  /** What is wrong with `value` as a `components/schemas/<name>` (empty when nothing). */
  checkSchema(name: string, value: unknown): string[];
}

const pointerEscape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** ajv's errors as short readable lines: `/items/0/status must be equal to one of ...`. */
export function describeErrors(errors: ErrorObject[] | null | undefined, limit = 3): string[] {
  if (!errors) return [];
  // `oneOf` reports every failing branch: keep the most specific messages.
  const lines = errors
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if')
    .map((e) => {
      const where = e.instancePath || '(body)';
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
          : e.keyword === 'enum'
            ? ` (${(e.params as { allowedValues?: unknown[] }).allowedValues?.join(', ')})`
            : '';
      return `${where} ${e.message ?? 'is invalid'}${extra}`;
    });
  const unique = [
    ...new Set(lines.length > 0 ? lines : errors.map((e) => `${e.instancePath || '(body)'} ${e.message}`)),
  ];
  return unique.length > limit ? [...unique.slice(0, limit), `and ${unique.length - limit} more`] : unique;
}

function resolveRef(document: Json, value: unknown): unknown {
  let node = value;
  for (let depth = 0; depth < 10 && node && typeof node === 'object' && '$ref' in node; depth++) {
    const ref = (node as { $ref: string }).$ref;
    if (!ref.startsWith('#/')) return undefined;
    node = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((n, key) => (n && typeof n === 'object' ? (n as Json)[key] : undefined), document);
  }
  return node;
}

/** Reads the contract that ships with `@partnerkit/api`. */
export async function loadContract(): Promise<Contract> {
  const file = fileURLToPath(import.meta.resolve('@partnerkit/api/openapi.yaml'));
  return createContract(parse(await readFile(file, 'utf8')) as Json);
}

export function createContract(document: Json): Contract {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  // OpenAPI's own keywords inside schemas, and the parts of the document around them.
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs', 'components', 'paths']) {
    ajv.addKeyword(keyword);
  }
  // Only the parts schemas live in: the rest of the document is not JSON Schema.
  ajv.addSchema({ components: document.components, paths: document.paths }, CONTRACT_ID);

  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${CONTRACT_ID}#${pointer}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };

  const operations: Array<Operation & { pattern: RegExp; params: number }> = [];
  const paths = (document.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = (path.match(/\{[^}]+\}/g) ?? []).length;
      const source = path
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId ?? `${method} ${path}`),
        statuses: Object.keys((op.responses ?? {}) as Json),
        pattern: new RegExp(`^${source}$`),
        params,
      });
    }
  }
  // Literal paths first: `/v1/deal-registrations/fields` before `/v1/deal-registrations/{id}`.
  operations.sort((a, b) => a.params - b.params);

  return {
    document,
    match(method, path) {
      const found = operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(path));
      if (!found) return undefined;
      const { pattern: _pattern, params: _params, ...operation } = found;
      return operation;
    },
    checkResponse(operation, status, contentType, body) {
      const op = (paths[operation.path] as Json)[operation.method.toLowerCase()] as Json;
      const responses = op.responses as Json;
      const key =
        String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
      if (key === undefined) {
        return [
          `${operation.method} ${operation.path} answered ${status}, which the contract does not document`,
        ];
      }
      if (key === 'default' && status < 400) {
        return [
          `${operation.method} ${operation.path} answered ${status}, which the contract does not document`,
        ];
      }
      const response = resolveRef(document, responses[key]) as Json | undefined;
      const content = response?.content as Record<string, Json> | undefined;
      if (!content || Object.keys(content).length === 0) {
        return body === undefined ? [] : [`${status} should have no body`];
      }
      const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(mediaType in content)) {
        return [
          `${status} answered with Content-Type ${JSON.stringify(contentType)}, expected ${Object.keys(content).join(' or ')}`,
        ];
      }
      // The schema inside the document, addressed by JSON Pointer (so its own $refs resolve).
      const responseRef = (responses[key] as Json).$ref;
      const base =
        typeof responseRef === 'string'
          ? responseRef.slice(1)
          : `/paths/${pointerEscape(operation.path)}/${operation.method.toLowerCase()}/responses/${pointerEscape(key)}`;
      const validate = validatorAt(`${base}/content/${pointerEscape(mediaType)}/schema`);
      if (validate(body)) return [];
      return describeErrors(validate.errors).map((line) => `${status} body: ${line}`);
    },
    checkSchema(name, value) {
      const validate = validatorAt(`/components/schemas/${pointerEscape(name)}`);
      return validate(value) ? [] : describeErrors(validate.errors);
    },
  };
}
