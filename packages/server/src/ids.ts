// Ids and cursors shared by every handler.
import { randomBytes } from 'node:crypto';
import { ApiError } from './types.js';

/**
 * A new opaque id such as `dr_Xk3v9QZp0aLmT2bW` (prefix, underscore, 16 random base64url
 * characters; 96 bits). Matches the contract's Id pattern.
 */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** A page position over (timestamp, id), newest first: opaque to clients. */
export interface CursorPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; a malformed one is a 400 naming `/query/cursor`. */
export function decodeCursor(cursor: string): CursorPosition {
  const bad = () =>
    new ApiError(400, 'validation_failed', 'The cursor is not valid; pass back a `nextCursor` unchanged.', {
      errors: [
        { pointer: '/query/cursor', code: 'invalid_cursor', message: '/query/cursor is not a valid cursor' },
      ],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw bad();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || id.length === 0 || id.length > 64) throw bad();
  const date = new Date(at);
  // A valid JavaScript date can still be out of PostgreSQL's range (years -271821 to 275760):
  // forged cursors keep to the years a row can really have.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 || date.getUTCFullYear() > 9999)
    throw bad();
  return { at: date, id };
}

/**
 * Splits `limit + 1` rows fetched newest first into a page and its `nextCursor`.
 * `position` gives the (timestamp, id) of a row.
 */
export function pageOf<Row>(
  rows: Row[],
  limit: number,
  position: (row: Row) => CursorPosition,
): { items: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(position(items.at(-1)!)) };
}
