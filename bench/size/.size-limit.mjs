// size-limit checks on the built packages (run `npm run build` first): a page with the portal and
// each component, pages with two components (for the cost of a further one), each define module,
// the SDK alone and everything together. Sizes are minified and gzipped, with Lit
// and every other dependency bundled in: what a page that uses them downloads.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// size-limit resolves `path` against this folder.
const elementsDist = '../../packages/elements/dist/';
const defineDir = `${elementsDist}define/`;
const sdk = '../../packages/sdk/dist/index.js';
const here = fileURLToPath(new URL('.', import.meta.url));

/** The built define modules, by tag name (`pk-deal-list.js` or `deal-list.js` are both `pk-deal-list`). */
const defines = existsSync(here + defineDir)
  ? readdirSync(here + defineDir)
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((file) => ({
        tag: file.startsWith('pk-') ? file.slice(0, -3) : `pk-${file.slice(0, -3)}`,
        path: defineDir + file,
      }))
  : [];
const define = (tag) => {
  const found = defines.find((d) => d.tag === tag);
  if (!found) throw new Error(`no built define module for <${tag}> in ${defineDir}: run npm run build`);
  return found.path;
};

/**
 * One module that imports `use.run` for their side effects, re-exports all of `use.all` and the
 * default export of each of `use.defaults`, as a page that uses them together would: shared code
 * (Lit, the SDK) is counted once. Given a list of paths, size-limit would bundle each one alone
 * and add the sizes up.
 */
const together = (name, use) => {
  // One folder per checkout: several working copies on one machine measure at the same time.
  const dir = `${tmpdir()}/partnerkit-size-entries-${createHash('sha256').update(here).digest('hex').slice(0, 12)}/`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.js`;
  const at = (f) => JSON.stringify(here + f);
  const lines = [
    ...(use.run ?? []).map((f) => `import ${at(f)};`),
    ...(use.all ?? []).map((f) => `export * from ${at(f)};`),
    ...(use.defaults ?? []).map((f, i) => `export { default as default${i} } from ${at(f)};`),
    ...Object.entries(use.names ?? {}).map(([f, names]) => `export { ${names} } from ${at(f)};`),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return relative(here, file);
};

const builtFiles = existsSync(`${here}${elementsDist}`)
  ? readdirSync(`${here}${elementsDist}`, { recursive: true })
      .map((f) => String(f))
      .sort()
  : [];

// German (and any later language) strings are loaded on demand, `import('./strings/de.js')`:
// not part of what an English page downloads. They have their own row.
const languageFiles = builtFiles
  .filter((f) => /(^|\/)strings\/(?!en\.js$)[a-z-]+\.js$/.test(f))
  .map((f) => elementsDist + f);
const languages = [...new Set(languageFiles.map((f) => `./strings/${f.split('/').pop()}`))];

// So is the code of paths a partner takes rarely, each a module the component `import()`s the first
// time the path is taken (the forms of <pk-mdf-request>): not part of what a page downloads first.
// Each page with such code has a row with it too. By folder of the built package, the modules
// imported on demand (the specifiers, as esbuild's `external` matches them).
const lazyByFolder = new Map();
for (const f of builtFiles.filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(`${here}${elementsDist}${f}`, 'utf8');
  for (const [, specifier] of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) {
    if (/(^|\/)strings\/[a-z-]+\.js$/.test(specifier)) continue;
    const folder = f.split('/')[0];
    lazyByFolder.set(folder, [...(lazyByFolder.get(folder) ?? []), specifier]);
  }
}
const onDemand = [...languages, ...[...lazyByFolder.values()].flat()];
/** The name of the row of a page with `<pk-portal>` and `tag`, with the code it loads on demand. */
export const withLazyName = (tag) => `<pk-portal> + <${tag}> with its code on demand`;
const common = { gzip: true, ignore: onDemand };

/** Files as a page downloads them: not bundled again, each gzipped, the sizes added up. */
const asDownloaded = { gzip: true, disablePlugins: ['@size-limit/esbuild'] };

/** The rows of `dist/partnerkit.js` and `dist/autoloader.js` (built by the elements' cdn/build.mjs). */
const cdnRows = () => {
  if (!existsSync(`${here}${elementsDist}partnerkit.js`)) return [];
  const chunks = readdirSync(`${here}${elementsDist}autoload`)
    .filter((f) => f.endsWith('.js') && !/^partnerkit-[a-z-]+-/.test(f))
    .map((f) => `${elementsDist}autoload/${f}`);
  return [
    {
      // One file with all the code, what the components would load on demand too.
      name: `${CDN}dist/partnerkit.js: every tag in one file`,
      path: `${elementsDist}partnerkit.js`,
      ...asDownloaded,
    },
    { name: `${CDN}dist/autoloader.js alone`, path: `${elementsDist}autoloader.js`, ...asDownloaded },
    {
      // Each file compressed on its own, as a page fetches them: more than the same code in one file.
      name: `${CDN}dist/autoloader.js with every tag loaded (${chunks.length + 1} files)`,
      path: [`${elementsDist}autoloader.js`, ...chunks],
      ...asDownloaded,
    },
  ];
};
/** The prefix of the rows of the builds for pages without a bundler (printed apart). */
export const CDN = 'cdn: ';

/** The name of the row of every define module and the SDK (the budget of everything). */
export const EVERYTHING = 'everything: every define module and the SDK';

/** The components a page is built of: every define module but the provider and the field. */
export const components = defines
  .map((d) => d.tag)
  .filter((tag) => tag !== 'pk-portal' && tag !== 'pk-field');
const withPortal = (...tags) => ({ run: [define('pk-portal'), ...tags.map(define)] });
const single = (tag) => `<pk-portal> + <${tag}>`;
/** The name of the row of a page with `<pk-portal>`, `a` and `b` (measured, not printed). */
export const pairName = (a, b) => `pair: <${a}> + <${b}>`;
/** The name of the row of a page with every component but `tag` (measured, not printed). */
export const withoutName = (tag) => `without: <${tag}>`;

/** The per-page budgets: any one component with the portal, and each further one beside another. */
export const budgets = { single: '25 kB', further: '4 kB', everything: '40 kB' };
const cdnFiles = cdnRows();

export default [
  // A page with the portal and one component: Lit, @lit/context and the SDK counted once.
  ...components.map((tag) => ({
    name: single(tag),
    path: together(`portal-and-${tag}`, withPortal(tag)),
    limit: budgets.single,
    ...common,
  })),
  // A page with the portal and one component, with what the component loads on demand too.
  ...components
    .filter((tag) => lazyByFolder.has(tag.slice(3)))
    .map((tag) => ({
      name: withLazyName(tag),
      path: together(`portal-and-${tag}`, withPortal(tag)),
      gzip: true,
      ignore: languages,
    })),
  // A page with every component but one: what that one adds to a page with all the others is
  // the difference to the page with everything (computed and printed by run.mjs).
  ...components.map((tag) => ({
    name: withoutName(tag),
    path: together(`without-${tag}`, withPortal(...components.filter((t) => t !== tag))),
    ...common,
  })),
  // Pages with two components: what a further component costs beside only one other is the
  // difference to the page with that other one alone (computed and printed by run.mjs).
  ...components.flatMap((a, i) =>
    components.slice(i + 1).map((b) => ({
      name: pairName(a, b),
      path: together(`pair-${a}-${b}`, withPortal(a, b)),
      ...common,
    })),
  ),
  ...defines.map((d) => ({ name: `define/${d.tag}`, path: d.path, ...common })),
  {
    name: '@partnerkit/sdk (createPartnerkitClient)',
    path: sdk,
    import: '{ createPartnerkitClient }',
    ...common,
  },
  // The libraries alone, with just what the components and the SDK use of them: the floor under
  // every page, which holds them once.
  {
    name: 'floor: Lit and @lit/context alone',
    path: together('lit-and-context', {
      names: {
        '../../node_modules/lit/index.js': 'LitElement, css, html, nothing',
        '../../node_modules/@lit/context/index.js':
          'ContextConsumer, ContextProvider, ContextRoot, createContext',
      },
    }),
    gzip: true,
  },
  {
    name: 'floor: Lit, @lit/context and the SDK, before any component code',
    path: together('libraries-and-sdk', {
      names: {
        '../../node_modules/lit/index.js': 'LitElement, css, html, nothing',
        '../../node_modules/@lit/context/index.js':
          'ContextConsumer, ContextProvider, ContextRoot, createContext',
        [sdk]: 'createPartnerkitClient, isPartnerkitError, newIdempotencyKey',
      },
    }),
    gzip: true,
  },
  {
    name: 'floor: openapi-fetch alone (createClient)',
    path: together('openapi-fetch', {
      names: { '../../node_modules/openapi-fetch/dist/index.mjs': 'default' },
    }),
    gzip: true,
  },
  {
    name: 'German strings of every component (on demand)',
    path: together('german', { defaults: languageFiles.filter((f) => f.endsWith('/de.js')) }),
    gzip: true,
  },
  // The builds for pages without a bundler, measured as the files a page downloads (no bundling
  // again): printed apart; the budget of everything is theirs too.
  ...cdnFiles,
  // Every define module and the SDK, as a page that imports them all downloads them before a
  // partner does anything: the budget of everything. What the components load on demand (the
  // forms of MDF, co-branding) and other languages are printed apart.
  {
    name: EVERYTHING,
    path: together('everything', { run: defines.map((d) => d.path), all: [sdk] }),
    limit: budgets.everything,
    ...common,
  },
  {
    name: 'everything, with all the code the components load on demand',
    path: together('everything', { run: defines.map((d) => d.path), all: [sdk] }),
    gzip: true,
    ignore: languages,
  },
];
