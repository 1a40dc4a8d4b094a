// <pk-deal-registration> in every state, against the in-memory mock API. Each story is one state;
// the ones after a submit get there with a play function that clicks "Register deal".
import '@partnerkit/elements/define/pk-deal-registration';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  demoFields,
  demoProducts,
  type MockErrorKind,
  manyFields,
} from '../packages/elements/test/mock-api.js';
import {
  completeDraft,
  conflict,
  expectConflictHint,
  loadedForm,
  submitAndExpectSuccess,
  submitAndExpectSummary,
  submitFailure,
} from './support/registration.js';
import {
  fitsItsColumn,
  hostile,
  loadFailure,
  longCompanyName,
  narrowColumn,
  type PortalParameters,
} from './support/states.js';

const meta: Meta = {
  title: 'Components/pk-deal-registration',
  component: 'pk-deal-registration',
  args: { checkDelay: 400 },
};
export default meta;
type Story = StoryObj & { parameters?: PortalParameters };

/** The form cannot load its products: it shows the failure's message and a retry. */
const cannotLoad = (kind: MockErrorKind) => loadFailure('pk-deal-registration', 'listProducts', kind);

export const Form: Story = {
  name: 'Form: blank',
};

export const DraftRestored: Story = {
  name: 'Form: draft restored',
  parameters: {
    draft: {
      '/customer/company': 'Initech GmbH',
      '/customer/country': 'DE',
      '/customer/contact/name': 'Bill Lumbergh',
    },
  },
};

export const Loading: Story = {
  name: 'Loading',
  parameters: { mockApi: { latency: 'never' } },
};

export const Empty: Story = {
  name: 'Empty: no products open for registration',
  parameters: { mockApi: { products: [] } },
};

export const ErrorAuthentication: Story = { name: 'Error: not signed in', ...cannotLoad('authentication') };
export const ErrorPermission: Story = { name: 'Error: not allowed', ...cannotLoad('permission') };
export const ErrorNotFound: Story = { name: 'Error: not found', ...cannotLoad('not_found') };
export const ErrorRateLimit: Story = { name: 'Error: too many requests', ...cannotLoad('rate_limit') };
export const ErrorServer: Story = { name: 'Error: server failure', ...cannotLoad('server') };
export const ErrorNetwork: Story = { name: 'Error: offline', ...cannotLoad('network') };
export const ErrorTimeout: Story = { name: 'Error: timed out', ...cannotLoad('timeout') };

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
  name: 'Conflict: similar customer, for review',
  parameters: { mockApi: conflict('similar_customer'), draft: completeDraft() },
  play: expectConflictHint,
};

export const ConflictOnSubmit: Story = {
  name: 'Conflict: refused on submit',
  parameters: { mockApi: conflict('active_registration'), draft: completeDraft() },
  play: submitAndExpectSummary,
};

// The submission fails on the way: the draft and its idempotency key stay, and retry is offered.
export const SubmitErrorNetwork: Story = { name: 'Submit failed: offline', ...submitFailure('network') };
export const SubmitErrorTimeout: Story = { name: 'Submit failed: timed out', ...submitFailure('timeout') };
export const SubmitErrorServer: Story = { name: 'Submit failed: server failure', ...submitFailure('server') };
export const SubmitErrorRateLimit: Story = {
  name: 'Submit failed: too many requests',
  ...submitFailure('rate_limit'),
};
export const SubmitErrorPermission: Story = {
  name: 'Submit failed: not allowed',
  ...submitFailure('permission'),
};
export const SubmitErrorAuthentication: Story = {
  name: 'Submit failed: not signed in',
  ...submitFailure('authentication'),
};

export const Success: Story = {
  name: 'Success: registered',
  parameters: { draft: completeDraft() },
  play: submitAndExpectSuccess,
};

export const SuccessUnderReview: Story = {
  name: 'Success: flagged for review',
  parameters: { mockApi: conflict('similar_customer'), draft: completeDraft() },
  play: submitAndExpectSuccess,
};

export const ManyCustomFields: Story = {
  name: 'Many custom fields',
  parameters: { mockApi: { fields: manyFields(20) } },
};

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
      '/customer/company': longCompanyName,
      '/customer/region': 'Nordrhein-Westfalen, Regierungsbezirk Düsseldorf',
      '/notes':
        `${longCompanyName} is consolidating eleven regional subsidiaries onto one analytics platform. `.repeat(
          6,
        ),
    },
  },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings shown as text',
  parameters: {
    mockApi: {
      products: [{ id: 'prd_x', name: `${hostile.image} Acme Analytics`, family: hostile.bold }],
      fields: [{ key: 'note', label: `${hostile.script} Note`, type: 'text', required: false }],
    },
    draft: { '/customer/company': hostile.image },
  },
};

export const German: Story = {
  name: 'German',
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
  name: 'Right to left',
  parameters: { draft: completeDraft() },
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  name: 'Dark',
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
  render: () => narrowColumn(html`<pk-deal-registration></pk-deal-registration>`),
  play: fitsItsColumn(loadedForm),
};
