// Numbered SQL files in packages/server/migrations, applied in order at start-up. Each file runs
// in its own transaction, under an advisory lock (several servers may start at once), and is
// recorded in `schema_migrations`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PartnerkitDatabase, ScriptQueryable } from './db.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** Extensions the migrations rely on (trigram similarity; btree operators in GiST indexes). */
export const EXTENSIONS = ['pg_trgm', 'btree_gist'] as const;
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: string;
  file: string;
  sql: string;
  checksum: string;
}

/** The migration files of `dir`, in order. Rejects two files with the same number. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort();
  const seen = new Map<string, string>();
  return files.map((file) => {
    const number = MIGRATION_FILE.exec(file)![1]!;
    const other = seen.get(number);
    if (other) throw new Error(`Two migrations share the number ${number}: ${other} and ${file}`);
    seen.set(number, file);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { version: file.replace(/\.sql$/, ''), file, sql, checksum: sha256(sql) };
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function lock(tx: ScriptQueryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('partnerkit:migrate'))`);
}

export interface MigrateResult {
  applied: string[];
  /** Applied files whose content changed since (a warning, never re-applied). */
  changed: string[];
}

/** Applies every pending migration. Safe to call from several processes at once. */
export async function migrate(db: PartnerkitDatabase, dir: string = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  await db.scriptTransaction(async (tx) => {
    await lock(tx);
    for (const extension of EXTENSIONS) {
      await tx.exec(
        db.schema
          ? `CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`
          : `CREATE EXTENSION IF NOT EXISTS ${extension}`,
      );
    }
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    text PRIMARY KEY,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: string[] = [];
  const changed: string[] = [];
  for (const m of migrations) {
    await db.scriptTransaction(async (tx) => {
      await lock(tx);
      const { rows } = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [m.version],
      );
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) changed.push(m.version);
        return;
      }
      try {
        await tx.exec(m.sql);
      } catch (error) {
        throw new Error(`Migration ${m.file} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
        m.version,
        m.checksum,
      ]);
      applied.push(m.version);
    });
  }
  return { applied, changed };
}
