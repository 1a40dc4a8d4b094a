// <pk-asset-library> in every state, against the in-memory mock API: the vendor's assets with
// search, filters, sorts, grid and list, thousands of them, downloads, and the co-branding of
// templates with the partner's details.
import '@partnerkit/elements/define/pk-asset-library';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  brochureTemplate,
  demoMe,
  type MockAsset,
  type MockErrorKind,
  makeAssets,
} from '../packages/elements/test/mock-api.js';
import {
  clickOnAsset,
  downloadAndExpectFailure,
  loadedLibrary,
  openCoBranding,
  searchFor,
} from './support/assets.js';
import {
  fitsItsColumn,
  hostile,
  loadFailure,
  longCompanyName,
  narrowColumn,
  type PortalParameters,
} from './support/states.js';

type LibraryArgs = { view?: string; sort?: string };

/** The partner's logo: a small inline SVG, as a partner's profile may hold it. */
const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="96" viewBox="0 0 240 96"><rect width="240" height="96" rx="12" fill="#0f766e"/><path d="M30 70 L52 26 L74 70 Z" fill="#fff"/><text x="88" y="60" font-family="Helvetica, Arial, sans-serif" font-size="30" font-weight="700" fill="#fff">Northwind</text></svg>',
)}`;
/** A logo that is not an image (its bytes are not a PNG): it fails to load without a request. */
const brokenLogo = 'data:image/png;base64,bm90IGEgcG5n';
const me = {
  ...demoMe,
  partner: {
    ...demoMe.partner!,
    logoUrl: logo,
    contact: { ...demoMe.partner!.contact, phone: '+49 30 1234567' },
  },
};
const now = Date.now();
/** A library whose first assets include each kind of template. */
const library = (n: number): MockAsset[] => makeAssets(n, now);
const brochures = (): MockAsset[] =>
  library(60).map((a, i) =>
    i === 0
      ? {
          ...a,
          title: 'Acme Shield: the buyer’s brochure',
          type: 'brochure',
          format: 'pdf',
          coBrandable: true,
          template: brochureTemplate(),
        }
      : a,
  );

const meta: Meta<LibraryArgs> = {
  title: 'Components/pk-asset-library',
  component: 'pk-asset-library',
  args: { view: 'grid', sort: 'newest' },
  argTypes: {
    view: { control: 'inline-radio', options: ['grid', 'list'] },
    sort: { control: 'select', options: ['newest', 'title', 'popular'] },
  },
  render: (args) =>
    html`<pk-asset-library view=${args.view ?? 'grid'} sort=${args.sort ?? 'newest'}></pk-asset-library>`,
  parameters: { mockApi: { assets: library(60), me } } satisfies PortalParameters,
};
export default meta;
type Story = StoryObj<LibraryArgs> & { parameters?: PortalParameters };

const cannotLoad = (kind: MockErrorKind) => loadFailure('pk-asset-library', 'listAssets', kind);

export const Grid: Story = { name: 'Library: grid' };

export const List: Story = { name: 'Library: list', args: { view: 'list' } };

export const MostUsed: Story = { name: 'Library: most used first', args: { sort: 'popular', view: 'list' } };

export const Searched: Story = {
  name: 'Library: searched',
  play: (context) => searchFor(context, 'shield').then(() => undefined),
};

export const Thousands: Story = {
  name: 'Many assets: 10,000',
  parameters: { mockApi: { assets: library(10_000), me } },
};

export const Loading: Story = { name: 'Loading', parameters: { mockApi: { latency: 'never' } } };

export const Empty: Story = { name: 'Empty: no assets yet', parameters: { mockApi: { assets: [] } } };

export const NoMatch: Story = {
  name: 'Empty: nothing matches the search',
  play: (context) => searchFor(context, 'zebra').then(() => undefined),
};

export const ErrorAuthentication: Story = { name: 'Error: not signed in', ...cannotLoad('authentication') };
export const ErrorPermission: Story = { name: 'Error: not allowed', ...cannotLoad('permission') };
export const ErrorNotFound: Story = { name: 'Error: not found', ...cannotLoad('not_found') };
export const ErrorRateLimit: Story = { name: 'Error: too many requests', ...cannotLoad('rate_limit') };
export const ErrorServer: Story = { name: 'Error: server failure', ...cannotLoad('server') };
export const ErrorNetwork: Story = { name: 'Error: offline', ...cannotLoad('network') };
export const ErrorTimeout: Story = { name: 'Error: timed out', ...cannotLoad('timeout') };

export const DownloadFailed: Story = {
  name: 'Download failed: server failure',
  parameters: { mockApi: { assets: library(60), me, fail: { createAssetDownload: 'server' } } },
  play: downloadAndExpectFailure,
};

export const CoBrandSvg: Story = {
  name: 'Co-branding: an SVG template',
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const CoBrandPdf: Story = {
  name: 'Co-branding: a PDF template',
  parameters: { mockApi: { assets: brochures(), me } },
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const CoBrandNoLogo: Story = {
  name: 'Co-branding: the logo does not load',
  parameters: {
    mockApi: {
      assets: library(60),
      me: { ...me, partner: { ...me.partner, logoUrl: brokenLogo } },
    },
  },
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const CoBrandLongName: Story = {
  name: 'Co-branding: a long company name',
  parameters: {
    mockApi: { assets: library(60), me: { ...me, partner: { ...me.partner, name: longCompanyName } } },
  },
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const LongText: Story = {
  name: 'Long text',
  parameters: {
    mockApi: {
      me,
      assets: library(12).map((a, i) => ({
        ...a,
        title: i % 2 ? `${longCompanyName}: ${a.title}` : a.title,
      })),
    },
  },
};

export const ServerStringsAreText: Story = {
  name: 'Server strings shown as text',
  parameters: {
    mockApi: {
      me: { ...me, partner: { ...me.partner, name: hostile.script } },
      assets: library(8).map((a, i) => ({ ...a, title: i % 2 ? hostile.image : hostile.bold })),
    },
  },
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const German: Story = { name: 'German', globals: { locale: 'de' } };

export const GermanCoBrand: Story = {
  name: 'German: co-branding',
  globals: { locale: 'de' },
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const RightToLeft: Story = { name: 'Right to left', globals: { direction: 'rtl' } };

export const Dark: Story = { name: 'Dark', globals: { theme: 'dark' } };

export const DarkCoBrand: Story = {
  name: 'Dark: co-branding',
  globals: { theme: 'dark' },
  play: (context) => openCoBranding(context).then(() => undefined),
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  render: (args) =>
    narrowColumn(
      html`<pk-asset-library view=${args.view ?? 'grid'} sort=${args.sort ?? 'newest'}></pk-asset-library>`,
    ),
  play: fitsItsColumn(loadedLibrary),
};

export const Downloaded: Story = {
  name: 'Success: a download started',
  play: async (context) => {
    await clickOnAsset(context, 'Download');
  },
};
