// `npm test`: lint, the contract checks, the build, every Node test, the browser tests in Chromium
// and the end-to-end tests, then one closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, '.test-results');
const chromium = requireChromium();
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedStages.push(name);
  return r.status === 0;
}

function addCounts(file) {
  if (!existsSync(file)) return false;
  const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  for (const line of lines) {
    const c = JSON.parse(line);
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped ?? 0;
  }
  return true;
}

function findTests(dir, pattern, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findTests(path, pattern, out);
    else if (pattern.test(entry.name)) out.push(relative(root, path));
  }
  return out.sort();
}

function nodeTests(name, files, env = {}) {
  if (files.length === 0) return;
  const out = join(results, `${name}.json`);
  run(
    name,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/node-count-reporter.mjs')}`,
      `--test-reporter-destination=${out}`,
      ...files,
    ],
    env,
  );
  if (!addCounts(out)) totals.failed++;
}

const npx = (args) => ['npx', ['--no-install', ...args]];

const steps = [
  () => run('lint', ...npx(['biome', 'check', '.'])),
  () => run('contract', 'npm', ['run', 'check', '-w', '@partnerkit/api']),
  () => run('build', process.execPath, ['scripts/build.mjs']),
  // Tests are not part of the build output: their own configs type-check them (no emit).
  () => run('typecheck', 'npm', ['run', 'typecheck', '--workspaces', '--if-present']),
  () => run('typecheck scripts', ...npx(['tsc', '-p', 'scripts/tsconfig.json'])),
];
let ok = true;
for (const step of steps) ok = step() && ok;
if (!failedStages.includes('build')) {
  // Node tests: every *.test.ts under packages/ (Node side), .storybook/ (its build checks) and
  // scripts/ (the release configuration); examples/ and scripts/ hold the end-to-end tests (the
  // packed packages installed and used, in scripts/packages.e2e.test.ts).
  const e2e = /\.e2e\.test\.ts$/;
  const unit = [
    ...findTests(join(root, 'packages'), /\.test\.ts$/).filter((f) => !f.includes('/elements/')),
    ...findTests(join(root, '.storybook'), /\.test\.ts$/),
    ...findTests(join(root, 'scripts'), /\.test\.ts$/).filter((f) => !e2e.test(f)),
  ];
  nodeTests('node', unit);
  // Browser tests: the elements, then the React wrappers with React 19 and with React 18.
  const browserRuns = [
    ['browser', 'packages/elements/web-test-runner.config.mjs', {}],
    ['browser-react', 'packages/react/web-test-runner.config.mjs', { PK_REACT: '19' }],
    ['browser-react-18', 'packages/react/web-test-runner.config.mjs', { PK_REACT: '18' }],
  ];
  for (const [name, config, env] of browserRuns) {
    const wtrConfig = join(root, config);
    if (!existsSync(wtrConfig)) continue;
    const out = join(results, `${name}.json`);
    run(name, ...npx(['web-test-runner', '--config', wtrConfig]), {
      CHROME_PATH: chromium,
      PK_WTR_RESULTS: out,
      ...env,
    });
    if (!addCounts(out)) totals.failed++;
  }
  nodeTests('e2e', [...findTests(join(root, 'examples'), e2e), ...findTests(join(root, 'scripts'), e2e)], {
    CHROME_PATH: chromium,
  });
}

console.log('');
if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(', ')}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failedStages.length > 0 || totals.failed > 0 ? 1 : 0);
