// Bearer tokens: API keys by hash, session tokens signed by the server's own secret for a user of
// the named partner, and nothing else.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import {
  authenticate,
  generateApiKey,
  hashApiKey,
  keyPrefix,
  loadSessionSecret,
  SESSION_AUDIENCE,
  SESSION_ISSUER,
  signSessionToken,
} from './auth.js';
import { openDatabase, type PartnerkitDatabase } from './db.js';
import { migrate } from './migrate.js';
import { DEMO_KEYS, seedCore } from './seed/core.js';
import { ApiError } from './types.js';

let db: PartnerkitDatabase;
let secret: Uint8Array;
const now = new Date('2026-06-01T12:00:00Z');

before(async () => {
  db = await openDatabase({ memory: true });
  await migrate(db);
  await seedCore(db, now);
  secret = await loadSessionSecret(db);
});
after(async () => {
  await db?.close();
});

const refused = async (authorization: string | undefined) => {
  await assert.rejects(authenticate(db, secret, authorization, now), (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 401);
    assert.equal(e.code, 'unauthenticated');
    return true;
  });
};

describe('API keys', () => {
  it('are 256 random bits, shown by a prefix, stored by SHA-256', () => {
    const a = generateApiKey();
    assert.match(a, /^pk_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, generateApiKey());
    assert.match(hashApiKey(a), /^[0-9a-f]{64}$/);
    assert.ok(!keyPrefix(a).includes(a.slice(12)));
  });

  it('resolve to their user, role and organisation', async () => {
    const partner = await authenticate(db, secret, `Bearer ${DEMO_KEYS.northwindUser}`, now);
    assert.deepEqual(
      { kind: partner.kind, role: partner.role, partnerId: partner.partnerId, name: partner.userName },
      { kind: 'api_key', role: 'partner_user', partnerId: 'ptn_northwind', name: 'Jordan Rivera' },
    );
    const vendor = await authenticate(db, secret, `bearer ${DEMO_KEYS.vendorAdmin}`, now);
    assert.equal(vendor.partnerId, null);
    assert.equal(vendor.role, 'vendor_admin');
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM api_keys');
    assert.ok(
      rows.every((r) => !Object.values(DEMO_KEYS).includes(r.hash as never)),
      'keys are never stored',
    );
  });

  it('are refused when unknown, revoked or malformed', async () => {
    await refused(undefined);
    await refused('');
    await refused('Bearer');
    await refused(`Basic ${DEMO_KEYS.vendorAdmin}`);
    await refused(`Bearer ${DEMO_KEYS.vendorAdmin}x`);
    await db.query('UPDATE api_keys SET revoked_at = $1 WHERE hash = $2', [
      now,
      hashApiKey('pk_demo_litware_admin'),
    ]);
    await refused('Bearer pk_demo_litware_admin');
  });
});

describe('session tokens', () => {
  const claims = { userId: 'usr_contoso_1', partnerId: 'ptn_contoso', role: 'partner_admin' as const };

  it('carry the user, the partner and the role until they expire', async () => {
    const { token, expiresAt } = await signSessionToken(secret, claims, now, 600);
    assert.equal(expiresAt.toISOString(), '2026-06-01T12:10:00.000Z');
    const caller = await authenticate(db, secret, `Bearer ${token}`, now);
    assert.deepEqual(
      { kind: caller.kind, userId: caller.userId, partnerId: caller.partnerId, role: caller.role },
      { kind: 'session', ...claims },
    );
    assert.equal(caller.sessionExpiresAt, '2026-06-01T12:10:00.000Z');
    await assert.rejects(
      authenticate(db, secret, `Bearer ${token}`, new Date(now.getTime() + 601_000)),
      /expired/,
    );
  });

  it('are refused when signed with another secret, unsigned, or for another audience', async () => {
    const other = await signSessionToken(new TextEncoder().encode('not the secret'), claims, now, 600);
    await refused(`Bearer ${other.token}`);
    const unsigned = new UnsecuredJWT({ pid: claims.partnerId, role: claims.role })
      .setSubject(claims.userId)
      .setIssuer(SESSION_ISSUER)
      .setAudience(SESSION_AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
      .encode();
    await refused(`Bearer ${unsigned}`);
    const audience = await new SignJWT({ pid: claims.partnerId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(SESSION_ISSUER)
      .setAudience('someone-else')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
      .sign(secret);
    await refused(`Bearer ${audience}`);
  });

  it('are refused for a user who is not of the named partner, or a role beyond partner', async () => {
    const foreign = await signSessionToken(secret, { ...claims, partnerId: 'ptn_northwind' }, now, 600);
    await refused(`Bearer ${foreign.token}`);
    const vendor = await new SignJWT({ pid: 'ptn_contoso', role: 'vendor_admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_contoso_1')
      .setIssuer(SESSION_ISSUER)
      .setAudience(SESSION_AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 600)
      .sign(secret);
    await refused(`Bearer ${vendor}`);
  });

  it('share one secret across servers: generated once, then read', async () => {
    const again = await loadSessionSecret(db);
    assert.deepEqual(again, secret);
  });
});
