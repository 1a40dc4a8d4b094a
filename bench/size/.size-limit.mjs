// size-limit checks on the built packages (run `npm run build` first): the budgeted bundle, each
// define module, the SDK alone and everything together. Sizes are minified and gzipped, with Lit
// and every other dependency bundled in: what a page that uses them downloads.
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
  const dir = `${tmpdir()}/partnerkit-size-entries/`;
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
const onDemand = [...new Set(languageFiles.map((f) => `./strings/${f.split('/').pop()}`))];
const common = { gzip: true, ignore: onDemand };

export default [
  {
    name: '<pk-deal-registration> + <pk-portal> (Lit, SDK)',
    path: together('portal-and-deal-registration', {
      run: [define('pk-portal'), define('pk-deal-registration')],
    }),
    limit: '18 kB',
    ...common,
  },
  ...defines.map((d) => ({ name: `define/${d.tag}`, path: d.path, ...common })),
  {
    name: '@partnerkit/sdk (createPartnerkitClient)',
    path: sdk,
    import: '{ createPartnerkitClient }',
    ...common,
  },
  // The libraries alone, with just what the components and the SDK use of them: the floor under
  // the budgeted row, which holds them once.
  {
    name: 'of the budgeted row: Lit and @lit/context alone',
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
    name: 'of the budgeted row: Lit, @lit/context and the SDK, before any component code',
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
    name: 'of the budgeted row: openapi-fetch alone (createClient)',
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
    ...common,
  },
];
