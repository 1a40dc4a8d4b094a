// Customer identity: the keys two registrations of the same customer share however they were
// typed. No I/O here; the conflict check, the seed and the benchmarks all use these.
import { domainToASCII } from 'node:url';

/** Legal-form words dropped from the end of a company name (after punctuation is removed). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'pte',
  'pvt',
  'srl',
  'spa',
  'sl',
  'kk',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  'ltda',
  'sro',
]);

/** Words that never start a significant token (`The Acme Company` is `acme`). */
const LEADING_STOPWORDS: ReadonlySet<string> = new Set(['the']);

/**
 * The normalised company name: Unicode NFKD with diacritics removed, lower case, `&` read as
 * `and`, punctuation out (dots and apostrophes join: `A.C.M.E.` is `acme`, `O'Neil` is `oneil`),
 * legal suffixes dropped from the end (`Acme Holdings Co., Ltd.` is `acme holdings`), a leading
 * `the` dropped, whitespace collapsed. A name made only of punctuation keeps its trimmed,
 * lower-cased text so it still has a key.
 */
export function normalizeCompany(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
  const tokens = folded
    .replace(/&/g, ' and ')
    .replace(/[.'’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // Trailing legal forms, possibly joined by `and` (`GmbH & Co. KG`); never the whole name.
  while (tokens.length > 1 && (LEGAL_SUFFIXES.has(tokens.at(-1)!) || tokens.at(-1) === 'and')) tokens.pop();
  while (tokens.length > 1 && LEADING_STOPWORDS.has(tokens[0]!)) tokens.shift();
  if (tokens.length === 0) return name.trim().toLowerCase().replace(/\s+/g, ' ');
  return tokens.join(' ');
}

/**
 * The normalised domain: lower case, scheme, credentials, path, query, port and trailing dot
 * dropped, a leading `www.` dropped, international names in their ASCII (punycode) form.
 * `null` when nothing domain-like is left.
 */
export function normalizeDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/^[^/?#]*@/, '');
  host = host.split(/[/?#\\]/, 1)[0] ?? '';
  host = host.replace(/:\d*$/, '').replace(/\.+$/, '');
  if (/[^\x20-\x7e]/.test(host)) host = domainToASCII(host);
  host = host.replace(/^www\./, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) || !host.includes('.')) return null;
  return host;
}

export interface CustomerKeys {
  /** Normalised company name. */
  company: string;
  /** Normalised domain, or `null`. */
  domain: string | null;
  /** Blocking keys for the near-miss check: the first and last significant token. */
  blockFirst: string;
  blockLast: string;
}

/** Every key of a customer, as stored with a registration and used by the conflict check. */
export function customerKeys(company: string, domain?: string | null): CustomerKeys {
  const key = normalizeCompany(company);
  const tokens = key.split(' ');
  return {
    company: key,
    domain: normalizeDomain(domain),
    blockFirst: tokens[0] ?? key,
    blockLast: tokens.at(-1) ?? key,
  };
}
