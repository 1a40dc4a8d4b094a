// What the end-to-end tests share: real processes on free ports, Debian's Chromium through
// playwright-core, and a folder for screenshots.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
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

export interface Started {
  child: ChildProcess;
  /** The first capture group of the line that said the process is ready (its URL). */
  url: string;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `node ...args` from the repository root and waits for a line of its stdout matching
 * `ready`. Fails with the process's output if it exits first or is not ready in `timeoutMs`.
 */
export function startNode(args: string[], ready: RegExp, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const output = () => lines.join('\n');
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`not ready after ${timeoutMs} ms: node ${args.join(' ')}\n${output()}`));
    }, timeoutMs);
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] ?? match[0], output, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`exited (${signal ?? code}) before it was ready: node ${args.join(' ')}\n${output()}`),
      );
    });
  });
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
