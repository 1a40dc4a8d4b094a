// The vendor page's own words around the components, in the languages the portal offers. The
// components translate themselves; the page follows the same language switch.

const en = {
  title: 'Partner portal · Acme Cloud',
  skip: 'Skip to content',
  home: 'Acme Cloud partner portal, home',
  tag: 'Partner portal',
  actingAs: 'Acting as',
  language: 'Language',
  theme: 'Theme',
  themeAuto: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  sections: 'Portal sections',
  navRegister: 'Register a deal',
  navRegistrations: 'My registrations',
  registerTitle: 'Register a deal',
  registerIntro:
    'Tell us about an opportunity you are working on. Approved registrations are protected for your organisation for the program’s protection period.',
  registrationsTitle: 'My registrations',
  registrationsIntro: 'Every registration of your organisation, newest first.',
  footer: 'Acme Cloud partner program · a Partnerkit demo portal',
  loadingPartners: 'Loading partners…',
  unavailable: 'Unavailable',
  configFailed: 'The portal could not load its configuration:',
  noPartners: 'No demo partner is configured on the portal server.',
};

export type PageKey = keyof typeof en;

/** Every language has every key: the type checker refuses a missing or extra one. */
export const pageStrings: Record<'en' | 'de', Record<PageKey, string>> = {
  en,
  de: {
    title: 'Partnerportal · Acme Cloud',
    skip: 'Zum Inhalt springen',
    home: 'Acme Cloud Partnerportal, Startseite',
    tag: 'Partnerportal',
    actingAs: 'Angemeldet als',
    language: 'Sprache',
    theme: 'Darstellung',
    themeAuto: 'System',
    themeLight: 'Hell',
    themeDark: 'Dunkel',
    sections: 'Bereiche des Portals',
    navRegister: 'Deal registrieren',
    navRegistrations: 'Meine Registrierungen',
    registerTitle: 'Deal registrieren',
    registerIntro:
      'Beschreiben Sie eine Verkaufschance, an der Sie arbeiten. Genehmigte Registrierungen sind für die Schutzdauer des Programms Ihrer Organisation vorbehalten.',
    registrationsTitle: 'Meine Registrierungen',
    registrationsIntro: 'Alle Registrierungen Ihrer Organisation, die neuesten zuerst.',
    footer: 'Acme Cloud Partnerprogramm · ein Partnerkit-Demoportal',
    loadingPartners: 'Partner werden geladen …',
    unavailable: 'Nicht verfügbar',
    configFailed: 'Das Portal konnte seine Konfiguration nicht laden:',
    noPartners: 'Auf dem Portalserver ist kein Demo-Partner eingerichtet.',
  },
};

export type PageLocale = keyof typeof pageStrings;

export const pageLocale = (locale: string): PageLocale => (locale.startsWith('de') ? 'de' : 'en');

/** Puts the words of `locale` into `root`: `data-text` keys set the text, `data-label` the aria-label. */
export function translate(root: ParentNode, locale: string): void {
  const words = pageStrings[pageLocale(locale)];
  for (const el of root.querySelectorAll<HTMLElement>('[data-text]')) {
    el.textContent = words[el.dataset.text as PageKey] ?? el.textContent;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-label]')) {
    el.setAttribute('aria-label', words[el.dataset.label as PageKey] ?? el.getAttribute('aria-label') ?? '');
  }
}
