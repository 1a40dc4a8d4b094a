/** Strings of `<pk-field>`: its validation messages. */
const en = {
  optional: '(optional)',
  choose: 'Choose…',
  errorPrefix: 'Error:',
  required: 'This field is required.',
  email: 'Enter an email address like name@example.com.',
  invalid: 'Enter a valid value.',
  number: 'Enter a number.',
  min: (min: string) => `Enter ${min} or more.`,
  max: (max: string) => `Enter ${max} or less.`,
  minDate: (min: string) => `Choose ${min} or later.`,
  maxDate: (max: string) => `Choose ${max} or earlier.`,
  tooLong: (n: string) => `Use ${n} characters or fewer.`,
};

export type FieldStrings = typeof en;
export default en;
