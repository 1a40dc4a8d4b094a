// What the request form and the claim form share: their strings, and the fields of an amount as
// typed and of a count of leads. Amounts are read into integer minor units from their digits.
import { check, type Validator } from '../../field/validators.js';
import type { PkElement } from '../../internal/element.js';
import type { Spec } from '../../internal/form.js';
import { Catalog } from '../../internal/i18n.js';
import en from './strings/en.js';

export const formsCatalog = new Catalog(en, () => import('./strings/de.js'));

/** The largest amount the contract accepts, in minor units. */
const MAX = 1e12;

/**
 * A field for an amount of `currency`, typed in the host's locale: readable as minor units, with
 * no more decimals than the currency has, and "For example 5,000.00" after `hint`; with `most`,
 * also above zero and at most `most` minor units (`above` says so, with the amount).
 */
export function amountSpec(
  host: PkElement,
  currency: string,
  hint: string,
  most?: number,
  above?: (left: string) => string,
): Spec {
  const t = host.strings(formsCatalog);
  const fmt = host.format;
  const minor = (test: (minor: number) => boolean, text: string): Validator =>
    check((v) => test(fmt.minor(v, currency)), text);
  const validators = [minor((m) => m <= MAX, t.amountInvalid)];
  if (most !== undefined)
    validators.push(
      minor((m) => m > 0, t.zero),
      minor((m) => m <= most, above!(fmt.money({ amount: most, currency }))),
    );
  const example = t.example(fmt.number(5000, { minimumFractionDigits: fmt.digits(currency) }));
  return { required: true, inputmode: 'decimal', hint: `${hint} ${example}`.trim(), validators };
}

/** A count of leads: a whole number from 0 to 10,000,000. */
export const leadsSpec = (host: PkElement): Spec => ({
  type: 'number',
  required: true,
  min: 0,
  max: 1e7,
  validators: [check((v) => /^\d+$/.test(v), host.strings(formsCatalog).whole)],
});
