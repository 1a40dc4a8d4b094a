// What the end-to-end tests share: real processes on free ports, Debian's Chromium through
// playwright-core, and a folder for screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the repository's scripts, without types
import { chromiumArgs, requireChromium } from '../../../scripts/chromium.mjs';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const artifacts = `${root}test-artifacts/`;

/** A port nobody listens on right now (for a process that must know its own URL in advance). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

import { type Started, startNode } from '../../../scripts/start-node.mjs';

export { type Started, startNode };

/**
 * The reference server (in memory, with the demo program) and the demo portal's server in front
 * of it, on a free port the API lets in (CORS), serving `dist` (default: the plain-HTML page).
 */
export async function startDemo(dist?: string): Promise<{ api: Started; portal: Started }> {
  const port = await freePort();
  const api = await startNode(
    [
      'packages/server/bin/partnerkit-server.js',
      'start',
      '--memory',
      '--demo',
      '--port',
      '0',
      '--cors-origin',
      `http://localhost:${port}`,
    ],
    /listening on (http\S+)/,
  );
  try {
    const portal = await startNode(
      [
        'examples/portal/serve.mjs',
        '--port',
        String(port),
        '--api',
        api.url,
        ...(dist ? ['--dist', dist] : []),
      ],
      /portal on (http\S+)/,
    );
    return { api, portal };
  } catch (error) {
    await api.stop();
    throw error;
  }
}

/**
 * Debian's Chromium (or CHROME_PATH), headless, with the flags it needs here. Playwright makes
 * a fresh profile of its own, and refuses a `--user-data-dir` among the flags.
 */
export function launchChromium(): Promise<Browser> {
  const args = (chromiumArgs() as string[]).filter((a) => !a.startsWith('--user-data-dir'));
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? requireChromium(), args });
}

export function artifactPath(name: string): string {
  mkdirSync(artifacts, { recursive: true });
  return artifacts + name;
}

export interface Watch {
  problems: string[];
}

/** Collects CSP violations, uncaught errors, console errors and failed requests of a page. */
export async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    w.problems.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { __reportCspViolation: (t: string) => void })
          .__reportCspViolation;
        report(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      },
      true,
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the components abort on purpose (a stale conflict check, a portal replaced on a
    // partner switch) is not a failure; anything else is.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    w.problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  return w;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe-core finds against WCAG 2.2 A and AA on the whole page, one line per violation. The
 * page's context must bypass its CSP (`bypassCSP: true`) for the injected script to run.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}
