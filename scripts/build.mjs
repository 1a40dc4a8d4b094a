// `npm run build`: compiles every package (TypeScript project references), then runs each
// workspace's own `build` script where it has one (manifests, bundles), in workspace order.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const step = (command, args) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed: ${[command, ...args].join(' ')}`);
    process.exit(r.status ?? 1);
  }
};
step('npx', ['--no-install', 'tsc', '-b']);
step('npm', ['run', 'build', '--workspaces', '--if-present']);
