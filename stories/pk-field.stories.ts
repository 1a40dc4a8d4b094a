// <pk-field>: the labelled, form-associated control every Partnerkit form is made of, in each
// type and state. Args and docs come from the custom-elements manifest.
import '@partnerkit/elements/define/pk-field';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { checkField, type FieldArgs, fieldInForm } from './support/field.js';
import { longCompanyName } from './support/states.js';

const meta: Meta<FieldArgs> = {
  title: 'Fields/pk-field',
  component: 'pk-field',
  render: fieldInForm,
  args: { type: 'text', name: 'company', label: 'Company name' },
};
export default meta;
type Story = StoryObj<FieldArgs>;

export const Text: Story = {
  name: 'Text: required, with a hint',
  args: { hint: 'As it appears on the customer’s contract.', required: true, autocomplete: 'organization' },
};

export const Optional: Story = {
  name: 'Text: optional',
  args: { name: 'region', label: 'State, province or region' },
};

export const Filled: Story = {
  name: 'Text: filled in',
  args: { required: true, value: 'Globex Corporation' },
};

export const Disabled: Story = {
  name: 'Text: disabled',
  args: { value: 'Globex Corporation', disabled: true },
};

export const Email: Story = {
  name: 'Email',
  args: { type: 'email', name: 'email', label: 'Email address', required: true, autocomplete: 'email' },
};

export const Phone: Story = {
  name: 'Phone',
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
  name: 'Multi-line text',
  args: { type: 'textarea', name: 'notes', label: 'Notes for the vendor', maxlength: 4000 },
};

const industries = [
  { value: 'manufacturing', label: 'Manufacturing' },
  { value: 'finance', label: 'Financial services' },
  { value: 'public', label: 'Public sector' },
  { value: 'health', label: 'Healthcare' },
];

export const Select: Story = {
  name: 'Select: one',
  args: { type: 'select', name: 'industry', label: 'Industry', options: industries, required: true },
};

export const SelectSeveral: Story = {
  name: 'Select: several',
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

export const Checkboxes: Story = {
  name: 'Checkboxes: a group',
  args: {
    type: 'checkboxes',
    name: 'products',
    label: 'Products',
    hint: 'Choose every product the deal includes.',
    required: true,
    options: [
      { value: 'prd_analytics', label: 'Acme Analytics' },
      { value: 'prd_warehouse', label: 'Acme Warehouse' },
      { value: 'prd_shield', label: 'Acme Shield' },
      { value: 'prd_flow', label: 'Acme Flow' },
    ],
    value: ['prd_analytics', 'prd_shield'],
  },
};

export const CheckboxesRequired: Story = {
  name: 'Checkboxes: none chosen',
  args: { ...Checkboxes.args, value: [] },
  play: checkField,
};

export const Checkbox: Story = {
  name: 'Checkbox',
  args: {
    type: 'checkbox',
    name: 'competitive',
    label: 'Competitive deal',
    hint: 'Another vendor is bidding.',
  },
};

export const Required: Story = {
  name: 'Error: required',
  args: { required: true },
  play: checkField,
};

export const InvalidEmail: Story = {
  name: 'Error: invalid email',
  args: { type: 'email', name: 'email', label: 'Email address', required: true, value: 'hank@' },
  play: checkField,
};

export const OutOfRange: Story = {
  name: 'Error: out of range',
  args: { type: 'number', name: 'seats', label: 'Number of seats', min: '1', max: '500', value: '1200' },
  play: checkField,
};

export const ServerError: Story = {
  name: 'Error: from the server',
  args: { required: true, value: 'Globex', error: 'This customer is on the direct-sales list.' },
};

export const LongText: Story = {
  name: 'Long text',
  args: {
    label: 'Name of the customer’s legal entity as registered with the commercial court of its seat',
    hint: `Use the full registered name, including the legal form, for example “${longCompanyName}”, so that the vendor can match it to its records.`,
    value: longCompanyName,
    required: true,
  },
};

export const German: Story = {
  name: 'German: invalid email',
  args: { type: 'email', name: 'email', label: 'E-Mail-Adresse', required: true, value: 'hank@' },
  globals: { locale: 'de' },
  play: checkField,
};

export const RightToLeft: Story = {
  name: 'Right to left: Arabic',
  args: {
    label: 'اسم الشركة',
    hint: 'كما هو مكتوب في عقد العميل',
    required: true,
    value: 'شركة النور للتقنية',
  },
  globals: { direction: 'rtl' },
};

export const Dark: Story = {
  name: 'Dark: required and empty',
  args: { required: true, hint: 'As it appears on the customer’s contract.' },
  globals: { theme: 'dark' },
  play: checkField,
};
