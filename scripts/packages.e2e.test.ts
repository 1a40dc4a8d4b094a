// The packages as npm would publish them. Every workspace that is not private (found from the
// root package.json, so a package added later is checked without an edit) is packed once with
// `npm pack`; then each tarball is checked (its metadata, what it holds, publint, Are the Types
// Wrong?), and all of them are installed together, once, into a fresh project outside the
// repository (npm fetches only their third-party dependencies, from its cache where it can). From
// that install: the reference server runs from its own bin, the SDK makes real calls to it in Node,
// TypeScript type-checks a consumer, and a page bundled by Vite renders a component in Chromium.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  artifactPath,
  launchChromium,
  partnerToken,
  type Started,
  servePages,
  startReferenceServer,
} from '../examples/portal/test/harness.js';
import { type PackageJson, publishable, root } from './workspaces.mjs';

interface Packed {
  dir: string;
  pkg: PackageJson;
  tarball: string;
  files: string[];
}

const bin = (name: string) => join(root, 'node_modules/.bin', name);
const run = (command: string, args: string[], cwd = root) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '' };
};
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson & {
  engines: { node: string };
  repository: { url: string };
};
const license = readFileSync(join(root, 'LICENSE'), 'utf8');

/** The files an `exports`, `bin` or `customElements` target names, wildcards matched against `files`. */
function targets(pkg: PackageJson): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  if (typeof pkg.customElements === 'string') out.push(pkg.customElements);
  return out.map((t) => t.replace(/^\.\//, ''));
}

/** What is wrong with one packed package's metadata and contents (nothing, when it is right). */
function problemsOf({ dir, pkg, files }: Packed): string[] {
  const problems: string[] = [];
  const want = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  want(typeof pkg.description === 'string' && pkg.description.length >= 20, 'a description');
  want(Array.isArray(pkg.keywords) && pkg.keywords.length >= 3, 'keywords');
  want(pkg.license === 'MIT', 'license MIT');
  want(pkg.type === 'module', 'type module');
  want(/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(pkg.version), 'a semver version');
  const engines = pkg.engines as { node?: string } | undefined;
  want(engines?.node === rootPkg.engines.node, `engines.node ${rootPkg.engines.node}`);
  const repository = pkg.repository as { type?: string; url?: string; directory?: string } | undefined;
  want(
    repository?.type === 'git' && repository.url === rootPkg.repository.url && repository.directory === dir,
    `repository { type: git, url: ${rootPkg.repository.url}, directory: ${dir} }`,
  );
  want(
    typeof pkg.sideEffects === 'boolean' || Array.isArray(pkg.sideEffects),
    'sideEffects (false, or the files that have them)',
  );
  want(Array.isArray(pkg.files) && pkg.files.length > 0, 'files');
  want(files.includes('README.md'), 'README.md in the tarball');
  want(files.includes('LICENSE'), 'LICENSE in the tarball');
  if (files.includes('LICENSE')) {
    want(readFileSync(join(root, dir, 'LICENSE'), 'utf8') === license, 'LICENSE the same as the root one');
  }
  const exportsMap = pkg.exports as Record<string, unknown> | undefined;
  want(exportsMap && typeof exportsMap === 'object' && '.' in exportsMap, 'exports with "."');
  for (const [entry, target] of Object.entries(exportsMap ?? {})) {
    if (typeof target === 'string') {
      // Only data files and package.json may be plain paths; code needs its types.
      want(/\.(json|ya?ml)$/.test(target), `exports["${entry}"] with types and default`);
      continue;
    }
    const keys = Object.keys(target as object);
    want(keys[0] === 'types' && keys.includes('default'), `exports["${entry}"]: types first, then default`);
  }
  for (const target of targets(pkg)) {
    const pattern = new RegExp(`^${target.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '[^/]+')}$`);
    want(
      files.some((f) => pattern.test(f)),
      `${target} (named by exports, bin or customElements) in the tarball`,
    );
  }
  const tests = files.filter((f) => /\.test\.|(^|\/)(test|test-support)\//.test(f));
  want(tests.length === 0, `no tests in the tarball (${tests.slice(0, 3).join(', ')})`);
  const internal = publishable().map((w) => [w.pkg.name, w.pkg.version] as const);
  for (const [name, version] of internal) {
    const range = (pkg.dependencies as Record<string, string> | undefined)?.[name];
    if (range !== undefined) want(range === version, `dependencies.${name} at the workspace's ${version}`);
  }
  return problems;
}

describe('the published packages', () => {
  const work = mkdtempSync(join(tmpdir(), 'pk-packages-'));
  const packs = join(work, 'packs');
  const app = join(work, 'app');
  let packed: Packed[] = [];
  let installed = false;

  before(() => {
    mkdirSync(packs);
    const list = publishable();
    const r = run('npm', [
      'pack',
      '--json',
      '--pack-destination',
      packs,
      ...list.map((w) => `--workspace=${w.dir}`),
    ]);
    assert.equal(r.status, 0, r.out);
    const results = JSON.parse(r.stdout) as { name: string; filename: string; files: { path: string }[] }[];
    packed = list.map((w) => {
      const result = results.find((p) => p.name === w.pkg.name);
      assert.ok(result, `${w.pkg.name} was not packed`);
      return { ...w, tarball: join(packs, result.filename), files: result.files.map((f) => f.path) };
    });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('every package has its metadata, its README and LICENSE, and the files its exports name', () => {
    assert.ok(packed.length >= 5, `only ${packed.length} packages found`);
    const problems = packed.flatMap((p) => problemsOf(p).map((what) => `${p.pkg.name}: needs ${what}`));
    assert.deepEqual(problems, []);
  });

  test('publint finds nothing in any tarball (strict: warnings count)', () => {
    for (const p of packed) {
      const r = run(bin('publint'), ['run', p.tarball, '--strict']);
      assert.equal(r.status, 0, `${p.pkg.name}:\n${r.out}`);
      assert.match(r.out, /All good!/, `${p.pkg.name}:\n${r.out}`);
    }
  });

  test('Are the Types Wrong? finds no problem in any tarball (ESM-only: Node 16+ and bundlers)', () => {
    for (const p of packed) {
      // Data files (the contract's YAML, package.json, the manifest) are no modules to type.
      const data = Object.entries((p.pkg.exports ?? {}) as Record<string, unknown>)
        .filter(([, target]) => typeof target === 'string')
        .map(([entry]) => entry);
      const args = [p.tarball, '--profile', 'esm-only', '--format', 'json'];
      const r = run(bin('attw'), data.length > 0 ? [...args, '--exclude-entrypoints', ...data] : args);
      const report = JSON.parse(r.stdout) as { analysis: { problems?: { resolutionKind?: string }[] } };
      // The esm-only profile leaves out what only CommonJS callers see (node10, require from node16).
      const problems = (report.analysis.problems ?? []).filter(
        (problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''),
      );
      assert.deepEqual(problems, [], `${p.pkg.name}`);
      assert.equal(r.status, 0, `${p.pkg.name}:\n${r.out.slice(0, 4000)}`);
    }
  });

  describe('installed from the tarballs into a fresh project', () => {
    let server: Started;
    let browser: Browser | undefined;

    before(() => {
      mkdirSync(app);
      const dependencies = Object.fromEntries(packed.map((p) => [p.pkg.name, `file:${p.tarball}`]));
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify(
          {
            name: 'partnerkit-install-check',
            private: true,
            type: 'module',
            dependencies,
            // The packages' dependencies on each other resolve to these tarballs, never to a registry.
            overrides: Object.fromEntries(packed.map((p) => [p.pkg.name, `$${p.pkg.name}`])),
          },
          null,
          2,
        ),
      );
      const r = run(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
        app,
      );
      assert.equal(r.status, 0, r.out);
      installed = true;
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the reference server starts from the installed bin, and the SDK calls it from Node', async () => {
      assert.ok(installed);
      server = await startReferenceServer(
        '*',
        join(app, 'node_modules/@partnerkit/server/bin/partnerkit-server.js'),
      );
      writeFileSync(
        join(app, 'sdk-call.mjs'),
        `import { createPartnerkitClient, isPartnerkitError } from '@partnerkit/sdk';
import { runConformance } from '@partnerkit/conformance';
const pk = createPartnerkitClient({ baseUrl: process.argv[2], token: 'pk_demo_northwind_admin' });
const me = await pk.me.get();
let deals = 0;
for await (const deal of pk.deals.listAll({ limit: 7 })) if (deal.partnerId === me.partner.id) deals++;
let kind;
try {
  await pk.deals.get('dr_does_not_exist');
} catch (error) {
  kind = isPartnerkitError(error) ? error.kind : String(error);
}
console.log(JSON.stringify({
  partner: me.partner.id,
  deals,
  kind,
  conformance: typeof runConformance,
  sdk: import.meta.resolve('@partnerkit/sdk'),
}));
`,
      );
      const r = run(process.execPath, ['sdk-call.mjs', server.url], app);
      assert.equal(r.status, 0, r.out);
      const result = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
      assert.equal(result.partner, 'ptn_northwind');
      assert.ok(result.deals > 7, `only ${result.deals} registrations paged through`);
      assert.equal(result.kind, 'not_found');
      assert.equal(result.conformance, 'function');
      assert.ok(String(result.sdk).startsWith(`file://${app}/node_modules/`), result.sdk);
    });

    test('TypeScript type-checks a consumer of every package from the install', () => {
      assert.ok(installed);
      writeFileSync(
        join(app, 'consumer.ts'),
        `import type { DealRegistration, MdfRequestInput } from '@partnerkit/api';
import { createPartnerkitClient, type PartnerkitClient } from '@partnerkit/sdk';
import type { PkDealList } from '@partnerkit/elements';
import '@partnerkit/elements/define/pk-deal-list.js';
import '@partnerkit/elements/define/pk-portal';
import { discover } from '@partnerkit/elements/autoloader.js';
import { createPartnerkitServer } from '@partnerkit/server';
import { runConformance } from '@partnerkit/conformance';

const pk: PartnerkitClient = createPartnerkitClient({ baseUrl: 'https://partners.example.com', token: 'k' });
export async function first(): Promise<DealRegistration | undefined> {
  for await (const deal of pk.deals.listAll()) return deal;
  return undefined;
}
const list: PkDealList = document.createElement('pk-deal-list');
list.pageSize = 5;
export const pending: Promise<void> = discover(document);
export const input: Pick<MdfRequestInput, 'title'> = { title: 'Roadshow' };
export const start: typeof createPartnerkitServer = createPartnerkitServer;
export const check: typeof runConformance = runConformance;
`,
      );
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            // The server and the conformance suite are Node packages: their consumers have Node's types.
            types: ['node'],
            typeRoots: [join(root, 'node_modules/@types')],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
          },
          files: ['consumer.ts'],
        }),
      );
      const r = run(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
        app,
      );
      assert.equal(r.status, 0, r.out);
    });

    test('a page bundled by Vite from the install renders a component in Chromium', async () => {
      assert.ok(installed && server, 'the server of the previous test is running');
      const web = join(app, 'web');
      mkdirSync(web);
      writeFileSync(
        join(web, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Install check</title>
<script type="module" src="./main.js"></script></head>
<body><pk-portal locale="en" theme="light"><pk-deal-list page-size="3"></pk-deal-list></pk-portal></body></html>`,
      );
      writeFileSync(
        join(web, 'main.js'),
        // Both spellings the docs use: with and without the extension.
        `import '@partnerkit/elements/define/pk-portal.js';
import '@partnerkit/elements/define/pk-deal-list';
import { createPartnerkitClient } from '@partnerkit/sdk';

const params = new URLSearchParams(location.search);
document.querySelector('pk-portal').client = createPartnerkitClient({
  baseUrl: params.get('api'),
  token: params.get('token'),
});
`,
      );
      const built = run(
        process.execPath,
        [
          join(root, 'node_modules/vite/bin/vite.js'),
          'build',
          web,
          '--outDir',
          join(app, 'web-dist'),
          '--logLevel',
          'warn',
        ],
        app,
      );
      assert.equal(built.status, 0, built.out);
      const site = await servePages({ pages: {}, dirs: { '/': join(app, 'web-dist') } });
      try {
        browser = await launchChromium();
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('response', (r) => {
          // The browser asks for a favicon the page does not have; anything else must be there.
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
        });
        const token = await partnerToken(server.url);
        await page.goto(
          `${site.origin}/?api=${encodeURIComponent(server.url)}&token=${encodeURIComponent(token)}`,
        );
        const rows = page.locator('pk-deal-list [part~=row]');
        await rows.first().waitFor();
        assert.equal(await rows.count(), 3);
        await page.screenshot({ path: artifactPath('packages-installed-page.png') });
        assert.deepEqual(errors, []);
      } finally {
        await site.close();
      }
    });
  });
});
