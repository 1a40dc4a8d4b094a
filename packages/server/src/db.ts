// The database: embedded PostgreSQL (PGlite, in a directory or in memory) or a PostgreSQL server
// through `pg`. Both speak the same SQL and return the same JavaScript types:
// bigint -> number, date -> 'YYYY-MM-DD' string, timestamptz -> Date, jsonb -> value.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { SIMILARITY_THRESHOLD } from './rules/conflict.js';
import type { Database, Queryable } from './types.js';

export interface DatabaseOptions {
  /** PGlite data directory (default `./.partnerkit-data`). */
  dataDir?: string;
  /** PGlite in memory: nothing is kept after close. */
  memory?: boolean;
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  url?: string;
  /**
   * PostgreSQL only: keep every table in this schema (created when missing), with `public` after
   * it on the search path for extensions. Tests use one fresh schema per run.
   */
  schema?: string;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
}

/** A queryable that can also run a script of several statements (migrations). */
export interface ScriptQueryable extends Queryable {
  exec(sql: string): Promise<void>;
}

/** The database with the extras the server itself needs (scripts in transactions, the schema). */
export interface PartnerkitDatabase extends Database {
  readonly schema: string | null;
  /** Like `transaction`, with `exec` for multi-statement scripts. */
  scriptTransaction<T>(fn: (tx: ScriptQueryable) => Promise<T>): Promise<T>;
}

const PREPARED = new Map<string, string>();

/**
 * Marks a hot statement to be prepared once per PostgreSQL connection (named statement), so it is
 * parsed once and, after a few runs, planned once. Returns `sql` unchanged. Only for fixed SQL
 * text: every distinct text becomes a statement kept by each connection. PGlite ignores it.
 */
export function preparedStatement(name: string, sql: string): string {
  const existing = PREPARED.get(sql);
  if (existing && existing !== name)
    throw new Error(`${name}: the same SQL is already prepared as ${existing}`);
  if ([...PREPARED.values()].includes(name) && existing !== name)
    throw new Error(`two statements named ${name}`);
  PREPARED.set(sql, name);
  return sql;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const toNumber = (value: string) => Number(value);
const asText = (value: string) => value;

/**
 * Set on every connection: the trigram similarity from which `%` matches, so the near-miss
 * search in a GiST index returns only close names (src/rules/conflict.ts keeps the same value).
 */
export const SESSION_SETTINGS = `SET pg_trgm.similarity_threshold = ${SIMILARITY_THRESHOLD}`;

export const DEFAULT_DATA_DIR = './.partnerkit-data';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the database described by `options` (PostgreSQL when `url` is set, else PGlite). */
export async function openDatabase(options: DatabaseOptions = {}): Promise<PartnerkitDatabase> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<PartnerkitDatabase> {
  let dataDir: string | undefined;
  if (!options.memory) {
    dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, btree_gist },
    parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: asText },
  });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): ScriptQueryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  keepLeadingByteOrderMarks(db);
  await db.exec(SESSION_SETTINGS);
  const direct = wrap(db);
  // PGlite is one connection: its transaction mutex is the queue. A plain query waits for the
  // running transaction to finish, so statements never interleave with one.
  const transaction = <T>(fn: (tx: ScriptQueryable) => Promise<T>) =>
    db.transaction((tx) => fn(wrap(tx as unknown as { query: PGlite['query']; exec: PGlite['exec'] })));
  return {
    kind: 'pglite',
    schema: null,
    query: direct.query,
    transaction: (fn) => transaction(fn),
    scriptTransaction: transaction,
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

const DATA_ROW = 0x44; // 'D'
const BOM = [0xef, 0xbb, 0xbf]; // U+FEFF in UTF-8

/**
 * PGlite decodes each text value of a result with a `TextDecoder('utf-8')`, which treats a leading
 * U+FEFF as a byte-order mark and drops it (`'\uFEFF'` comes back as `''`); PostgreSQL through
 * `pg` keeps it. Every query and exec of PGlite (and of its transactions) gets its messages from
 * `execProtocolStream`; this instance's own `execProtocolStream` runs the same parse through
 * `execProtocol`, which also returns the raw bytes, and gives back to each value of a data row the
 * U+FEFF its raw bytes begin with. Checked by `db.test.ts` on both databases.
 */
function keepLeadingByteOrderMarks(db: PGlite): void {
  db.execProtocolStream = async (message, options) => {
    const { messages, data } = await db.execProtocol(message, options);
    restoreLeadingBoms(messages, data);
    return messages;
  };
}

/** Puts back the U+FEFF that decoding took from the start of a data row's values (`fields`). */
function restoreLeadingBoms(messages: readonly { name: string }[], data: Uint8Array): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const rows = messages.filter((m) => m.name === 'dataRow') as { fields?: (string | null)[] }[];
  let row = 0;
  // Backend messages: a type byte, an int32 length (counting itself), the payload.
  for (let at = 0; at + 5 <= data.length && row < rows.length; at += 1 + view.getInt32(at + 1)) {
    if (data[at] !== DATA_ROW) continue;
    const fields = rows[row++]?.fields;
    if (!fields) continue;
    const count = view.getInt16(at + 5);
    let field = at + 7;
    for (let i = 0; i < count; i++) {
      const length = view.getInt32(field);
      field += 4;
      if (length >= 3 && BOM.every((byte, k) => data[field + k] === byte)) fields[i] = `\uFEFF${fields[i]}`;
      if (length > 0) field += length;
    }
  }
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 6;

async function openPostgres(url: string, options: DatabaseOptions): Promise<PartnerkitDatabase> {
  const schema = options.schema ?? null;
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  if (schema) {
    // Created once, outside the pool, so every pooled connection can put it on its search path.
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      // CREATE SCHEMA IF NOT EXISTS is not safe against itself: servers starting at once on a new
      // schema take turns under a transaction-level advisory lock.
      await setup.query('BEGIN');
      await setup.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`partnerkit:schema:${schema}`]);
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await setup.query('COMMIT');
    } finally {
      await setup.end();
    }
  }
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === OID.int8 || oid === OID.numeric) return toNumber;
      if (oid === OID.date) return asText;
      // biome-ignore lint/suspicious/noExplicitAny: pg's own overloads
      return (pg.types.getTypeParser as any)(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  // Queued before anything else the client is asked to run.
  pool.on('connect', (client) => {
    client.query(SESSION_SETTINGS).catch(() => {});
  });

  const wrap = (client: pg.PoolClient | pg.Pool): ScriptQueryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const name = PREPARED.get(sql);
      const result = name
        ? await client.query({ name, text: sql, values: [...params] })
        : await client.query(sql, [...params]);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });

  async function transaction<T>(
    fn: (tx: ScriptQueryable) => Promise<T>,
    isolation: 'read committed' | 'serializable' = 'read committed',
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(isolation === 'serializable' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * Math.random()));
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  const direct = wrap(pool);
  return {
    kind: 'postgres',
    schema,
    query: direct.query,
    transaction,
    scriptTransaction: (fn) => transaction(fn),
    async close() {
      await pool.end();
    },
  };
}

/** Drops a schema made for a test run (PostgreSQL only). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
