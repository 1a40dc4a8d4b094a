/** Strings of `<pk-deal-list>`. */
const en = {
  loading: 'Loading your registrations…',
  empty: 'You have not registered any deals yet.',
  emptyFiltered: 'No registration has this status.',
  filter: 'Status',
  all: 'All statuses',
  shown: (count: string, more: boolean) =>
    `${count} ${count === '1' ? 'registration' : 'registrations'} shown${more ? '; more are available' : ''}.`,
  closes: (date: string) => `Expected to close ${date}`,
  protectedUntil: (date: string, relative: string) => `Protected until ${date} (${relative})`,
  rejected: (reason: string) => `Reason for rejection: ${reason}`,
  history: 'Status history',
  changed: (status: string, when: string, by: string) => `${status}, ${when}, by ${by}`,
  requestExtension: 'Request an extension',
  reason: 'Why do you need more time?',
  reasonHint: (date: string) => `Protection ends ${date}. You can ask for an extension once.`,
  send: 'Send request',
  sending: 'Sending…',
  cancel: 'Cancel',
  extended: (date: string) => `Protection extended until ${date}.`,
};

export type ListStrings = typeof en;
export default en;
