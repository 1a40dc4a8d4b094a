// The asset library's rules: what is offered, how a search text becomes a full-text query, the
// keyset cursors of each sort order, and the names of downloaded files. No HTTP and no SQL here.
import { ApiError } from '../types.js';

export type AssetSort = 'relevance' | 'newest' | 'title' | 'popular';

/** What decides whether an asset is offered: vendor-approved, published, not expired. */
export interface AssetAvailability {
  approvalStatus: string;
  publishedAt: Date;
  expiresAt: Date | null;
}

export function isOffered(asset: AssetAvailability, now: Date): boolean {
  return (
    asset.approvalStatus === 'approved' &&
    asset.publishedAt.getTime() <= now.getTime() &&
    (asset.expiresAt === null || asset.expiresAt.getTime() > now.getTime())
  );
}

/** At most this many words of a search are used. */
export const MAX_SEARCH_WORDS = 12;

/**
 * The words of a search (letters and digits, lower case, NFKC), deduplicated. Everything else
 * separates words, so no character can reach the query syntax.
 */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  const words =
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/**
 * A PostgreSQL `to_tsquery('simple', ...)` text matching every word as a prefix, so results
 * appear while the partner types (`data shee` finds "Datasheet"). `null` when there is no word.
 */
export function prefixTsQuery(q: string | undefined): string | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  return words.map((w) => `'${w}':*`).join(' & ');
}

/** The effective order: relevance needs words to rank by; without them, newest. */
export function effectiveSort(
  sort: AssetSort | undefined,
  hasSearch: boolean,
): Exclude<AssetSort, 'relevance'> | 'relevance' {
  const s = sort ?? 'newest';
  return s === 'relevance' && !hasSearch ? 'newest' : s;
}

/** Where a page ended, in the terms of its sort order. */
export type AssetCursor =
  | { sort: 'newest'; publishedAt: string; id: string }
  | { sort: 'title'; title: string; id: string }
  | { sort: 'popular'; downloads: number; id: string }
  | { sort: 'relevance'; score: number; id: string };

export function encodeAssetCursor(c: AssetCursor): string {
  const key =
    c.sort === 'newest'
      ? c.publishedAt
      : c.sort === 'title'
        ? c.title
        : c.sort === 'popular'
          ? c.downloads
          : c.score;
  return Buffer.from(JSON.stringify([c.sort, key, c.id]), 'utf8').toString('base64url');
}

function badCursor(message: string): ApiError {
  return new ApiError(400, 'validation_failed', message, {
    errors: [{ pointer: '/query/cursor', code: 'invalid_cursor', message }],
  });
}

/** Reads a cursor; it must come from a page of the same sort order. */
export function decodeAssetCursor(text: string, sort: AssetCursor['sort']): AssetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('The cursor is not valid; pass back a `nextCursor` unchanged.');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3)
    throw badCursor('The cursor is not valid; pass back a `nextCursor` unchanged.');
  const [s, key, id] = parsed as unknown[];
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw badCursor('The cursor is not valid.');
  if (s !== sort)
    throw badCursor(`The cursor belongs to another sort order (${String(s)}); start again without it.`);
  switch (sort) {
    case 'newest':
      if (typeof key !== 'string' || Number.isNaN(Date.parse(key)))
        throw badCursor('The cursor is not valid.');
      return { sort, publishedAt: new Date(key).toISOString(), id };
    case 'title':
      if (typeof key !== 'string' || key.length > 300) throw badCursor('The cursor is not valid.');
      return { sort, title: key, id };
    case 'popular':
      if (!Number.isSafeInteger(key) || (key as number) < 0) throw badCursor('The cursor is not valid.');
      return { sort, downloads: key as number, id };
    case 'relevance':
      if (!Number.isSafeInteger(key) || (key as number) < 0) throw badCursor('The cursor is not valid.');
      return { sort, score: key as number, id };
  }
}

/** Relevance as an integer, so cursors compare exactly (no floating point round trips). */
export const RELEVANCE_SCALE = 1_000_000;

/**
 * A language filter: `de` finds every German asset (`de`, `de-DE`, `de-AT`), `de-DE` only that
 * one. Split into tags matched exactly and base languages matched on the part before `-`.
 */
export function languageFilter(filters: string[]): { exact: string[]; base: string[] } {
  return {
    exact: filters.filter((f) => f.includes('-')),
    base: filters.filter((f) => !f.includes('-')),
  };
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/html': 'html',
  'video/mp4': 'mp4',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

export function extensionFor(contentType: string): string {
  return EXTENSIONS[contentType.split(';', 1)[0]!.trim().toLowerCase()] ?? 'bin';
}

/** A file-name-safe slug: ASCII letters and digits joined by hyphens, at most `max` characters. */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/** `cloud-backup-datasheet.pdf`, or `cloud-backup-datasheet-northwind-traders.pdf` when co-branded. */
export function downloadFileName(title: string, contentType: string, partnerName?: string | null): string {
  const base = slug(title) || 'asset';
  const who = partnerName ? slug(partnerName, 40) : '';
  return `${base}${who ? `-${who}` : ''}.${extensionFor(contentType)}`;
}

/**
 * A `Content-Disposition: attachment` header value: an ASCII fallback name and the exact name
 * in RFC 5987 form.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export type AssetFormat = 'pdf' | 'svg' | 'png' | 'jpg' | 'mp4' | 'pptx' | 'html';

/**
 * The format a download is recorded as: the one asked for, when the asset can be taken in it (its
 * own format; `png` also for a co-branded SVG template, which the client renders from the SVG),
 * else a 422 `format_unavailable` on `/format`. Absent, the asset's own.
 */
export function downloadFormat(
  asset: { format: AssetFormat; templateFormat: 'svg' | 'pdf' | null },
  coBrand: boolean,
  asked: AssetFormat | undefined,
): AssetFormat {
  if (asked === undefined || asked === asset.format) return asset.format;
  if (asked === 'png' && coBrand && asset.templateFormat === 'svg') return 'png';
  const message =
    asked === 'png' && asset.templateFormat === 'svg'
      ? 'A PNG is rendered from the co-branded SVG: ask for it with `coBrand: true`.'
      : `This asset is offered as ${asset.format}${asset.templateFormat === 'svg' ? ' (or, co-branded, as png)' : ''}, not as ${asked}.`;
  throw new ApiError(422, 'format_unavailable', message, {
    errors: [{ pointer: '/format', code: 'format_unavailable', message }],
  });
}

/** How long a download link works. */
export const DOWNLOAD_TTL_SECONDS = 15 * 60;

/** Download ids are `dl_` and 16 base64url characters: 12 random bytes. */
const DOWNLOAD_ID = /^dl_[A-Za-z0-9_-]{16}$/;

/**
 * What a download link signs: the download's 12 id bytes and its expiry (seconds, uint32), 16
 * bytes in all, so the signed token stays short enough for any URL.
 */
export function encodeFileClaim(downloadId: string, expiresAt: Date): Uint8Array {
  if (!DOWNLOAD_ID.test(downloadId)) throw new Error(`Not a download id: ${downloadId}`);
  const out = Buffer.alloc(16);
  Buffer.from(downloadId.slice(3), 'base64url').copy(out, 0);
  out.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 12);
  return out;
}

export function decodeFileClaim(bytes: Uint8Array): { downloadId: string; expiresAt: Date } | null {
  if (bytes.length !== 16) return null;
  const buf = Buffer.from(bytes);
  return {
    downloadId: `dl_${buf.subarray(0, 12).toString('base64url')}`,
    expiresAt: new Date(buf.readUInt32BE(12) * 1000),
  };
}
