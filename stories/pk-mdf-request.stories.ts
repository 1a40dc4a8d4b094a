// <pk-mdf-request> in every state, against the in-memory mock API: the fund of a period with its
// figures and bar, the requests in every status with their claims, the request form and the claim
// form with its proof files. The stories after a click get there with a play function.
import '@partnerkit/elements/define/pk-mdf-request';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  demoFunds,
  demoMdfRequests,
  halfYear,
  type MockErrorKind,
  mdfRequest,
} from '../packages/elements/test/mock-api.js';
import {
  CLAIMED,
  claimWithFiles,
  fillForm,
  fundOf,
  loadedMdf,
  openClaim,
  openHistoryOf,
  openRequest,
  played,
  proof,
  requestDraft,
  requestFailure,
  sendClaimAndExpectSummary,
  sendRequestAndExpectSent,
  sendRequestAndExpectSummary,
} from './support/mdf.js';
import { shown } from './support/play.js';
import {
  fitsItsColumn,
  hostile,
  loadFailure,
  longReason,
  narrowColumn,
  type PortalParameters,
} from './support/states.js';

type MdfArgs = { fundId?: string };

const meta: Meta<MdfArgs> = {
  title: 'Components/pk-mdf-request',
  component: 'pk-mdf-request',
  args: { fundId: '' },
  argTypes: { fundId: { control: 'select', options: ['', 'fund_current', 'fund_previous'] } },
  render: (args) => html`<pk-mdf-request fund-id=${args.fundId ?? ''}></pk-mdf-request>`,
};
export default meta;
type Story = StoryObj<MdfArgs> & { parameters?: PortalParameters };

/** The fund cannot load: the component shows the failure's message and a retry. */
const cannotLoad = (kind: MockErrorKind) => loadFailure('pk-mdf-request', 'listMdfFunds', kind);

export const Fund: Story = {
  name: 'Fund: this period, requests in every status',
};

export const PastPeriod: Story = {
  name: 'Fund: a past period',
  args: { fundId: 'fund_previous' },
};

export const NearlyUsedUp: Story = {
  name: 'Fund: nearly used up',
  parameters: { mockApi: fundOf(1_500_000, 1_487_550) },
};

export const UsedUp: Story = {
  name: 'Fund: used up',
  parameters: { mockApi: fundOf(1_500_000, 1_500_000) },
};

export const Yen: Story = {
  name: 'Fund: in a currency without decimals (JPY)',
  parameters: { mockApi: fundOf(2_500_000, 730_000, 'JPY') },
  play: played(openRequest),
};

export const Loading: Story = {
  name: 'Loading',
  parameters: { mockApi: { latency: 'never' } },
};

export const NoFund: Story = {
  name: 'Empty: no fund for the period',
  parameters: { mockApi: { funds: [] } },
};

export const NoRequests: Story = {
  name: 'Empty: no requests yet',
  parameters: { mockApi: fundOf(2_000_000) },
};

export const ErrorAuthentication: Story = { name: 'Error: not signed in', ...cannotLoad('authentication') };
export const ErrorPermission: Story = { name: 'Error: not allowed', ...cannotLoad('permission') };
export const ErrorNotFound: Story = { name: 'Error: not found', ...cannotLoad('not_found') };
export const ErrorRateLimit: Story = { name: 'Error: too many requests', ...cannotLoad('rate_limit') };
export const ErrorServer: Story = { name: 'Error: server failure', ...cannotLoad('server') };
export const ErrorNetwork: Story = { name: 'Error: offline', ...cannotLoad('network') };
export const ErrorTimeout: Story = { name: 'Error: timed out', ...cannotLoad('timeout') };

export const PartialApproval: Story = {
  name: 'Requests: a partial approval, its history open',
  play: (context) => openHistoryOf(context, 'Webinar series: data platforms for manufacturers'),
};

export const ManyRequests: Story = {
  name: 'Requests: many, after “Show more”',
  parameters: { mockApi: { ...fundOf(10_000_000), mdfRequests: 36 } },
  play: async (context) => {
    const el = await loadedMdf(context);
    el.shadowRoot.querySelector<HTMLButtonElement>('[part~=more]')?.click();
    await shown(el, '[part~=row]:nth-child(11)');
  },
};

export const RequestForm: Story = {
  name: 'Request form: blank',
  play: played(openRequest),
};

export const RequestDraft: Story = {
  name: 'Request form: draft restored',
  parameters: { mdfDraft: { '/activityType': 'webinar', '/title': 'Webinar: Acme Shield in 45 minutes' } },
  play: played(openRequest),
};

export const RequestMissing: Story = {
  name: 'Request form: missing and invalid fields',
  parameters: {
    mdfDraft: { '/title': 'Roadshow', '/description': '   ', '/requestedAmount/amount': '12.5.0' },
  },
  play: sendRequestAndExpectSummary,
};

export const RequestAboveRemaining: Story = {
  name: 'Request form: more than remains',
  parameters: { mdfDraft: requestDraft('124.51'), mockApi: fundOf(1_500_000, 1_487_550) },
  play: sendRequestAndExpectSummary,
};

export const RequestRefused: Story = {
  name: 'Request form: refused, the fund has less left now',
  parameters: {
    mdfDraft: requestDraft('2,500.00'),
    mockApi: {
      fail: {
        createMdfRequest: {
          kind: 'validation',
          code: 'exceeds_remaining',
          errors: [
            {
              pointer: '/requestedAmount/amount',
              code: 'exceeds_remaining',
              message: "The requested amount (250000) is above the fund's remaining amount (120000).",
            },
          ],
        },
      },
    },
  },
  play: sendRequestAndExpectSummary,
};

export const RequestSent: Story = {
  name: 'Request form: sent',
  parameters: { mdfDraft: requestDraft() },
  play: sendRequestAndExpectSent,
};

export const ClaimForm: Story = {
  name: 'Claim form: with files',
  play: played((context) =>
    claimWithFiles(context, [
      proof('invoice-cloudworld-2026.pdf'),
      proof('booth photo.jpg', 'image/jpeg', 2_306_867),
      proof('badge scans.png', 'image/png', 512_000),
    ]),
  ),
};

export const ClaimFileErrors: Story = {
  name: 'Claim form: files not added',
  play: played((context) =>
    claimWithFiles(context, [
      proof('invoice.pdf'),
      proof('agenda.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      proof('video of the booth.pdf', 'application/pdf', 6 * 1024 * 1024),
      proof('empty.pdf', 'application/pdf', 0),
    ]),
  ),
};

export const ClaimNoFiles: Story = {
  name: 'Claim form: no file attached',
  play: async (context) => {
    const el = await openClaim(context, CLAIMED);
    await fillForm(el, { '/amount/amount': '5,180.00' });
    await sendClaimAndExpectSummary(el);
  },
};

export const ClaimAboveApproved: Story = {
  name: 'Claim form: more than was approved',
  play: async (context) => {
    const el = await claimWithFiles(context, [proof('invoice.pdf')], '5,400.01');
    await sendClaimAndExpectSummary(el);
  },
};

export const ClaimFileRefused: Story = {
  name: 'Claim form: a file refused by the server',
  parameters: {
    mockApi: {
      fail: {
        createMdfClaim: {
          kind: 'validation',
          code: 'invalid_file',
          errors: [
            {
              pointer: '/proofs/1/dataBase64',
              code: 'content_type_mismatch',
              message: 'The file is not a JPEG image, as its content type says.',
            },
          ],
        },
      },
    },
  },
  play: async (context) => {
    const el = await claimWithFiles(context, [proof('invoice.pdf'), proof('photo.jpg', 'image/jpeg')]);
    await sendClaimAndExpectSummary(el);
  },
};

// The request fails on the way: the draft and its idempotency key stay, and retry is offered.
export const SubmitErrorNetwork: Story = { name: 'Submit failed: offline', ...requestFailure('network') };
export const SubmitErrorTimeout: Story = { name: 'Submit failed: timed out', ...requestFailure('timeout') };
export const SubmitErrorServer: Story = {
  name: 'Submit failed: server failure',
  ...requestFailure('server'),
};
export const SubmitErrorRateLimit: Story = {
  name: 'Submit failed: too many requests',
  ...requestFailure('rate_limit'),
};
export const SubmitErrorPermission: Story = {
  name: 'Submit failed: not allowed',
  ...requestFailure('permission'),
};
export const SubmitErrorAuthentication: Story = {
  name: 'Submit failed: not signed in',
  ...requestFailure('authentication'),
};

const period = halfYear(Date.now());
const longFund = {
  id: 'fund_long',
  period: { ...period, label: `${period.label} EMEA` },
  currency: 'EUR',
  allocated: 12_000_000,
};
const longTitle =
  'Joint roadshow with Kirchner Maschinenbau and three regional system integrators across Nordrhein-Westfalen, Bayern and Baden-Württemberg';

export const LongText: Story = {
  name: 'Long text',
  parameters: {
    mockApi: {
      funds: [longFund],
      mdfRequests: [
        mdfRequest({
          id: 'mdfr_401',
          fund: longFund,
          status: 'rejected',
          title: longTitle,
          activityType: 'event',
          requested: 4_800_000,
          note: longReason,
        }),
        mdfRequest({
          id: 'mdfr_402',
          fund: longFund,
          status: 'partially_approved',
          title: `${longTitle}, second leg`,
          activityType: 'content_syndication',
          requested: 3_900_000,
          approved: 2_750_000,
          note: `${longReason} ${longReason}`,
          claims: [{ amount: 2_750_000, status: 'rejected', reason: longReason }],
        }),
      ],
    },
  },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings shown as text',
  parameters: {
    mockApi: {
      funds: [{ ...demoFunds()[0]!, period: { ...demoFunds()[0]!.period, label: hostile.bold } }],
      mdfRequests: demoMdfRequests()
        .filter((r) => r.fundId === 'fund_current')
        .slice(2, 5)
        .map((r) => ({
          ...r,
          title: `${hostile.image} ${r.title}`,
          rejectionReason: r.rejectionReason ? hostile.script : null,
          history: r.history.map((h) => (h.reason ? { ...h, reason: hostile.script } : h)),
        })),
    },
  },
};

export const German: Story = {
  name: 'German',
  globals: { locale: 'de' },
};

export const GermanClaim: Story = {
  name: 'German: claim form with files',
  globals: { locale: 'de' },
  play: played((context) =>
    claimWithFiles(context, [proof('rechnung.pdf'), proof('notizen.txt', 'text/plain')], '5.180,00'),
  ),
};

export const RightToLeft: Story = {
  name: 'Right to left',
  globals: { direction: 'rtl' },
};

export const RightToLeftForm: Story = {
  name: 'Right to left: request form',
  globals: { direction: 'rtl' },
  parameters: { mdfDraft: requestDraft() },
  play: played(openRequest),
};

export const Dark: Story = {
  name: 'Dark',
  globals: { theme: 'dark' },
};

export const DarkClaim: Story = {
  name: 'Dark: claim form with files',
  globals: { theme: 'dark' },
  play: played((context) =>
    claimWithFiles(context, [proof('invoice.pdf'), proof('notes.txt', 'text/plain')]),
  ),
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  render: (args) => narrowColumn(html`<pk-mdf-request fund-id=${args.fundId ?? ''}></pk-mdf-request>`),
  play: fitsItsColumn(loadedMdf),
};

export const NarrowClaim: Story = {
  name: 'Narrow: claim form',
  render: (args) => narrowColumn(html`<pk-mdf-request fund-id=${args.fundId ?? ''}></pk-mdf-request>`),
  play: async (context) => {
    const el = await claimWithFiles(context, [proof('invoice-cloudworld-amsterdam-2026-final.pdf')]);
    await fitsItsColumn(async () => el)(context);
  },
};
