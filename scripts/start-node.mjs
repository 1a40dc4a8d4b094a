// Test support shared by the end-to-end and conformance tests: runs `node ...args` from the
// repository root and waits until a line of its stdout says it is ready.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Resolves with `{ child, url, output, stop }` once a stdout line matches `ready` (`url` is its
 * first capture group); rejects with everything the process printed if it exits first or is not
 * ready within `timeoutMs`. `stop()` sends SIGTERM, then SIGKILL after 5 s.
 */
export function startNode(args, ready, timeoutMs = 60_000) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const output = () => lines.join('\n');
  const stop = () =>
    new Promise((resolve) => {
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
    createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
    createInterface({ input: child.stdout }).on('line', (line) => {
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
