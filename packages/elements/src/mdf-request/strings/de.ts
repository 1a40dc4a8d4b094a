import type { MdfStrings } from './en.js';

export default {
  loading: 'Ihre Marketingfonds werden geladen …',
  empty: 'Ihnen wurden noch keine Marketingfonds (MDF) zugeteilt. Fragen Sie Ihren Partnermanager.',
  period: 'Zeitraum',
  dates: (from: string, to: string) => `${from} bis ${to}`,
  left: (remaining: string, allocated: string) => `${remaining} von ${allocated} verfügbar`,
  figures: {
    allocated: 'Zugeteilt',
    paid: 'Ausgezahlt',
    claimed: 'Abgerechnet',
    approved: 'Genehmigt',
    requested: 'In Prüfung',
    remaining: 'Verfügbar',
  },
  ended: (date: string) =>
    `Dieser Zeitraum endete am ${date}. Genehmigte Anträge können Sie weiterhin abrechnen.`,
  usedUp: 'In diesem Fonds ist nichts mehr für neue Anträge verfügbar.',
  ask: 'Mittel beantragen',
  types: {
    event: 'Veranstaltung',
    webinar: 'Webinar',
    digital_campaign: 'Digitale Kampagne',
    content_syndication: 'Content-Syndication',
    trade_show: 'Messe',
    training: 'Schulung',
    other: 'Sonstiges',
  },
  mine: 'Meine Anträge',
  none: 'Sie haben in diesem Zeitraum noch keine Mittel beantragt.',
  shown: (count: string, more: boolean) =>
    `${count} ${count === '1' ? 'Antrag' : 'Anträge'} angezeigt${more ? '; weitere sind verfügbar' : ''}.`,
  status: { partially_approved: 'Teilweise genehmigt', claimed: 'Abgerechnet', paid: 'Ausgezahlt' },
  requested: (amount: string) => `Beantragt ${amount}`,
  approved: (approved: string, requested: string) =>
    approved === requested ? `Genehmigt ${approved}` : `Genehmigt ${approved} von ${requested} beantragt`,
  note: (note: string) => `Hinweis des Herstellers: ${note}`,
  reason: (reason: string) => `Begründung: ${reason}`,
  expected: (leads: string, pipeline: string) => `Erwartet: ${leads} Leads und ${pipeline} Pipeline`,
  claim: (amount: string) => `Abrechnung über ${amount}`,
  granted: (amount: string) => `${amount} genehmigt`,
  paidOn: (date: string) => `ausgezahlt am ${date}`,
  history: 'Statusverlauf',
  changed: (status: string, when: string, by: string) => `${status}, ${when}, durch ${by}`,
  claimChanged: (status: string) => `Abrechnung ${status.toLowerCase()}`,
  toClaim: 'Ausgaben abrechnen',
} satisfies MdfStrings;
