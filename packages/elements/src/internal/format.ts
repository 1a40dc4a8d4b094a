import type { Money } from '@partnerkit/api';

/** Locale-aware formatting, one per locale, from `Intl`. */
export interface Format {
  readonly locale: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Money in minor units (`{ amount: 1250, currency: 'EUR' }` is 12,50 €). */
  money(value: Money): string;
  /** The minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for BHD. */
  digits(currency: string): number;
  /**
   * An amount as typed in this locale, in integer minor units of `currency` ("12.500,50" in German
   * is 1250050 for EUR), computed from the digits, never through a float; `NaN` when the text is
   * not an amount or has more decimals than the currency.
   */
  minor(text: string, currency: string): number;
  /** A calendar day (`YYYY-MM-DD`, never shifted by the time zone) or a timestamp, as a date. */
  date(value: string, options?: Intl.DateTimeFormatOptions): string;
  /** A day or timestamp relative to now, in the largest unit that fits: "in 3 days", "vor 2 Stunden". */
  relative(value: string, now?: number): string;
  /** A decimal as typed in this locale ("12.500,50" in German); `NaN` when it is not one. */
  parseDecimal(text: string): number;
}

/** A moment with its time, for `Format.date`: "4 Dec 2026, 14:05". */
export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

const formats = new Map<string, Format>();
const DAY = 86_400_000;
const isDay = (value: string) => value.length === 10;
const toDate = (value: string) => new Date(isDay(value) ? `${value}T00:00:00Z` : value);
/** The number of a calendar day: a `YYYY-MM-DD` as written, an instant by the local calendar. */
const dayNumber = (value: string | number) => {
  if (typeof value === 'string' && isDay(value)) return Date.parse(`${value}T00:00:00Z`) / DAY;
  const d = new Date(value);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
};
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
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const digits = (currency: string) =>
    nf({ style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const part = (type: string) =>
    nf()
      .formatToParts(12345.6)
      .find((p) => p.type === type)?.value ?? '';
  const group = part('group').replace(spaces, ' ') || ',';
  const number = new RegExp(
    `^(\\d{1,3}(?:${literal(group)}\\d{3})+|\\d+)(?:${literal(part('decimal') || '.')}(\\d+))?$`,
  );
  /** The whole and fractional digits of a decimal as typed, or `undefined`. */
  const decimal = (text: string) => {
    const m = number.exec(text.trim().replace(spaces, ' '));
    return m ? ([m[1]!.split(group).join(''), m[2] ?? ''] as const) : undefined;
  };
  f = {
    locale,
    number: (value, options) => nf(options).format(value),
    digits,
    money: ({ amount, currency }) => {
      const d = digits(currency);
      return nf({ style: 'currency', currency, minimumFractionDigits: d }).format(amount / 10 ** d);
    },
    minor: (text, currency) => {
      const parts = decimal(text);
      const d = digits(currency);
      if (!parts || parts[1].replace(/0+$/, '').length > d) return Number.NaN;
      return Number(parts[0] + parts[1].padEnd(d, '0').slice(0, d));
    },
    date: (value, options = { dateStyle: 'medium' }) =>
      new Intl.DateTimeFormat(locale, isDay(value) ? { ...options, timeZone: 'UTC' } : options).format(
        toDate(value),
      ),
    relative: (value, now = Date.now()) => {
      const seconds = (toDate(value).getTime() - now) / 1000;
      for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
      }
      return rtf.format(Math.round(seconds), 'second');
    },
    parseDecimal: (text) => {
      const parts = decimal(text);
      return parts ? Number(`${parts[0]}.${parts[1] || 0}`) : Number.NaN;
    },
  };
  formats.set(locale, f);
  return f;
}

// Formatting that only some components use: functions of a locale rather than members of
// `Format`, so that a page without them does not download them.

/** Whole calendar days from today to a day or timestamp: 0 today, 1 tomorrow, -1 yesterday. */
export const days = (value: string, now = Date.now()): number =>
  Math.round(dayNumber(value) - dayNumber(now));

/** A countdown in days, in `locale`: "today", "tomorrow", "in 12 days", "3 days ago". */
export const countdown = (locale: string, value: string, now?: number): string =>
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days(value, now), 'day');

/** A duration of minutes, in `locale`: "45 min", "2 hr 30 min" ("2 Std. 30 Min." in German). */
export function duration(locale: string, minutes: number): string {
  const unit = (value: number, unit: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return [h ? unit(h, 'hour') : '', m || !h ? unit(m, 'minute') : ''].filter(Boolean).join(' ');
}

/** A share from 0 to 1 as a whole percentage in `locale`: `0.375` is "38%". */
export const percent = (locale: string, share: number): string =>
  new Intl.NumberFormat(locale, { style: 'percent' }).format(share);

/** Language names, by locale and tag: `Intl.DisplayNames` is slow to make and to ask. */
const languages = new Map<string, string>();

/** The name of language `tag` in `locale` ("German"); the tag itself when it is not a valid one. */
export function language(locale: string, tag: string): string {
  const key = `${locale} ${tag}`;
  let name = languages.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames(locale, { type: 'language' }).of(tag) ?? tag;
    } catch {
      name = tag;
    }
    languages.set(key, name);
  }
  return name;
}
