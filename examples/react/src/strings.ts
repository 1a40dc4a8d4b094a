// The app's own words, in the languages it offers. The components translate themselves from the
// portal's `locale`; the app follows the same switch.

const en = {
  title: 'Partner portal · Acme Cloud',
  skip: 'Skip to content',
  brand: 'Acme Cloud',
  tag: 'Partner portal',
  language: 'Language',
  theme: 'Theme',
  themeAuto: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  signInTitle: 'Sign in to the partner portal',
  signInIntro:
    'This demo has no passwords: choose the partner you are. A vendor’s real site signs its partners in with its own login here.',
  signInAs: 'I am',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: (user: string, partner: string) => `${user}, ${partner}`,
  loading: 'Loading…',
  configFailed: 'The portal could not load its configuration:',
  noPartners: 'No demo partner is configured on the portal server.',
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  registerTitle: 'Register a deal',
  registerIntro:
    'Tell us about an opportunity you are working on. Approved registrations are protected for your organisation for the program’s protection period.',
  registrationsTitle: 'My registrations',
  registrationsIntro: 'Every registration of your organisation, newest first.',
  registered: (reference: string, company: string) => `Deal ${reference} registered for ${company}.`,
  dismiss: 'Dismiss',
  footer: 'Acme Cloud partner program · a Partnerkit demo in React',
};

export type AppStrings = typeof en;
export type Lang = 'en' | 'de';

const de = {
  title: 'Partnerportal · Acme Cloud',
  skip: 'Zum Inhalt springen',
  brand: 'Acme Cloud',
  tag: 'Partnerportal',
  language: 'Sprache',
  theme: 'Darstellung',
  themeAuto: 'System',
  themeLight: 'Hell',
  themeDark: 'Dunkel',
  signInTitle: 'Beim Partnerportal anmelden',
  signInIntro:
    'Diese Demo hat keine Passwörter: Wählen Sie den Partner, der Sie sind. Die echte Website eines Herstellers meldet ihre Partner hier mit ihrem eigenen Login an.',
  signInAs: 'Ich bin',
  signIn: 'Anmelden',
  signOut: 'Abmelden',
  signedInAs: (user: string, partner: string) => `${user}, ${partner}`,
  loading: 'Wird geladen …',
  configFailed: 'Das Portal konnte seine Konfiguration nicht laden:',
  noPartners: 'Auf dem Portalserver ist kein Demo-Partner eingerichtet.',
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
  registerTitle: 'Deal registrieren',
  registerIntro:
    'Beschreiben Sie eine Verkaufschance, an der Sie arbeiten. Genehmigte Registrierungen sind für die Schutzdauer des Programms Ihrer Organisation vorbehalten.',
  registrationsTitle: 'Meine Registrierungen',
  registrationsIntro: 'Alle Registrierungen Ihrer Organisation, die neuesten zuerst.',
  registered: (reference: string, company: string) => `Deal ${reference} für ${company} registriert.`,
  dismiss: 'Schließen',
  footer: 'Acme Cloud Partnerprogramm · eine Partnerkit-Demo in React',
} satisfies AppStrings;

export const strings: Record<Lang, AppStrings> = { en, de };

/** The language of a BCP 47 tag among the app's, English otherwise. */
export const langOf = (tag: string): Lang => (tag.toLowerCase().startsWith('de') ? 'de' : 'en');
