// The React app end to end: the real reference server (in memory, demo program), the demo
// portal's server serving the built app under its Content-Security-Policy and minting sessions,
// and Debian's Chromium: sign in as a demo partner, register a deal through the React wrapper,
// see the app's toast, a failure logged by the app, German and dark, a phone, axe-core.
// Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  artifactPath,
  axeViolations,
  launchChromium,
  type Started,
  startDemo,
  type Watch,
  watch,
} from '../portal/test/harness.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the React app against the reference server', () => {
  let api: Started;
  let app: Started;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watched: Watch;
  const warnings: string[] = [];
  const companyName = `Initech Labs ${Date.now().toString(36)} Ltd`;

  before(async () => {
    ({ api, portal: app } = await startDemo('examples/react/dist'));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    watched = await watch(context, page);
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await api?.stop();
  });

  test('signs in as the demo partner the visitor chooses, by keyboard', async () => {
    const response = await page.goto(app.url);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'(;|$)/);
    const heading = page.getByRole('heading', { name: 'Sign in to the partner portal' });
    await heading.waitFor();
    assert.equal(
      await heading.evaluate((h) => h === document.activeElement),
      true,
      'focus is not on the heading',
    );
    await page.screenshot({ path: artifactPath('react-sign-in.png'), fullPage: true });
    // Tab into the group of partners, arrow down to the second one, Enter submits the form.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.getByLabel('Northwind Systems').evaluate((e) => e === document.activeElement),
      true,
    );
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByLabel('Contoso Cloud').isChecked(), true);
    await page.keyboard.press('Enter');
    await page.locator('pk-deal-registration').getByLabel('Company name').waitFor();
    await page.getByText('Kai Moreau, Contoso Cloud').waitFor();
    const title = page.getByRole('heading', { name: 'Register a deal' });
    assert.equal(
      await title.evaluate((h) => h === document.activeElement),
      true,
      'focus did not move to the portal',
    );
  });

  test('registers a deal through PkDealRegistration, and the app shows its toast', async () => {
    const form = page.locator('pk-deal-registration');
    await form.getByLabel('Company name').fill(companyName);
    await form.getByLabel('Website domain').fill('initech-labs.example');
    await form.getByLabel('Country').selectOption('GB');
    await form.getByLabel('Full name').fill('Bill Lumbergh');
    await form.getByLabel('Email address').fill('bill@initech-labs.example');
    await form.getByRole('group', { name: 'Products' }).getByRole('checkbox').first().check();
    await form.getByLabel('Estimated deal value').fill('36000');
    await form.getByLabel('Expected close date').fill(inDays(45));
    await form.getByLabel('Your role in this deal').selectOption('sourced');
    await form.getByLabel('Deal type').selectOption('new');
    await form.getByRole('button', { name: 'Register deal' }).click();

    // The app's onPkDealRegistered handler puts the registration in its toast, a live region.
    const toast = page.getByRole('status').filter({ hasText: companyName });
    await toast.waitFor();
    const said = (await toast.textContent()) ?? '';
    const reference = /Deal (DR-\d{4}-\d{6}) registered for/.exec(said)?.[1];
    assert.ok(reference, `no reference in the toast: ${said}`);
    // The component's own confirmation and the list (refreshed by the event) show the same one.
    await form.getByText(reference, { exact: true }).waitFor();
    await page
      .locator('pk-deal-list [part~=row]')
      .filter({ hasText: companyName })
      .getByText(reference)
      .waitFor();
    await page.screenshot({ path: artifactPath('react-registered.png'), fullPage: true });
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.getByRole('status').filter({ hasText: companyName }).count(), 0);
    await form.getByRole('button', { name: 'Register another deal' }).click();
    await form.getByLabel('Company name').waitFor();
  });

  test('a failing call reaches the app’s onPkError, which logs it', async () => {
    // The next load of the list is refused, as an API would refuse a partner without the right.
    const list = (url: URL) => url.pathname === '/v1/deal-registrations';
    await page.route(list, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 403,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Forbidden',
              status: 403,
              code: 'forbidden',
              detail: 'Not allowed in this test.',
              requestId: 'req_e2e_forbidden',
            }),
          })
        : route.fallback(),
    );
    const before = watched.problems.length;
    await page
      .locator('pk-deal-list')
      .getByRole('combobox', { name: 'Status', exact: true })
      .selectOption('approved');
    await page.locator('pk-deal-list [part~=error]').waitFor();
    const logged = warnings.find((w) => w.startsWith('partnerkit: deals.list failed'));
    assert.ok(logged, `nothing logged; warnings: ${warnings.join(' | ')}`);
    assert.match(logged, /permission \(forbidden\), request req_e2e_forbidden/);
    // The browser reports the refused request itself; that one was wanted.
    const wanted = watched.problems.splice(before).filter((p) => !/status of 403/.test(p));
    assert.deepEqual(wanted, []);
    await page.unroute(list);
    await page
      .locator('pk-deal-list')
      .getByRole('combobox', { name: 'Status', exact: true })
      .selectOption('');
    await page.locator('pk-deal-list [part~=row]').first().waitFor();
  });

  test('switches the app and the components to German and dark at runtime', async () => {
    await page.getByLabel('Language').selectOption('de');
    await page.getByLabel('Darstellung').selectOption('dark');
    const form = page.locator('pk-deal-registration');
    await form.getByLabel('Firmenname').waitFor();
    await page.getByRole('heading', { name: 'Deal registrieren' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.equal(await page.locator('pk-portal').getAttribute('theme'), 'dark');
    assert.equal(await page.locator('pk-portal').getAttribute('locale'), 'de');
    await page.screenshot({ path: artifactPath('react-german-dark.png'), fullPage: true });
    await page.getByLabel('Darstellung').selectOption('auto');
    await page.getByLabel('Sprache').selectOption('en');
    await form.getByLabel('Company name').waitFor();
  });

  test('works on a phone-sized screen, signed in and signed out', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('pk-deal-registration').getByLabel('Company name').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, `the page scrolls sideways by ${await overflow()}px`);
    await page.screenshot({ path: artifactPath('react-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the partner portal' }).waitFor();
    assert.equal(await page.locator('pk-portal').count(), 0);
    assert.ok((await overflow()) <= 0, 'the sign-in page scrolls sideways');
    await page.screenshot({ path: artifactPath('react-phone-sign-in.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('axe-core finds no WCAG 2.2 A/AA violation, signed out and in, light and dark', async () => {
    // A context of its own that lets axe-core's injected script past the page's CSP.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const axePage = await axeContext.newPage();
      for (const theme of ['light', 'dark'] as const) {
        await axePage.emulateMedia({ colorScheme: theme });
        await axePage.goto(app.url);
        await axePage.getByRole('button', { name: 'Sign in' }).waitFor();
        assert.deepEqual(await axeViolations(axePage), [], `${theme}, signed out`);
        await axePage.getByRole('button', { name: 'Sign in' }).click();
        await axePage.locator('pk-deal-list [part~=row]').first().waitFor();
        assert.deepEqual(await axeViolations(axePage), [], `${theme}, signed in`);
        await axePage.getByRole('button', { name: 'Sign out' }).click();
      }
    } finally {
      await axeContext.close();
    }
  });

  test('no CSP violation, script error or failed request happened', () => {
    assert.deepEqual(watched.problems, []);
  });
});
