// `partnerkit-conformance --base-url URL --vendor-key K --partner-key K --other-partner-key K`
import { parseArgs } from 'node:util';
import { runConformance, type ScenarioResult } from './run.js';

const usage = `Usage: partnerkit-conformance --base-url URL --vendor-key KEY --partner-key KEY --other-partner-key KEY

Runs the Partnerkit contract's scenarios against a backend and prints one line per scenario.

  --base-url URL             the backend (the contract's /v1/... paths go after it)
  --vendor-key KEY           an API key of a vendor admin
  --partner-key KEY          an API key of a partner admin
  --other-partner-key KEY    an API key of a partner admin of another partner organisation
  --only TEXT                only the scenarios whose name contains TEXT (repeatable)
  --timeout-ms MS            time limit of each request (default 15000)
  -h, --help                 this text

Each option can also come from the environment: PARTNERKIT_BASE_URL, PARTNERKIT_VENDOR_KEY,
PARTNERKIT_PARTNER_KEY, PARTNERKIT_OTHER_PARTNER_KEY. Exits 1 when a scenario fails.`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        'vendor-key': { type: 'string' },
        'partner-key': { type: 'string' },
        'other-partner-key': { type: 'string' },
        only: { type: 'string', multiple: true },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const option = (name: string, envName: string) => {
    const value = values[name];
    return typeof value === 'string' && value !== '' ? value : env[envName];
  };
  const baseUrl = option('base-url', 'PARTNERKIT_BASE_URL');
  const vendorKey = option('vendor-key', 'PARTNERKIT_VENDOR_KEY');
  const partnerKey = option('partner-key', 'PARTNERKIT_PARTNER_KEY');
  const otherPartnerKey = option('other-partner-key', 'PARTNERKIT_OTHER_PARTNER_KEY');
  const missing = [
    ['--base-url', baseUrl],
    ['--vendor-key', vendorKey],
    ['--partner-key', partnerKey],
    ['--other-partner-key', otherPartnerKey],
  ]
    .filter(([, v]) => !v)
    .map(([n]) => n);
  if (missing.length > 0) {
    console.error(`missing ${missing.join(', ')}\n\n${usage}`);
    return 2;
  }
  const timeout = values['timeout-ms'];
  const timeoutMs = typeof timeout === 'string' ? Number(timeout) : undefined;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    console.error(`--timeout-ms must be a positive number of milliseconds, got ${JSON.stringify(timeout)}`);
    return 2;
  }

  console.log(`Partnerkit conformance: ${baseUrl}`);
  const print = (r: ScenarioResult) => console.log(r.passed ? `✔ ${r.name}` : `✘ ${r.name}: ${r.error}`);
  try {
    const report = await runConformance({
      baseUrl: baseUrl!,
      vendorKey: vendorKey!,
      partnerKey: partnerKey!,
      otherPartnerKey: otherPartnerKey!,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(Array.isArray(values.only) ? { only: values.only } : {}),
      onResult: print,
    });
    if (report.results.length === 0) {
      console.log('no scenario matches --only');
      return 2;
    }
    console.log(`${report.passed} passed, ${report.failed} failed`);
    return report.failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(`partnerkit-conformance: ${(error as Error).message}`);
    return 2;
  }
}
