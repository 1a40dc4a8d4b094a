// Runs the scenarios one after another against a backend and collects one result per scenario.

import { type ConformanceOptions, Context } from './context.js';
import { type Contract, loadContract } from './contract.js';
import { createRecorder } from './recorder.js';
import { scenarios as allScenarios, type Scenario } from './scenarios.js';

export interface ScenarioResult {
  name: string;
  passed: boolean;
  /** Why it failed: one line. */
  error?: string;
  /** How long it took, in milliseconds. */
  ms: number;
}

export interface ConformanceReport {
  results: ScenarioResult[];
  passed: number;
  failed: number;
}

export interface RunOptions extends ConformanceOptions {
  /** Called as each scenario ends, for live output. */
  onResult?: (result: ScenarioResult) => void;
  /** Only the scenarios whose name contains one of these (case-insensitive). */
  only?: string[];
  /** Time limit of a whole scenario, in milliseconds (default 120000). */
  scenarioTimeoutMs?: number;
  /** The scenarios to run (default: every scenario of the contract). */
  scenarios?: Scenario[];
  /** The contract to check answers against (default: the one shipped with `@partnerkit/api`). */
  contract?: Contract;
}

function checkOptions(options: RunOptions): void {
  const missing = (['baseUrl', 'vendorKey', 'partnerKey', 'otherPartnerKey'] as const).filter(
    (k) => typeof options?.[k] !== 'string' || options[k].trim() === '',
  );
  if (missing.length > 0) throw new TypeError(`runConformance: missing ${missing.join(', ')}`);
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`runConformance: baseUrl ${JSON.stringify(options.baseUrl)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`runConformance: baseUrl must be http or https, got ${url.protocol}`);
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const line = error.message.split('\n')[0] ?? '';
    if (error.name === 'ScenarioFailure') return line;
    if (error.name === 'PartnerkitError') {
      const e = error as Error & { status?: number; code?: string; kind?: string };
      return `unexpected ${e.status ? e.status : e.kind} ${e.code}: ${line}`;
    }
    return `${error.name}: ${line}`;
  }
  return String(error);
}

/**
 * Runs the contract's scenarios against `baseUrl` with the three keys, and reports each.
 *
 * ```ts
 * const report = await runConformance({ baseUrl, vendorKey, partnerKey, otherPartnerKey });
 * if (report.failed > 0) process.exitCode = 1;
 * ```
 */
export async function runConformance(options: RunOptions): Promise<ConformanceReport> {
  checkOptions(options);
  const contract = options.contract ?? (await loadContract());
  const recorder = createRecorder(contract, options.baseUrl, options.fetch ?? globalThis.fetch);
  const ctx = new Context(options, recorder);
  const only = options.only?.map((o) => o.toLowerCase()).filter(Boolean);
  const selected = (options.scenarios ?? allScenarios).filter(
    (s) => !only || only.length === 0 || only.some((o) => s.name.toLowerCase().includes(o)),
  );
  const limit = options.scenarioTimeoutMs ?? 120_000;
  const results: ScenarioResult[] = [];

  for (const scenario of selected) {
    recorder.reset();
    const started = performance.now();
    let error: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        scenario.run(ctx),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${limit} ms`)), limit);
        }),
      ]);
    } catch (e) {
      error = reason(e);
    } finally {
      clearTimeout(timer);
    }
    // Answers that broke the contract fail the scenario even when its own checks passed.
    if (recorder.violations.length > 0) {
      const [first, ...rest] = recorder.violations;
      const contractError = `${first}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}`;
      error = error ? `${error}; also ${contractError}` : contractError;
    }
    const result: ScenarioResult = {
      name: scenario.name,
      passed: error === undefined,
      ...(error === undefined ? {} : { error }),
      ms: Math.round(performance.now() - started),
    };
    results.push(result);
    options.onResult?.(result);
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}
