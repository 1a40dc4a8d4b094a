// Shared set-up of the browser tests: a portal around the real SDK client over the mock API.
import { fixture, html, waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { createPartnerkitClient, type PartnerkitClient } from '@partnerkit/sdk';
import type { TemplateResult } from 'lit';
import type { PkPortal } from '../src/portal/portal.js';
import { createMockApi, MOCK_BASE_URL, type MockApi, type MockApiOptions } from './mock-api.js';

export interface Mounted<T extends HTMLElement> {
  api: MockApi;
  client: PartnerkitClient;
  portal: PkPortal;
  el: T;
}

/** A client on the mock API: the SDK's own code runs, without retries unless asked. */
export function mockClient(
  api: MockApi,
  retry: Parameters<typeof createPartnerkitClient>[0]['retry'] = false,
) {
  return createPartnerkitClient({ baseUrl: MOCK_BASE_URL, token: 'test-token', fetch: api.fetch, retry });
}

/** Mounts `content` inside a `<pk-portal>` whose client talks to a fresh mock API. */
export async function mount<T extends HTMLElement>(
  content: TemplateResult,
  options: MockApiOptions & { locale?: string; theme?: string; dir?: string; api?: MockApi } = {},
): Promise<Mounted<T>> {
  const api = options.api ?? createMockApi(options);
  const client = mockClient(api);
  const portal = await fixture<PkPortal>(
    html`<pk-portal .client=${client} locale=${options.locale ?? 'en'} theme=${options.theme ?? 'light'} dir=${options.dir ?? 'ltr'}>${content}</pk-portal>`,
  );
  const el = portal.firstElementChild as T;
  return { api, client, portal, el };
}

/**
 * `waitUntil` of @open-wc/testing with room for a loaded machine: 5 seconds unless told, where
 * its own default is 1. A test that waits for something says so; the time it may take is no part
 * of what it checks.
 */
export const waitUntil: typeof openWcWaitUntil = (predicate, message, options) =>
  openWcWaitUntil(predicate, message, { timeout: 5000, ...options });

/** Waits until `selector` matches inside `el`'s shadow root, and returns it. */
export async function shadow<E extends Element = HTMLElement>(el: Element, selector: string): Promise<E> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `no ${selector} in <${el.localName}>`, {
    timeout: 5000,
  });
  return el.shadowRoot!.querySelector<E>(selector)!;
}

/** The text of an element, whitespace collapsed. */
export function text(el: Node | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Resolves after `ms`; only for letting a debounce or a latency pass, never to assert on time. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The files components hand to the browser to save (the link they click), recorded instead of
 * saved, from each test's start (call it at the top of a test file or `describe`).
 */
export function savedFiles(): { href: string; name: string }[] {
  const saved: { href: string; name: string }[] = [];
  const click = HTMLAnchorElement.prototype.click;
  beforeEach(() => {
    saved.length = 0;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, name: this.download });
    };
  });
  afterEach(() => {
    HTMLAnchorElement.prototype.click = click;
  });
  return saved;
}
