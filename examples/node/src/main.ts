// An integrator's script on @partnerkit/sdk, as a vendor's operations team would run it on a
// schedule:
//
//   1. sync: every deal registration of a partner, paged through with `for await`, into a CSV
//      file (the CRM stand-in): new ones appended, changed ones updated, nothing duplicated.
//   2. approve: as the vendor, every submitted MDF request up to an amount approved in full; the
//      larger ones left for a person. Each approval has an idempotency key of its own request, so
//      a retry, or the whole script run again, never approves twice.
//
//   node --import tsx src/main.ts [sync] [approve] [--csv FILE] [--max-amount 2500.00] [--page-size 50]
//
// Settings come from the environment, defaulting to the reference server of `npm start` and its
// demo keys: PARTNERKIT_URL, PARTNERKIT_PARTNER_KEY, PARTNERKIT_VENDOR_KEY.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createPartnerkitClient,
  isPartnerkitError,
  type PartnerkitClient,
  type RetryInfo,
} from '@partnerkit/sdk';
import { mergeRows } from './crm-file.js';
import { approveSmallRequests, REGISTRATION_COLUMNS, registrationRows } from './jobs.js';

const USAGE = `usage: npm start -w @partnerkit/example-node -- [sync] [approve] [--csv FILE] [--max-amount AMOUNT] [--page-size N]

  sync          registrations of the partner (PARTNERKIT_PARTNER_KEY) into the CSV file
  approve       submitted MDF requests up to --max-amount approved as the vendor (PARTNERKIT_VENDOR_KEY)
                (both when neither is given)
  --csv FILE    the CRM file (default crm-registrations.csv)
  --max-amount  the largest request approved without a person, in the fund's currency (default 2500.00)
  --page-size   items per page read from the API (default 50)

environment: PARTNERKIT_URL (default http://localhost:8787), PARTNERKIT_PARTNER_KEY, PARTNERKIT_VENDOR_KEY
(default the demo keys that npm start prints)`;

/** A failure the script explains in one line, with its exit code (2 for what the user must fix). */
class Stop extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function client(baseUrl: string, token: string, who: string): PartnerkitClient {
  return createPartnerkitClient({
    baseUrl,
    token,
    timeoutMs: 15_000,
    // The SDK's policy: network errors, timeouts, 429 and 5xx are retried with backoff and jitter,
    // honouring Retry-After; writes only because each carries an idempotency key.
    retry: {
      maxRetries: 4,
      minDelayMs: Number(process.env.PARTNERKIT_RETRY_MIN_MS ?? 500),
      onRetry: (info: RetryInfo) =>
        console.error(
          `  (${who}) ${info.method} ${new URL(info.url).pathname}: ${info.status || info.error?.kind || 'no answer'}, retry ${info.retry} in ${info.delayMs} ms`,
        ),
    },
  });
}

/** The one line to print for an error of the API or the network. */
export function explain(error: unknown, baseUrl: string, key: string): Stop {
  if (!isPartnerkitError(error)) return new Stop(`unexpected error: ${String(error)}`);
  const id = error.requestId ? ` (request ${error.requestId})` : '';
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return new Stop(
        `cannot reach the Partnerkit API at ${baseUrl} (${error.message}). Is it running? \`npm start\` at the repository root starts one.`,
      );
    case 'authentication':
      return new Stop(`the API refused the key in ${key}${id}: ${error.message}`, 2);
    case 'permission':
      return new Stop(`the key in ${key} may not do this${id}: ${error.message}`, 2);
    default:
      return new Stop(`${error.kind} ${error.code ?? ''}${id}: ${error.message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const options = {
    csv: { type: 'string', default: 'crm-registrations.csv' },
    'max-amount': { type: 'string', default: '2500.00' },
    'page-size': { type: 'string', default: '50' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  let args: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>>;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new Stop(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.positionals.filter((p) => p !== 'sync' && p !== 'approve');
  if (unknown.length > 0) throw new Stop(`unknown command ${unknown.join(', ')}\n${USAGE}`, 2);
  const jobs = args.positionals.length > 0 ? new Set(args.positionals) : new Set(['sync', 'approve']);
  const maxAmount = args.values['max-amount'] ?? '';
  const pageSize = Number(args.values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new Stop(`--page-size must be a whole number from 1 to 100, not "${args.values['page-size']}"`, 2);
  }
  if (!/^\d+(\.\d+)?$/.test(maxAmount))
    throw new Stop(`--max-amount must be an amount such as 2500.00, not "${maxAmount}"`, 2);

  const baseUrl = process.env.PARTNERKIT_URL || 'http://localhost:8787';
  try {
    new URL(baseUrl);
  } catch {
    throw new Stop(`PARTNERKIT_URL is not a URL: "${baseUrl}"`, 2);
  }
  const partnerKey = process.env.PARTNERKIT_PARTNER_KEY || 'pk_demo_northwind_admin';
  const vendorKey = process.env.PARTNERKIT_VENDOR_KEY || 'pk_demo_vendor_admin';

  // Relative to where `npm start` was typed (npm runs the script in this package's folder).
  const csvPath = resolve(process.env.INIT_CWD ?? process.cwd(), args.values.csv ?? '');

  if (jobs.has('sync')) {
    const partner = client(baseUrl, partnerKey, 'partner');
    try {
      const me = await partner.me.get();
      console.log(`sync: registrations of ${me.partner?.name ?? 'the vendor'} into ${csvPath}`);
      const rows = await registrationRows(partner, pageSize);
      const merged = mergeRows(csvPath, 'id', REGISTRATION_COLUMNS, rows);
      console.log(
        `sync: ${rows.length} registrations: ${merged.added} added, ${merged.updated} updated, ${merged.unchanged} unchanged (${merged.rows.length} rows in the file)`,
      );
    } catch (error) {
      throw explain(error, baseUrl, 'PARTNERKIT_PARTNER_KEY');
    }
  }

  if (jobs.has('approve')) {
    const vendor = client(baseUrl, vendorKey, 'vendor');
    let outcome: Awaited<ReturnType<typeof approveSmallRequests>>;
    try {
      // A partner's key lists its own requests only, and may approve none: say so up front.
      const me = await vendor.me.get();
      if (me.partner) {
        throw new Stop(
          `PARTNERKIT_VENDOR_KEY is a key of ${me.partner.name} (${me.user.role}); approving MDF requests needs a vendor admin key`,
          2,
        );
      }
      outcome = await approveSmallRequests(vendor, maxAmount, pageSize, (line) =>
        console.log(`approve: ${line}`),
      );
    } catch (error) {
      if (error instanceof Stop) throw error;
      throw explain(error, baseUrl, 'PARTNERKIT_VENDOR_KEY');
    }
    console.log(
      `approve: ${outcome.approved} approved, ${outcome.left} left for a person, ${outcome.failed} failed`,
    );
    if (outcome.failed > 0) return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof Stop ? error.exitCode : 1;
  },
);
