// What a bundler makes of the package (esbuild, as size-limit and Vite's dependency step use it):
// the wrappers a page imports and their registrations, and nothing of the others; in a server
// bundle (the `node` condition), no registration at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

async function bundle(contents: string, platform: 'browser' | 'node'): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    external: ['react', 'react-dom'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const page = `import { PartnerkitPortal, PkDealRegistration } from '@partnerkit/react';
console.log(PartnerkitPortal, PkDealRegistration);`;

test('a browser bundle registers the tags of the wrappers it uses, and only those', async () => {
  const out = await bundle(page, 'browser');
  for (const tag of ['pk-portal', 'pk-deal-registration', 'pk-field']) {
    assert.match(out, new RegExp(`define\\("${tag}"`), `${tag} is not registered`);
  }
  assert.doesNotMatch(out, /"pk-deal-list"/, 'an unused wrapper was bundled');
});

test('a server bundle registers nothing', async () => {
  const out = await bundle(page, 'node');
  assert.doesNotMatch(out, /define\("pk-/);
  assert.doesNotMatch(out, /customElements\.define/);
});
