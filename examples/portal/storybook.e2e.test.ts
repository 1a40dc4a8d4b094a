// Every story of the static Storybook, opened in Chromium: it renders without an error, logs no
// console error, and axe-core finds no WCAG 2.2 A/AA violation in it.
//
// Builds Storybook into storybook-static/ first; set PK_STORYBOOK_STATIC=<dir> to test a build
// you already have. Screenshots of failing stories go to test-artifacts/ (of every story with
// PK_STORYBOOK_SCREENSHOTS=1).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sirv from 'sirv';
import { artifactPath, launchChromium, root } from './test/harness.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const staticDir = process.env.PK_STORYBOOK_STATIC ?? `${root}storybook-static`;

if (!process.env.PK_STORYBOOK_STATIC) {
  const build = spawnSync('npx', ['--no-install', 'storybook', 'build', '--quiet', '-o', staticDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  if (build.status !== 0) {
    throw new Error(`storybook build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
}

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}
const index = JSON.parse(readFileSync(`${staticDir}/index.json`, 'utf8')) as {
  entries: Record<string, IndexEntry>;
};
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const docs = Object.values(index.entries).filter((e) => e.type === 'docs');

interface Declaration {
  customElement?: boolean;
  summary?: string;
  tagName?: string;
  attributes?: { name: string }[];
  members?: { kind: string; name: string; privacy?: string; static?: boolean }[];
}
const manifest = JSON.parse(readFileSync(`${root}packages/elements/custom-elements.json`, 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName);

interface Outcome {
  phase: string;
  errors: string[];
  /** Partnerkit elements in the story that are not defined, or rendered nothing. */
  inert: string[];
  violations: { id: string; impact: string | null; help: string; nodes: string[] }[];
}

describe('Storybook', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext | undefined;

  before(async () => {
    assert.ok(existsSync(`${staticDir}/iframe.html`), `${staticDir} has no iframe.html`);
    const statics = sirv(staticDir, { dev: false });
    server = createServer((req, res) =>
      statics(req, res, () => {
        res.statusCode = 404;
        res.end('not found');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('the stories and the Storybook configuration type-check', () => {
    const tsc = spawnSync('npx', ['--no-install', 'tsc', '-p', 'stories/tsconfig.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  test('has stories for every component of the manifest', () => {
    assert.ok(elements.length > 0, 'the manifest lists no custom elements');
    const titles = new Set(stories.map((s) => s.title.split('/').pop()));
    for (const { tagName } of elements) assert.ok(titles.has(tagName), `no stories for <${tagName}>`);
  });

  for (const entry of docs) {
    test(`${entry.title} / Docs: the tables come from the manifest`, async () => {
      const tag = entry.title.split('/').pop();
      const element = elements.find((e) => e.tagName === tag);
      context ??= await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(
          `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs&globals=a11y.manual:!true`,
        );
        await page.locator('.sbdocs table.docblock-argstable').first().waitFor({ timeout: 30_000 });
        // Rows by section ("attributes", "properties", "css shadow parts", ...).
        const rows = await page.$$eval('.sbdocs table.docblock-argstable tbody tr', (trs) => {
          let section = '';
          return trs.flatMap((tr) => {
            const first = tr.querySelector('td, th');
            if (first?.hasAttribute('colspan')) {
              section = first.textContent?.trim().toLowerCase() ?? '';
              return [];
            }
            return [{ section, name: first?.textContent?.replace(/\*$/, '').trim() ?? '' }];
          });
        });
        const names = (section: string) => rows.filter((r) => r.section.includes(section)).map((r) => r.name);
        assert.ok(element, `no <${tag}> in the manifest`);
        for (const attribute of element.attributes ?? []) {
          assert.ok(
            names('attributes').includes(attribute.name),
            `the docs of <${tag}> miss its attribute ${attribute.name}`,
          );
        }
        for (const member of element.members ?? []) {
          if ((member.privacy ?? 'public') !== 'public') {
            assert.ok(
              !names('properties').includes(member.name),
              `the docs of <${tag}> show its ${member.privacy} ${member.name}`,
            );
          }
        }
        if (element.summary) {
          const first = element.summary.split(/[.:]/)[0]!.trim();
          await page.locator('.sbdocs').getByText(first, { exact: false }).first().waitFor({ timeout: 5000 });
        }
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  async function openStory(page: Page, id: string): Promise<Outcome> {
    const errors: string[] = [];
    page.on('console', (message) => {
      // Chromium asks every new profile for /favicon.ico, which Storybook's iframe does not have.
      if (message.location().url.endsWith('/favicon.ico')) return;
      if (message.type() === 'error')
        errors.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED')
        errors.push(`request failed: ${request.url()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    // The addon's own axe run is switched off (a11y.manual): this test runs axe-core itself.
    await page.goto(
      `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=a11y.manual:!true`,
    );
    // The preview's render of the story: finished (after its play function) or errored.
    const phase = await page.waitForFunction(
      () => {
        const preview = (
          window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }
        ).__STORYBOOK_PREVIEW__;
        const p = preview?.currentRender?.phase;
        return p === 'finished' || p === 'errored' || p === 'aborted' ? p : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    // Let the components settle (their Lit updates and the mock API's answers).
    await page.evaluate(async () => {
      const pending = [...document.querySelectorAll('#storybook-root *')]
        .map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
        .filter(Boolean);
      await Promise.all(pending);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    const inert = await page.evaluate(() =>
      [...document.querySelectorAll('#storybook-root *')]
        .filter((el) => el.localName.startsWith('pk-'))
        .filter((el) => !customElements.get(el.localName) || !el.shadowRoot?.hasChildNodes())
        .map((el) => el.localName),
    );
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(document.querySelector('#storybook-root') ?? document.body, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }));
    });
    return { phase: String(await phase.jsonValue()), errors, inert, violations };
  }

  for (const story of stories) {
    test(`${story.title} / ${story.name}`, async () => {
      // One context for all stories (Storybook's scripts come from its cache), a page per story.
      context ??= await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      try {
        const outcome = await openStory(page, story.id);
        const failed = outcome.phase !== 'finished' || outcome.errors.length || outcome.inert.length;
        if (failed || outcome.violations.length || process.env.PK_STORYBOOK_SCREENSHOTS) {
          await page.screenshot({ path: artifactPath(`storybook-${story.id}.png`), fullPage: true });
        }
        assert.equal(outcome.phase, 'finished', `the story did not render:\n${outcome.errors.join('\n')}`);
        assert.deepEqual(outcome.errors, [], 'errors while rendering the story');
        assert.deepEqual(outcome.inert, [], 'components that are not defined or rendered nothing');
        assert.deepEqual(
          outcome.violations,
          [],
          `axe found violations:\n${outcome.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n')}`,
        );
      } finally {
        await page.close();
      }
    });
  }
});
