// <pk-deal-list> in every state, against the in-memory mock API: the partner's registrations with
// the status filter, paging, the status history and the extension request.
import '@partnerkit/elements/define/pk-deal-list';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { type MockApiOptions, type MockErrorKind, makeDeals } from '../packages/elements/test/mock-api.js';
import { clickInFirstRow, loadedList } from './support/list.js';

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
  parameters: { mockApi: { deals: 12 } satisfies MockApiOptions },
};
export default meta;
type Story = StoryObj<ListArgs>;

export const List: Story = {};

export const Loading: Story = {
  parameters: { mockApi: { latency: 'never' } },
};

export const Empty: Story = {
  parameters: { mockApi: { deals: [] } },
};

export const EmptyFiltered: Story = {
  name: 'Empty: nothing with this status',
  args: { status: 'won' },
  parameters: { mockApi: { deals: makeDeals(4) } },
};

export const Filtered: Story = {
  name: 'Filtered: approved',
  args: { status: 'approved' },
  parameters: { mockApi: { deals: 40 } },
};

/** The list cannot load: one story per kind of failure, each with its message and a retry. */
const loadError = (kind: MockErrorKind): Story => ({
  parameters: {
    mockApi: { fail: { listDealRegistrations: kind } },
    timeoutMs: kind === 'timeout' ? 1000 : 0,
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('pk-deal-list')!;
    await waitFor(
      () => expect(el.shadowRoot?.querySelector('[part~=status][role=alert], .alert')).toBeTruthy(),
      {
        timeout: 5000,
      },
    );
  },
});
export const ErrorAuthentication = loadError('authentication');
export const ErrorPermission = loadError('permission');
export const ErrorNotFound = loadError('not_found');
export const ErrorRateLimit = loadError('rate_limit');
export const ErrorServer = loadError('server');
export const ErrorNetwork = loadError('network');
export const ErrorTimeout = loadError('timeout');

export const ManyPages: Story = {
  name: 'Many pages: after “Show more”',
  parameters: { mockApi: { deals: 120 } },
  play: async (context) => {
    const el = await loadedList(context);
    const more = el.shadowRoot.querySelector<HTMLButtonElement>('[part~=more]');
    if (!more) throw new Error('no "Show more" button');
    await userEvent.click(more);
    await waitFor(() => expect(el.shadowRoot.querySelectorAll('[part~=row]').length).toBe(20), {
      timeout: 5000,
    });
  },
};

export const History: Story = {
  name: 'Status history open',
  play: async (context) => {
    const el = await clickInFirstRow(context, 'Status history');
    await waitFor(() => expect(el.shadowRoot.querySelector('[part~=history]')).toBeTruthy());
  },
};

export const ExtensionRequest: Story = {
  name: 'Extension request',
  play: async (context) => {
    const el = await clickInFirstRow(context, 'Request an extension');
    await waitFor(() => expect(el.shadowRoot.querySelector('[part~=extension]')).toBeTruthy());
  },
};

/** Opens the extension form of the first registration that allows one, and sends `reason`. */
const requestExtension = (reason: string) => async (context: { canvasElement: HTMLElement }) => {
  const el = await clickInFirstRow(context, 'Request an extension');
  const field = await waitFor(() => {
    const f = el.shadowRoot.querySelector<HTMLElement>('[part~=extension] pk-field');
    expect(f).toBeTruthy();
    return f!;
  });
  const input = await waitFor(() => {
    const i = field.shadowRoot?.querySelector('textarea');
    expect(i).toBeTruthy();
    return i!;
  });
  if (reason) await userEvent.type(input, reason);
  const send = el.shadowRoot.querySelector<HTMLButtonElement>('[part~=extension] button[type=submit]');
  await userEvent.click(send!);
  return el;
};

export const ExtensionMissingReason: Story = {
  name: 'Extension request: no reason given',
  play: async (context) => {
    const el = await requestExtension('')(context);
    const field = el.shadowRoot.querySelector<HTMLElement>('[part~=extension] pk-field')!;
    await waitFor(() =>
      expect(field.shadowRoot?.querySelector('[part=error]')?.hasAttribute('hidden')).toBe(false),
    );
  },
};

export const ExtensionSent: Story = {
  name: 'Extension request: sent',
  play: async (context) => {
    const el = await requestExtension('The customer’s board meets again in six weeks.')(context);
    await waitFor(() => expect(el.shadowRoot.querySelector('[part~=extension]')).toBeNull(), {
      timeout: 5000,
    });
  },
};

export const ExtensionFailed: Story = {
  name: 'Extension request: failed',
  parameters: { mockApi: { deals: 12, fail: { requestDealExtension: 'server' } } },
  play: async (context) => {
    const el = await requestExtension('The customer’s board meets again in six weeks.')(context);
    await waitFor(
      () =>
        expect(
          el.shadowRoot.querySelector('[part~=extension] [role=alert], [part~=extension] .alert'),
        ).toBeTruthy(),
      {
        timeout: 5000,
      },
    );
  },
};

const longName =
  'Kirchner Maschinenbau Gesellschaft mit beschränkter Haftung & Compagnie Kommanditgesellschaft';
export const LongText: Story = {
  name: 'Long text',
  parameters: {
    mockApi: {
      deals: makeDeals(7).map((d, i) => ({
        ...d,
        customer: {
          ...d.customer,
          company: i % 2 ? `${longName} Niederlassung Nordrhein-Westfalen` : longName,
        },
        rejectionReason: d.rejectionReason
          ? 'The customer is already covered by another partner’s approved registration for the same products, which remains protected until the end of the quarter; you may register again if that registration expires without a closed deal.'
          : null,
      })),
    },
  },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings are text',
  parameters: {
    mockApi: {
      deals: makeDeals(3).map((d) => ({
        ...d,
        customer: { ...d.customer, company: '<img src=x onerror=alert(1)>' },
        rejectionReason: d.rejectionReason ? '<script>alert(1)</script>' : null,
      })),
    },
  },
};

export const German: Story = {
  globals: { locale: 'de' },
};

export const RightToLeft: Story = {
  name: 'RTL',
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async (context) => {
    const el = await clickInFirstRow(context, 'Status history');
    await waitFor(() => expect(el.shadowRoot.querySelector('[part~=history]')).toBeTruthy());
  },
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  render: (args) =>
    html`<div style="max-inline-size: 22rem"><pk-deal-list status=${args.status ?? ''} page-size=${args.pageSize ?? 10}></pk-deal-list></div>`,
  play: async (context) => {
    const el = await loadedList(context);
    await waitFor(() => expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth));
  },
};
