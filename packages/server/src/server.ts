// The server as a program uses it: open the database, migrate, optionally seed the demo, listen,
// sweep periodically, and close everything in order.
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.js';
import { loadSessionSecret } from './auth.js';
import { type DatabaseOptions, openDatabase, type PartnerkitDatabase } from './db.js';
import { handlers as defaultHandlers } from './handlers/index.js';
import { type MigrateResult, migrate } from './migrate.js';
import { type DemoSeedResult, seedDemo } from './seed/index.js';
import { SWEEP_INTERVAL_MS, sweep } from './sweep.js';
import type { Handlers } from './types.js';

export interface PartnerkitServerOptions {
  /** Where the data lives: PGlite in `dataDir` (default `./.partnerkit-data`) or in memory, or PostgreSQL at `url`. */
  database?: DatabaseOptions;
  /** Default 8787; 0 picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Origins allowed to call the API from a browser (`*` for any). */
  corsOrigins?: readonly string[];
  /** Fastify's logger option: `true` for JSON logs at info, an object for pino options. Default off. */
  logger?: FastifyServerOptions['logger'];
  /** Seed the demo program when the database is empty. */
  demo?: boolean;
  /** Any other seeding to run after migrations (tests seed only what they need). */
  seed?: (db: PartnerkitDatabase, now: Date) => Promise<unknown>;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Replace or add operation handlers (tests). */
  handlers?: Handlers;
  /** Trust X-Forwarded-* headers from a proxy in front. */
  trustProxy?: boolean;
  /** Run the housekeeping sweep every this many ms (default one minute; 0 to only sweep at start-up). */
  sweepIntervalMs?: number;
}

export interface PartnerkitServer {
  /** The base URL the server listens on, e.g. `http://127.0.0.1:8787`. */
  url: string;
  db: PartnerkitDatabase;
  /** What the demo seed did, when `demo` was set. */
  demo: DemoSeedResult | null;
  /** The migrations applied at start-up, and any applied earlier whose file has changed since. */
  migrations: MigrateResult;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

export async function createPartnerkitServer(
  options: PartnerkitServerOptions = {},
): Promise<PartnerkitServer> {
  const now = options.now ?? (() => new Date());
  const db = await openDatabase(options.database ?? {});
  try {
    const migrations = await migrate(db);
    const demo = options.demo ? await seedDemo(db, now()) : null;
    if (options.seed) await options.seed(db, now());
    const sessionSecret = await loadSessionSecret(db);
    const app = await buildApp({
      db,
      handlers: { ...defaultHandlers, ...options.handlers },
      sessionSecret,
      now,
      logger: options.logger ?? false,
      corsOrigins: options.corsOrigins ?? [],
      trustProxy: options.trustProxy ?? false,
    });
    const runSweep = async () => {
      const result = await sweep(db, now());
      for (const { part, error } of result.errors) app.log.warn({ err: error, part }, 'sweep: a part failed');
      const { errors: _errors, ...counts } = result;
      if (Object.values(counts).some((n) => n > 0)) app.log.info(counts, 'sweep');
    };
    await runSweep();
    const interval = options.sweepIntervalMs ?? SWEEP_INTERVAL_MS;
    let sweeping: Promise<unknown> = Promise.resolve();
    const timer =
      interval > 0
        ? setInterval(() => {
            sweeping = runSweep().catch((err) => app.log.warn({ err }, 'sweep failed'));
          }, interval)
        : null;
    timer?.unref();

    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 8787, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${shownHost}:${port}`,
      db,
      demo,
      migrations,
      close() {
        closing ??= (async () => {
          if (timer) clearInterval(timer);
          await app.close();
          await sweeping;
          await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
