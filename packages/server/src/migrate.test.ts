// Migrations: applied once, in order, recorded; safe to run from several servers at once; the
// PGlite data directory keeps everything across restarts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { dropSchema, openDatabase } from './db.js';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.js';
import { DATABASE_URL } from './test/harness.js';

const temp: string[] = [];
after(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('reads the numbered files in order, refusing two with one number', () => {
    const versions = readMigrations().map((m) => m.version);
    assert.equal(versions[0], '0001_core');
    assert.deepEqual(versions, [...versions].sort());
    const dir = mkdtempSync(join(tmpdir(), 'pk-mig-'));
    temp.push(dir);
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0001_b.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    assert.throws(() => readMigrations(dir), /share the number 0001/);
  });

  it('applies every file once on PGlite, keeps data across restarts, reports edited files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pk-data-'));
    temp.push(dataDir);
    const db = await openDatabase({ dataDir });
    const first = await migrate(db);
    assert.deepEqual(
      first.applied,
      readMigrations().map((m) => m.version),
    );
    await db.query(`INSERT INTO settings (key, value) VALUES ('probe', 'kept')`);
    await db.close();

    const reopened = await openDatabase({ dataDir });
    const second = await migrate(reopened);
    assert.deepEqual(second, { applied: [], changed: [] });
    const { rows } = await reopened.query<{ value: string }>(
      `SELECT value FROM settings WHERE key = 'probe'`,
    );
    assert.equal(rows[0]?.value, 'kept');
    // A migration edited after it was applied is reported, never applied again.
    await reopened.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = '0001_core'`);
    assert.deepEqual((await migrate(reopened)).changed, ['0001_core']);
    await reopened.close();
  });

  it('rolls a failing migration back whole and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-mig-'));
    temp.push(dir);
    writeFileSync(join(dir, '0001_ok.sql'), 'CREATE TABLE ok_table (id int);');
    writeFileSync(
      join(dir, '0002_bad.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;',
    );
    const db = await openDatabase({ memory: true });
    try {
      await assert.rejects(migrate(db, dir), /0002_bad\.sql failed/);
      const { rows } = await db.query<{ version: string }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      assert.deepEqual(
        rows.map((r) => r.version),
        ['0001_ok'],
      );
      const half = await db.query(`SELECT to_regclass('half_done') AS t`);
      assert.equal((half.rows[0] as { t: unknown }).t, null);
    } finally {
      await db.close();
    }
  });

  it('several servers may migrate one PostgreSQL database at once', {
    skip: !DATABASE_URL && 'DATABASE_URL is not set',
  }, async () => {
    const schema = `pk_test_${randomBytes(6).toString('hex')}`;
    const dbs = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ url: DATABASE_URL!, schema, poolSize: 2 })),
    );
    try {
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      const applied = results.flatMap((r) => r.applied).sort();
      assert.deepEqual(
        applied,
        readMigrations(MIGRATIONS_DIR)
          .map((m) => m.version)
          .sort(),
        'each file applied exactly once',
      );
      const { rows } = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows[0]!.n, readMigrations().length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await dropSchema(DATABASE_URL!, schema);
    }
  });
});
