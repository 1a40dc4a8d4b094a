// <pk-portal>: the provider every component needs. These stories show the components it holds
// together, what happens when the caller cannot be identified, and a vendor's brand applied
// through the public `--pk-*` tokens only (no other CSS reaches inside the components).
import '@partnerkit/elements/define/pk-deal-registration';
import '@partnerkit/elements/define/pk-deal-list';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';
import { within } from './support/play.js';
import { completeDraft, submit } from './support/registration.js';
import { loadFailure, type PortalParameters } from './support/states.js';

type Tokens = Record<string, string>;

const meta: Meta<Tokens> = {
  title: 'Components/pk-portal',
  component: 'pk-portal',
  // The stories' <pk-portal> comes from the preview's decorator, with the mock API's client; the
  // story renders what a vendor's page puts inside it.
  render: () => html`<pk-deal-registration></pk-deal-registration>`,
};
export default meta;
type Story = StoryObj<Tokens> & { parameters?: PortalParameters };

export const WithRegistration: Story = {
  name: 'Holding a registration form',
};

export const RegisterAndList: Story = {
  name: 'A registration appears in the list',
  parameters: { draft: completeDraft(), mockApi: { deals: 3 } },
  render: () => html`<pk-deal-registration></pk-deal-registration><hr /><pk-deal-list></pk-deal-list>`,
  play: async (context) => {
    await submit(context);
    const list = context.canvasElement.querySelector('pk-deal-list')!;
    await waitFor(
      () => expect(list.shadowRoot?.querySelector('[part~=row] h3')?.textContent).toBe('Globex Corporation'),
      within,
    );
  },
};

export const CallerUnknown: Story = {
  name: 'Error: not signed in',
  ...loadFailure('pk-deal-registration', 'getMe', 'authentication'),
};

/** Acme Cloud's brand: deep teal, a warm accent, rounder corners, a roomier layout. */
const brand: Tokens = {
  '--pk-color-primary': '#0f5c4d',
  '--pk-color-on-primary': '#ffffff',
  '--pk-color-text': '#17201e',
  '--pk-color-muted': '#4d5b57',
  '--pk-color-border': '#7a8c87',
  '--pk-color-surface': '#fbfaf6',
  '--pk-color-focus-ring': '#b7791f',
  '--pk-color-warning': '#8a4b00',
  '--pk-font-family': 'Georgia, "Times New Roman", serif',
  '--pk-radius': '0.75rem',
  '--pk-density': '1.15',
};

export const Theming: Story = {
  name: 'Theming: a vendor’s brand through tokens',
  args: brand,
  argTypes: Object.fromEntries(
    Object.keys(brand).map((token) => [
      token,
      { control: token.startsWith('--pk-color') ? 'color' : 'text', table: { category: 'tokens' } },
    ]),
  ),
  parameters: { draft: completeDraft() },
  render: (tokens) =>
    html`<div style=${styleMap(tokens)}><pk-deal-registration></pk-deal-registration></div>`,
};

export const ThemingDark: Story = {
  name: 'Theming: the same brand, dark',
  args: {
    ...brand,
    '--pk-color-primary': '#5fc7ae',
    '--pk-color-on-primary': '#06231d',
    '--pk-color-text': '#e6eeeb',
    '--pk-color-muted': '#a7b6b1',
    '--pk-color-border': '#6f817c',
    '--pk-color-surface': '#18211f',
    '--pk-color-focus-ring': '#f6c453',
    '--pk-color-warning': '#ffcc80',
  },
  argTypes: Theming.argTypes,
  parameters: { draft: completeDraft() },
  globals: { theme: 'dark' },
  render: Theming.render,
};

export const Compact: Story = {
  name: 'Theming: compact density',
  args: { '--pk-density': '0.75', '--pk-font-size': '0.875rem' },
  render: Theming.render,
};
