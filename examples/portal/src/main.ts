// The demo portal page: Acme Cloud's partner portal with the Partnerkit components inside.
// The page only wires the vendor's concerns: who is signed in (the partner switcher stands in for
// the vendor's own login), the language and theme, and token minting through its own server.

import '@partnerkit/elements/define/pk-portal';
import '@partnerkit/elements/define/pk-deal-registration';
import '@partnerkit/elements/define/pk-deal-list';
import type { PkPortal } from '@partnerkit/elements';
import { pageLocale, pageStrings, translate } from './page-strings.js';
import { type DemoPartner, loadConfig, type PortalConfig, sessionTokenFetcher } from './session.js';

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

function showStatus(message: string | null) {
  status.hidden = message === null;
  status.textContent = message ?? '';
}

/** The page's own words in the chosen language. */
const words = () => pageStrings[pageLocale(localeSwitcher.value)];

/** Switches the page (and the components, through their portal) to `locale`. */
function applyLocale(locale: string) {
  document.documentElement.lang = locale;
  translate(document, locale);
  translate($<HTMLTemplateElement>('#portal-template').content, locale);
  document.querySelector('#portal')?.setAttribute('locale', locale);
}

function chosen(key: string, allowed: string[], fallback: string): string {
  const stored = localStorage.getItem(key);
  return stored !== null && allowed.includes(stored) ? stored : fallback;
}

/**
 * Mounts a fresh <pk-portal> (and fresh components inside it) acting as `partner`: a new partner
 * means a new session, a new `/v1/me` and new lists, exactly as after the vendor's own login.
 */
function mountPortal(config: PortalConfig, partner: DemoPartner) {
  const template = $<HTMLTemplateElement>('#portal-template');
  const portal = template.content.firstElementChild?.cloneNode(true) as PkPortal;
  portal.id = 'portal';
  portal.setAttribute('base-url', config.apiBaseUrl);
  portal.setAttribute('locale', localeSwitcher.value);
  applyTheme(portal, themeSwitcher.value);
  portal.fetchToken = sessionTokenFetcher(partner.id);
  portal.dataset.partner = partner.id;
  $('#portal-mount').replaceChildren(portal);
  trackSections();
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

// The section in view is the current one in the navigation: the first of those crossing a band
// near the top of the window.
const navLinks = [...document.querySelectorAll<HTMLAnchorElement>('.site-nav a')];
const inBand = new Set<string>();
const sections = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) inBand.add(entry.target.id);
      else inBand.delete(entry.target.id);
    }
    const current = navLinks.find((link) => inBand.has(link.hash.slice(1)));
    if (!current) return;
    for (const link of navLinks) {
      if (link === current) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  },
  { rootMargin: '-20% 0px -60% 0px' },
);

/** Watches the sections of the portal just mounted. */
function trackSections() {
  sections.disconnect();
  inBand.clear();
  for (const link of navLinks) {
    const section = document.getElementById(link.hash.slice(1));
    if (section) sections.observe(section);
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
    applyTheme(document.querySelector('#portal'), themeSwitcher.value);
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
