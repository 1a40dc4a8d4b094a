// Storybook for the Partnerkit components: web components on Vite, docs generated from the
// custom-elements manifest, the accessibility addon on every story. Stories run the components'
// source against an in-memory API, so `npm run storybook` needs no server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/web-components-vite/node';
import { mergeConfig, type Plugin } from 'vite';
import { checkingStoryNames } from './story-names.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = `${root}packages/elements/custom-elements.json`;

// The docs tables and controls come from the manifest, which the elements build generates.
if (!existsSync(manifest)) {
  console.log('storybook: packages/elements/custom-elements.json is missing; building @partnerkit/elements');
  const steps: [string, string[]][] = [
    ['npx', ['--no-install', 'tsc', '-b', 'packages/elements']],
    ['npm', ['run', 'build', '-w', '@partnerkit/elements']],
  ];
  for (const [command, args] of steps) {
    const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`storybook: ${command} ${args.join(' ')} failed`);
  }
  if (!existsSync(manifest)) throw new Error('storybook: the elements build made no custom-elements.json');
}

/**
 * `@partnerkit/elements/define/<tag>` from source. Only the built define modules are listed in
 * the package's `sideEffects`; the source ones register tags too, so the bundler must keep them,
 * also where a module imports one by its relative path (the forms of `<pk-mdf-request>`, which
 * load on demand, define `pk-field`).
 */
const defineDir = `${root}packages/elements/src/define/`;
const defineModules: Plugin = {
  name: 'partnerkit-define-modules',
  enforce: 'pre',
  resolveId(source) {
    const tag = /^@partnerkit\/elements\/define\/([a-z0-9-]+)$/.exec(source)?.[1];
    if (!tag) return null;
    return { id: `${defineDir}${tag}.ts`, moduleSideEffects: true };
  },
  transform(code, id) {
    return id.startsWith(defineDir) ? { code, map: null, moduleSideEffects: true } : null;
  },
};

export default defineMain({
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  // Every story has a name a designer reads, and each group of states stays together.
  experimental_indexers: async (indexers) => checkingStoryNames(indexers ?? []),
  async viteFinal(config) {
    return mergeConfig(config, {
      plugins: [defineModules],
      resolve: {
        // Stories run the packages' TypeScript source, so a change shows without a build.
        alias: [
          { find: /^@partnerkit\/elements$/, replacement: `${root}packages/elements/src/index.ts` },
          { find: /^@partnerkit\/sdk$/, replacement: `${root}packages/sdk/src/index.ts` },
        ],
      },
      // Lit's decorators are TypeScript's legacy ones (experimentalDecorators, set-semantics
      // class fields, as in tsconfig.json): compile them that way, never as standard decorators.
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
    });
  },
});
