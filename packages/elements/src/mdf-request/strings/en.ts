/** Strings of `<pk-mdf-request>`: the fund and the list of requests (the forms have their own). */
const en = {
  loading: 'Loading your market development funds…',
  empty: 'No market development funds have been allocated to you yet. Ask your partner manager.',
  period: 'Period',
  dates: (from: string, to: string) => `${from} to ${to}`,
  left: (remaining: string, allocated: string) => `${remaining} of ${allocated} remaining`,
  /** The fund's figures, in the order of the bar. */
  figures: {
    allocated: 'Allocated',
    paid: 'Paid',
    claimed: 'Claimed',
    approved: 'Approved',
    requested: 'Awaiting a decision',
    remaining: 'Remaining',
  },
  ended: (date: string) => `This period ended on ${date}. Approved requests can still be claimed.`,
  usedUp: 'Nothing remains in this fund for new requests.',
  ask: 'Request funds',
  types: {
    event: 'Event',
    webinar: 'Webinar',
    digital_campaign: 'Digital campaign',
    content_syndication: 'Content syndication',
    trade_show: 'Trade show',
    training: 'Training',
    other: 'Other',
  },
  mine: 'My requests',
  none: 'You have not requested funds in this period yet.',
  shown: (count: string, more: boolean) =>
    `${count} ${count === '1' ? 'request' : 'requests'} shown${more ? '; more are available' : ''}.`,
  /** Statuses beyond the shared ones: a request's, and what its claims have reached. */
  status: { partially_approved: 'Partially approved', claimed: 'Claimed', paid: 'Paid' },
  requested: (amount: string) => `Requested ${amount}`,
  approved: (approved: string, requested: string) =>
    approved === requested ? `Approved ${approved}` : `Approved ${approved} of ${requested} requested`,
  note: (note: string) => `Note from the vendor: ${note}`,
  reason: (reason: string) => `Reason: ${reason}`,
  expected: (leads: string, pipeline: string) => `Expected ${leads} leads and ${pipeline} pipeline`,
  claim: (amount: string) => `Claim of ${amount}`,
  granted: (amount: string) => `${amount} approved`,
  paidOn: (date: string) => `paid ${date}`,
  history: 'Status history',
  changed: (status: string, when: string, by: string) => `${status}, ${when}, by ${by}`,
  claimChanged: (status: string) => `Claim ${status.toLowerCase()}`,
  toClaim: 'Claim spend',
};

export type MdfStrings = typeof en;
export default en;
