// <pk-deal-list> in every state, against the in-memory mock API: the partner's registrations with
// the status filter, paging, the status history and the extension request.
import '@partnerkit/elements/define/pk-deal-list';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type MockErrorKind, makeDeals } from '../packages/elements/test/mock-api.js';
import {
  loadedList,
  openExtension,
  openHistory,
  requestExtensionAndExpectFailure,
  requestExtensionAndExpectSent,
  requestExtensionWithoutReason,
  showMore,
} from './support/list.js';
import {
  fitsItsColumn,
  hostile,
  loadFailure,
  longCompanyName,
  longReason,
  narrowColumn,
  type PortalParameters,
} from './support/states.js';

type ListArgs = { status?: string; pageSize?: number };

const meta: Meta<ListArgs> = {
  title: 'Components/pk-deal-list',
  component: 'pk-deal-list',
  args: { status: '', pageSize: 10 },
  argTypes: {
    status: {
      control: 'select',
      options: ['', 'submitted', 'under_review', 'approved', 'rejected', 'expired', 'won', 'lost'],
    },
  },
  parameters: { mockApi: { deals: 12 } } satisfies PortalParameters,
};
export default meta;
type Story = StoryObj<ListArgs> & { parameters?: PortalParameters };

/** The list cannot load: it shows the failure's message and a retry. */
const cannotLoad = (kind: MockErrorKind) => loadFailure('pk-deal-list', 'listDealRegistrations', kind);

export const List: Story = {
  name: 'List: first page',
};

export const Filtered: Story = {
  name: 'List: approved only',
  args: { status: 'approved' },
  parameters: { mockApi: { deals: 40 } },
};

export const ManyPages: Story = {
  name: 'List: after “Show more”',
  parameters: { mockApi: { deals: 120 } },
  play: (context) => showMore(context, 20),
};

export const Loading: Story = {
  name: 'Loading',
  parameters: { mockApi: { latency: 'never' } },
};

export const Empty: Story = {
  name: 'Empty: no registrations yet',
  parameters: { mockApi: { deals: [] } },
};

export const EmptyFiltered: Story = {
  name: 'Empty: nothing with this status',
  args: { status: 'won' },
  parameters: { mockApi: { deals: makeDeals(4) } },
};

export const ErrorAuthentication: Story = { name: 'Error: not signed in', ...cannotLoad('authentication') };
export const ErrorPermission: Story = { name: 'Error: not allowed', ...cannotLoad('permission') };
export const ErrorNotFound: Story = { name: 'Error: not found', ...cannotLoad('not_found') };
export const ErrorRateLimit: Story = { name: 'Error: too many requests', ...cannotLoad('rate_limit') };
export const ErrorServer: Story = { name: 'Error: server failure', ...cannotLoad('server') };
export const ErrorNetwork: Story = { name: 'Error: offline', ...cannotLoad('network') };
export const ErrorTimeout: Story = { name: 'Error: timed out', ...cannotLoad('timeout') };

export const History: Story = {
  name: 'Status history: open',
  play: openHistory,
};

export const ExtensionRequest: Story = {
  name: 'Extension request: open',
  play: async (context) => {
    await openExtension(context);
  },
};

export const ExtensionMissingReason: Story = {
  name: 'Extension request: no reason given',
  play: requestExtensionWithoutReason,
};

export const ExtensionSent: Story = {
  name: 'Extension request: sent',
  play: requestExtensionAndExpectSent,
};

export const ExtensionFailed: Story = {
  name: 'Extension request: failed',
  parameters: { mockApi: { fail: { requestDealExtension: 'server' } } },
  play: requestExtensionAndExpectFailure,
};

export const LongText: Story = {
  name: 'Long text',
  parameters: {
    mockApi: {
      deals: makeDeals(7).map((d, i) => ({
        ...d,
        customer: {
          ...d.customer,
          company: i % 2 ? `${longCompanyName} Niederlassung Nordrhein-Westfalen` : longCompanyName,
        },
        rejectionReason: d.rejectionReason ? longReason : null,
      })),
    },
  },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings shown as text',
  parameters: {
    mockApi: {
      deals: makeDeals(3).map((d) => ({
        ...d,
        customer: { ...d.customer, company: hostile.image },
        rejectionReason: d.rejectionReason ? hostile.script : null,
      })),
    },
  },
};

export const German: Story = {
  name: 'German',
  globals: { locale: 'de' },
};

export const RightToLeft: Story = {
  name: 'Right to left',
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  name: 'Dark: status history open',
  globals: { theme: 'dark' },
  play: openHistory,
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  render: (args) =>
    narrowColumn(
      html`<pk-deal-list status=${args.status ?? ''} page-size=${args.pageSize ?? 10}></pk-deal-list>`,
    ),
  play: fitsItsColumn(loadedList),
};
