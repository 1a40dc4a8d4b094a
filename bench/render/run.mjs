// `npm run bench -- render`: the asset library in headless Chromium at 1,000, 10,000 and 100,000
// assets: time to first render (the first rows in the page), time until every asset is loaded,
// and the time of each keystroke of a search (the filter and the render of what is visible),
// p50 and p95; beside it, in the same run, a plain Lit `repeat` list of the same assets without
// windowing. Each list types the same 60 keystrokes in three rounds after one not counted, and
// the round with the median p95 is printed (the machine may be busy with other work now and
// then). Prints a table; never part of `npm test`. `--sizes 1000,10000` picks the sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, requireChromium } from '../../scripts/chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
const sizes = (process.argv.includes('--sizes') ? arg('--sizes') : '1000,10000,100000')
  .split(',')
  .map(Number);
/** The floors the issue sets for the library's p95 per keystroke, by size. */
const floors = { 10000: 16, 100000: 50 };

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = spawnSync('npx', ['--no-install', 'tsc', '-b', 'packages/elements', 'packages/sdk'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const out = mkdtempSync(join(tmpdir(), 'partnerkit-bench-render-'));
await build({
  root: here,
  logLevel: 'warn',
  build: { outDir: out, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 4000 },
  resolve: { conditions: ['browser', 'import', 'default'] },
});

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = join(out, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: requireChromium(),
  args: chromiumArgs().filter((a) => !a.startsWith('--user-data-dir')),
});
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
const rows = [];
try {
  // A first run that is not counted: the browser's own start-up and the first compile of the code.
  {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.bench === 'function');
    await page.evaluate(() => window.bench('library', 1000, 10, 1));
    await page.evaluate(() => window.bench('plain', 1000, 10, 1));
    await page.close();
  }
  for (const n of sizes) {
    for (const kind of ['library', 'plain']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (e) => console.error(e));
      await page.goto(url);
      await page.waitForFunction(() => typeof window.bench === 'function');
      // The plain list re-renders every match on each keystroke: fewer of them at the largest size.
      const strokes = kind === 'plain' && n >= 100_000 ? 12 : 60;
      const count = kind === 'plain' && n >= 100_000 ? 1 : 3;
      const f = await page.evaluate(
        ([k, size, s, c]) => window.bench(k, size, s, c),
        [kind, n, strokes, count],
      );
      const measured = f.rounds
        .map((times) => ({ times, p50: quantile(times, 0.5), p95: quantile(times, 0.95) }))
        .sort((a, b) => a.p95 - b.p95);
      const { times, p50, p95 } = measured[Math.floor(measured.length / 2)];
      f.keystrokes = times;
      const floor = kind === 'library' ? floors[n] : undefined;
      rows.push({ n, kind, ...f, p50, p95, floor, strokes: times.length, all: measured.map((m) => m.p95) });
      console.log(
        `${String(n).padStart(7)} ${kind === 'library' ? '<pk-asset-library>' : 'plain repeat list '}  first render ${ms(f.firstRender)}  all loaded ${ms(f.allLoaded)}  keystroke p50 ${ms(p50)}  p95 ${ms(p95)}  (${f.keystrokes.length} keystrokes, p95 of each round ${measured.map((m) => m.p95.toFixed(1)).join(' / ')} ms, ${f.inPage} rows in the page)${floor ? (p95 < floor ? `  under ${floor} ms` : `  OVER ${floor} ms`) : ''}`,
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

console.log(
  '\n| assets | list | first render | all loaded | keystroke p50 | keystroke p95 | rows in the page |',
);
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.kind === 'library' ? '`<pk-asset-library>`' : 'plain `repeat`'} | ${r.firstRender.toFixed(0)} ms | ${r.allLoaded.toFixed(0)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.inPage.toLocaleString('en')} |`,
  );
}
process.exit(rows.some((r) => r.floor && r.p95 >= r.floor) ? 1 : 0);
