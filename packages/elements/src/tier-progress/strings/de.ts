import type { TierStrings } from './en.js';

export default {
  loading: 'Ihr Stufenfortschritt wird geladen …',
  yourTier: (tier: string) => `Ihre Stufe: ${tier}`,
  state: {
    'on-track': 'Auf Kurs',
    'at-risk': 'Gefährdet',
    promotion: 'Für den Aufstieg qualifiziert',
    top: 'Höchste Stufe',
    grace: 'Übergangsfrist',
  },
  onTrack: (met: string, total: string, next: string) => `${met} von ${total} Kriterien für ${next} erfüllt`,
  promotion: (tier: string) => `Ihre Ergebnisse qualifizieren Sie für ${tier}.`,
  atRisk: (tier: string, qualified: string) =>
    `Ihre Ergebnisse qualifizieren Sie derzeit für ${qualified}, unter ${tier}. Erfüllen Sie die Anforderungen von ${tier} wieder, um die Stufe zu behalten.`,
  grace: (tier: string, until: string, countdown: string, qualified: string) =>
    `Sie behalten ${tier} bis ${until} (${countdown}). Ihre Ergebnisse qualifizieren Sie derzeit für ${qualified}: Erfüllen Sie bis dahin wieder die Anforderungen von ${tier}, um die Stufe zu behalten.`,
  top: (tier: string) => `${tier} ist die höchste Stufe des Programms.`,
  qualifies: (tier: string) => `Ergebnisse qualifizieren für ${tier}`,
  until: (date: string, countdown: string) => `Bis ${date} (${countdown})`,
  review: (date: string) => `Nächste Überprüfung: ${date}`,
  toward: (tier: string) => `Kriterien für ${tier}`,
  keep: (tier: string) => `Kriterien, um ${tier} zu behalten`,
  none: 'Diese Stufe hat keine Kriterien.',
  of: (current: string, required: string) => `${current} von ${required}`,
  met: 'Erfüllt',
  people: (n: number, count: string) => `${count} ${n === 1 ? 'weitere Person' : 'weitere Personen'} nötig`,
  deals: (n: number, count: string) => `${count} ${n === 1 ? 'weiterer Deal' : 'weitere Deals'} nötig`,
  toGo: (amount: string) => `Noch ${amount}`,
  go: {
    training: 'Zu den Schulungen',
    'deal-registration': 'Deal registrieren',
    'deal-list': 'Ihre Registrierungen ansehen',
    'tier-progress': 'Details zur Stufe',
  },
  gains: (tier: string) => `Was ${tier} zusätzlich bietet`,
  replaces: (label: string) => `(statt ${label})`,
  tiers: 'Vorteile nach Stufe',
  yours: 'Ihre Stufe',
  next: 'Nächste Stufe',
  updated: 'Stufenfortschritt aktualisiert.',
  promoted: (tier: string) => `Sie sind zu ${tier} aufgestiegen.`,
} satisfies TierStrings;
