// <pk-tier-progress> in every state, against the in-memory mock API: the partner's tier, the
// criteria of the next one, the overall state, the benefits, the compact line and the links to
// the places that move a criterion.
import '@partnerkit/elements/define/pk-tier-progress';
import type { Tier } from '@partnerkit/api';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoTiers, type MockApiOptions, type MockErrorKind } from '../packages/elements/test/mock-api.js';
import {
  fitsItsColumn,
  hostile,
  loadFailure,
  narrowColumn,
  type PortalParameters,
} from './support/states.js';
import { earnCertification, loadedProgress } from './support/tier.js';

type TierArgs = {
  compact?: boolean;
  trainingHref?: string;
  dealRegistrationHref?: string;
  dealListHref?: string;
  tierProgressHref?: string;
};

const meta: Meta<TierArgs> = {
  title: 'Components/pk-tier-progress',
  component: 'pk-tier-progress',
  args: {
    compact: false,
    trainingHref: '',
    dealRegistrationHref: '',
    dealListHref: '',
    tierProgressHref: '',
  },
};
export default meta;
type Story = StoryObj<TierArgs> & { parameters?: PortalParameters };

/** The calendar day `n` days from today. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The progress cannot load: it shows the failure's message and a retry. */
const cannotLoad = (kind: MockErrorKind) => loadFailure('pk-tier-progress', 'getTierProgress', kind);

/** Records of a Gold partner that meet every Platinum criterion (with the demo's certified people). */
const platinumRecords = {
  closedRevenue: 520_000_000,
  registeredDeals: 41,
  satisfaction: 4.7,
  otherCertifiedPeople: 9,
};

/** The states, as the mock API answers them (the first two from a backend that acts at the review date). */
const states = {
  atRisk: { standingRules: 'at-review', standing: { closedRevenue: 80_000_000 } },
  promotion: { standingRules: 'at-review', standing: platinumRecords },
  top: { standing: { ...platinumRecords, tier: 'tier_platinum' } },
  grace: { standing: { closedRevenue: 80_000_000, graceEndsOn: inDays(12) } },
} satisfies Record<string, MockApiOptions>;

/** A program whose top tier has many criteria, with long labels, and long benefit texts. */
const longTiers: Tier[] = demoTiers.map((t) =>
  t.rank < 2
    ? t
    : {
        ...t,
        name: t.rank === 3 ? 'Platinum Strategic Alliance Partner' : t.name,
        criteria: [
          ...t.criteria,
          {
            key: 'closed_revenue',
            label:
              'Closed revenue from new customers in Europe, the Middle East and Africa (trailing 24 months, in euros)',
            unit: 'money',
            required: t.rank === 3 ? 400_000_000 : 100_000_000,
            currency: 'EUR',
            windowMonths: 24,
          },
          {
            key: 'certified_people',
            label:
              'People holding the Acme Certified Solutions Engineer or the Acme Shield Security Specialist certification',
            unit: 'count',
            required: t.rank === 3 ? 8 : 3,
            certificationIds: ['cert_technical', 'cert_security'],
          },
        ],
        benefits: [
          ...t.benefits.map((b) => ({
            ...b,
            description: `${b.description} Applies to every order placed through an authorised distributor, including renewals, upgrades and add-on modules bought during the term.`,
          })),
          {
            key: `${t.id}_events`,
            label: 'Invitations to the annual partner summit, regional roadshows and executive briefings',
          },
        ],
      },
);

/** The program with markup in every string the server sends. */
const hostileTiers: Tier[] = demoTiers.map((t) => ({
  ...t,
  name: t.rank === 2 ? hostile.bold : t.name,
  criteria: t.criteria.map((c) => ({ ...c, label: hostile.image })),
  benefits: t.benefits.map((b) => ({ ...b, label: hostile.script, description: hostile.image })),
}));

const links = {
  trainingHref: '#training',
  dealRegistrationHref: '#register-a-deal',
  dealListHref: '#registrations',
};

export const OnTrack: Story = {
  name: 'Progress: on track',
};

export const AtRisk: Story = {
  name: 'Progress: at risk',
  parameters: { mockApi: states.atRisk },
};

export const Promotion: Story = {
  name: 'Progress: qualified for promotion',
  parameters: { mockApi: states.promotion },
};

export const TopTier: Story = {
  name: 'Progress: top tier',
  parameters: { mockApi: states.top },
};

export const Grace: Story = {
  name: 'Progress: grace period',
  parameters: { mockApi: states.grace },
};

export const Loading: Story = {
  name: 'Loading',
  parameters: { mockApi: { latency: 'never' } },
};

export const ErrorAuthentication: Story = { name: 'Error: not signed in', ...cannotLoad('authentication') };
export const ErrorPermission: Story = { name: 'Error: not allowed', ...cannotLoad('permission') };
export const ErrorNotFound: Story = { name: 'Error: not found', ...cannotLoad('not_found') };
export const ErrorRateLimit: Story = { name: 'Error: too many requests', ...cannotLoad('rate_limit') };
export const ErrorServer: Story = { name: 'Error: server failure', ...cannotLoad('server') };
export const ErrorNetwork: Story = { name: 'Error: offline', ...cannotLoad('network') };
export const ErrorTimeout: Story = { name: 'Error: timed out', ...cannotLoad('timeout') };

export const CompactOnTrack: Story = {
  name: 'Compact: on track',
  args: { compact: true },
};

export const CompactAtRisk: Story = {
  name: 'Compact: at risk',
  args: { compact: true },
  parameters: { mockApi: states.atRisk },
};

export const CompactPromotion: Story = {
  name: 'Compact: qualified for promotion',
  args: { compact: true },
  parameters: { mockApi: states.promotion },
};

export const CompactTopTier: Story = {
  name: 'Compact: top tier',
  args: { compact: true },
  parameters: { mockApi: states.top },
};

export const CompactGrace: Story = {
  name: 'Compact: grace period',
  args: { compact: true },
  parameters: { mockApi: states.grace },
};

export const CompactLinked: Story = {
  name: 'Compact: linked to the tier details',
  args: { compact: true, tierProgressHref: '#tier-progress' },
};

export const CompactLoading: Story = {
  name: 'Compact: loading',
  args: { compact: true },
  parameters: { mockApi: { latency: 'never' } },
};

export const CompactError: Story = {
  name: 'Compact: error, offline',
  args: { compact: true },
  ...cannotLoad('network'),
};

export const Links: Story = {
  name: 'Links: to the places that move each criterion',
  args: links,
};

export const Refreshed: Story = {
  name: 'Refreshed: promoted when a certification is earned',
  parameters: { mockApi: { certifications: [], standing: platinumRecords } },
  play: (context) => earnCertification(context, 'Top tier'),
};

export const LongText: Story = {
  name: 'Long text: many criteria and benefits',
  args: links,
  parameters: { mockApi: { tiers: longTiers } },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings shown as text',
  args: links,
  parameters: { mockApi: { tiers: hostileTiers } },
};

export const German: Story = {
  name: 'German',
  args: links,
  globals: { locale: 'de' },
};

export const GermanGrace: Story = {
  name: 'German: grace period',
  globals: { locale: 'de' },
  parameters: { mockApi: states.grace },
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: links,
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  name: 'Dark',
  args: links,
  globals: { theme: 'dark' },
};

export const DarkGrace: Story = {
  name: 'Dark: compact, grace period',
  args: { compact: true },
  globals: { theme: 'dark' },
  parameters: { mockApi: states.grace },
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  render: (args) =>
    narrowColumn(
      html`<pk-tier-progress training-href=${args.trainingHref ?? ''} deal-list-href=${args.dealListHref ?? ''}></pk-tier-progress>`,
    ),
  args: links,
  parameters: { mockApi: { tiers: longTiers } },
  play: fitsItsColumn(loadedProgress),
};

export const NarrowCompact: Story = {
  name: 'Narrow: compact',
  render: () =>
    narrowColumn(html`<pk-tier-progress compact tier-progress-href="#tier-progress"></pk-tier-progress>`),
  play: fitsItsColumn(loadedProgress),
};
