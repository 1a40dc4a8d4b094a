// `npm run bench -- size [--write]`: builds the elements and the SDK, measures every entry of
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
  budgets,
  lazyChunks,
  withLazyName,
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
const everything = sizeOf.get('everything: every define module and the SDK');
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
const lazy = lazyChunks
  .filter((c) => sizeOf.has(withLazyName(c.tag)))
  .map((c) => ({
    name: c.name,
    size: kB(sizeOf.get(withLazyName(c.tag)) - sizeOf.get(`<pk-portal> + <${c.tag}>`)),
    limit: '',
    verdict: '',
  }));
const singles = measured.filter((row) => row.name.startsWith('<pk-portal> + '));
const rest = measured.filter(
  (row) => !singles.includes(row) && !row.name.startsWith('without: ') && !row.name.startsWith('with its '),
);
const rows = [...singles, ...further, ...(components.length > 1 ? beside : []), ...lazy, ...rest];
const header = ['entry (minified + gzipped, dependencies included)', 'size', 'budget', ''];
const table = [
  `| ${header.join(' | ')} |`,
  `| ${['---', '---:', '---:', '---'].join(' | ')} |`,
  ...rows.map(
    (row) =>
      `| ${row.name.replaceAll('|', '\\|').replaceAll('<', '&lt;')} | ${row.size} | ${row.limit} | ${row.verdict} |`,
  ),
].join('\n');

const width = Math.max(...rows.map((row) => row.name.length));
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${row.size.padStart(9)}  ${row.limit.padStart(6)}  ${row.verdict}`);
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
process.exit(rows.some((row) => row.verdict === 'OVER BUDGET') ? 1 : 0);
