// `npm run build -w @partnerkit/elements`, after `tsc -b`: the builds for pages without a bundler,
// with Vite's library mode from the compiled `dist/`:
//
// - `dist/partnerkit.js`: one ES module that registers every tag, with Lit, @lit/context and the
//   SDK inside, minified; German strings are the components' own `strings/de.js` beside it in
//   `dist/`, imported only by a page that asks for German.
// - `dist/autoloader.js`: registers `pk-*` tags as they appear, each define module loaded once on
//   demand from `dist/autoload/` (its chunks, with Lit and the SDK in shared ones).
//
// Both are found from `src/define/` by the entries' globs. Their type declarations are written here.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = `${pkg}dist/`;

/** German (and any later language's) string tables, one chunk per build. */
const language = (id) => /[\\/]strings[\\/](?!en\.js$)([a-z-]+)\.js$/.exec(id)?.[1];

/**
 * For the autoloader: what every page needs (Lit, @lit/context, the SDK, the shared base of the
 * components, the portal) in one chunk, rather than in a handful of small ones that each cost a
 * request and their own compression.
 */
const core = (id) =>
  /rolldown[\\/:]runtime|[\\/](node_modules|sdk|api)[\\/]|[\\/]field[\\/]validators/.test(id) ||
  /[\\/]elements[\\/]dist[\\/](internal[\\/](?!form)|portal[\\/]|define[\\/]pk-portal)/.test(id);

/**
 * For the single file: the string tables of other languages stay the package's own files in
 * `dist/` (each component's `strings/de.js`, plain modules), imported on demand from beside it,
 * so that an English page does not download them.
 */
const languagesBeside = {
  name: 'partnerkit-languages-beside',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !language(source)) return null;
    const file = resolve(dirname(importer), source);
    // Written as the path from `dist/partnerkit.js`, where the built file sits.
    return file.startsWith(dist) ? { id: `./${relative(dist, file)}`, external: true } : null;
  },
};

const common = (entry, chunks, split = true, groups = [], plugins = []) => ({
  root: pkg,
  configFile: false,
  plugins,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    reportCompressedSize: false,
    lib: { entry, formats: ['es'] },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: chunks,
        // Library mode keeps whitespace and pure annotations for a bundler that re-bundles the
        // output; these files are what a page loads as they are, so fully minified.
        minify: true,
        comments: false,
        codeSplitting: split && {
          groups: [
            {
              name: (id) => (language(id) ? `partnerkit-${language(id)}` : null),
              debugName: 'languages',
            },
            ...groups,
          ],
        },
      },
    },
  },
});

rmSync(`${dist}autoload`, { recursive: true, force: true });
rmSync(`${dist}partnerkit-de.js`, { force: true });
// One file, with whatever a component loads on demand inside it (split, Rolldown would move
// everything the entry shares with an on-demand chunk into a third file); only other languages'
// strings stay beside it.
await build(common({ partnerkit: `${pkg}cdn/partnerkit.ts` }, '[name].js', false, [], [languagesBeside]));
await build(
  common({ autoloader: `${pkg}cdn/autoloader.ts` }, 'autoload/[name]-[hash].js', true, [
    { name: (id) => (core(id) ? 'core' : null), debugName: 'core' },
  ]),
);

const tags = readdirSync(`${dist}define`)
  .filter((f) => /^pk-.*\.js$/.test(f))
  .sort();
writeFileSync(
  `${dist}partnerkit.d.ts`,
  `// Written by cdn/build.mjs: the single-file build registers every tag and exports the package.
${tags.map((f) => `import './define/${f}';`).join('\n')}
export * from './index.js';
export { createPartnerkitClient, isPartnerkitError } from '@partnerkit/sdk';
`,
);
writeFileSync(
  `${dist}autoloader.d.ts`,
  `// Written by cdn/build.mjs: the autoloader over the document, with a loader for every tag.
${tags.map((f) => `import './define/${f}';`).join('\n')}
import type { Autoloader } from './autoload.js';
export type { Autoloader };
export declare const discover: Autoloader['discover'];
export declare const disconnect: Autoloader['disconnect'];
`,
);
