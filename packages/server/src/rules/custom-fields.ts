// The vendor's custom registration fields: validating the values a partner sends against their
// definitions. No I/O here.
import type { CustomField } from '@partnerkit/api';
import type { FieldError } from '../types.js';

export type CustomFieldValue = string | number | boolean;

export interface CustomFieldsResult {
  /** The values to store: known keys only, `null` and empty optional values left out. */
  values: Record<string, CustomFieldValue>;
  errors: FieldError[];
  /** True when some error is an unknown key (the problem's code is then `unknown_field`). */
  unknownKeys: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Checks `input` (the body's `customFields`, possibly absent) against the vendor's field
 * definitions: unknown keys, missing required values, wrong types, options, ranges and lengths.
 * Every error points at `/customFields/<key>`.
 */
export function validateCustomFields(
  definitions: readonly CustomField[],
  input: Readonly<Record<string, unknown>> | undefined,
): CustomFieldsResult {
  const values: Record<string, CustomFieldValue> = {};
  const errors: FieldError[] = [];
  const given = input ?? {};
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  let unknownKeys = false;
  const fail = (key: string, code: string, message: string) =>
    errors.push({ pointer: `/customFields/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, code, message });

  for (const key of Object.keys(given)) {
    if (!byKey.has(key)) {
      unknownKeys = true;
      fail(key, 'unknown_field', `"${key}" is not one of this program's registration fields.`);
    }
  }
  for (const def of definitions) {
    const raw = Object.hasOwn(given, def.key) ? given[def.key] : undefined;
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (def.required) fail(def.key, 'required', `${def.label} is required.`);
      continue;
    }
    switch (def.type) {
      case 'text': {
        if (typeof raw !== 'string') {
          fail(def.key, 'type', `${def.label} must be text.`);
          break;
        }
        if (def.maxLength !== undefined && [...raw].length > def.maxLength) {
          fail(def.key, 'max_length', `${def.label} must be at most ${def.maxLength} characters.`);
          break;
        }
        values[def.key] = raw;
        break;
      }
      case 'number': {
        if (typeof raw !== 'number' || !Number.isFinite(raw)) {
          fail(def.key, 'type', `${def.label} must be a number.`);
          break;
        }
        if (def.min !== undefined && raw < def.min) {
          fail(def.key, 'minimum', `${def.label} must be at least ${def.min}.`);
          break;
        }
        if (def.max !== undefined && raw > def.max) {
          fail(def.key, 'maximum', `${def.label} must be at most ${def.max}.`);
          break;
        }
        values[def.key] = raw;
        break;
      }
      case 'select': {
        const options = def.options ?? [];
        if (typeof raw !== 'string') {
          fail(def.key, 'type', `${def.label} must be one of its options.`);
          break;
        }
        if (!options.some((o) => o.value === raw)) {
          fail(def.key, 'enum', `${def.label} must be one of: ${options.map((o) => o.value).join(', ')}.`);
          break;
        }
        values[def.key] = raw;
        break;
      }
      case 'date': {
        if (typeof raw !== 'string' || !isCalendarDay(raw)) {
          fail(def.key, 'format', `${def.label} must be a date written YYYY-MM-DD.`);
          break;
        }
        values[def.key] = raw;
        break;
      }
      case 'checkbox': {
        if (typeof raw !== 'boolean') {
          fail(def.key, 'type', `${def.label} must be true or false.`);
          break;
        }
        // As in HTML forms, a required checkbox must be ticked.
        if (def.required && raw !== true) {
          fail(def.key, 'required', `${def.label} must be ticked.`);
          break;
        }
        values[def.key] = raw;
        break;
      }
    }
  }
  return { values, errors, unknownKeys };
}
