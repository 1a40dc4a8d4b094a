// What the end-to-end tests share: real processes on free ports, Debian's Chromium through
// playwright-core, and a folder for screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import sirv from 'sirv';
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
  const api = await startReferenceServer(`http://localhost:${port}`);
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

/**
 * A static web server on a free port for test pages: `pages` are HTML by path, `dirs` serve the
 * files of a folder under a path prefix (`{ '/dist/': '/abs/path/dist' }`), every answer under
 * `csp` when given. Resolves with its origin and a `close()`.
 */
export async function servePages(options: {
  pages: Record<string, string>;
  dirs?: Record<string, string>;
  csp?: string;
}): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const statics = Object.entries(options.dirs ?? {}).map(
    ([prefix, dir]) => [prefix, sirv(dir, { dev: false })] as const,
  );
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (options.csp) res.setHeader('Content-Security-Policy', options.csp);
    const page = options.pages[path];
    if (page !== undefined) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page);
      return;
    }
    const found = statics.find(([prefix]) => path.startsWith(prefix));
    if (!found) {
      res.statusCode = 404;
      res.end();
      return;
    }
    req.url = req.url?.slice(found[0].length - 1);
    found[1](req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A partner session token for a demo partner, minted with the vendor key as a vendor's server does. */
export async function partnerToken(apiUrl: string, partnerId = 'ptn_northwind'): Promise<string> {
  const res = await fetch(`${apiUrl}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo_vendor_admin', 'content-type': 'application/json' },
    body: JSON.stringify({
      partnerId,
      user: { email: 'avery.lee@northwind.example', name: 'Avery Lee', role: 'partner_admin' },
      ttlSeconds: 900,
    }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
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

/**
 * The reference server with the demo program, in memory, on a free port, letting `corsOrigin`
 * in when given; `bin` is another copy of its command (an installed package's).
 */
export function startReferenceServer(
  corsOrigin?: string,
  bin = 'packages/server/bin/partnerkit-server.js',
): Promise<Started> {
  const cors = corsOrigin ? ['--cors-origin', corsOrigin] : [];
  return startNode([bin, 'start', '--memory', '--demo', '--port', '0', ...cors], /listening on (http\S+)/);
}
