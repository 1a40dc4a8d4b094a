// Bearer tokens: API keys (random, stored as SHA-256 hashes) and short-lived partner session
// tokens (JWT, HS256) signed with a secret kept in the database so every server shares it.
import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { preparedStatement } from './db.js';
import { newId } from './ids.js';
import { ApiError, type Caller, type Queryable, type Role } from './types.js';

export const SESSION_ISSUER = 'partnerkit';
export const SESSION_AUDIENCE = 'partnerkit-portal';
const SESSION_SECRET_KEY = 'session_secret';

/** The anonymous caller of operations that need no token. */
export const ANONYMOUS: Caller = Object.freeze({
  kind: 'anonymous',
  userId: '',
  userName: '',
  email: '',
  role: 'partner_user',
  partnerId: null,
  sessionExpiresAt: null,
});

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new API key: `pk_` and 43 characters of base64url (256 random bits). */
export function generateApiKey(): string {
  return `pk_${randomBytes(32).toString('base64url')}`;
}

/** What people see of a key to tell keys apart; never enough to use it. */
export const keyPrefix = (key: string) => `${key.slice(0, 10)}…`;

export const unauthenticated = (detail: string) =>
  new ApiError(401, 'unauthenticated', detail, { title: 'Unauthenticated' });

/**
 * Stores an API key for a user (hash only) and returns its id. `key` defaults to a new random
 * key; the demo seed passes its fixed, documented keys.
 */
export async function storeApiKey(
  db: Queryable,
  input: { userId: string; role: Role; name: string; key?: string; now: Date },
): Promise<{ id: string; key: string }> {
  const key = input.key ?? generateApiKey();
  const id = newId('key');
  await db.query(
    `INSERT INTO api_keys (id, user_id, role, name, prefix, hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, input.userId, input.role, input.name, keyPrefix(key), hashApiKey(key), input.now],
  );
  return { id, key };
}

/** The session signing secret: generated once by whichever server starts first, then shared. */
export async function loadSessionSecret(db: Queryable): Promise<Uint8Array> {
  const candidate = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    SESSION_SECRET_KEY,
    candidate,
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
    SESSION_SECRET_KEY,
  ]);
  return new TextEncoder().encode(rows[0]!.value);
}

export interface SessionClaims {
  userId: string;
  partnerId: string;
  role: 'partner_user' | 'partner_admin';
}

export async function signSessionToken(
  secret: Uint8Array,
  claims: SessionClaims,
  now: Date,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ pid: claims.partnerId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(SESSION_ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomBytes(9).toString('base64url'))
    .sign(secret);
  return { token, expiresAt: new Date(exp * 1000) };
}

const API_KEY_SQL = preparedStatement(
  'pk_api_key',
  `SELECT k.role, u.id AS user_id, u.name, u.email, u.partner_id
     FROM api_keys k JOIN users u ON u.id = k.user_id
    WHERE k.hash = $1 AND k.revoked_at IS NULL`,
);
const SESSION_USER_SQL = preparedStatement(
  'pk_session_user',
  'SELECT name, email FROM users WHERE id = $1 AND partner_id = $2',
);

const BEARER = /^Bearer[ ]+([\x21-\x7e]{1,4096})[ ]*$/i;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Resolves the caller of a request from its `Authorization` header, or throws a 401. */
export async function authenticate(
  db: Queryable,
  secret: Uint8Array,
  authorization: string | undefined,
  now: Date,
): Promise<Caller> {
  if (!authorization)
    throw unauthenticated('Send an API key or a session token as "Authorization: Bearer <token>".');
  const match = BEARER.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  const token = match[1]!;
  return JWT_SHAPE.test(token) ? sessionCaller(db, secret, token, now) : apiKeyCaller(db, token);
}

async function apiKeyCaller(db: Queryable, key: string): Promise<Caller> {
  const { rows } = await db.query<{
    role: Role;
    user_id: string;
    name: string;
    email: string;
    partner_id: string | null;
  }>(API_KEY_SQL, [hashApiKey(key)]);
  const row = rows[0];
  if (!row) throw unauthenticated('The API key is not valid.');
  return {
    kind: 'api_key',
    userId: row.user_id,
    userName: row.name,
    email: row.email,
    role: row.role,
    partnerId: row.role === 'vendor_admin' ? null : row.partner_id,
    sessionExpiresAt: null,
  };
}

async function sessionCaller(db: Queryable, secret: Uint8Array, token: string, now: Date): Promise<Caller> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      issuer: SESSION_ISSUER,
      audience: SESSION_AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The session token has expired.');
    throw unauthenticated('The session token is not valid.');
  }
  const { sub, pid, role, exp } = payload;
  if (
    typeof sub !== 'string' ||
    typeof pid !== 'string' ||
    typeof exp !== 'number' ||
    (role !== 'partner_user' && role !== 'partner_admin')
  ) {
    throw unauthenticated('The session token is not valid.');
  }
  const { rows } = await db.query<{ name: string; email: string }>(SESSION_USER_SQL, [sub, pid]);
  const user = rows[0];
  if (!user) throw unauthenticated('The session token names no current user.');
  return {
    kind: 'session',
    userId: sub,
    userName: user.name,
    email: user.email,
    role,
    partnerId: pid,
    sessionExpiresAt: new Date(exp * 1000).toISOString(),
  };
}
