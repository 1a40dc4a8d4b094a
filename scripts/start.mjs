// `npm start`: builds what is needed, then runs the reference server on embedded PostgreSQL with
// the demo program seeded, and the demo portal in front of it. Prints the URLs and demo keys.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PK_API_PORT ?? '8787';
const portalPort = process.env.PK_PORTAL_PORT ?? '5173';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
const start = (args, env = {}) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    for (const c of children) if (c !== child) c.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
  return child;
};

start(['packages/server/bin/partnerkit-server.js', 'start', '--demo', '--port', apiPort], {
  PARTNERKIT_CORS_ORIGINS: process.env.PARTNERKIT_CORS_ORIGINS ?? `http://localhost:${portalPort}`,
});
if (existsSync(`${root}/examples/portal/serve.mjs`)) {
  start(['examples/portal/serve.mjs', '--port', portalPort, '--api', `http://localhost:${apiPort}`]);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const c of children) c.kill('SIGTERM');
  });
}
