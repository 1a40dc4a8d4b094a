import type { ListStrings } from './en.js';

export default {
  loading: 'Ihre Registrierungen werden geladen …',
  empty: 'Sie haben noch keine Deals registriert.',
  emptyFiltered: 'Keine Registrierung hat diesen Status.',
  filter: 'Status',
  all: 'Alle Status',
  shown: (count: string, more: boolean) =>
    `${count} ${count === '1' ? 'Registrierung' : 'Registrierungen'} angezeigt${more ? '; weitere sind verfügbar' : ''}.`,
  closes: (date: string) => `Voraussichtlicher Abschluss ${date}`,
  protectedUntil: (date: string, relative: string) => `Geschützt bis ${date} (${relative})`,
  rejected: (reason: string) => `Ablehnungsgrund: ${reason}`,
  history: 'Statusverlauf',
  changed: (status: string, when: string, by: string) => `${status}, ${when}, durch ${by}`,
  requestExtension: 'Verlängerung beantragen',
  reason: 'Warum benötigen Sie mehr Zeit?',
  reasonHint: (date: string) =>
    `Der Schutz endet am ${date}. Eine Verlängerung können Sie einmal beantragen.`,
  send: 'Antrag senden',
  sending: 'Wird gesendet …',
  cancel: 'Abbrechen',
  extended: (date: string) => `Schutz verlängert bis ${date}.`,
} satisfies ListStrings;
