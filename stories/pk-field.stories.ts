// <pk-field>: the labelled, form-associated control every Partnerkit form is made of, in each
// type and state. Args and docs come from the custom-elements manifest.
import '@partnerkit/elements/define/pk-field';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';

type FieldArgs = Record<string, unknown>;

/** The field inside a form, as it is used; the story's args become its properties. */
const inForm = (args: FieldArgs) => {
  const form = document.createElement('form');
  form.noValidate = true;
  const field = document.createElement('pk-field');
  Object.assign(field, args);
  form.append(field);
  return form;
};

const field = (canvas: HTMLElement) => canvas.querySelector('pk-field')!;

/** Checks the field as a submit would: its inline error shows. */
const check = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = field(canvasElement);
  await el.updateComplete;
  el.checkValidity();
  await waitFor(() =>
    expect(el.shadowRoot?.querySelector('[part=error]')?.hasAttribute('hidden')).toBe(false),
  );
};

const meta: Meta<FieldArgs> = {
  title: 'Fields/pk-field',
  component: 'pk-field',
  render: inForm,
  args: { type: 'text', name: 'company', label: 'Company name' },
};
export default meta;
type Story = StoryObj<FieldArgs>;

export const Text: Story = {
  args: { hint: 'As it appears on the customer’s contract.', required: true, autocomplete: 'organization' },
};

export const Optional: Story = {
  args: { name: 'region', label: 'State, province or region' },
};

export const Filled: Story = {
  args: { required: true, value: 'Globex Corporation' },
};

export const Email: Story = {
  args: { type: 'email', name: 'email', label: 'Email address', required: true, autocomplete: 'email' },
};

export const Phone: Story = {
  args: {
    type: 'tel',
    name: 'phone',
    label: 'Phone number',
    hint: 'With the country code, e.g. +49 30 1234567',
  },
};

export const NumberField: Story = {
  name: 'Number',
  args: { type: 'number', name: 'seats', label: 'Number of seats', min: '1', max: '100000', required: true },
};

export const DateField: Story = {
  name: 'Date',
  args: { type: 'date', name: 'close', label: 'Expected close date', min: '2026-01-01', required: true },
};

export const Textarea: Story = {
  args: { type: 'textarea', name: 'notes', label: 'Notes for the vendor', maxlength: 4000 },
};

const industries = [
  { value: 'manufacturing', label: 'Manufacturing' },
  { value: 'finance', label: 'Financial services' },
  { value: 'public', label: 'Public sector' },
  { value: 'health', label: 'Healthcare' },
];

export const Select: Story = {
  args: { type: 'select', name: 'industry', label: 'Industry', options: industries, required: true },
};

export const SelectSeveral: Story = {
  name: 'Select several',
  args: {
    type: 'select',
    name: 'products',
    label: 'Products',
    hint: 'Hold Ctrl (⌘ on a Mac) to choose several.',
    multiple: true,
    options: industries,
    value: ['finance', 'health'],
  },
};

export const Checkbox: Story = {
  args: {
    type: 'checkbox',
    name: 'competitive',
    label: 'Competitive deal',
    hint: 'Another vendor is bidding.',
  },
};

export const Disabled: Story = {
  args: { value: 'Globex Corporation', disabled: true },
};

export const Required: Story = {
  name: 'Error: required',
  args: { required: true },
  play: check,
};

export const InvalidEmail: Story = {
  name: 'Error: invalid email',
  args: { type: 'email', name: 'email', label: 'Email address', required: true, value: 'hank@' },
  play: check,
};

export const OutOfRange: Story = {
  name: 'Error: out of range',
  args: { type: 'number', name: 'seats', label: 'Number of seats', min: '1', max: '500', value: '1200' },
  play: check,
};

export const ServerError: Story = {
  name: 'Error: from the server',
  args: { required: true, value: 'Globex', error: 'This customer is on the direct-sales list.' },
};

export const LongText: Story = {
  name: 'Long text',
  args: {
    label: 'Name of the customer’s legal entity as registered with the commercial court of its seat',
    hint: 'Use the full registered name, including the legal form, for example “Kirchner Maschinenbau Gesellschaft mit beschränkter Haftung & Compagnie Kommanditgesellschaft”, so that the vendor can match it to its records.',
    value: 'Kirchner Maschinenbau Gesellschaft mit beschränkter Haftung & Compagnie Kommanditgesellschaft',
    required: true,
  },
};

export const German: Story = {
  args: { type: 'email', name: 'email', label: 'E-Mail-Adresse', required: true, value: 'hank@' },
  globals: { locale: 'de' },
  play: check,
};

export const RightToLeft: Story = {
  name: 'RTL',
  args: {
    label: 'اسم الشركة',
    hint: 'كما هو مكتوب في عقد العميل',
    required: true,
    value: 'شركة النور للتقنية',
  },
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  args: { required: true, hint: 'As it appears on the customer’s contract.' },
  globals: { theme: 'dark' },
  play: check,
};
