// size-limit checks on the built packages (run `npm run build` first): a page with the portal and
// each component, pages with two components (for the cost of a further one), each define module,
// the SDK alone and everything together. Sizes are minified and gzipped, with Lit
// and every other dependency bundled in: what a page that uses them downloads.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

// German (and any later language) strings are loaded on demand, `import('./strings/de.js')`:
// not part of what an English page downloads. They have their own row.
const languageFiles = existsSync(`${here}${elementsDist}`)
  ? readdirSync(`${here}${elementsDist}`, { recursive: true })
      .map((f) => String(f))
      .filter((f) => /(^|\/)strings\/(?!en\.js$)[a-z-]+\.js$/.test(f))
      .sort()
      .map((f) => elementsDist + f)
  : [];
const languages = [...new Set(languageFiles.map((f) => `./strings/${f.split('/').pop()}`))];

/**
 * Code a component loads on demand (`import()`), only when a partner needs it, with the import as
 * written: not part of the page's budget, measured in a row of its own (what the chunk adds to
 * the page with that component, computed by run.mjs).
 */
export const lazyChunks = [
  {
    tag: 'pk-asset-library',
    specifier: './cobrand/cobrand.js',
    name: 'co-branding of <pk-asset-library> (on demand, when a template is opened)',
  },
];
/** The name of the row of a page with `<pk-portal>`, `tag` and its on-demand code (measured, not printed). */
export const withLazyName = (tag) => `with its on-demand code: <${tag}>`;
const onDemand = [...languages, ...lazyChunks.map((c) => c.specifier)];
const common = { gzip: true, ignore: onDemand };

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

export default [
  // A page with the portal and one component: Lit, @lit/context and the SDK counted once.
  ...components.map((tag) => ({
    name: single(tag),
    path: together(`portal-and-${tag}`, withPortal(tag)),
    limit: budgets.single,
    ...common,
  })),
  // A page with a component and the code it loads on demand, loaded.
  ...lazyChunks
    .filter((c) => components.includes(c.tag))
    .map((c) => ({
      name: withLazyName(c.tag),
      path: together(`portal-and-${c.tag}-loaded`, withPortal(c.tag)),
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
  {
    name: 'everything: every define module and the SDK',
    path: together('everything', { run: defines.map((d) => d.path), all: [sdk] }),
    limit: budgets.everything,
    ...common,
  },
];
