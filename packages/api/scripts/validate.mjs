// Validates openapi.yaml against the official OpenAPI 3.1 schema, then checks what a schema
// validator cannot: every $ref resolves, operationIds are unique, every operation documents its
// errors as problem documents.
import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';

const specUrl = new URL('../openapi.yaml', import.meta.url);
const spec = parse(await readFile(specUrl, 'utf8'));

const validator = new Validator();
const result = await validator.validate(spec);
const problems = [];
if (!result.valid) {
  for (const e of [result.errors].flat()) problems.push(`schema: ${JSON.stringify(e)}`);
}
if (validator.version !== '3.1') problems.push(`expected OpenAPI 3.1, got ${validator.version}`);

const resolve = (ref) => {
  if (!ref.startsWith('#/')) return undefined;
  let node = spec;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
};
const walk = (node, path) => {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walk(n, `${path}/${i}`);
  } else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined) {
      problems.push(`unresolved $ref ${node.$ref} at ${path}`);
    }
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  }
};
walk(spec, '#');

const seen = new Set();
const methods = ['get', 'put', 'post', 'patch', 'delete'];
let operations = 0;
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of methods) {
    const op = item[method];
    if (!op) continue;
    operations++;
    const where = `${method.toUpperCase()} ${path}`;
    if (!op.operationId) problems.push(`${where}: no operationId`);
    else if (seen.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
    else seen.add(op.operationId);
    if (!Object.keys(op.responses ?? {}).some((s) => s === 'default' || s >= '400'))
      problems.push(`${where}: no error response`);
    const security = op.security ?? spec.security;
    if (security.length > 0 && !op.responses?.['401']) problems.push(`${where}: secured but no 401`);
  }
}

if (problems.length > 0) {
  console.error(`api: openapi.yaml is invalid (${problems.length} problems):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(
  `api: openapi.yaml is a valid OpenAPI ${validator.version} document with ${operations} operations`,
);
