// The builds for pages without a bundler (a CMS page), end to end: plain HTML pages that load
// only `dist/partnerkit.js`, or only `dist/autoloader.js`, from a static server under a strict
// Content-Security-Policy, against the real reference server (in memory, demo program), in
// Debian's Chromium. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  artifactPath,
  axeViolations,
  launchChromium,
  partnerToken,
  root,
  type Started,
  servePages,
  startReferenceServer,
} from './test/harness.js';

const dist = `${root}packages/elements/dist/`;
/** Every tag of the kit: one define module each. */
const tags = readdirSync(`${dist}define`)
  .filter((f) => /^pk-.*\.js$/.test(f))
  .map((f) => f.slice(0, -3));

const page = (title: string, script: string, body: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <script type="module" src="${script}"></script>
</head>
<body>
  <main>
    <h1>${title}</h1>
    ${body}
  </main>
</body>
</html>`;

describe('a CMS page with one script', () => {
  let api: Started;
  let site: Awaited<ReturnType<typeof servePages>>;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;
  const problems: string[] = [];
  const warnings: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const p = await context.newPage();
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
      if (m.type() === 'warning') warnings.push(m.text());
    });
    p.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    await p.goto(`${site.origin}${path}`);
    return p;
  };
  /** The scripts a page fetched from the static server. */
  const scripts = () => site.requests.filter((r) => r.endsWith('.js'));

  before(async () => {
    // The page's server knows the API's URL only after it started: the API lets any origin in.
    api = await startReferenceServer('*');
    token = await partnerToken(api.url);
    const portal = `<pk-portal base-url="${api.url}" token="${token}" locale="en" theme="light">`;
    site = await servePages({
      // What a CMS page can say without inline code: its own scripts, the API, Lit's policy.
      csp: [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        `connect-src ${api.url}`,
        "require-trusted-types-for 'script'",
        'trusted-types lit-html partnerkit',
      ].join('; '),
      pages: {
        '/single.html': page(
          'Partner portal',
          '/dist/partnerkit.js',
          `${portal}<pk-deal-list page-size="5"></pk-deal-list><pk-deal-registration></pk-deal-registration></pk-portal>`,
        ),
        '/auto.html': page(
          'Partner portal, loaded as it appears',
          '/dist/autoloader.js',
          `${portal}<div id="later"></div></pk-portal>`,
        ),
      },
      dirs: { '/dist/': dist },
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.stop();
  });

  test('dist/partnerkit.js alone defines every tag, and the components work against the API', async () => {
    site.requests.length = 0;
    const p = await open('/single.html');
    const list = p.locator('pk-deal-list');
    await list.locator('[part~=row]').first().waitFor();
    await p.locator('pk-deal-registration').getByLabel('Company name').waitFor();
    const defined = await p.evaluate((names) => names.filter((t) => !customElements.get(t)), tags);
    assert.deepEqual(defined, [], 'tags left undefined');
    assert.deepEqual(scripts(), ['/dist/partnerkit.js'], 'the page fetched other scripts');
    await p.screenshot({ path: artifactPath('cdn-single-file.png'), fullPage: true });
    // German strings are the components' own files beside it, fetched when the portal switches.
    await p.locator('pk-portal').evaluate((el) => el.setAttribute('locale', 'de'));
    await p.locator('pk-deal-registration').getByLabel('Firmenname').waitFor();
    const [single, ...german] = scripts();
    assert.equal(single, '/dist/partnerkit.js');
    assert.ok(german.length > 0, 'no German strings were fetched');
    for (const path of german) assert.match(path, /^\/dist\/[a-z/-]+\/strings\/de\.js$/);
    // German, dark and right to left on a phone, from the same single file.
    await p.setViewportSize({ width: 390, height: 844 });
    await p.locator('pk-portal').evaluate((el) => {
      el.setAttribute('theme', 'dark');
      el.setAttribute('dir', 'rtl');
    });
    await p.screenshot({ path: artifactPath('cdn-single-file-de-dark-rtl-phone.png'), fullPage: true });
    await p.close();
  });

  test('the autoloader defines the tags present, and those added later, each loaded once', async () => {
    site.requests.length = 0;
    const p = await open('/auto.html');
    await p.waitForFunction(() => customElements.get('pk-portal'));
    assert.equal(await p.evaluate(() => customElements.get('pk-deal-list')), undefined);
    assert.ok(!scripts().some((s) => s.includes('pk-deal-list')), 'the list loaded before it was used');
    // Content added later, as a CMS widget or a client-side router would.
    await p.evaluate(() => {
      const later = document.getElementById('later')!;
      const section = document.createElement('section');
      const list = document.createElement('pk-deal-list');
      list.setAttribute('page-size', '5');
      section.append(list);
      later.append(section, document.createElement('pk-deal-list'));
    });
    await p.locator('pk-deal-list').first().locator('[part~=row]').first().waitFor();
    await p.locator('pk-deal-list').nth(1).locator('[part~=row]').first().waitFor();
    const listChunks = scripts().filter((s) => /\/pk-deal-list-[\w-]+\.js$/.test(s));
    assert.equal(listChunks.length, 1, `the list's module was fetched ${listChunks.length} times`);
    assert.ok(!scripts().some((s) => s.includes('pk-deal-registration')), 'an unused tag was loaded');
    await p.screenshot({ path: artifactPath('cdn-autoloader.png'), fullPage: true });
    const violations = await (async () => {
      const axeContext = await browser.newContext({ bypassCSP: true });
      try {
        const axePage = await axeContext.newPage();
        await axePage.goto(`${site.origin}/auto.html`);
        await axePage.evaluate(() => {
          document.getElementById('later')!.append(document.createElement('pk-deal-list'));
        });
        await axePage.locator('pk-deal-list [part~=row]').first().waitFor();
        return await axeViolations(axePage);
      } finally {
        await axeContext.close();
      }
    })();
    assert.deepEqual(violations, []);
    await p.close();
  });

  test('an unknown pk- tag warns once, however often it appears', async () => {
    warnings.length = 0;
    const p = await open('/auto.html');
    await p.waitForFunction(() => customElements.get('pk-portal'));
    await p.evaluate(async () => {
      const later = document.getElementById('later')!;
      later.append(document.createElement('pk-deal-lists'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      later.append(document.createElement('pk-deal-lists'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const about = warnings.filter((w) => w.includes('<pk-deal-lists>'));
    assert.equal(about.length, 1, about.join('\n'));
    assert.match(about[0] ?? '', /not a Partnerkit element/);
    await p.close();
  });

  test('without the policy partnerkit in its Trusted Types, the asset library says templates cannot be previewed', async () => {
    const strict = await servePages({
      csp: [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        `connect-src ${api.url}`,
        `img-src 'self' data: blob: ${api.url}`,
        "require-trusted-types-for 'script'",
        'trusted-types lit-html',
      ].join('; '),
      pages: {
        '/assets.html': page(
          'Asset library',
          '/dist/partnerkit.js',
          `<pk-portal base-url="${api.url}" token="${token}" locale="en" theme="light"><pk-asset-library></pk-asset-library></pk-portal>`,
        ),
      },
      dirs: { '/dist/': dist },
    });
    const p = await context.newPage();
    const said: string[] = [];
    p.on('console', (m) => said.push(m.text()));
    try {
      await p.goto(`${strict.origin}/assets.html`);
      const library = p.locator('pk-asset-library');
      // Listing and plain downloads need no HTML sink: the library works.
      await library.getByRole('button', { name: 'Co-brand' }).first().click();
      await library
        .getByRole('dialog')
        .getByText('This page does not allow the preview of templates.', { exact: false })
        .waitFor();
      assert.ok(
        said.some((text) => text.includes("without the policy 'partnerkit'")),
        `no console warning naming the policy: ${said.join(' | ')}`,
      );
    } finally {
      await p.close();
      await strict.close();
    }
  });

  test('no script error, CSP violation or failed request', () => {
    assert.deepEqual(problems, []);
  });
});
