// Idempotency keys: the same key and the same request gives the first response; the same key with
// another request is refused; a duplicate that arrives while the first is still running waits for
// nothing and is told so. No I/O here; src/idempotency.ts keeps the records.
import { createHash } from 'node:crypto';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** An in-progress record older than this belongs to a request that died with its server. */
export const IN_PROGRESS_STALE_MS = 60 * 1000;

/** JSON with object keys sorted, so the same body always has the same text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What makes two requests "the same": method, path and body (key order does not matter). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

export interface StoredKey {
  fingerprint: string;
  state: 'in_progress' | 'done';
  status: number | null;
  body: unknown;
  headers: Record<string, string> | null;
  createdAt: Date;
  updatedAt: Date;
}

export type IdempotencyDecision =
  /** No usable record: run the request (taking the key over if it was stale or forgotten). */
  | { kind: 'run'; takeOver: boolean }
  /** The first request finished: answer with its response. */
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  /** The same key with a different request: 422 `idempotency_key_reused`. */
  | { kind: 'reused' }
  /** The first request with this key is still running: 409 `idempotency_in_progress`. */
  | { kind: 'in_progress' };

export function decideIdempotency(
  stored: StoredKey | null,
  fingerprint: string,
  now: Date,
): IdempotencyDecision {
  if (!stored) return { kind: 'run', takeOver: false };
  const age = now.getTime() - stored.createdAt.getTime();
  if (age >= IDEMPOTENCY_TTL_MS) return { kind: 'run', takeOver: true };
  if (stored.fingerprint !== fingerprint) return { kind: 'reused' };
  if (stored.state === 'done' && stored.status !== null) {
    return { kind: 'replay', status: stored.status, body: stored.body, headers: stored.headers ?? {} };
  }
  if (now.getTime() - stored.updatedAt.getTime() >= IN_PROGRESS_STALE_MS)
    return { kind: 'run', takeOver: true };
  return { kind: 'in_progress' };
}

/** Whether a response is kept for replay: everything but server errors (those may be retried). */
export const isStorableStatus = (status: number) => status < 500;
