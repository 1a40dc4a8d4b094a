// Importing @partnerkit/react in Node (server rendering) touches no `customElements`: `#define/*`
// resolves to nothing there (package.json `imports`, condition `node`), and the wrappers render
// their tags with React's server renderer.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { ComponentType } from 'react';

// A registry that records every use. Lit's Node build installs its own only where none exists.
const used: string[] = [];
const registry = new Proxy(
  {},
  {
    get(_target, key) {
      used.push(String(key));
      return () => {
        throw new Error(`customElements.${String(key)}() was called`);
      };
    },
  },
);
Object.assign(globalThis, { customElements: registry });

test('importing the package and its JSX types in Node uses no customElements and no DOM', async () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
  const react = await import('@partnerkit/react');
  await import('@partnerkit/react/jsx');
  assert.equal(typeof react.PartnerkitPortal, 'object');
  assert.deepEqual(used, []);
  assert.equal(globalThis.customElements, registry);
});

test('server rendering outputs every tag inside <pk-portal>, and still uses no customElements', async () => {
  const [{ createElement }, { renderToString }, wrappers] = await Promise.all([
    import('react'),
    import('react-dom/server'),
    import('@partnerkit/react'),
  ]);
  const manifest = JSON.parse(
    await readFile(new URL('../../elements/custom-elements.json', import.meta.url), 'utf8'),
  ) as { modules: { declarations?: { name: string; tagName?: string; customElement?: boolean }[] }[] };
  const components = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is typeof d & { tagName: string } => !!d.customElement && !!d.tagName?.startsWith('pk-'));
  const byName = wrappers as unknown as Record<string, ComponentType<{ id: string }>>;
  const html = renderToString(
    createElement(
      wrappers.PartnerkitPortal,
      { baseUrl: 'https://partners.example.com', fetchToken: async () => 'token', className: 'portal' },
      ...components.map((c) => createElement(byName[c.name]!, { key: c.name, id: c.tagName })),
    ),
  );
  assert.match(html, /^<pk-portal [^>]*class="portal"[^>]*>/);
  for (const c of components)
    assert.match(html, new RegExp(`<${c.tagName} id="${c.tagName}"></${c.tagName}>`));
  assert.doesNotMatch(html, /fetchToken|function/i);
  assert.deepEqual(used, []);
});
