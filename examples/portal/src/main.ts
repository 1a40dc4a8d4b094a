// The demo portal page: Acme Cloud's partner portal with the Partnerkit components inside.
// The page only wires the vendor's concerns: who is signed in (the partner switcher stands in for
// the vendor's own login), the language and theme, token minting through its own server, and which
// view is shown (the location's hash, so the back button and bookmarks work).

import '@partnerkit/elements/define/pk-portal';
import '@partnerkit/elements/define/pk-deal-registration';
import '@partnerkit/elements/define/pk-deal-list';
import '@partnerkit/elements/define/pk-training-tracker';
import '@partnerkit/elements/define/pk-tier-progress';
import '@partnerkit/elements/define/pk-mdf-request';
import '@partnerkit/elements/define/pk-asset-library';
import type { PkPortal } from '@partnerkit/elements';
import { createPartnerkitClient, type PartnerkitClient } from '@partnerkit/sdk';
import { attentionItems, renderAttention, renderAttentionFailure } from './attention.js';
import { pageLocale, pageStrings, translate } from './page-strings.js';
import { type DemoPartner, loadConfig, type PortalConfig, sessionTokenFetcher } from './session.js';
import { showView, type View, viewOf } from './views.js';

const PARTNER_KEY = 'acme-portal:partner';
const LOCALE_KEY = 'acme-portal:locale';
const THEME_KEY = 'acme-portal:theme';

const $ = <T extends Element>(selector: string) => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`the page has no ${selector}`);
  return el;
};

const partnerSwitcher = $<HTMLSelectElement>('#partner-switcher');
const localeSwitcher = $<HTMLSelectElement>('#locale-switcher');
const themeSwitcher = $<HTMLSelectElement>('#theme-switcher');
const status = $<HTMLParagraphElement>('#portal-status');
const nav = $<HTMLElement>('.site-nav');

function showStatus(message: string | null) {
  status.hidden = message === null;
  status.textContent = message ?? '';
}

/** The page's own words in the chosen language. */
const words = () => pageStrings[pageLocale(localeSwitcher.value)];

/** The signed-in partner's client, shared by every `<pk-portal>` of the page. */
let client: PartnerkitClient | undefined;

/** The view in the window's title, as the page's headings name it. */
function titleOf(view: View): string {
  const w = words();
  const heading = {
    home: w.homeTitle,
    register: w.registerTitle,
    deals: w.registrationsTitle,
    training: w.trainingTitle,
    tier: w.tierTitle,
    mdf: w.mdfTitle,
    assets: w.assetsTitle,
  }[view];
  return view === 'home' ? w.title : `${heading} · ${w.title}`;
}

/** Shows the view the location asks for; `moveFocus` when the partner navigated to it. */
function route(moveFocus: boolean) {
  const portal = document.querySelector('#portal');
  if (!portal) return;
  const view = viewOf(location.hash);
  showView(portal, nav, view, moveFocus);
  document.title = titleOf(view);
  if (view === 'home') void loadAttention();
}

let attention: AbortController | undefined;

/** Fills "Needs your attention" for the signed-in partner (a newer load cancels an older one). */
async function loadAttention() {
  const box = document.querySelector<HTMLElement>('#attention');
  if (!box || !client) return;
  attention?.abort();
  const controller = new AbortController();
  attention = controller;
  const locale = localeSwitcher.value;
  box.setAttribute('aria-busy', 'true');
  box.textContent = words().attentionLoading;
  try {
    const items = await attentionItems(client, locale, controller.signal);
    if (!controller.signal.aborted) renderAttention(box, locale, items);
  } catch (error) {
    if (controller.signal.aborted) return;
    console.warn('partnerkit: what needs attention could not be loaded', error);
    renderAttentionFailure(box, locale, () => void loadAttention());
  } finally {
    if (attention === controller) box.removeAttribute('aria-busy');
  }
}

/** Switches the page (and the components, through their portals) to `locale`. */
function applyLocale(locale: string) {
  document.documentElement.lang = locale;
  translate(document, locale);
  translate($<HTMLTemplateElement>('#portal-template').content, locale);
  for (const portal of document.querySelectorAll('pk-portal')) portal.setAttribute('locale', locale);
  document.title = titleOf(viewOf(location.hash));
  if (viewOf(location.hash) === 'home') void loadAttention();
}

function chosen(key: string, allowed: string[], fallback: string): string {
  const stored = localStorage.getItem(key);
  return stored !== null && allowed.includes(stored) ? stored : fallback;
}

/** A `<pk-portal>` for the signed-in partner, in the page's language and theme. */
function configure(portal: PkPortal) {
  portal.client = client;
  portal.setAttribute('locale', localeSwitcher.value);
  applyTheme(portal, themeSwitcher.value);
}

/**
 * Mounts a fresh <pk-portal> (and fresh components inside it) acting as `partner`: a new partner
 * means a new session, a new `/v1/me` and new lists, exactly as after the vendor's own login.
 */
function mountPortal(config: PortalConfig, partner: DemoPartner) {
  client = createPartnerkitClient({
    baseUrl: config.apiBaseUrl,
    fetchToken: sessionTokenFetcher(partner.id),
  });
  const template = $<HTMLTemplateElement>('#portal-template');
  const portal = template.content.firstElementChild?.cloneNode(true) as PkPortal;
  portal.id = 'portal';
  portal.dataset.partner = partner.id;
  configure(portal);
  $('#portal-mount').replaceChildren(portal);
  // The header's one line of tier progress: a provider of its own, with the same client.
  const standing = $<HTMLTemplateElement>('#standing-template').content.firstElementChild?.cloneNode(
    true,
  ) as PkPortal;
  configure(standing);
  $('#header-standing').replaceChildren(standing);
  route(false);
}

/** The page and the components follow the system's colour scheme, or the visitor's choice. */
function applyTheme(portal: Element | null, theme: string) {
  if (theme === 'auto') {
    document.documentElement.removeAttribute('data-theme');
    portal?.removeAttribute('theme');
  } else {
    document.documentElement.dataset.theme = theme;
    portal?.setAttribute('theme', theme);
  }
}

async function start() {
  localeSwitcher.value = chosen(LOCALE_KEY, ['en', 'de'], navigator.language.startsWith('de') ? 'de' : 'en');
  applyLocale(localeSwitcher.value);
  themeSwitcher.value = chosen(THEME_KEY, ['auto', 'light', 'dark'], 'auto');
  applyTheme(null, themeSwitcher.value);
  localeSwitcher.addEventListener('change', () => {
    localStorage.setItem(LOCALE_KEY, localeSwitcher.value);
    applyLocale(localeSwitcher.value);
  });
  themeSwitcher.addEventListener('change', () => {
    localStorage.setItem(THEME_KEY, themeSwitcher.value);
    applyTheme(null, themeSwitcher.value);
    for (const portal of document.querySelectorAll('pk-portal')) applyTheme(portal, themeSwitcher.value);
  });
  window.addEventListener('hashchange', () => route(true));
  const toggle = $<HTMLButtonElement>('.account-toggle');
  toggle.addEventListener('click', () => {
    toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
  });

  let config: PortalConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    showStatus(`${words().configFailed} ${(error as Error).message}`);
    partnerSwitcher.replaceChildren(new Option(words().unavailable));
    return;
  }
  const ids = config.partners.map((p) => p.id);
  const partnerId = chosen(PARTNER_KEY, ids, ids[0] ?? '');
  partnerSwitcher.replaceChildren(
    ...config.partners.map((p) => new Option(`${p.name} (${p.userName})`, p.id, false, p.id === partnerId)),
  );
  partnerSwitcher.disabled = config.partners.length === 0;
  const partner = config.partners.find((p) => p.id === partnerId);
  if (!partner) {
    showStatus(words().noPartners);
    return;
  }
  mountPortal(config, partner);

  partnerSwitcher.addEventListener('change', () => {
    const next = config.partners.find((p) => p.id === partnerSwitcher.value);
    if (!next) return;
    localStorage.setItem(PARTNER_KEY, next.id);
    showStatus(null);
    mountPortal(config, next);
  });

  // The vendor's page may log what failed; the components show it to the partner themselves.
  document.addEventListener('pk-error', (event) => {
    console.warn('partnerkit:', (event as CustomEvent).detail);
  });
}

void start();
