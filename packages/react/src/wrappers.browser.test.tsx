// The wrappers in Chromium, with React 19 and (PK_REACT=18) React 18: every pk-* element of the
// manifest rendered inside PartnerkitPortal, whose real SDK client talks to the elements' mock API;
// typed event props, property updates, refs.
import { expect } from '@open-wc/testing';
import type { DealRegistration } from '@partnerkit/api';
import type { PkErrorDetail } from '@partnerkit/elements';
import * as wrappers from '@partnerkit/react';
import {
  PartnerkitPortal,
  PkDealList,
  type PkDealListElement,
  PkDealRegistration,
  type PkDealRegistrationElement,
  type PkPortalElement,
} from '@partnerkit/react';
import type { LitElement } from 'lit';
import { type ComponentType, createRef, type RefObject, version } from 'react';
import { mockClient, text, waitUntil } from '../../elements/test/helpers.js';
import { createMockApi, MOCK_BASE_URL } from '../../elements/test/mock-api.js';
import { fill, submitButton, VALID } from '../../elements/test/registration.js';
import { cleanup, one, render } from './test-support/render.js';

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
}
const manifest = (await (await fetch('/packages/elements/custom-elements.json')).json()) as {
  modules: { declarations?: Declaration[] }[];
};
const components = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is Declaration & { tagName: string } => !!d.customElement && !!d.tagName?.startsWith('pk-'));

type AnyWrapper = ComponentType<Record<string, unknown> & { ref?: RefObject<HTMLElement | null> }> & {
  displayName?: string;
};
const exported = wrappers as unknown as Record<string, AnyWrapper>;

/** What a component needs to be meaningful on its own (a field needs a label). */
const needs = (tag: string, client: unknown): Record<string, unknown> =>
  ({ 'pk-field': { label: 'Customer company', name: 'company' }, 'pk-portal': { client } })[tag] ?? {};

/** Rendered, and not loading any more. */
const settled = (el: Element) =>
  !!el.shadowRoot?.childElementCount && !el.shadowRoot.querySelector('[part~="loading"]');

describe(`@partnerkit/react with React ${version}`, () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('runs on the React the run asked for', () => {
    const asked = (window as unknown as { PK_REACT: string }).PK_REACT;
    expect(version.split('.')[0]).to.equal(asked);
  });

  it('has a wrapper for every pk-* element of the manifest, and PartnerkitPortal', () => {
    const names = Object.keys(exported).filter((name) => exported[name]?.displayName);
    expect(components.length).to.be.greaterThan(3);
    expect(names.sort()).to.deep.equal([...components.map((c) => c.name), 'PartnerkitPortal'].sort());
  });

  for (const { name, tagName } of components) {
    it(`${name} renders <${tagName}> inside PartnerkitPortal against the mock API`, async () => {
      const api = createMockApi();
      const client = mockClient(api);
      const Wrapper = exported[name]!;
      const ref = createRef<HTMLElement>();
      const errors: PkErrorDetail[] = [];
      const { host } = await render(
        <PartnerkitPortal client={client} locale="en" theme="light" onPkError={(e) => errors.push(e.detail)}>
          <Wrapper ref={ref} className="vendor-class" {...needs(tagName, client)} />
        </PartnerkitPortal>,
      );
      expect(Wrapper.displayName).to.equal(name);
      const el = ref.current!;
      expect(el, 'the ref is the element').to.equal(one(host, `pk-portal > ${tagName}`));
      expect(el).to.be.instanceOf(customElements.get(tagName)!);
      expect(el.getAttribute('class')).to.equal('vendor-class');
      await waitUntil(() => settled(el), `<${tagName}> did not render`, { timeout: 5000 });
      await (el as LitElement).updateComplete;
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('an on* prop gets the typed event; a new handler replaces the old; without one, none is called', async () => {
    const api = createMockApi({ fail: { listDealRegistrations: 'server' } });
    const first: string[] = [];
    const portalHeard: PkErrorDetail[] = [];
    const ref = createRef<PkDealListElement>();
    const tree = (onPkError?: (event: CustomEvent<PkErrorDetail>) => void) => (
      <PartnerkitPortal client={mockClient(api)} onPkError={(e) => portalHeard.push(e.detail)}>
        <PkDealList ref={ref} onPkError={onPkError} />
      </PartnerkitPortal>
    );
    const { rerender } = await render(tree((e) => first.push(e.detail.kind)));
    await waitUntil(() => first.length === 1, 'no pk-error reached onPkError');
    expect(first).to.deep.equal(['server']);
    expect(portalHeard.map((d) => [d.kind, d.operation])).to.deep.equal([['server', 'deals.list']]);

    /** Clicks "Try again" in the list's error state. */
    const retry = async () => {
      const button = () => ref.current!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=error] button');
      await waitUntil(button, 'no error state with a retry');
      expect(text(button())).to.equal('Try again');
      button()!.click();
    };
    const second: string[] = [];
    await rerender(tree((e) => second.push(e.detail.code)));
    await retry();
    await waitUntil(() => second.length === 1, 'the new handler was not called');
    expect(first).to.have.length(1);

    await rerender(tree(undefined));
    await retry();
    await waitUntil(() => portalHeard.length === 3, 'the retry did not fail again');
    expect(second).to.have.length(1);
  });

  it('registers a deal through PkDealRegistration: onPkBeforeSubmit enriches it, onPkDealRegistered gets it', async () => {
    const api = createMockApi();
    const registered: DealRegistration[] = [];
    const ref = createRef<PkDealRegistrationElement>();
    await render(
      <PartnerkitPortal client={mockClient(api)} locale="en">
        <PkDealRegistration
          ref={ref}
          checkDelay={0}
          onPkBeforeSubmit={(e) => {
            if (e.detail.operation === 'deals.register') e.detail.input.notes = 'Met at the React meetup';
          }}
          onPkDealRegistered={(e) => registered.push(e.detail)}
        />
      </PartnerkitPortal>,
    );
    const el = ref.current!;
    expect(el.checkDelay).to.equal(0);
    await fill(el, VALID);
    submitButton(el).click();
    await waitUntil(() => registered.length === 1, 'onPkDealRegistered was not called');
    expect(registered[0]!.reference).to.match(/^DR-2026-\d{6}$/);
    expect(registered[0]!.customer.company).to.equal('Globex Corporation');
    expect(api.state.deals[0]!.notes).to.equal('Met at the React meetup');
  });

  it('props reach the element as properties, updates follow, and the element stays the same', async () => {
    const api = createMockApi({ deals: 12 });
    const ref = createRef<PkDealListElement>();
    const portal = createRef<PkPortalElement>();
    const client = mockClient(api);
    const tree = (props: { status: '' | 'approved'; pageSize: number; locale: string }) => (
      <PartnerkitPortal ref={portal} client={client} locale={props.locale}>
        <PkDealList ref={ref} status={props.status} pageSize={props.pageSize} />
      </PartnerkitPortal>
    );
    const { rerender } = await render(tree({ status: '', pageSize: 4, locale: 'en' }));
    const el = ref.current!;
    expect(el.pageSize).to.equal(4);
    expect(el.hasAttribute('pagesize'), 'pageSize became an attribute').to.equal(false);
    await waitUntil(() => settled(el), 'the list did not load');
    expect(api.callsOf('listDealRegistrations').map((c) => c.query.get('limit'))).to.deep.equal(['4']);
    expect(text(el.shadowRoot!.querySelector('select option'))).to.equal('All statuses');

    await rerender(tree({ status: 'approved', pageSize: 4, locale: 'de' }));
    expect(ref.current).to.equal(el);
    expect(el.status).to.equal('approved');
    expect(portal.current!.locale).to.equal('de');
    await waitUntil(
      () => api.callsOf('listDealRegistrations').some((c) => c.query.getAll('status').includes('approved')),
      'the new status did not reload the list',
    );
    await waitUntil(
      () => text(el.shadowRoot!.querySelector('select option')) === 'Alle Status',
      'the new locale did not reach the list',
    );
  });

  it('PartnerkitPortal sets baseUrl, fetchToken, locale and theme as properties of <pk-portal>', async () => {
    const fetchToken = async () => 'a-session-token';
    const ref = createRef<PkPortalElement>();
    const { host } = await render(
      <PartnerkitPortal
        ref={ref}
        baseUrl={MOCK_BASE_URL}
        fetchToken={fetchToken}
        locale="de-CH"
        theme="dark"
        dir="rtl"
        className="portal"
      />,
    );
    const portal = ref.current!;
    expect(portal).to.equal(one(host, 'pk-portal'));
    expect(portal.baseUrl).to.equal(MOCK_BASE_URL);
    expect(portal.fetchToken).to.equal(fetchToken);
    expect(portal.locale).to.equal('de-CH');
    expect(portal.theme).to.equal('dark');
    await portal.updateComplete;
    // Properties, not attributes: no function or camelCase name ended up in the markup.
    expect(portal.getAttributeNames().sort()).to.deep.equal(['class', 'dir', 'locale', 'theme']);
    expect(portal.getAttribute('theme')).to.equal('dark');
    expect(portal.activeClient, 'no client was made from baseUrl and fetchToken').to.not.equal(undefined);

    const client = mockClient(createMockApi());
    await render(<PartnerkitPortal ref={ref} client={client} />);
    expect(ref.current!.activeClient).to.equal(client);
  });
});
