// Generates the React wrappers in src/generated/ from the custom-elements manifest of
// @partnerkit/elements (packages/elements/custom-elements.json, written by its build):
//
//   npm run generate -w @partnerkit/react            writes src/generated/
//   node packages/react/scripts/generate.mjs --check  fails when src/generated/ is stale
//
// Every `pk-*` element of the manifest gets a wrapper made with @lit/react's `createComponent`:
// its public properties as typed props, an `on*` prop for each `pk-*` event it documents (typed
// by `PkEventMap`), a display name, and a ref to the element. The manifest is the only list of
// components: a component added to the elements (with its JSDoc and its define module) gets its
// wrapper on the next run. The generated files are committed, so a change is seen in review, and
// are never edited by hand.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(here, 'src/generated');
const manifestPath = fileURLToPath(import.meta.resolve('@partnerkit/elements/custom-elements.json'));
const HEADER =
  '// Generated from the custom-elements manifest of @partnerkit/elements by\n' +
  "// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.\n";

/** `pk-deal-registered` -> `PkDealRegistered`. */
const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());

/** Text for a one-line JSDoc or a comment: whitespace collapsed, no comment terminator. */
const prose = (text) => (text ?? '').replace(/\s+/g, ' ').replaceAll('*/', '*\\/').trim();

/** Whether @partnerkit/elements has (built) the define module of `tag`. */
const builtDefineModule = (tag) =>
  existsSync(fileURLToPath(import.meta.resolve(`@partnerkit/elements/define/${tag}`)));

/**
 * The components of the manifest: every custom element whose tag starts with `pk-`, with what the
 * wrappers need of it. Throws with a message naming the component when something is missing.
 * @param {any} manifest
 * @param {{ hasDefineModule?: (tag: string) => boolean }} [options]
 */
export function componentsOf(manifest, { hasDefineModule = builtDefineModule } = {}) {
  const modules = manifest?.modules;
  if (!Array.isArray(modules)) throw new Error('the manifest has no `modules` array');
  const exported = new Set(
    modules
      .find((m) => m.path === 'src/index.ts')
      ?.exports?.filter((e) => e.kind === 'js')
      .map((e) => e.name) ?? [],
  );
  const components = [];
  for (const mod of modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName?.startsWith('pk-')) continue;
      if (!/^pk-[a-z0-9]+(-[a-z0-9]+)*$/.test(d.tagName)) {
        throw new Error(`${mod.path}: the tag name ${JSON.stringify(d.tagName)} is not kebab-case`);
      }
      if (!exported.has(d.name)) {
        throw new Error(
          `${mod.path}: <${d.tagName}> (class ${d.name}) is not exported from src/index.ts of @partnerkit/elements`,
        );
      }
      const properties = (d.members ?? [])
        .filter(
          (m) =>
            m.kind === 'field' &&
            !m.static &&
            !m.readonly &&
            (m.privacy === undefined || m.privacy === 'public') &&
            /^[A-Za-z_$][\w$]*$/.test(m.name),
        )
        .map((m) => ({ name: m.name, attribute: m.attribute, description: prose(m.description) }));
      const events = [];
      for (const e of d.events ?? []) {
        if (!e.name?.startsWith('pk-') || events.some((x) => x.name === e.name)) continue;
        events.push({ name: e.name, prop: `on${pascal(e.name)}`, description: prose(e.description) });
      }
      if (!hasDefineModule(d.tagName)) {
        throw new Error(
          `${mod.path}: <${d.tagName}> has no define module @partnerkit/elements/define/${d.tagName} (src/define/${d.tagName}.ts, built)`,
        );
      }
      components.push({
        tag: d.tagName,
        className: d.name,
        summary: prose(d.summary || d.description),
        properties,
        // Attributes spelt unlike any property (`page-size`), for JSX that renders them as such.
        attributes: (d.attributes ?? [])
          .filter((a) => a.name && a.fieldName && !properties.some((p) => p.name === a.name))
          .map((a) => ({ name: a.name, field: a.fieldName })),
        events,
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: prose(s.description) })),
      });
    }
  }
  if (components.length === 0) throw new Error('the manifest declares no pk-* element');
  const byName = new Map();
  for (const c of components) {
    if (byName.has(c.className)) throw new Error(`two components are named ${c.className}`);
    byName.set(c.className, c);
  }
  return components.sort((a, b) => a.tag.localeCompare(b.tag));
}

const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');

function wrapperModule(c) {
  const element = `${c.className}Element`;
  const props = union(c.properties.map((p) => p.name));
  const eventLines = c.events.map(
    (e) =>
      (e.description ? `  /** \`${e.name}\`: ${e.description} */\n` : '') +
      `  ${e.prop}: '${e.name}' as EventName<PkEventMap['${e.name}']>,`,
  );
  const docs = [
    `\`<${c.tag}>\` as a React component.${c.summary ? ` ${c.summary}` : ''}`,
    '',
    c.properties.length
      ? `Properties: ${c.properties.map((p) => `\`${p.name}\``).join(', ')}.`
      : 'No properties of its own.',
    c.events.length
      ? `Events: ${c.events.map((e) => `\`${e.prop}\` (\`${e.name}\`)`).join(', ')}.`
      : 'No `pk-*` events of its own.',
    ...(c.slots.length
      ? [
          `Slots: ${c.slots.map((s) => (s.name ? `\`${s.name}\` (\`slot="${s.name}"\`)` : 'the default slot (children)')).join(', ')}.`,
        ]
      : []),
    'The ref is the element itself.',
  ];
  return `${HEADER}'use client';
import '#define/${c.tag}';
import { createComponent${c.events.length ? ', type EventName' : ''} } from '@lit/react';
import { ${c.className} as ${element}${c.events.length ? ', type PkEventMap' : ''} } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { ${element} };

const events = {${eventLines.length ? `\n${eventLines.join('\n')}\n` : ''}};

/** The public properties of \`<${c.tag}>\`, which the wrapper sets as properties (not attributes). */
export type ${c.className}Properties = ${props};

/** The props of {@link ${c.className}}: the element's public properties, its \`on*\` events and the usual HTML attributes. */
export type ${c.className}Props = WrapperProps<${element}, ${c.className}Properties, typeof events>;

/**
${docs.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}
 */
export const ${c.className}: Wrapper<${element}, ${c.className}Properties, typeof events> = createComponent({
  react: React,
  tagName: '${c.tag}',
  elementClass: ${element},
  events,
  displayName: '${c.className}',
});
`;
}

function defineModule(c) {
  return `${HEADER}// Registers <${c.tag}> (and the tags it renders) in browsers; in Node, \`#define/*\` resolves to
// nothing (package.json \`imports\`), so server rendering never touches \`customElements\`.
import '@partnerkit/elements/define/${c.tag}';
`;
}

function indexModule(components) {
  const lines = components.map(
    (c) =>
      `export { ${c.className}, type ${c.className}Element, type ${c.className}Props } from './${c.tag}.js';`,
  );
  return `${HEADER}${lines.join('\n')}\n`;
}

function eventsModule(components) {
  const all = [];
  for (const c of components) for (const e of c.events) if (!all.some((x) => x.name === e.name)) all.push(e);
  all.sort((a, b) => a.name.localeCompare(b.name));
  return `${HEADER}import type { EventName } from '@lit/react';
import type { PkEventMap } from '@partnerkit/elements';

/** Every \`pk-*\` event a component documents. They bubble and are composed, so the portal hears them all. */
export const portalEvents = {
${all.map((e) => `  ${e.prop}: '${e.name}' as EventName<PkEventMap['${e.name}']>,`).join('\n')}
};
`;
}

function jsxModule(components) {
  const classes = components.map((c) => c.className).sort();
  const entries = components.map((c) => {
    const doc = `      /** \`<${c.tag}>\`${c.summary ? `: ${c.summary}` : ''} */\n`;
    return `${doc}      '${c.tag}': Intrinsic<${c.className}, ${union(c.properties.map((p) => p.name))}, ${union(
      c.attributes.map((a) => a.name),
    )}, ${union(c.events.map((e) => e.name))}>;`;
  });
  return `${HEADER}// React 19 sets properties and listens to events on custom elements itself: these are the pk-*
// tags for JSX, with their properties, their attributes and \`on<event-name>\` listeners (such as
// \`onpk-deal-registered\`). Opt in with \`import type {} from '@partnerkit/react/jsx'\`.
import type { ${classes.join(', ')} } from '@partnerkit/elements';
import type { Intrinsic } from '../internal/types.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

/** Every generated file, by path relative to src/generated/. */
export function generate(manifest, options) {
  const components = componentsOf(manifest, options);
  const files = new Map();
  for (const c of components) {
    files.set(`${c.tag}.ts`, wrapperModule(c));
    files.set(`define/${c.tag}.ts`, defineModule(c));
  }
  files.set('index.ts', indexModule(components));
  files.set('events.ts', eventsModule(components));
  files.set('jsx.ts', jsxModule(components));
  return { components, files };
}

async function listFiles(dir, prefix = '') {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out = [];
  for (const entry of entries) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${path}/`)));
    else out.push(path);
  }
  return out;
}

/** The differences between `files` and what src/generated/ holds: missing, changed and extra files. */
export async function staleFiles(files, dir = outDir) {
  const stale = [];
  for (const [path, source] of files) {
    const current = await readFile(join(dir, path), 'utf8').catch(() => undefined);
    if (current === undefined) stale.push(`${path} (missing)`);
    else if (current !== source) stale.push(`${path} (changed)`);
  }
  for (const path of await listFiles(dir)) if (!files.has(path)) stale.push(`${path} (no longer generated)`);
  return stale.sort();
}

export async function readManifest(path = manifestPath) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(
      `${relative(process.cwd(), path)} is missing: build @partnerkit/elements first (npm run build)`,
    );
  }
  return JSON.parse(text);
}

async function main() {
  const { components, files } = generate(await readManifest());
  if (process.argv.includes('--check')) {
    const stale = await staleFiles(files);
    if (stale.length) {
      console.error(
        `packages/react/src/generated is stale (${stale.join(', ')}): run \`npm run generate -w @partnerkit/react\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`react: the wrappers of ${components.length} elements are up to date with the manifest`);
    return;
  }
  await rm(outDir, { recursive: true, force: true });
  for (const [path, source] of files) {
    await mkdir(join(outDir, path, '..'), { recursive: true });
    await writeFile(join(outDir, path), source);
  }
  console.log(
    `react: wrote ${files.size} files to ${relative(process.cwd(), outDir)} (${components.map((c) => c.tag).join(', ')})`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
