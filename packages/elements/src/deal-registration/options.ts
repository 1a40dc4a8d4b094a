import type { FieldOption } from '../field/field.js';

/** Region codes with a name that are not countries (continents, unions, reserved codes). */
const NOT_COUNTRIES = new Set('ACCPCQDGEAEUEZICQOTAUNXAXBZZ'.match(/../g));
let codes: string[] | undefined;
const byLocale = new Map<string, FieldOption[]>();

/**
 * The ISO 3166-1 alpha-2 country codes, from the region data the platform ships (CLDR): every
 * two-letter code that has a name and is not an alias of another (so `BU` gives way to `MM`).
 */
export function countryCodes(): string[] {
  if (!codes) {
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    codes = [];
    for (let i = 0; i < 676; i++) {
      const code = String.fromCharCode(65 + i / 26, 65 + (i % 26));
      if (!NOT_COUNTRIES.has(code) && names.of(code) && new Intl.Locale(`und-${code}`).region === code) {
        codes.push(code);
      }
    }
  }
  return codes;
}

/** The countries as options, named and sorted in `locale`. */
export function countryOptions(locale: string): FieldOption[] {
  let options = byLocale.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames(locale, { type: 'region' });
    const collator = new Intl.Collator(locale);
    options = countryCodes()
      .map((value) => ({ value, label: names.of(value) ?? value }))
      .sort((a, b) => collator.compare(a.label, b.label));
    byLocale.set(locale, options);
  }
  return options;
}

const CURRENCIES =
  'USD EUR GBP CHF JPY CAD AUD NZD SEK NOK DKK PLN CZK HUF INR CNY HKD SGD KRW BRL MXN ZAR AED SAR ILS TRY';

/** Common currencies (and `first`, the program's default, at the top) as options named in `locale`. */
export function currencyOptions(locale: string, first: string): FieldOption[] {
  const names = new Intl.DisplayNames(locale, { type: 'currency' });
  return [...new Set([first, ...CURRENCIES.split(' ')])].map((value) => ({
    value,
    label: `${value} – ${names.of(value)}`,
  }));
}
