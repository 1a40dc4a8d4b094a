// The demo portal end to end: the real reference server (in memory, demo program), the portal's
// own server with its Content-Security-Policy, and Debian's Chromium driven like a partner would:
// register a deal through the form by keyboard and clicks, see it in the list, switch to another
// partner and see it is not theirs. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  artifactPath,
  axeViolations,
  launchChromium,
  type Started,
  startDemo,
  type Watch,
  watch,
} from './test/harness.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Whether `locator` has the focus, however deep in shadow roots it is. */
const hasFocus = (locator: Locator) =>
  locator.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });

describe('demo portal against the reference server', () => {
  let api: Started;
  let portal: Started;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watched: Watch;
  const companyName = `Globex Research ${Date.now().toString(36)} GmbH`;
  let reference = '';

  before(async () => {
    ({ api, portal } = await startDemo());
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    watched = await watch(context, page);
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
    await api?.stop();
  });

  test('serves the page with a strict Content-Security-Policy', async () => {
    const response = await page.goto(portal.url);
    assert.equal(response?.status(), 200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(csp.includes(`connect-src 'self' ${new URL(api.url).origin}`), csp);
  });

  test('the vendor key never reaches the browser', async () => {
    const config = await page.evaluate(async () => (await fetch('/config')).text());
    const session = await page.evaluate(async () => {
      const r = await fetch('/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ partnerId: 'ptn_northwind' }),
      });
      return { status: r.status, body: await r.text() };
    });
    assert.equal(session.status, 200, session.body);
    assert.ok(JSON.parse(session.body).token);
    for (const text of [config, session.body, await page.content()]) {
      assert.ok(!text.includes('pk_demo_vendor_admin'), 'the vendor key was sent to the browser');
    }
  });

  test('a partner registers a deal through the form, by keyboard and clicks', async () => {
    await page.getByLabel('Acting as').selectOption('ptn_northwind');
    const form = page.locator('pk-deal-registration');
    const company = form.getByLabel('Company name');
    await company.waitFor();
    await page.screenshot({ path: artifactPath('portal-form.png'), fullPage: true });

    // Keyboard first, as a partner who never touches the mouse: type, Tab to the next field.
    await company.focus();
    await page.keyboard.type(companyName);
    await page.keyboard.press('Tab');
    await page.keyboard.type('globex-research.example');
    await page.keyboard.press('Tab');
    assert.ok(await hasFocus(form.getByLabel('Country')), 'Tab did not move to the country');
    await page.keyboard.type('Germany');
    // Then clicks and typing where a partner would use the mouse.
    await form.getByLabel('Full name').fill('Hank Scorpio');
    await form.getByLabel('Email address').fill('hank@globex-research.example');
    // Products are a group of checkboxes: Space on the first one chooses it.
    await form.getByRole('group', { name: 'Products' }).getByRole('checkbox').first().focus();
    await page.keyboard.press('Space');
    await form.getByLabel('Estimated deal value').fill('48000');
    await form.getByLabel('Expected close date').fill(inDays(60));
    await form.getByLabel('Your role in this deal').selectOption('sourced');
    await form.getByLabel('Deal type').selectOption('new');

    const registered = page.evaluate(
      () =>
        new Promise<{ reference: string; status: string; customer: { company: string } }>((resolve) =>
          document.addEventListener('pk-deal-registered', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        ),
    );
    // Enter in a text field submits, as in a native form.
    await form.getByLabel('Full name').focus();
    await page.keyboard.press('Enter');
    const registration = await registered;
    assert.match(registration.reference, /^DR-/);
    assert.equal(registration.customer.company, companyName);
    await form.getByText(registration.reference, { exact: true }).waitFor();
    await page.screenshot({ path: artifactPath('portal-registered.png'), fullPage: true });
    reference = registration.reference;
  });

  test('the new registration is in the partner’s list', async () => {
    // The list refreshes itself when a deal is registered on the page.
    const row = page.locator('pk-deal-list [part~=row]').filter({ hasText: companyName });
    await row.getByText(reference).waitFor();
    await page.screenshot({ path: artifactPath('portal-list.png'), fullPage: true });
  });

  test('another partner does not see it', async () => {
    const me = page.waitForResponse((r) => r.url().endsWith('/v1/me') && r.request().method() === 'GET');
    await page.getByLabel('Acting as').selectOption('ptn_contoso');
    // The components now act for Contoso: a new session, a new caller.
    const caller = (await (await me).json()) as { partner: { id: string } };
    assert.equal(caller.partner.id, 'ptn_contoso');
    const list = page.locator('pk-deal-list');
    // Contoso's own registrations from the demo program load; Northwind's new one is not there.
    await list.locator('[part~=row]').first().waitFor();
    assert.equal(await list.getByText(companyName).count(), 0);
    assert.equal(await list.getByText(reference).count(), 0);
    await page.screenshot({ path: artifactPath('portal-other-partner.png'), fullPage: true });
  });

  test('switches to German and to the dark theme at runtime, page and components', async () => {
    await page.locator('#locale-switcher').selectOption('de');
    await page.locator('#theme-switcher').selectOption('dark');
    const form = page.locator('pk-deal-registration');
    await form.getByLabel('Firmenname').waitFor();
    await form.getByRole('button', { name: 'Deal registrieren' }).waitFor();
    assert.equal(await page.locator('#register-title').textContent(), 'Deal registrieren');
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.equal(await page.locator('#portal').getAttribute('theme'), 'dark');
    await page.getByLabel('Sprache').waitFor();
    await page.screenshot({ path: artifactPath('portal-german-dark.png') });
    // Back to English and the system's scheme for the rest.
    await page.locator('#locale-switcher').selectOption('en');
    await page.locator('#theme-switcher').selectOption('auto');
    await form.getByLabel('Company name').waitFor();
    assert.equal(await page.locator('#register-title').textContent(), 'Register a deal');
  });

  test('works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('pk-deal-registration').getByLabel('Company name').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: artifactPath('portal-phone.png') });
  });

  test('axe-core finds no WCAG 2.2 A/AA violation on the page, light and dark', async () => {
    // A context of its own that lets axe-core's injected script past the page's CSP.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const axePage = await axeContext.newPage();
      for (const theme of ['light', 'dark']) {
        await axePage.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
        await axePage.goto(portal.url);
        await axePage.locator('pk-deal-list [part~=row]').first().waitFor();
        const violations = await axeViolations(axePage);
        assert.deepEqual(violations, [], `${theme}: axe found violations`);
      }
    } finally {
      await axeContext.close();
    }
  });

  test('no CSP violation, script error or failed request happened', () => {
    assert.deepEqual(watched.problems, []);
  });
});
