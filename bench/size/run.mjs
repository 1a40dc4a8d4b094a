// `npm run bench -- size [--write]`: builds the elements (and their single-file and autoloader
// builds) and the SDK, measures every entry of
// .size-limit.mjs with size-limit (minified, gzipped, dependencies bundled) and prints a table.
// `--write` also puts the table into docs/size.md. Exits 1 when an entry is over its budget.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = join(root, 'bench/size/.size-limit.mjs');
const write = process.argv.includes('--write');

const build = spawnSync('npx', ['--no-install', 'tsc', '-b', 'packages/elements', 'packages/sdk'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
// The builds for pages without a bundler (dist/partnerkit.js, dist/autoloader.js) from that output.
const cdnBuild = spawnSync(process.execPath, ['packages/elements/cdn/build.mjs'], {
  cwd: root,
  stdio: 'inherit',
});
if (cdnBuild.status !== 0) process.exit(cdnBuild.status ?? 1);

const r = spawnSync('npx', ['--no-install', 'size-limit', '--json', '--config', config], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
});
let results;
try {
  results = JSON.parse(r.stdout);
} catch {
  process.stderr.write(r.stdout + r.stderr);
  console.error('size-limit gave no figures');
  process.exit(r.status || 1);
}

// The budgets, by name, from the config (size-limit's JSON has the verdict but not the limit).
const {
  default: checks,
  components,
  pairName,
  withoutName,
  withLazyName,
  budgets,
  CDN,
  EVERYTHING,
} = await import(config);
const limits = new Map(checks.map((c) => [c.name, c.limit]));
const bytes = (limit) => Number.parseFloat(limit) * 1000;

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
const sizeOf = new Map(results.map((res) => [res.name, res.size]));
const measured = results
  .filter((res) => !res.name.startsWith('pair: '))
  .map((res) => ({
    name: res.name,
    size: kB(res.size),
    limit: limits.get(res.name) ?? '',
    verdict: limits.get(res.name) ? (res.passed ? 'within budget' : 'OVER BUDGET') : '',
  }));
// The page with every component, as it loads first (without the code they load on demand).
const everything = sizeOf.get(EVERYTHING);
// What each component adds to a page that already has the others: its own code, everything it
// shares with them (Lit, the SDK, the portal, the shared form and list blocks) counted once.
const further = components.map((tag) => {
  const extra = everything - sizeOf.get(withoutName(tag));
  return {
    name: `<${tag}> added to a page with the other components`,
    size: kB(extra),
    limit: budgets.further,
    verdict: extra <= bytes(budgets.further) ? 'within budget' : 'OVER BUDGET',
  };
});
// And beside only one other component, the one it shares least with: then it also brings the
// shared blocks that one does not use (a form beside a page without forms brings pk-field).
const beside = components.map((tag) => {
  let worst = { extra: -Infinity, other: '' };
  for (const other of components) {
    if (other === tag) continue;
    const pair = sizeOf.get(pairName(tag, other)) ?? sizeOf.get(pairName(other, tag));
    const extra = pair - sizeOf.get(`<pk-portal> + <${other}>`);
    if (extra > worst.extra) worst = { extra, other };
  }
  return { name: `<${tag}> beside only <${worst.other}>`, size: kB(worst.extra), limit: '', verdict: '' };
});
// What a component's on-demand code adds when it loads, to the page that has the component.
const lazy = components
  .filter((tag) => sizeOf.has(withLazyName(tag)))
  .map((tag) => ({
    name: `<${tag}>: its code on demand, when a partner first needs it`,
    size: kB(sizeOf.get(withLazyName(tag)) - sizeOf.get(`<pk-portal> + <${tag}>`)),
    limit: '',
    verdict: '',
  }));
const singles = measured.filter((row) => row.name.startsWith('<pk-portal> + '));
// The builds for pages without a bundler, in a table of their own after the others.
const cdn = measured
  .filter((row) => row.name.startsWith(CDN))
  .map((row) => ({ ...row, name: row.name.slice(CDN.length) }));
const rest = measured.filter(
  (row) => !singles.includes(row) && !row.name.startsWith('without: ') && !row.name.startsWith(CDN),
);
const rows = [...singles, ...further, ...(components.length > 1 ? beside : []), ...lazy, ...rest];
const allRows = [...rows, ...cdn];
const markdown = (title, list) =>
  [
    `| ${[title, 'size', 'budget', ''].join(' | ')} |`,
    `| ${['---', '---:', '---:', '---'].join(' | ')} |`,
    ...list.map(
      (row) =>
        `| ${row.name.replaceAll('|', '\\|').replaceAll('<', '&lt;')} | ${row.size} | ${row.limit} | ${row.verdict} |`,
    ),
  ].join('\n');
const table = [
  markdown('entry (minified + gzipped, dependencies included)', rows),
  ...(cdn.length > 0
    ? [markdown('for pages without a bundler (the built files as downloaded, gzipped)', cdn)]
    : []),
].join('\n\n');

const width = Math.max(...allRows.map((row) => row.name.length));
const print = (row) =>
  console.log(`${row.name.padEnd(width)}  ${row.size.padStart(9)}  ${row.limit.padStart(6)}  ${row.verdict}`);
rows.forEach(print);
if (cdn.length > 0) {
  console.log('\nfor pages without a bundler (dist/partnerkit.js, dist/autoloader.js):');
  cdn.forEach(print);
}

if (write) {
  const doc = join(root, 'docs/size.md');
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- size-table:start -->';
  const end = '<!-- size-table:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`docs/size.md has no ${start} ... ${end} markers`);
    process.exit(1);
  }
  const stamp = `Measured with size-limit ${JSON.parse(readFileSync(join(root, 'node_modules/size-limit/package.json'), 'utf8')).version} on ${new Date().toISOString().slice(0, 10)}.`;
  writeFileSync(doc, `${text.slice(0, from + start.length)}\n${table}\n\n${stamp}\n${text.slice(to)}`);
  console.log('\nwrote the table to docs/size.md');
}
process.exit(allRows.some((row) => row.verdict === 'OVER BUDGET') ? 1 : 0);
