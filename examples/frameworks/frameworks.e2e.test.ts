// The framework guide's samples, checked: docs/frameworks.md shows these files as they are here.
//
// - Vue 3: the Vite Vue plugin with `isCustomElement` for pk-* tags compiles them as custom
//   elements (and without it, as components to resolve); the sample built with the repository's
//   Vite runs in Chromium, where `.fetchToken` is a property, `:page-size` reaches the list, and
//   `@pk-error` and `@pk-deal-registered` call the handlers. The page's own server and the API are
//   stood in for by routes: the session endpoint answers a token, the API is the elements' mock.
// - Angular: ngc compiles the standalone component with strict templates: `[prop]` bindings
//   become property instructions, `[attr.x]` attributes, `(pk-...)` listeners, and `$event` has the
//   event's type; without CUSTOM_ELEMENTS_SCHEMA the same template does not compile.
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  createCompilerHost,
  createProgram,
  defaultGatherDiagnostics,
  readConfiguration,
} from '@angular/compiler-cli';
import { compileTemplate, parse } from '@vue/compiler-sfc';
import type { Browser, Route } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { createMockApi } from '../../packages/elements/test/mock-api.js';
import { artifactPath, launchChromium, root } from '../portal/test/harness.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const cache = `${root}node_modules/.cache/partnerkit-frameworks/`;

test('docs/frameworks.md shows the checked files exactly', async () => {
  const guide = await readFile(`${root}docs/frameworks.md`, 'utf8');
  const shown = [...guide.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)];
  assert.deepEqual(
    shown.map((m) => m[1]),
    [
      'examples/frameworks/vue/vite.config.ts',
      'examples/frameworks/vue/src/PartnerPortal.vue',
      'examples/frameworks/vue/src/main.ts',
      'examples/frameworks/angular/partner-portal.component.ts',
    ],
  );
  for (const [, path, code] of shown) {
    assert.equal(code, await readFile(`${root}${path}`, 'utf8'), `docs/frameworks.md differs from ${path}`);
  }
});

describe('Vue 3', () => {
  const component = here('vue/src/PartnerPortal.vue');

  async function render(compilerOptions: object | undefined): Promise<string> {
    const { descriptor } = parse(await readFile(component, 'utf8'), { filename: component });
    const compiled = compileTemplate({
      source: descriptor.template!.content,
      filename: component,
      id: 'partner-portal',
      compilerOptions,
    });
    assert.deepEqual(compiled.errors, []);
    return compiled.code;
  }

  test('the Vite plugin option makes pk-* tags custom elements, not components to resolve', async () => {
    const config = (await import(here('vue/vite.config.ts'))).default as { plugins: Plugin[] };
    const vue = config.plugins.flat().find((p) => p?.name === 'vite:vue') as Plugin & {
      api: { options: { template: { compilerOptions: object } } };
    };
    const withOption = await render(vue.api.options.template.compilerOptions);
    assert.doesNotMatch(withOption, /resolveComponent/);
    assert.match(withOption, /"pk-portal"/);
    // `.fetchToken` is bound as a property (Vue marks it with a leading `.`).
    assert.match(withOption, /"\.fetchToken"/);
    const withoutOption = await render(undefined);
    assert.match(withoutOption, /_resolveComponent\("pk-portal"\)/);
  });

  describe('built with Vite and run in Chromium', () => {
    const outDir = `${cache}vue/`;
    let browser: Browser;

    before(async () => {
      await build({
        configFile: here('vue/vite.config.ts'),
        root: here('vue'),
        mode: 'development',
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, minify: false },
      });
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await rm(outDir, { recursive: true, force: true });
    });

    test('sets properties and attributes, and calls the @pk-* handlers', async () => {
      const api = createMockApi({ fail: { listDealRegistrations: { kind: 'permission', times: 1 } } });
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
      });
      page.on('pageerror', (e) => warnings.push(`uncaught: ${e.message}`));
      const cors = {
        'access-control-allow-origin': 'http://vue.test',
        'access-control-allow-headers': 'authorization, content-type, idempotency-key',
        'access-control-allow-methods': 'GET, POST',
      };
      // The API: the elements' mock, behind the URL the sample gives the portal.
      await page.route('https://partners.example.com/**', async (route: Route) => {
        const request = route.request();
        if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
        const response = await api.fetch(
          new Request(request.url(), {
            method: request.method(),
            headers: await request.allHeaders(),
            body: request.postData() ?? undefined,
          }),
        );
        return route.fulfill({
          status: response.status,
          headers: { ...Object.fromEntries(response.headers), ...cors },
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      // The page and the vendor's own session endpoint.
      await page.route('http://vue.test/**', async (route: Route) => {
        const { pathname } = new URL(route.request().url());
        if (pathname === '/partner-portal/session') {
          return route.fulfill({ json: { token: 'a-partner-session-token' } });
        }
        const file = join(outDir, pathname === '/' ? 'index.html' : pathname);
        const types: Record<string, string> = {
          '.html': 'text/html',
          '.js': 'text/javascript',
          '.css': 'text/css',
        };
        return route.fulfill({
          body: await readFile(file),
          contentType: types[extname(file)] ?? 'text/plain',
        });
      });

      await page.goto('http://vue.test/');
      // The list's first load is refused (403, not retried): @pk-error calls the component's handler.
      await page.getByRole('alert').filter({ hasText: 'Something went wrong (permission).' }).waitFor();
      const portal = await page.locator('pk-portal').evaluate((el) => {
        const p = el as HTMLElement & { baseUrl: string; fetchToken: unknown };
        return {
          baseUrl: p.baseUrl,
          fetchToken: typeof p.fetchToken,
          attributes: p.getAttributeNames().sort(),
        };
      });
      assert.deepEqual(portal, {
        baseUrl: 'https://partners.example.com',
        fetchToken: 'function',
        attributes: ['base-url', 'locale', 'theme'],
      });
      assert.equal(
        await page.locator('pk-deal-list').evaluate((el) => (el as { pageSize?: number }).pageSize),
        5,
      );
      assert.equal(api.callsOf('listDealRegistrations')[0]?.query.get('limit'), '5');
      assert.equal(api.calls[0]?.headers.get('authorization'), 'Bearer a-partner-session-token');

      await page.locator('pk-deal-registration').evaluate((el) =>
        el.dispatchEvent(
          new CustomEvent('pk-deal-registered', {
            detail: { reference: 'DR-2026-000042' },
            bubbles: true,
            composed: true,
          }),
        ),
      );
      await page.getByRole('status').filter({ hasText: 'Deal DR-2026-000042 registered.' }).waitFor();
      await page.screenshot({ path: artifactPath('frameworks-vue.png'), fullPage: true });
      const unexpected = warnings.filter(
        (w) =>
          !w.startsWith('partnerkit permission') &&
          !w.includes('Lit is in dev mode') &&
          !/status of 403/.test(w),
      );
      assert.deepEqual(unexpected, [], 'Vue or the page warned');
      await page.close();
    });
  });
});

describe('Angular', () => {
  test('ngc compiles the standalone component: properties, attributes, typed events; none without the schema', async () => {
    const source = await readFile(here('angular/partner-portal.component.ts'), 'utf8');
    // Two variants beside node_modules (so they resolve the same packages): no schema, and the
    // list's pk-error handed to the handler of pk-deal-registered.
    const variants = `${cache}angular/`;
    await mkdir(variants, { recursive: true });
    const rename = (name: string) => source.replace(/PartnerPortalComponent/g, name);
    const noSchema = `${variants}no-schema.component.ts`;
    const wrongEvent = `${variants}wrong-event.component.ts`;
    await writeFile(
      noSchema,
      rename('NoSchemaComponent').replace('  schemas: [CUSTOM_ELEMENTS_SCHEMA],\n', ''),
    );
    await writeFile(
      wrongEvent,
      rename('WrongEventComponent').replace(
        '(pk-error)="onError($event)"',
        '(pk-error)="onRegistered($event)"',
      ),
    );
    const config = readConfiguration(here('angular/tsconfig.json'), {
      outDir: `${variants}out`,
      rootDir: root,
    });
    // One program for the three: its diagnostics, then its output (emitted whatever the variants say).
    const program = createProgram({
      rootNames: [...config.rootNames, noSchema, wrongEvent],
      options: config.options,
      host: createCompilerHost({ options: config.options }),
    });
    await program.loadNgStructureAsync();
    const diagnostics = defaultGatherDiagnostics(program);
    program.emit({ emitFlags: config.emitFlags });
    const problems = diagnostics.map((d) => {
      const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
      return `${d.file?.fileName.split('/').pop()}: ${text.split('\n')[0]}`;
    });
    assert.deepEqual(
      problems.filter((p) => p.startsWith('partner-portal')),
      [],
      'the sample does not compile',
    );
    assert.ok(
      problems.includes("no-schema.component.ts: 'pk-portal' is not a known element:"),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes(
        "no-schema.component.ts: Can't bind to 'fetchToken' since it isn't a known property of 'pk-portal'.",
      ),
    );
    assert.ok(
      problems.some((p) =>
        p.startsWith(
          "wrong-event.component.ts: Argument of type 'CustomEvent<PkErrorDetail>' is not assignable",
        ),
      ),
      problems.join('\n'),
    );

    const emitted = await readFile(
      `${variants}out/examples/frameworks/angular/partner-portal.component.js`,
      'utf8',
    );
    assert.match(emitted, /ɵɵ(dom)?[pP]roperty\("fetchToken", ctx\.fetchToken\)\("locale", ctx\.locale\)/);
    assert.match(emitted, /ɵɵattribute\("base-url", ctx\.baseUrl\)/);
    assert.match(emitted, /ɵɵ(dom)?[pP]roperty\("pageSize", 5\)/);
    assert.match(
      emitted,
      /ɵɵ(dom)?[lL]istener\("pk-deal-registered", function [^{]*\{ return ctx\.onRegistered\(\$event\); \}/,
    );
    assert.match(
      emitted,
      /ɵɵ(dom)?[lL]istener\("pk-error", function [^{]*\{ return ctx\.onError\(\$event\); \}/,
    );
    await rm(variants, { recursive: true, force: true });
  });
});
