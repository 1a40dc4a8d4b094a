import '../define/pk-portal.js';
import '../define/pk-field.js';
import { ContextProvider, createContext } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { createPartnerkitClient } from '@partnerkit/sdk';
import { mockClient, shadow, text, waitUntil } from '../../test/helpers.js';
import { createMockApi, MOCK_BASE_URL } from '../../test/mock-api.js';
import { createPortalContext, type PortalContext, portalContext } from '../internal/context.js';
import { PkElement } from '../internal/element.js';
import { PkPortal } from './portal.js';

/** A consumer that shows what the context gives it. */
class PkProbe extends PkElement {
  get context(): PortalContext | undefined {
    return this.portal;
  }
  override render() {
    return html`${this.portal?.locale ?? 'none'}`;
  }
}
customElements.define('pk-probe', PkProbe);

const probeIn = (root: Element) => root.querySelector('pk-probe') as PkProbe;
const contextOf = async (probe: PkProbe) => {
  await waitUntil(() => probe.context, 'the probe got no context');
  return probe.context!;
};

describe('<pk-portal>', () => {
  it('makes a client from base-url and token, and every call carries the token', async () => {
    const api = createMockApi();
    const realFetch = globalThis.fetch;
    globalThis.fetch = api.fetch;
    try {
      const portal = await fixture<PkPortal>(
        html`<pk-portal base-url=${MOCK_BASE_URL} token="session-123"><pk-probe></pk-probe></pk-portal>`,
      );
      const me = await (await contextOf(probeIn(portal))).me();
      expect(me.user.id).to.equal('usr_ada');
      expect(api.calls[0]!.headers.get('Authorization')).to.equal('Bearer session-123');
      expect(api.calls[0]!.path).to.equal('/v1/me');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('asks fetchToken for a session token, and again when the server refuses it', async () => {
    const api = createMockApi({ token: 'fresh' });
    const realFetch = globalThis.fetch;
    globalThis.fetch = api.fetch;
    const handed: string[] = [];
    try {
      const portal = await fixture<PkPortal>(html`<pk-portal base-url=${MOCK_BASE_URL}
        .fetchToken=${async () => {
          const token = handed.length === 0 ? 'stale' : 'fresh';
          handed.push(token);
          return token;
        }}><pk-probe></pk-probe></pk-portal>`);
      const me = await (await contextOf(probeIn(portal))).me();
      expect(me.user.name).to.equal('Ada Lindqvist');
      expect(handed).to.deep.equal(['stale', 'fresh']);
      expect(api.calls.map((c) => c.status)).to.deep.equal([401, 200]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('uses a client the vendor provides, and loads /v1/me once for every component', async () => {
    const api = createMockApi();
    const client = mockClient(api);
    const portal = await fixture<PkPortal>(
      html`<pk-portal .client=${client}><pk-probe></pk-probe><div><pk-probe></pk-probe></div></pk-portal>`,
    );
    const [a, b] = [...portal.querySelectorAll('pk-probe')] as PkProbe[];
    const [ca, cb] = [await contextOf(a!), await contextOf(b!)];
    expect(ca.client).to.equal(client);
    await Promise.all([ca.me(), cb.me(), ca.me()]);
    expect(api.callsOf('getMe')).to.have.length(1);
  });

  it('asks for /v1/me again after a failure, so a retry can succeed', async () => {
    const api = createMockApi({ fail: { getMe: { kind: 'server', times: 1 } } });
    const context = createPortalContext({ client: mockClient(api) });
    const failed = await context.me().then(
      () => false,
      () => true,
    );
    expect(failed).to.equal(true);
    expect((await context.me()).user.id).to.equal('usr_ada');
    expect(api.callsOf('getMe')).to.have.length(2);
  });

  it('reaches consumers that upgraded before the provider was defined', async () => {
    const api = createMockApi();
    const client = mockClient(api);
    const host = await fixture(html`<pk-late-portal><pk-probe></pk-probe></pk-late-portal>`);
    const probe = probeIn(host);
    await probe.updateComplete;
    expect(probe.context).to.equal(undefined);
    (host as PkPortal).client = client;
    customElements.define('pk-late-portal', class extends PkPortal {});
    expect((await contextOf(probe)).client).to.equal(client);
  });

  it('lets any ancestor provide the context, even one made by another copy of the kit', async () => {
    // Another bundle creates its own context object from the same global symbol.
    const otherCopy = createContext<PortalContext>(Symbol.for('partnerkit.portal'));
    expect(otherCopy).to.equal(portalContext);
    const api = createMockApi();
    const host = await fixture(html`<section><pk-probe></pk-probe></section>`);
    const value = createPortalContext({ client: mockClient(api), locale: 'de-CH' });
    new ContextProvider(host as HTMLElement, { context: otherCopy, initialValue: value });
    const probe = probeIn(host);
    probe.remove();
    host.append(probe);
    expect((await contextOf(probe)).locale).to.equal('de-CH');
    expect((await contextOf(probe)).format.number(1234.5)).to.equal(
      new Intl.NumberFormat('de-CH').format(1234.5),
    );
  });

  it('switches the locale of every component at run time, loading German on demand', async () => {
    const client = mockClient(createMockApi());
    const portal = await fixture<PkPortal>(
      html`<pk-portal .client=${client} locale="en"><pk-probe></pk-probe><pk-field type="select" label="Land"></pk-field></pk-portal>`,
    );
    const field = portal.querySelector('pk-field')!;
    await field.updateComplete;
    expect(text(await shadow(field, 'option'))).to.equal('Choose…');
    portal.locale = 'de-DE';
    await portal.updateComplete;
    await field.updateComplete;
    expect(text(field.shadowRoot!.querySelector('option'))).to.equal('Bitte wählen …');
    expect((await contextOf(probeIn(portal))).format.money({ amount: 123456, currency: 'EUR' })).to.equal(
      '1.234,56\u00a0€',
    );
  });

  it('falls back to the page language for an invalid locale', async () => {
    const client = mockClient(createMockApi());
    const portal = await fixture<PkPortal>(
      html`<pk-portal .client=${client} locale="not a locale!"><pk-probe></pk-probe></pk-portal>`,
    );
    const context = await contextOf(probeIn(portal));
    expect(context.locale).to.equal(document.documentElement.lang || navigator.language);
  });

  it('sets the colour scheme of its theme, and gives components the direction', async () => {
    const client = mockClient(createMockApi());
    const portal = await fixture<PkPortal>(
      html`<pk-portal .client=${client} theme="dark" dir="rtl"><pk-probe></pk-probe><pk-field label="x"></pk-field></pk-portal>`,
    );
    expect(getComputedStyle(portal).colorScheme).to.equal('dark');
    expect((await contextOf(probeIn(portal))).dir).to.equal('rtl');
    const input = await shadow(portal.querySelector('pk-field')!, 'input');
    // Dark surface behind the field's control, from the private token's dark default.
    expect(getComputedStyle(input).backgroundColor).to.equal('rgb(27, 30, 36)');
    portal.theme = 'light';
    await portal.updateComplete;
    expect(getComputedStyle(input).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('makes no client without a base URL, and reports a bad one instead of throwing', async () => {
    const portal = await fixture<PkPortal>(html`<pk-portal base-url="ftp://nowhere"></pk-portal>`);
    expect(portal.activeClient).to.equal(undefined);
    portal.baseUrl = MOCK_BASE_URL;
    await portal.updateComplete;
    expect(portal.activeClient).to.not.equal(undefined);
    expect(createPartnerkitClient).to.be.a('function');
  });
});
