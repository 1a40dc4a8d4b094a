// Starts the reference server as a child process (in-memory database, demo data, a free port)
// and stops it again.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = `${root}packages/server/bin/partnerkit-server.js`;

export const demoKeys = {
  vendorKey: 'pk_demo_vendor_admin',
  partnerKey: 'pk_demo_northwind_admin',
  otherPartnerKey: 'pk_demo_contoso_admin',
  partnerUserKey: 'pk_demo_northwind_user',
};

export interface ReferenceServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export function startReferenceServer(timeoutMs = 90_000): Promise<ReferenceServer> {
  if (!existsSync(`${root}packages/server/dist/cli.js`)) {
    return Promise.reject(new Error('packages/server/dist is missing: run `npm run build` first'));
  }
  const child: ChildProcess = spawn(process.execPath, [bin, 'start', '--memory', '--demo', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
      reject(new Error(`the reference server did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the reference server exited (${code ?? signal}) before listening:\n${output()}`));
    });
  });
}
