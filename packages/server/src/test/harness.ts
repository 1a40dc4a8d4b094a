// Test harness: a real server on real HTTP, on PGlite in memory, or on the PostgreSQL server at
// DATABASE_URL in a fresh schema of its own (dropped on close), with a clock tests can move.
import { randomBytes } from 'node:crypto';
import { dropSchema } from '../db.js';
import { DEMO_KEYS, seedCore } from '../seed/core.js';
import { createPartnerkitServer, type PartnerkitServer, type PartnerkitServerOptions } from '../server.js';

export { DEMO_KEYS };

/** The PostgreSQL server tests may use, if any. */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

export interface TestClock {
  now(): Date;
  /** Moves the clock forward (or back, with a negative amount). */
  advance(ms: number): void;
  set(date: Date): void;
}

export function testClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestServer extends PartnerkitServer {
  clock: TestClock;
  /** Sends one request: `body` is sent as JSON unless `raw` is given. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> },
  ): Promise<TestResponse<T>>;
}

export interface TestServerOptions
  extends Omit<PartnerkitServerOptions, 'database' | 'now' | 'port' | 'host' | 'seed'> {
  /** `core` (default): program, tiers, products, partners, keys, registrations; `demo`: everything; `none`. */
  seed?: 'core' | 'demo' | 'none';
  /** Use PostgreSQL at DATABASE_URL when set (default), or force PGlite. */
  postgres?: boolean;
  clock?: TestClock;
}

/** Starts a server for one test file. Close it in `after()`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = options.clock ?? testClock();
  const usePostgres = (options.postgres ?? true) && DATABASE_URL !== undefined;
  const schema = usePostgres ? `pk_test_${randomBytes(6).toString('hex')}` : undefined;
  const seed = options.seed ?? 'core';
  const { seed: _seed, postgres: _postgres, clock: _clock, ...rest } = options;
  const server = await createPartnerkitServer({
    ...rest,
    database: usePostgres ? { url: DATABASE_URL, schema } : { memory: true },
    port: 0,
    host: '127.0.0.1',
    now: clock.now,
    demo: seed === 'demo',
    ...(seed === 'core' ? { seed: (db, now) => seedCore(db, now) } : {}),
    sweepIntervalMs: options.sweepIntervalMs ?? 0,
  });
  return {
    ...server,
    clock,
    async close() {
      await server.close();
      if (schema && DATABASE_URL) await dropSchema(DATABASE_URL, schema);
    },
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Blob | undefined;
      if (opts.raw !== undefined)
        body = typeof opts.raw === 'string' ? opts.raw : new Blob([new Uint8Array(opts.raw)]);
      else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(new URL(path, server.url), { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      const type = res.headers.get('content-type') ?? '';
      if (type.includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed as never, text };
    },
  };
}

/** A valid registration body for the demo program; `overrides` replace top-level fields. */
export function registrationBody(company: string, overrides: Record<string, unknown> = {}) {
  const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return {
    customer: {
      company,
      domain: `${slug}.example.com`,
      country: 'US',
      contact: { name: 'Ann Example', email: `ann@${slug}.example.com` },
    },
    products: ['prd_core'],
    estimatedValue: { amount: 2_500_000, currency: 'USD' },
    expectedCloseDate: '2027-06-30',
    sourcing: 'sourced',
    customFields: { deal_type: 'new' },
    ...overrides,
  };
}

export const KEYS = {
  vendor: DEMO_KEYS.vendorAdmin,
  northwind: DEMO_KEYS.northwindAdmin,
  northwindUser: DEMO_KEYS.northwindUser,
  contoso: DEMO_KEYS.contosoAdmin,
  fabrikam: 'pk_demo_fabrikam_admin',
} as const;
