import type { Money } from '@partnerkit/api';

/** Locale-aware formatting, one per locale, from `Intl`. */
export interface Format {
  readonly locale: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Money in minor units (`{ amount: 1250, currency: 'EUR' }` is 12,50 €). */
  money(value: Money): string;
  /** The minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for BHD. */
  digits(currency: string): number;
  /** A calendar day (`YYYY-MM-DD`, never shifted by the time zone) or a timestamp, as a date. */
  date(value: string, options?: Intl.DateTimeFormatOptions): string;
  /** A day or timestamp relative to now: "in 3 days", "vor 2 Stunden". */
  relative(value: string, now?: number): string;
  /** A decimal as typed in this locale ("12.500,50" in German); `NaN` when it is not one. */
  parseDecimal(text: string): number;
}

const formats = new Map<string, Format>();
const isDay = (value: string) => value.length === 10;
const toDate = (value: string) => new Date(isDay(value) ? `${value}T00:00:00Z` : value);
const literal = (s: string) => s.replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');
const spaces = /[\s\u00a0\u202f]/g;
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31536000],
  ['month', 2592000],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** The formatting helpers of `locale` (cached). */
export function formatFor(locale: string): Format {
  let f = formats.get(locale);
  if (f) return f;
  const nf = (o?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o);
  const digits = (currency: string) =>
    nf({ style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const part = (type: string) =>
    nf()
      .formatToParts(12345.6)
      .find((p) => p.type === type)?.value ?? '';
  const group = part('group').replace(spaces, ' ');
  const number = new RegExp(
    `^(\\d{1,3}(?:${literal(group || ',')}\\d{3})+|\\d+)(?:${literal(part('decimal') || '.')}(\\d+))?$`,
  );
  f = {
    locale,
    number: (value, options) => nf(options).format(value),
    digits,
    money: ({ amount, currency }) => {
      const d = digits(currency);
      return nf({ style: 'currency', currency, minimumFractionDigits: d }).format(amount / 10 ** d);
    },
    date: (value, options = { dateStyle: 'medium' }) =>
      new Intl.DateTimeFormat(locale, isDay(value) ? { ...options, timeZone: 'UTC' } : options).format(
        toDate(value),
      ),
    relative: (value, now = Date.now()) => {
      const seconds = (toDate(value).getTime() - now) / 1000;
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
      }
      return rtf.format(Math.round(seconds), 'second');
    },
    parseDecimal: (text) => {
      const m = number.exec(text.trim().replace(spaces, ' '));
      return m ? Number(`${m[1]!.split(group || ',').join('')}.${m[2] ?? 0}`) : Number.NaN;
    },
  };
  formats.set(locale, f);
  return f;
}
