/** What a validator sees of a field: its value (a string, or the chosen values of a group). */
export interface Checked {
  readonly value: string | string[];
}

/**
 * A validator returns a message when the field's value is not acceptable, and nothing when it
 * is. Validators run after the built-in checks (required, type, pattern, min/max, length).
 */
export type Validator = (field: Checked) => string | undefined;

/**
 * A validator from a test of the text: `check(isDomain, t.domain)`. Empty fields pass, because
 * `required` says whether they may be empty.
 */
export const check =
  (test: (value: string) => boolean, message: string): Validator =>
  ({ value }) =>
    typeof value === 'string' && value.trim() && !test(value.trim()) ? message : undefined;
