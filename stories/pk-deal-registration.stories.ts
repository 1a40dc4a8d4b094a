// <pk-deal-registration> in every state, against the in-memory mock API. Each story is one state;
// the ones after a submit get there with a play function that clicks "Register deal".
import '@partnerkit/elements/define/pk-deal-registration';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import {
  demoFields,
  demoProducts,
  type MockApiOptions,
  type MockErrorKind,
  manyFields,
} from '../packages/elements/test/mock-api.js';
import {
  completeDraft,
  expectConflictHint,
  loadedForm,
  submit,
  submitAndExpectSummary,
} from './support/registration.js';

const meta: Meta = {
  title: 'Components/pk-deal-registration',
  component: 'pk-deal-registration',
  args: { checkDelay: 400 },
};
export default meta;
type Story = StoryObj & { parameters?: { mockApi?: MockApiOptions; draft?: Record<string, unknown> } };

export const Form: Story = {};

export const Loading: Story = {
  parameters: { mockApi: { latency: 'never' } },
};

export const Empty: Story = {
  name: 'Empty: no products open for registration',
  parameters: { mockApi: { products: [] } },
};

/** The form cannot load: one story per kind of failure, each with its message and a retry. */
const loadError = (kind: MockErrorKind): Story => ({
  parameters: { mockApi: { fail: { listProducts: kind } }, timeoutMs: kind === 'timeout' ? 1000 : 0 },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('pk-deal-registration')!;
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

export const DraftRestored: Story = {
  name: 'Draft restored',
  parameters: {
    draft: {
      '/customer/company': 'Initech GmbH',
      '/customer/country': 'DE',
      '/customer/contact/name': 'Bill Lumbergh',
    },
  },
};

export const MissingFields: Story = {
  name: 'Error summary: missing and invalid fields',
  parameters: {
    draft: {
      '/customer/company': 'Initech GmbH',
      '/customer/domain': 'not a domain',
      '/customer/contact/email': 'bill@',
    },
  },
  play: submitAndExpectSummary,
};

export const ServerFieldErrors: Story = {
  name: 'Error summary: field errors from the server',
  parameters: {
    draft: completeDraft(),
    mockApi: {
      fail: {
        registerDeal: {
          kind: 'validation',
          errors: [
            { pointer: '/customer/domain', code: 'reserved', message: 'This domain belongs to the vendor.' },
            {
              pointer: '/customFields/seats',
              code: 'too_many_seats',
              message: 'At most 200 seats per deal.',
            },
            {
              pointer: '/terms',
              code: 'unaccepted',
              message: 'The program terms have changed: accept them first.',
            },
          ],
        },
      },
    },
  },
  play: submitAndExpectSummary,
};

const conflict = (code: 'active_registration' | 'direct_account' | 'similar_customer'): MockApiOptions => ({
  conflict: {
    result: code === 'similar_customer' ? 'review' : 'conflict',
    reasons: [{ code, message: code }],
  },
});

export const ConflictActiveRegistration: Story = {
  name: 'Conflict: already registered',
  parameters: { mockApi: conflict('active_registration'), draft: completeDraft() },
  play: expectConflictHint,
};

export const ConflictDirectAccount: Story = {
  name: 'Conflict: direct-sales account',
  parameters: { mockApi: conflict('direct_account'), draft: completeDraft() },
  play: expectConflictHint,
};

export const ReviewSimilarCustomer: Story = {
  name: 'Conflict: similar customer (review)',
  parameters: { mockApi: conflict('similar_customer'), draft: completeDraft() },
  play: expectConflictHint,
};

export const ConflictOnSubmit: Story = {
  name: 'Conflict: refused on submit',
  parameters: { mockApi: conflict('active_registration'), draft: completeDraft() },
  play: submitAndExpectSummary,
};

/** The submission fails on the way: the draft and its idempotency key stay, and retry is offered. */
const submitError = (kind: MockErrorKind): Story => ({
  parameters: {
    draft: completeDraft(),
    mockApi: { fail: { registerDeal: kind } },
    timeoutMs: kind === 'timeout' ? 1000 : 0,
  },
  play: submitAndExpectSummary,
});
export const SubmitErrorNetwork = submitError('network');
export const SubmitErrorTimeout = submitError('timeout');
export const SubmitErrorServer = submitError('server');
export const SubmitErrorRateLimit = submitError('rate_limit');
export const SubmitErrorPermission = submitError('permission');
export const SubmitErrorAuthentication = submitError('authentication');

export const Success: Story = {
  name: 'Success: registered',
  parameters: { draft: completeDraft() },
  play: async (context) => {
    const el = await submit(context);
    await waitFor(() => expect(el.shadowRoot.querySelector('[part~=success]')).toBeTruthy(), {
      timeout: 5000,
    });
  },
};

export const SuccessUnderReview: Story = {
  name: 'Success: flagged for review',
  parameters: { mockApi: conflict('similar_customer'), draft: completeDraft() },
  play: Success.play,
};

export const ManyCustomFields: Story = {
  name: 'Many custom fields',
  parameters: { mockApi: { fields: manyFields(20) } },
};

const long = 'Kirchner Maschinenbau Gesellschaft mit beschränkter Haftung & Compagnie Kommanditgesellschaft';
export const LongText: Story = {
  name: 'Long text',
  parameters: {
    mockApi: {
      products: [
        ...demoProducts,
        {
          id: 'prd_long',
          name: 'Acme Enterprise Data Platform with Advanced Governance, Lineage and Compliance',
          family: 'Data',
        },
      ],
      fields: [
        ...demoFields,
        {
          key: 'procurement',
          label: 'Name of the procurement framework agreement under which the customer will buy',
          hint: 'If the customer buys through a public-sector framework, give its full name and lot number as it appears in the tender documents.',
          type: 'text',
          required: false,
          maxLength: 2000,
        },
      ],
    },
    draft: {
      ...completeDraft(),
      '/customer/company': long,
      '/customer/region': 'Nordrhein-Westfalen, Regierungsbezirk Düsseldorf',
      '/notes': `${long} is consolidating eleven regional subsidiaries onto one analytics platform. `.repeat(
        6,
      ),
    },
  },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings are text',
  parameters: {
    mockApi: {
      products: [{ id: 'prd_x', name: '<img src=x onerror=alert(1)> Acme Analytics', family: '<b>Data</b>' }],
      fields: [{ key: 'note', label: '<script>alert(1)</script> Note', type: 'text', required: false }],
    },
    draft: { '/customer/company': '<img src=x onerror=alert(1)>' },
  },
};

export const German: Story = {
  parameters: { draft: completeDraft() },
  globals: { locale: 'de' },
};

export const GermanErrors: Story = {
  name: 'German: error summary',
  parameters: { draft: { '/customer/company': 'Initech GmbH', '/customer/contact/email': 'bill@' } },
  globals: { locale: 'de' },
  play: submitAndExpectSummary,
};

export const RightToLeft: Story = {
  name: 'RTL',
  parameters: { draft: completeDraft() },
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  parameters: { draft: completeDraft() },
  globals: { theme: 'dark' },
};

export const DarkErrors: Story = {
  name: 'Dark: error summary',
  parameters: { draft: { '/customer/company': 'Initech GmbH' } },
  globals: { theme: 'dark' },
  play: submitAndExpectSummary,
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  parameters: { draft: completeDraft() },
  // The form fits the width it is given (here a phone's), wherever the page puts it.
  render: () => html`<div style="max-inline-size: 22rem"><pk-deal-registration></pk-deal-registration></div>`,
  play: async (context) => {
    const el = await loadedForm(context);
    await waitFor(() => expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth));
  },
};
