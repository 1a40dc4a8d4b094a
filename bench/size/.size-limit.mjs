// size-limit checks on the built packages (run `npm run build` first): the budgeted bundle, each
// define module, the SDK alone and everything together. Sizes are minified and gzipped, with Lit
// and every other dependency bundled in: what a page that uses them downloads.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// size-limit resolves `path` against this folder.
const defineDir = '../../packages/elements/dist/define/';
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

const common = { gzip: true };

export default [
  {
    name: '<pk-deal-registration> + <pk-portal> (Lit, SDK)',
    path: [define('pk-portal'), define('pk-deal-registration')],
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
  {
    name: 'everything: every define module and the SDK',
    path: [...defines.map((d) => d.path), sdk],
    ...common,
  },
];
