// What the end-to-end tests share: real processes on free ports, Debian's Chromium through
// playwright-core, and a folder for screenshots.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
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

export { type Started, startNode } from '../../../scripts/start-node.mjs';

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
