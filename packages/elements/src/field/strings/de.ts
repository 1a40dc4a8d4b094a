import type { FieldStrings } from './en.js';

export default {
  optional: '(optional)',
  choose: 'Bitte wählen …',
  errorPrefix: 'Fehler:',
  required: 'Dieses Feld ist erforderlich.',
  email: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
  invalid: 'Geben Sie einen gültigen Wert ein.',
  number: 'Geben Sie eine Zahl ein.',
  min: (min: string) => `Geben Sie mindestens ${min} ein.`,
  max: (max: string) => `Geben Sie höchstens ${max} ein.`,
  minDate: (min: string) => `Wählen Sie ${min} oder später.`,
  maxDate: (max: string) => `Wählen Sie ${max} oder früher.`,
  tooLong: (n: string) => `Verwenden Sie höchstens ${n} Zeichen.`,
} satisfies FieldStrings;
