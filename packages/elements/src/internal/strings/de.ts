import type { CommonStrings } from './en.js';

export default {
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  requestId: 'Support-Referenz',
  problem: 'Es gibt ein Problem',
  discard: 'Entwurf verwerfen',
  more: 'Mehr anzeigen',
  loadingMore: 'Weitere werden geladen …',
  status: {
    submitted: 'Eingereicht',
    under_review: 'In Prüfung',
    approved: 'Genehmigt',
    rejected: 'Abgelehnt',
    expired: 'Abgelaufen',
    won: 'Gewonnen',
    lost: 'Verloren',
  },
  error: {
    authentication: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
    permission: 'Sie sind dazu nicht berechtigt.',
    not_found: 'Dieser Eintrag existiert nicht mehr oder ist für Sie nicht sichtbar.',
    validation: 'Einige Angaben wurden nicht akzeptiert.',
    conflict: 'Das widerspricht dem aktuellen Stand. Laden Sie neu und versuchen Sie es erneut.',
    rate_limit: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    server: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal.',
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    timeout: 'Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
    aborted: 'Die Anfrage wurde abgebrochen.',
  },
} satisfies CommonStrings;
