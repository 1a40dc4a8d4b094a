// `npm run build -w @partnerkit/elements`, after `tsc -b`: the builds for pages without a bundler,
// with Vite's library mode from the compiled `dist/`:
//
// - `dist/partnerkit.js`: one ES module that registers every tag, with Lit, @lit/context and the
//   SDK inside, minified; the German strings beside it in `dist/partnerkit-de.js`, loaded only by a
//   page that asks for German.
// - `dist/autoloader.js`: registers `pk-*` tags as they appear, each define module loaded once on
//   demand from `dist/autoload/` (its chunks, with Lit and the SDK in shared ones).
//
// Both are found from `src/define/` by the entries' globs. Their type declarations are written here.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = `${pkg}dist/`;

/** German (and any later language's) string tables, one chunk per build. */
const language = (id) => /[\\/]strings[\\/](?!en\.js$)([a-z-]+)\.js$/.exec(id)?.[1];

const common = (entry, chunks) => ({
  root: pkg,
  configFile: false,
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
        codeSplitting: {
          groups: [
            {
              name: (id) => (language(id) ? `partnerkit-${language(id)}` : null),
              debugName: 'languages',
            },
          ],
        },
      },
    },
  },
});

rmSync(`${dist}autoload`, { recursive: true, force: true });
await build(common({ partnerkit: `${pkg}cdn/partnerkit.ts` }, '[name].js'));
await build(common({ autoloader: `${pkg}cdn/autoloader.ts` }, 'autoload/[name]-[hash].js'));

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
