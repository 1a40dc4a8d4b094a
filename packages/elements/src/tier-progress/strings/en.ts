/** Strings of `<pk-tier-progress>`. */
const en = {
  loading: 'Loading your tier progress…',
  /** The heading of the full view. */
  yourTier: (tier: string) => `Your tier: ${tier}`,
  /** The overall state, as its badge says it. */
  state: {
    'on-track': 'On track',
    'at-risk': 'At risk',
    promotion: 'Qualified for promotion',
    top: 'Top tier',
    grace: 'Grace period',
  },
  onTrack: (met: string, total: string, next: string) => `${met} of ${total} criteria for ${next} met`,
  promotion: (tier: string) => `Your records qualify for ${tier}.`,
  atRisk: (tier: string, qualified: string) =>
    `Your records now qualify for ${qualified}, below ${tier}. Meet the ${tier} requirements again to keep it.`,
  grace: (tier: string, until: string, countdown: string, qualified: string) =>
    `You keep ${tier} until ${until} (${countdown}). Your records now qualify for ${qualified}: meet the ${tier} requirements again by then to keep it.`,
  top: (tier: string) => `${tier} is the program’s highest tier.`,
  /** The short forms of the compact line. */
  qualifies: (tier: string) => `Records qualify for ${tier}`,
  until: (date: string, countdown: string) => `Until ${date} (${countdown})`,
  requires: (tier: string) => `What ${tier} requires:`,
  review: (date: string) => `Next review: ${date}`,
  toward: (tier: string) => `Criteria for ${tier}`,
  keep: (tier: string) => `Criteria to keep ${tier}`,
  none: 'This tier has no criteria.',
  /** A criterion's current value against the required one. */
  of: (current: string, required: string) => `${current} of ${required}`,
  met: 'Met',
  /** What remains of a criterion, in its own unit. */
  people: (n: number, count: string) => `${count} more ${n === 1 ? 'person' : 'people'} needed`,
  deals: (n: number, count: string) => `${count} more ${n === 1 ? 'deal' : 'deals'} needed`,
  toGo: (amount: string) => `${amount} to go`,
  /** The links to the places that move a criterion, by place. */
  go: {
    training: 'Go to training',
    'deal-registration': 'Register a deal',
    'deal-list': 'See your registrations',
    'tier-progress': 'Tier details',
  },
  gains: (tier: string) => `What ${tier} adds`,
  replaces: (label: string) => `(instead of ${label})`,
  tiers: 'Benefits by tier',
  yours: 'Your tier',
  next: 'Next tier',
  updated: 'Tier progress updated.',
  promoted: (tier: string) => `You have been promoted to ${tier}.`,
};

export type TierStrings = typeof en;
export default en;
