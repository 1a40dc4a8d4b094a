// The demo portal end to end: the real reference server (in memory, demo program), the portal's
// own server with its Content-Security-Policy, and Debian's Chromium driven like a partner would:
// register a deal through the form by keyboard and clicks, see it in the list, switch to another
// partner and see it is not theirs. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

/** Each view, and what shows that its content has rendered. */
const VIEW_READY: Record<string, string> = {
  home: '#attention :is(ul, p)',
  register: 'pk-deal-registration form',
  deals: 'pk-deal-list [part~=row]',
  training: 'pk-training-tracker [part~=course]',
  tier: 'pk-tier-progress [part~=criterion]',
  mdf: 'pk-mdf-request [part~=row]',
  assets: 'pk-asset-library [part~=list] li',
};
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

  test('opens on the home view: what needs attention, and a way into each section', async () => {
    await page.getByLabel('Acting as').selectOption('ptn_northwind');
    await page.getByRole('heading', { level: 1, name: 'Your partner portal' }).waitFor();
    const attention = page.locator('#attention');
    // The demo program has approved deals whose protection ends soon: they are listed, as links.
    await attention.getByRole('link').first().waitFor();
    const links = await attention
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).getAttribute('href'), a.textContent]));
    assert.ok(
      links.some(
        ([href, text]) =>
          href === '#/deals' && /^The protection of your deal with .+ ends on /.test(text ?? ''),
      ),
      JSON.stringify(links),
    );
    assert.equal(await page.locator('.site-nav a[aria-current=page]').textContent(), 'Home');
    await page.screenshot({ path: artifactPath('portal-home.png'), fullPage: true });
  });

  test('each section is a view of its own: the nav, focus on its heading, the back button', async () => {
    await page.locator('.site-nav').getByRole('link', { name: 'My registrations' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'My registrations' });
    await heading.waitFor();
    assert.ok(await hasFocus(heading), 'focus did not move to the heading of the new view');
    assert.equal(new URL(page.url()).hash, '#/deals');
    assert.equal(await page.title(), 'My registrations · Partner portal · Acme Cloud');
    assert.equal(await page.locator('section[data-view=home]').isHidden(), true);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Your partner portal' }).waitFor();
    assert.equal(await page.locator('section[data-view=deals]').isHidden(), true);
    await page.goForward();
    await heading.waitFor();
  });

  test('a partner registers a deal through the form, by keyboard and clicks', async () => {
    await page.locator('.site-nav').getByRole('link', { name: 'Register a deal' }).click();
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
    // The list (mounted when its view was first shown) refreshes itself when a deal is registered.
    await page.locator('.site-nav').getByRole('link', { name: 'My registrations' }).click();
    const row = page.locator('pk-deal-list [part~=row]').filter({ hasText: companyName });
    await row.getByText(reference).waitFor();
    await page.screenshot({ path: artifactPath('portal-list.png'), fullPage: true });
  });

  test('completing the last module of a certification course earns it, and tier progress moves', async () => {
    const nav = page.locator('.site-nav');
    // Tier progress first, so its view is mounted: the demo administrator is not certified yet.
    await nav.getByRole('link', { name: 'Tier progress' }).click();
    const tier = page.locator('section[data-view=tier] pk-tier-progress');
    const people = tier.locator('[part~=criterion]').filter({ hasText: 'Certified people' });
    await people.waitFor();
    const before = Number(/(\d+) of \d+/.exec((await people.textContent()) ?? '')?.[1]);
    assert.ok(Number.isInteger(before), (await people.textContent()) ?? '');

    await nav.getByRole('link', { name: 'Training' }).click();
    const tracker = page.locator('pk-training-tracker');
    const exam = tracker
      .locator('[part~=course]')
      .filter({ hasText: 'certification exam' })
      .filter({ hasText: 'In progress' })
      .first();
    await exam.waitFor();
    const earned = page.evaluate(
      () =>
        new Promise<{ name: string; status: string }>((resolve) =>
          document.addEventListener('pk-certification-earned', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        ),
    );
    // Resume puts focus on the next unfinished module; Enter completes it.
    await exam.getByRole('button', { name: 'Resume' }).click();
    const complete = exam.getByRole('button', { name: 'Mark as complete' });
    await complete.waitFor();
    assert.ok(await hasFocus(complete), 'Resume did not move focus to the next unfinished module');
    await page.keyboard.press('Enter');
    const certification = await earned;
    assert.equal(certification.status, 'active');
    await tracker
      .getByText(`Certification earned: ${certification.name}`, { exact: false })
      .first()
      .waitFor();
    await page.screenshot({ path: artifactPath('portal-training-certified.png'), fullPage: true });

    // Tier progress heard the event and asked the server again: one more certified person.
    await nav.getByRole('link', { name: 'Tier progress' }).click();
    await people.filter({ hasText: `${before + 1} of` }).waitFor();
    await page.screenshot({ path: artifactPath('portal-tier-after-certification.png'), fullPage: true });
  });

  test('a partner requests funds, the vendor approves them through the API, the partner claims with a proof', async () => {
    await page.locator('.site-nav').getByRole('link', { name: 'Marketing funds' }).click();
    const mdf = page.locator('pk-mdf-request');
    await mdf.getByRole('button', { name: 'Request funds' }).click();
    const title = `Partner breakfast ${Date.now().toString(36)}`;
    await mdf.getByLabel('Activity type').selectOption('event');
    await mdf.getByLabel('Title').fill(title);
    await mdf.getByLabel('Description').fill('A breakfast briefing on Acme Analytics for twenty customers.');
    await mdf.getByLabel('Start date').fill(inDays(20));
    await mdf.getByLabel('End date').fill(inDays(21));
    await mdf.getByLabel('Amount requested').fill('1200');
    await mdf.getByLabel('Expected leads').fill('20');
    await mdf.getByLabel('Expected pipeline').fill('30000');
    const requested = page.evaluate(
      () =>
        new Promise<{ id: string; reference: string; status: string }>((resolve) =>
          document.addEventListener('pk-mdf-requested', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        ),
    );
    await mdf.getByRole('button', { name: 'Send request' }).click();
    const request = await requested;
    assert.equal(request.status, 'submitted');
    await mdf.getByText(request.reference, { exact: true }).first().waitFor();

    // The vendor's partner team approves it with the vendor key, outside the portal.
    const approve = await fetch(`${api.url}/v1/mdf/requests/${request.id}/approve`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer pk_demo_vendor_admin',
        'content-type': 'application/json',
        'idempotency-key': `approve-${request.id}`,
      },
      body: JSON.stringify({ note: 'Approved: keep the attendee list for the claim.' }),
    });
    assert.equal(approve.status, 200, await approve.text());

    // The partner comes back later: the request is approved, and can be claimed.
    await page.reload();
    const row = mdf.locator('[part~=row]').filter({ hasText: title });
    await row.getByText('Approved', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Claim spend' }).click();
    await mdf.getByLabel('Actual spend').fill('1150');
    // A small real PDF as the proof of performance, through the file button.
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    await mdf
      .locator('input[type=file]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: pdf });
    await mdf.getByText('invoice.pdf').first().waitFor();
    await mdf.getByLabel('Leads generated').fill('18');
    await mdf.getByLabel('Pipeline generated').fill('24000');
    const claimed = page.evaluate(
      () =>
        new Promise<{ status: string; proofs: { fileName: string }[] }>((resolve) =>
          document.addEventListener('pk-mdf-claimed', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        ),
    );
    await mdf.getByRole('button', { name: 'Send claim' }).click();
    const claim = await claimed;
    assert.equal(claim.status, 'submitted');
    assert.deepEqual(
      claim.proofs.map((f) => f.fileName),
      ['invoice.pdf'],
    );
    await page.screenshot({ path: artifactPath('portal-mdf-claimed.png'), fullPage: true });
  });

  test('a partner co-brands a template in the asset library and downloads it, recorded once', async () => {
    // A co-brandable SVG template of the demo library, found the way an integrator would.
    const vendor = { authorization: 'Bearer pk_demo_vendor_admin' };
    let template: { id: string; title: string; downloadCount: number } | undefined;
    for (let cursor: string | null = ''; !template && cursor !== null; ) {
      const res = await fetch(
        `${api.url}/v1/assets?limit=100&language=en${cursor ? `&cursor=${cursor}` : ''}`,
        {
          headers: vendor,
        },
      );
      const page = (await res.json()) as {
        items: { id: string; title: string; format: string; coBrandable: boolean; downloadCount: number }[];
        nextCursor: string | null;
      };
      template = page.items.find((a) => a.coBrandable && a.format === 'svg');
      cursor = page.nextCursor;
    }
    assert.ok(template, 'the demo library has no co-brandable SVG template in English');

    await page.locator('.site-nav').getByRole('link', { name: 'Asset library' }).click();
    const library = page.locator('pk-asset-library');
    await library.getByLabel('Search').fill(template.title);
    const card = library.getByRole('listitem').filter({ hasText: template.title }).first();
    await card.getByRole('button', { name: 'Co-brand' }).click();
    const dialog = library.getByRole('dialog');
    await dialog.getByRole('img', { name: `Preview of ${template.title} with your details` }).waitFor();
    // The details are the partner's own, editable for this download.
    assert.equal(await dialog.getByLabel('Company name').inputValue(), 'Northwind Systems');
    await page.screenshot({ path: artifactPath('portal-asset-cobrand.png'), fullPage: true });
    const downloaded = page.evaluate(
      () =>
        new Promise<{ assetId: string; format: string; coBranded: boolean }>((resolve) =>
          document.addEventListener('pk-asset-downloaded', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        ),
    );
    const file = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download SVG' }).click();
    const download = await file;
    assert.deepEqual(await downloaded, { assetId: template.id, format: 'svg', coBranded: true });
    const svg = readFileSync((await download.path())!, 'utf8');
    assert.match(svg, /^<svg[\s>]/);
    assert.ok(svg.includes('Northwind Systems'), 'the downloaded file does not carry the partner name');
    assert.ok(!/<script/i.test(svg), 'the downloaded file has a script');
    // The vendor sees the download counted, once.
    const after = (await (
      await fetch(`${api.url}/v1/assets/${template.id}`, { headers: vendor })
    ).json()) as {
      downloadCount: number;
    };
    assert.equal(after.downloadCount, template.downloadCount + 1);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  test('another partner does not see it', async () => {
    await page.locator('.site-nav').getByRole('link', { name: 'My registrations' }).click();
    await page.locator('pk-deal-list [part~=row]').first().waitFor();
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/deal-registrations' && r.request().method() === 'GET',
    );
    await page.getByLabel('Acting as').selectOption('ptn_contoso');
    // A new partner is a new session: the page starts over, on the view it was showing, and the
    // list the server sends is Contoso's alone.
    const answer = (await (await listed).json()) as { items: { partnerId: string }[] };
    assert.ok(answer.items.length > 0);
    assert.deepEqual([...new Set(answer.items.map((d) => d.partnerId))], ['ptn_contoso']);
    const list = page.locator('pk-deal-list');
    // Contoso's own registrations from the demo program load; Northwind's new one is not there.
    await list.locator('[part~=row]').first().waitFor();
    assert.equal(await list.getByText(companyName).count(), 0);
    assert.equal(await list.getByText(reference).count(), 0);
    await page.screenshot({ path: artifactPath('portal-other-partner.png'), fullPage: true });
  });

  test('switches to German and to the dark theme at runtime, page and components', async () => {
    await page.locator('.site-nav').getByRole('link', { name: 'Register a deal' }).click();
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

  test('every view fits a phone-sized screen, in English and in German right to left', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the account menus fold away behind one button, which shows and hides them.
    const menus = page.locator('.account-toggle');
    assert.equal(await page.locator('#locale-switcher').isVisible(), false);
    assert.equal(await menus.getAttribute('aria-expanded'), 'false');
    await page.screenshot({ path: artifactPath('portal-phone-header-folded.png') });
    await menus.click();
    assert.equal(await menus.getAttribute('aria-expanded'), 'true');
    await page.locator('#locale-switcher').waitFor();
    for (const [locale, dir] of [
      ['en', 'ltr'],
      ['de', 'rtl'],
    ] as const) {
      await page.locator('#locale-switcher').selectOption(locale);
      await page.evaluate((d) => {
        document.documentElement.dir = d;
      }, dir);
      for (const [view, ready] of Object.entries(VIEW_READY)) {
        await page.evaluate((v) => {
          location.hash = `#/${v}`;
        }, view);
        await page.locator(`section[data-view=${view}] ${ready}`).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${view} (${locale}, ${dir}) scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: artifactPath(`portal-phone-${view}-${locale}-${dir}.png`) });
      }
    }
    await page.evaluate(() => {
      document.documentElement.dir = 'ltr';
    });
    await page.locator('#locale-switcher').selectOption('en');
    await menus.click();
    assert.equal(await page.locator('#locale-switcher').isVisible(), false);
    await page.setViewportSize({ width: 1280, height: 900 });
    // On a wide screen the menus are always there, and the button is not.
    assert.equal(await menus.isVisible(), false);
    await page.locator('#locale-switcher').waitFor();
  });

  test('axe-core finds no WCAG 2.2 A/AA violation in any view, light and dark', async () => {
    // A context of its own that lets axe-core's injected script past the page's CSP.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const axePage = await axeContext.newPage();
      for (const theme of ['light', 'dark']) {
        await axePage.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
        await axePage.goto(portal.url);
        for (const [view, ready] of Object.entries(VIEW_READY)) {
          await axePage.evaluate((v) => {
            location.hash = `#/${v}`;
          }, view);
          await axePage.locator(`section[data-view=${view}] ${ready}`).first().waitFor();
          assert.deepEqual(await axeViolations(axePage), [], `${view}, ${theme}: axe found violations`);
        }
      }
    } finally {
      await axeContext.close();
    }
  });

  test('no CSP violation, script error or failed request happened', () => {
    assert.deepEqual(watched.problems, []);
  });
});
