// Browser tests of @partnerkit/react in Debian's Chromium, against the built package (its exports
// map, its `imports` conditions) and the built elements:
//
//   npx web-test-runner --config packages/react/web-test-runner.config.mjs              React 19
//   PK_REACT=18 npx web-test-runner --config packages/react/web-test-runner.config.mjs  React 18
//
// React ships CommonJS only. Before the run, esbuild turns React and ReactDOM (the root's React 19,
// or React 18 from test-fixtures/react18) into ES modules that share one copy of React, and every
// import of `react` or `react-dom` (the tests', the wrappers') resolves to them. `npm test` runs
// both versions. Set PK_WTR_FILES to run a subset.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { chromiumArgs, requireChromium } from '../../scripts/chromium.mjs';
import { countReporter } from '../../scripts/wtr-count-reporter.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const root = here('../..');
const version = process.env.PK_REACT ?? '19';
if (version !== '18' && version !== '19') throw new Error(`PK_REACT must be 18 or 19, not ${version}`);

/** The modules of React the tests and the wrappers import. */
const ENTRIES = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'];

/**
 * Bundles React `version` into ES modules in node_modules/.cache, one per entry, with the shared
 * code split into chunks (one React for all). Each re-exports the names the CommonJS module has.
 * Returns the URL path of each entry.
 */
async function reactAsModules() {
  const from = version === '18' ? `${root}test-fixtures/react18/package.json` : `${root}package.json`;
  const require = createRequire(from);
  const cache = `node_modules/.cache/partnerkit-react-esm/${version}/`;
  rmSync(root + cache, { recursive: true, force: true });
  mkdirSync(`${root}${cache}entries`, { recursive: true });
  const entryPoints = {};
  for (const id of ENTRIES) {
    const file = require.resolve(id);
    const names = Object.keys(require(id)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
    const entry = `${root}${cache}entries/${id.replace('/', '__')}.js`;
    writeFileSync(
      entry,
      `import m from ${JSON.stringify(file)};\nexport const { ${names.join(', ')} } = m;\nexport default m;\n`,
    );
    entryPoints[id] = entry;
  }
  await build({
    entryPoints,
    outdir: root + cache,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  });
  return Object.fromEntries(ENTRIES.map((id) => [id, `/${cache}${id}.js`]));
}

const react = await reactAsModules();

export default {
  rootDir: root,
  files:
    process.env.PK_WTR_FILES ??
    (version === '18'
      ? [here('src/**/*.browser.test.tsx'), `!${here('src/**/*.react19.browser.test.tsx')}`]
      : here('src/**/*.browser.test.tsx')),
  nodeResolve: true,
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath: requireChromium(), args: chromiumArgs() } })],
  plugins: [
    { name: 'react-as-modules', resolveImport: ({ source }) => react[source] },
    esbuildPlugin({ ts: true, tsx: true, tsconfig: here('tsconfig.test.json') }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // Tells the tests which React this run is for, so a run on the wrong one fails.
  testRunnerHtml: (testFramework) =>
    `<html><body><script>window.PK_REACT = ${JSON.stringify(version)};</script><script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [
    defaultReporter(),
    ...(process.env.PK_WTR_RESULTS ? [countReporter(process.env.PK_WTR_RESULTS)] : []),
  ],
};
