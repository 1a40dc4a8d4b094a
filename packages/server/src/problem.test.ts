// Field errors from Ajv: one pointer per bad field, missing and unknown properties pointing at
// themselves, parameters under /query, /path and /header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fieldErrorsFromAjv, pointerToken, problem } from './problem.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const errorsOf = (schema: object, data: unknown, part = 'body') => {
  const validate = ajv.compile(schema);
  assert.equal(validate(data), false);
  return fieldErrorsFromAjv(validate.errors ?? [], part)
    .map((e) => `${e.pointer} ${e.code}`)
    .sort();
};

describe('fieldErrorsFromAjv', () => {
  it('points at missing and unknown properties themselves', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['customer'],
      properties: {
        customer: {
          type: 'object',
          additionalProperties: false,
          required: ['company'],
          properties: { company: { type: 'string', minLength: 1 }, 'a/b~c': { type: 'string' } },
        },
      },
    };
    assert.deepEqual(errorsOf(schema, { customer: { vip: true, 'a/b~c': 1 }, extra: 1 }), [
      '/customer/a~1b~0c type',
      '/customer/company required',
      '/customer/vip unknown_property',
      '/extra unknown_property',
    ]);
  });

  it('names keywords in snake case', () => {
    const schema = {
      type: 'object',
      properties: {
        list: { type: 'array', maxItems: 1, uniqueItems: true },
        name: { type: 'string', maxLength: 2 },
        n: { type: 'integer', minimum: 0 },
        kind: { enum: ['a'] },
      },
    };
    assert.deepEqual(errorsOf(schema, { list: [1, 1], name: 'abc', n: -1, kind: 'b' }), [
      '/kind enum',
      '/list max_items',
      '/list unique_items',
      '/n minimum',
      '/name max_length',
    ]);
  });

  it('names the branch error of a nullable oneOf, not the oneOf summary', () => {
    const schema = {
      type: 'object',
      properties: {
        money: {
          oneOf: [
            {
              type: 'object',
              required: ['amount'],
              properties: { amount: { type: 'integer' } },
            },
            { type: 'null' },
          ],
        },
      },
    };
    assert.deepEqual(errorsOf(schema, { money: { amount: 'x' } }), ['/money/amount type']);
  });

  it('puts parameters under /query, /path and /header, header names in lower case', () => {
    const q = { type: 'object', properties: { limit: { type: 'integer', maximum: 100 } } };
    assert.deepEqual(errorsOf(q, { limit: 500 }, 'querystring'), ['/query/limit maximum']);
    assert.deepEqual(errorsOf(q, { limit: 500 }, 'params'), ['/path/limit maximum']);
    const h = { type: 'object', properties: { 'Idempotency-Key': { type: 'string', minLength: 8 } } };
    assert.deepEqual(errorsOf(h, { 'Idempotency-Key': 'x' }, 'headers'), [
      '/header/idempotency-key min_length',
    ]);
  });

  it('names bad property names of free-form maps', () => {
    const schema = { type: 'object', propertyNames: { pattern: '^[a-z]+$' } };
    assert.deepEqual(errorsOf(schema, { Bad: 1 }), ['/Bad property_name']);
  });
});

describe('problem documents', () => {
  it('carry type, title, status, detail, code and request id; errors only when there are some', () => {
    assert.deepEqual(problem(404, 'not_found', 'No such thing.', 'req_1'), {
      type: 'urn:partnerkit:problem:not_found',
      title: 'Not found',
      status: 404,
      detail: 'No such thing.',
      code: 'not_found',
      requestId: 'req_1',
    });
    const withErrors = problem(400, 'validation_failed', 'Bad.', 'req_2', {
      errors: [{ pointer: '/a', code: 'type', message: 'x' }],
    });
    assert.equal(withErrors.errors?.length, 1);
    assert.equal(problem(400, 'validation_failed', 'Bad.', 'req_3', { errors: [] }).errors, undefined);
  });

  it('escapes JSON Pointer tokens', () => {
    assert.equal(pointerToken('a/b~c'), 'a~1b~0c');
    assert.equal(pointerToken(3), '3');
  });
});
