// The vendor page's own words around the components, in the languages the portal offers. The
// components translate themselves; the page follows the same language switch.

const en = {
  title: 'Partner portal · Acme Cloud',
  skip: 'Skip to content',
  home: 'Acme Cloud partner portal, home',
  tag: 'Partner portal',
  accountMenu: 'Account and display',
  actingAs: 'Acting as',
  language: 'Language',
  theme: 'Theme',
  themeAuto: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  sections: 'Portal sections',
  navHome: 'Home',
  navRegister: 'Register a deal',
  navRegistrations: 'My registrations',
  homeTitle: 'Your partner portal',
  homeIntro: 'What needs your attention first, then everything you can do here.',
  attentionTitle: 'Needs your attention',
  attentionLoading: 'Looking for what needs your attention…',
  attentionNone: 'Nothing needs your attention right now.',
  attentionFailed: 'What needs your attention could not be loaded.',
  retry: 'Try again',
  cardRegister: 'Protect an opportunity you are working on.',
  cardRegistrations: 'Statuses, protection dates and extensions.',
  navTraining: 'Training',
  navTier: 'Tier progress',
  navMdf: 'Marketing funds',
  navAssets: 'Asset library',
  cardAssets: 'Approved brochures, datasheets and banners, co-branded with your logo.',
  assetsTitle: 'Asset library',
  assetsIntro:
    'Marketing material Acme Cloud has approved for you. Templates take your logo, name and contact details.',
  cardTraining: 'Courses for your role, and the certifications they lead to.',
  cardTier: 'What your next tier needs, and what it gives.',
  cardMdf: 'Request funds for an activity, and claim them with proof.',
  trainingTitle: 'Training',
  trainingIntro:
    'Courses for your partner type and role. Certifications count toward your organisation’s tier.',
  tierTitle: 'Tier progress',
  tierIntro: 'Where your organisation stands in the program, and what moves it up.',
  mdfTitle: 'Marketing funds',
  mdfIntro:
    'Your market development funds for the period: request funds for an activity, then claim what you spent.',
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
  attentionCertification: (name: string, date: string, relative: string) =>
    `Renew your certification “${name}”: it expires on ${date} (${relative}).`,
  attentionProtection: (company: string, date: string, extendable: boolean) =>
    `The protection of your deal with ${company} ends on ${date}.${extendable ? ' You can still request an extension.' : ''}`,
  attentionClaim: (title: string, date: string) =>
    `Claim your funds for “${title}”: the activity ended on ${date}.`,
};

export type PageWords = typeof en;
/** The keys of the page's plain words (those `data-text` and `data-label` name). */
export type PageKey = { [K in keyof PageWords]: PageWords[K] extends string ? K : never }[keyof PageWords];

/** Every language has every key: the type checker refuses a missing or extra one. */
export const pageStrings: Record<'en' | 'de', PageWords> = {
  en,
  de: {
    title: 'Partnerportal · Acme Cloud',
    skip: 'Zum Inhalt springen',
    home: 'Acme Cloud Partnerportal, Startseite',
    tag: 'Partnerportal',
    accountMenu: 'Konto und Darstellung',
    actingAs: 'Angemeldet als',
    language: 'Sprache',
    theme: 'Darstellung',
    themeAuto: 'System',
    themeLight: 'Hell',
    themeDark: 'Dunkel',
    sections: 'Bereiche des Portals',
    navHome: 'Start',
    navRegister: 'Deal registrieren',
    navRegistrations: 'Meine Registrierungen',
    homeTitle: 'Ihr Partnerportal',
    homeIntro: 'Zuerst, was Ihre Aufmerksamkeit braucht, dann alles, was Sie hier tun können.',
    attentionTitle: 'Braucht Ihre Aufmerksamkeit',
    attentionLoading: 'Es wird nachgesehen, was Ihre Aufmerksamkeit braucht …',
    attentionNone: 'Gerade braucht nichts Ihre Aufmerksamkeit.',
    attentionFailed: 'Was Ihre Aufmerksamkeit braucht, konnte nicht geladen werden.',
    retry: 'Erneut versuchen',
    cardRegister: 'Schützen Sie eine Verkaufschance, an der Sie arbeiten.',
    cardRegistrations: 'Status, Schutzfristen und Verlängerungen.',
    navTraining: 'Schulungen',
    navTier: 'Partnerstufe',
    navMdf: 'Marketingmittel',
    navAssets: 'Medienbibliothek',
    cardAssets: 'Freigegebene Broschüren, Datenblätter und Banner, mit Ihrem Logo versehen.',
    assetsTitle: 'Medienbibliothek',
    assetsIntro:
      'Marketingmaterial, das Acme Cloud für Sie freigegeben hat. Vorlagen übernehmen Ihr Logo, Ihren Namen und Ihre Kontaktdaten.',
    cardTraining: 'Kurse für Ihre Rolle und die Zertifizierungen, zu denen sie führen.',
    cardTier: 'Was Ihre nächste Stufe verlangt und was sie bietet.',
    cardMdf: 'Mittel für eine Aktivität beantragen und mit Nachweisen abrechnen.',
    trainingTitle: 'Schulungen',
    trainingIntro:
      'Kurse für Ihren Partnertyp und Ihre Rolle. Zertifizierungen zählen für die Stufe Ihrer Organisation.',
    tierTitle: 'Partnerstufe',
    tierIntro: 'Wo Ihre Organisation im Programm steht und was sie weiterbringt.',
    mdfTitle: 'Marketingmittel',
    mdfIntro:
      'Ihre Marketingmittel (MDF) für den Zeitraum: Mittel für eine Aktivität beantragen, dann die Ausgaben abrechnen.',
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
    attentionCertification: (name, date, relative) =>
      `Erneuern Sie Ihre Zertifizierung „${name}“: Sie läuft am ${date} ab (${relative}).`,
    attentionProtection: (company, date, extendable) =>
      `Der Schutz Ihres Deals mit ${company} endet am ${date}.${extendable ? ' Sie können noch eine Verlängerung beantragen.' : ''}`,
    attentionClaim: (title, date) =>
      `Rechnen Sie Ihre Mittel für „${title}“ ab: Die Aktivität endete am ${date}.`,
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
  // Templates the page mounts later (a view's component) are translated when they are mounted.
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template'))
    translate(template.content, locale);
}
