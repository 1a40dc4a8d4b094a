// `npm start`: builds what is needed, then runs the reference server on embedded PostgreSQL
// (PGlite, data in .partnerkit-data/) with the demo program seeded, and the demo portal in front of
// it. Prints the portal URL, the API URL and the demo keys. Ctrl-C stops both.
//
// Ports: PK_API_PORT (default 8787) and PK_PORTAL_PORT (default 5173); data: PK_DATA_DIR (default
// .partnerkit-data). `node scripts/start.mjs --no-build` skips the build (it must have been done);
// `--react` serves the React app of examples/react instead of the plain-HTML page, from the same
// portal server (`npm start -- --react`).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PK_API_PORT ?? '8787';
const portalPort = process.env.PK_PORTAL_PORT ?? '5173';
const portalOrigin = `http://localhost:${portalPort}`;
const apiUrl = `http://localhost:${apiPort}`;
const dataDir = process.env.PK_DATA_DIR ?? '.partnerkit-data';
const react = process.argv.includes('--react');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = new Set();
let stopping = false;
const stopAll = (code) => {
  if (!stopping) {
    stopping = true;
    process.exitCode = code;
  }
  for (const child of children) child.kill('SIGTERM');
};

/**
 * Starts `node ...args`, prefixes its output with `[label]`, and resolves with the first line that
 * matches `ready` (its URL). If it exits first, everything stops.
 */
function start(label, args, ready) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        const out = stream === child.stderr ? process.stderr : process.stdout;
        out.write(`[${label}] ${line}\n`);
        const match = stream === child.stdout ? ready.exec(line) : null;
        if (match) resolve(match[1]);
      });
    }
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!stopping) console.error(`[${label}] exited (${signal ?? `code ${code}`}); stopping.`);
      reject(new Error(`${label} exited`));
      stopAll(code || 1);
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

try {
  const api = await start(
    'api',
    [
      'packages/server/bin/partnerkit-server.js',
      'start',
      '--demo',
      '--data-dir',
      dataDir,
      '--port',
      apiPort,
      '--cors-origin',
      portalOrigin,
    ],
    /listening on (http\S+)/,
  );
  const portal = await start(
    'portal',
    [
      'examples/portal/serve.mjs',
      '--port',
      portalPort,
      '--api',
      apiUrl,
      ...(react ? ['--dist', 'examples/react/dist'] : []),
    ],
    /portal on (http\S+)/,
  );
  console.log(`
  Partnerkit is running.

    Demo portal   ${portal}${react ? '   (the React app, examples/react)' : ''}
    API           ${apiUrl}   (server: ${api})
    Contract      packages/api/openapi.yaml

  Demo API keys (send as "Authorization: Bearer <key>"):
    vendor admin               pk_demo_vendor_admin
    Northwind (partner admin)  pk_demo_northwind_admin
    Contoso (partner admin)    pk_demo_contoso_admin

  Try: curl -H "Authorization: Bearer pk_demo_northwind_admin" ${apiUrl}/v1/me
  Data is kept in ${dataDir}/ (delete it to start over). Press Ctrl-C to stop.
`);
} catch {
  // The child's own output says why; stopAll has set the exit code.
}
