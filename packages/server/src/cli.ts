// `partnerkit-server`: start | migrate | seed --demo | keys create.
import { parseArgs } from 'node:util';
import { storeApiKey } from './auth.js';
import { type DatabaseOptions, DEFAULT_DATA_DIR, openDatabase } from './db.js';
import { newId } from './ids.js';
import { migrate } from './migrate.js';
import { DEMO_KEYS, seedDemo } from './seed/index.js';
import { createPartnerkitServer } from './server.js';
import type { Role } from './types.js';

const USAGE = `usage: partnerkit-server <command> [options]

commands:
  start     [--port 8787] [--host 127.0.0.1] [--data-dir DIR | --memory] [--demo]
            [--cors-origin ORIGIN ...] [--log-level info]
  migrate   [--data-dir DIR]
  seed      --demo [--data-dir DIR]
  keys create --org ID|vendor --role ROLE [--name NAME] [--email EMAIL] [--data-dir DIR]

The database is PGlite in --data-dir (default ${DEFAULT_DATA_DIR}) unless DATABASE_URL is set,
then a PostgreSQL server. Environment: PORT, HOST, DATABASE_URL, PARTNERKIT_DATA_DIR,
PARTNERKIT_CORS_ORIGINS (comma-separated), LOG_LEVEL.`;

const ROLES: readonly Role[] = ['partner_user', 'partner_admin', 'vendor_admin'];

class UsageError extends Error {}

function databaseOptions(values: { 'data-dir'?: string; memory?: boolean }): DatabaseOptions {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  if (values.memory) return { memory: true };
  return { dataDir: values['data-dir'] ?? process.env.PARTNERKIT_DATA_DIR ?? DEFAULT_DATA_DIR };
}

function demoKeysText(): string {
  return [
    'Demo API keys (send as "Authorization: Bearer <key>"):',
    `  vendor admin                 ${DEMO_KEYS.vendorAdmin}`,
    `  Northwind Systems (admin)    ${DEMO_KEYS.northwindAdmin}`,
    `  Northwind Systems (user)     ${DEMO_KEYS.northwindUser}`,
    `  Contoso Cloud (admin)        ${DEMO_KEYS.contosoAdmin}`,
    '  every other demo partner     pk_demo_<name>_admin (e.g. pk_demo_fabrikam_admin)',
  ].join('\n');
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      memory: { type: 'boolean' },
      demo: { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'log-level': { type: 'string' },
    },
  });
  if (values.memory && values['data-dir'])
    throw new UsageError('use either --data-dir or --memory, not both');
  const portText = values.port ?? process.env.PORT ?? '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port: ${portText}`);
  const envOrigins = (process.env.PARTNERKIT_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const level = values['log-level'] ?? process.env.LOG_LEVEL ?? 'info';
  const server = await createPartnerkitServer({
    database: databaseOptions(values),
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    corsOrigins: [...envOrigins, ...(values['cors-origin'] ?? [])],
    demo: values.demo ?? false,
    logger: level === 'silent' ? false : { level },
  });
  for (const version of server.migrations.changed) {
    console.error(
      `warning: migration ${version} changed after it was applied to this database and is not applied again; ` +
        'if this is a development database, delete it (the data directory) to rebuild it.',
    );
  }
  if (server.demo) {
    console.log(
      server.demo.seeded
        ? 'Seeded the demo program (Acme Cloud).'
        : 'The database already has a program; the demo seed was skipped.',
    );
    console.log(demoKeysText());
  }
  console.log(`Partnerkit server listening on ${server.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}: finishing in-flight requests, then closing the database.`);
    const force = setTimeout(() => {
      console.error('Shutdown took longer than 10 s; exiting.');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function withDatabase<T>(
  values: { 'data-dir'?: string },
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const db = await openDatabase(databaseOptions(values));
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
  const db = await openDatabase(databaseOptions(values));
  try {
    const result = await migrate(db);
    console.log(
      result.applied.length > 0 ? `Applied ${result.applied.join(', ')}.` : 'The database is up to date.',
    );
    for (const v of result.changed)
      console.warn(`warning: ${v} changed after it was applied; it is not applied again.`);
  } finally {
    await db.close();
  }
}

async function seedCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean' }, 'data-dir': { type: 'string' } },
  });
  if (!values.demo) throw new UsageError('seed needs --demo (the only seed there is)');
  await withDatabase(values, async (db) => {
    const result = await seedDemo(db, new Date());
    console.log(
      result.seeded
        ? 'Seeded the demo program (Acme Cloud).'
        : 'The database already has a program; nothing was seeded.',
    );
    console.log(demoKeysText());
  });
}

async function keysCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('keys has one subcommand: create');
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const org = values.org ?? (role === 'vendor_admin' ? 'vendor' : undefined);
  if (!org) throw new UsageError('--org is required: a partner id, or "vendor" for a vendor_admin key');
  if ((role === 'vendor_admin') !== (org === 'vendor')) {
    throw new UsageError('vendor_admin keys belong to --org vendor; partner roles need a partner id');
  }
  const name = values.name ?? `${role} key`;
  await withDatabase(values, async (db) => {
    const key = await db.transaction(async (tx) => {
      const partnerId = org === 'vendor' ? null : org;
      if (partnerId) {
        const { rows } = await tx.query('SELECT 1 FROM partners WHERE id = $1', [partnerId]);
        if (rows.length === 0) throw new UsageError(`no partner with id ${partnerId}`);
      }
      const now = new Date();
      const id = newId('usr');
      const email = values.email ?? `${id.toLowerCase().replace(/_/g, '-')}@keys.partnerkit.invalid`;
      // The key's user: the person named by --email (created if new), or a service user of its own.
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO users (id, partner_id, name, email, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ((coalesce(partner_id, '')), (lower(email))) DO UPDATE SET name = users.name
         RETURNING id`,
        [id, partnerId, name, email, role === 'vendor_admin' ? 'vendor_admin' : role, now],
      );
      return storeApiKey(tx, { userId: rows[0]!.id, role, name, now });
    });
    console.log(key.key);
  });
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'start':
        return await start(args);
      case 'migrate':
        return await migrateCommand(args);
      case 'seed':
        return await seedCommand(args);
      case 'keys':
        return await keysCommand(args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        if (!command) process.exitCode = 2;
        return;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`partnerkit-server: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`partnerkit-server: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
