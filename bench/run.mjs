// `npm run bench -- <name> [args...]`: runs bench/<name>/run.mjs. Benchmarks print figures; they
// are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'run.mjs')))
  .map((d) => d.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log(`usage: npm run bench -- <name> [args]\nbenchmarks: ${available.join(', ') || '(none)'}`);
  process.exit(name ? 0 : 2);
}
if (!available.includes(name)) {
  console.error(
    `no benchmark named ${JSON.stringify(name)}; benchmarks: ${available.join(', ') || '(none)'}`,
  );
  process.exit(2);
}
const r = spawnSync(process.execPath, [join(here, name, 'run.mjs'), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
