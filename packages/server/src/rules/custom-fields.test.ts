import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomField } from '@partnerkit/api';
import { isCalendarDay, validateCustomFields } from './custom-fields.js';

const fields: CustomField[] = [
  {
    key: 'deal_type',
    label: 'Deal type',
    type: 'select',
    required: true,
    options: [
      { value: 'new', label: 'New' },
      { value: 'renewal', label: 'Renewal' },
    ],
  },
  { key: 'crm_id', label: 'CRM id', type: 'text', required: false, maxLength: 5 },
  { key: 'seats', label: 'Seats', type: 'number', required: false, min: 1, max: 100 },
  { key: 'budget_on', label: 'Budget on', type: 'date', required: false },
  { key: 'competitive', label: 'Competitive', type: 'checkbox', required: false },
  { key: 'terms', label: 'Terms accepted', type: 'checkbox', required: true },
];

const pointers = (r: ReturnType<typeof validateCustomFields>) =>
  r.errors.map((e) => `${e.pointer} ${e.code}`);

describe('validateCustomFields', () => {
  it('accepts valid values and keeps only what is set', () => {
    const r = validateCustomFields(fields, {
      deal_type: 'new',
      crm_id: 'AB-12',
      seats: 100,
      budget_on: '2024-02-29',
      competitive: false,
      terms: true,
    });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.values, {
      deal_type: 'new',
      crm_id: 'AB-12',
      seats: 100,
      budget_on: '2024-02-29',
      competitive: false,
      terms: true,
    });
    const sparse = validateCustomFields(fields, {
      deal_type: 'renewal',
      terms: true,
      crm_id: null,
      seats: null,
      budget_on: '',
    });
    assert.deepEqual(sparse.errors, []);
    assert.deepEqual(sparse.values, { deal_type: 'renewal', terms: true });
  });

  it('names unknown keys', () => {
    const r = validateCustomFields(fields, { deal_type: 'new', terms: true, colour: 'red' });
    assert.equal(r.unknownKeys, true);
    assert.deepEqual(pointers(r), ['/customFields/colour unknown_field']);
  });

  it('names missing required values, including an unticked required checkbox', () => {
    assert.deepEqual(pointers(validateCustomFields(fields, undefined)), [
      '/customFields/deal_type required',
      '/customFields/terms required',
    ]);
    assert.deepEqual(pointers(validateCustomFields(fields, { deal_type: '  ', terms: false })), [
      '/customFields/deal_type required',
      '/customFields/terms required',
    ]);
  });

  it('names wrong types, options, ranges, lengths and dates', () => {
    const r = validateCustomFields(fields, {
      deal_type: 'upsell',
      crm_id: 'ABCDEF',
      seats: '12',
      budget_on: '2023-02-29',
      competitive: 'yes',
      terms: true,
    });
    assert.equal(r.unknownKeys, false);
    assert.deepEqual(pointers(r), [
      '/customFields/deal_type enum',
      '/customFields/crm_id max_length',
      '/customFields/seats type',
      '/customFields/budget_on format',
      '/customFields/competitive type',
    ]);
    assert.deepEqual(pointers(validateCustomFields(fields, { deal_type: 'new', terms: true, seats: 0 })), [
      '/customFields/seats minimum',
    ]);
    assert.deepEqual(pointers(validateCustomFields(fields, { deal_type: 'new', terms: true, seats: 101 })), [
      '/customFields/seats maximum',
    ]);
    assert.deepEqual(pointers(validateCustomFields(fields, { deal_type: 1, terms: true, crm_id: 5 })), [
      '/customFields/deal_type type',
      '/customFields/crm_id type',
    ]);
  });

  it('counts characters, not UTF-16 units, for maxLength', () => {
    assert.deepEqual(
      validateCustomFields(fields, { deal_type: 'new', terms: true, crm_id: '😀😀😀😀😀' }).errors,
      [],
    );
  });

  it('knows real calendar days', () => {
    assert.ok(isCalendarDay('2024-02-29'));
    for (const d of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-1', '24-01-01', '2024-01-32', 'x']) {
      assert.ok(!isCalendarDay(d), d);
    }
  });
});
