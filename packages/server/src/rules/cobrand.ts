// Co-branding: place a partner's logo, name and contact into the slots of an SVG or PDF template.
// Every value is treated as text: XML-escaped in SVG, drawn as glyphs in PDF; nothing a partner
// types can become markup. No HTTP and no SQL here.
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Schemas } from '../types.js';

export type CoBrandSlot = Schemas['CoBrandSlot'];
export type CoBrandTemplate = Schemas['CoBrandTemplate'];
export type SlotKey = CoBrandSlot['key'];
export type TextSlotKey = Exclude<SlotKey, 'logo'>;

/** What goes into the slots. `logo` is an http(s) URL or a `data:image/...;base64,` URL. */
export interface CoBrandValues {
  logo: string | null;
  partner_name: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  website: string;
}

export interface PartnerDetails {
  name: string;
  logoUrl: string | null;
  website: string | null;
  contact: { name: string; email: string; phone?: string | null };
}

export type CoBrandFields = Partial<Record<TextSlotKey, string>>;

const textKeys: readonly TextSlotKey[] = [
  'partner_name',
  'contact_name',
  'contact_email',
  'contact_phone',
  'website',
];

/** The partner's details, with this download's overrides on top (an empty override blanks the slot). */
export function coBrandValues(partner: PartnerDetails, fields: CoBrandFields = {}): CoBrandValues {
  const values: CoBrandValues = {
    logo: safeImageUrl(partner.logoUrl),
    partner_name: partner.name,
    contact_name: partner.contact.name,
    contact_email: partner.contact.email,
    contact_phone: partner.contact.phone ?? '',
    website: displayWebsite(partner.website ?? ''),
  };
  for (const key of textKeys) {
    const override = fields[key];
    if (typeof override === 'string') values[key] = key === 'website' ? displayWebsite(override) : override;
  }
  return values;
}

/** `https://www.example.com/` reads better on a banner as `www.example.com`. */
function displayWebsite(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');
}

const dataImage = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Only web and inline image URLs may become a logo; anything else (`javascript:`, files) is dropped. */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (dataImage.test(trimmed)) return trimmed;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
  } catch {
    // not a URL
  }
  return null;
}

/**
 * One line of plain text fit for XML: characters XML 1.0 forbids (controls, lone surrogates,
 * U+FFFE/U+FFFF) removed, line breaks and runs of white space collapsed to one space.
 */
export function plainText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, '')
    .trim();
}

/** Escapes text for use as XML character data or inside a quoted attribute. */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Up to two initials: the first letter or digit of the first two words that have one. */
export function initialsOf(name: string): string {
  const firsts = plainText(name)
    .split(' ')
    .map((w) => w.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((c): c is string => c !== undefined);
  return firsts.length === 0 ? '?' : firsts.slice(0, 2).join('').toUpperCase();
}

/** Initials on a coloured square, for partners without a usable logo. */
export function monogramDataUrl(name: string): string {
  const initials = initialsOf(name);
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const hue = hash % 360;
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' +
    `<rect width="100" height="100" rx="16" fill="hsl(${hue} 45% 38%)"/>` +
    '<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" ' +
    `font-size="44" font-weight="700" fill="#fff">${xmlEscape(initials)}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** A rough width of a line of sans-serif text, in em (no font metrics are available for SVG). */
function estimateEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x2e80) em += 1;
    else if (/[ilj.,:;'!|]/.test(ch)) em += 0.28;
    else if (/[mwMW@]/.test(ch)) em += 0.85;
    else if (/[A-Z0-9]/.test(ch)) em += 0.66;
    else em += 0.54;
  }
  return em;
}

/**
 * Fits a line into a width: the slot's font size first, then smaller down to 60% of it, then
 * truncated with an ellipsis. `measure` gives the width of a text at a size.
 */
export function fitText(
  text: string,
  width: number,
  fontSize: number,
  measure: (text: string, size: number) => number,
): { text: string; size: number } {
  if (text === '' || width <= 0) return { text: '', size: fontSize };
  const full = measure(text, fontSize);
  if (full <= width) return { text, size: fontSize };
  const size = Math.max(fontSize * 0.6, (fontSize * width) / full);
  if (measure(text, size) <= width) return { text, size };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return { text: lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`, size };
}

function slotFontSize(slot: CoBrandSlot): number {
  return slot.fontSize ?? Math.max(6, Math.min(slot.height * 0.7, 48));
}

/** Whether an SVG template's source is usable: one root `<svg>` element, closed at the end. */
export function isSvgTemplate(source: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(source) && /<\/svg>\s*$/.test(source);
}

/**
 * Fills an SVG template: a group of `<image>` and `<text>` elements placed at the slots, added as
 * the last child of the root element so it draws on top. Every value is XML-escaped.
 */
export function coBrandSvg(
  source: string,
  template: Pick<CoBrandTemplate, 'slots'>,
  values: CoBrandValues,
): string {
  if (!isSvgTemplate(source)) throw new Error('The SVG template has no root <svg> element.');
  const parts: string[] = ['<g data-pk-cobrand="">'];
  for (const slot of template.slots) {
    if (slot.page !== undefined && slot.page !== 1) continue;
    const { x, y, width, height } = slot;
    if (slot.kind === 'image') {
      if (slot.key !== 'logo') continue;
      const href = values.logo ?? monogramDataUrl(values.partner_name);
      parts.push(
        `<image data-pk-slot="logo" x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" ` +
          `preserveAspectRatio="xMidYMid meet" href="${xmlEscape(href)}"/>`,
      );
      continue;
    }
    if (slot.key === 'logo') continue;
    const text = plainText(values[slot.key]);
    if (text === '') continue;
    const fitted = fitText(text, width, slotFontSize(slot), (t, s) => estimateEm(t) * s);
    if (fitted.text === '') continue;
    const align = slot.align ?? 'start';
    const anchorX = align === 'middle' ? x + width / 2 : align === 'end' ? x + width : x;
    // The baseline sits so that capitals are centred vertically in the slot.
    const baseline = y + height / 2 + fitted.size * 0.35;
    parts.push(
      `<text data-pk-slot="${slot.key}" x="${num(anchorX)}" y="${num(baseline)}" font-size="${num(fitted.size)}" ` +
        `text-anchor="${align}" font-family="Helvetica, Arial, sans-serif" fill="currentColor">` +
        `${xmlEscape(fitted.text)}</text>`,
    );
  }
  parts.push('</g>');
  const end = source.lastIndexOf('</svg>');
  return source.slice(0, end) + parts.join('') + source.slice(end);
}

/** A logo PDF can embed: PNG or JPEG bytes. Web URLs are not fetched; a monogram stands in. */
export interface LogoBytes {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

/** PNG or JPEG bytes inside a `data:` URL, or `null`. */
export function logoBytesFromDataUrl(url: string | null): LogoBytes | null {
  const m = url?.match(/^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]+={0,2})$/);
  if (!m) return null;
  return { contentType: m[1] as LogoBytes['contentType'], bytes: Buffer.from(m[2]!, 'base64') };
}

/** Replaces what a standard PDF font cannot draw (it covers Latin-1 and a few more) with `?`. */
export function encodableText(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text) out += supported.has(ch.codePointAt(0) ?? -1) ? ch : '?';
  return out;
}

/** Slot rectangles are measured from the top-left, like SVG; PDF measures from the bottom-left. */
function pdfY(page: PDFPage, slot: CoBrandSlot): number {
  return page.getHeight() - slot.y - slot.height;
}

function drawMonogram(page: PDFPage, slot: CoBrandSlot, name: string, bold: PDFFont): void {
  const side = Math.min(slot.width, slot.height);
  const x = slot.x + (slot.width - side) / 2;
  const y = pdfY(page, slot) + (slot.height - side) / 2;
  page.drawRectangle({ x, y, width: side, height: side, color: rgb(0.16, 0.33, 0.55) });
  const initials = encodableText(bold, initialsOf(name));
  const size = side * 0.42;
  const w = bold.widthOfTextAtSize(initials, size);
  page.drawText(initials, {
    x: x + (side - w) / 2,
    y: y + side / 2 - size * 0.35,
    size,
    font: bold,
    color: rgb(1, 1, 1),
  });
}

/**
 * Fills a PDF template: each slot's value drawn on its page with a standard font, the logo
 * embedded when it is PNG or JPEG bytes (else the partner's initials). Returns the new PDF.
 */
export async function coBrandPdf(
  templateBytes: Uint8Array,
  template: Pick<CoBrandTemplate, 'slots'>,
  values: CoBrandValues,
  logo: LogoBytes | null = logoBytesFromDataUrl(values.logo),
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(templateBytes);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages = doc.getPages();
  let image: PDFImage | null = null;
  if (logo) {
    try {
      image =
        logo.contentType === 'image/png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
    } catch {
      image = null; // unreadable image bytes: the monogram stands in
    }
  }
  for (const slot of template.slots) {
    const page = pages[(slot.page ?? 1) - 1];
    if (!page) continue;
    if (slot.kind === 'image') {
      if (slot.key !== 'logo') continue;
      if (image) {
        const scale = Math.min(slot.width / image.width, slot.height / image.height);
        const w = image.width * scale;
        const h = image.height * scale;
        page.drawImage(image, {
          x: slot.x + (slot.width - w) / 2,
          y: pdfY(page, slot) + (slot.height - h) / 2,
          width: w,
          height: h,
        });
      } else {
        drawMonogram(page, slot, values.partner_name, bold);
      }
      continue;
    }
    if (slot.key === 'logo') continue;
    const useFont = slot.key === 'partner_name' ? bold : font;
    const text = encodableText(useFont, plainText(values[slot.key]));
    if (text === '') continue;
    const fitted = fitText(text, slot.width, slotFontSize(slot), (t, s) => useFont.widthOfTextAtSize(t, s));
    if (fitted.text === '') continue;
    const w = useFont.widthOfTextAtSize(fitted.text, fitted.size);
    const align = slot.align ?? 'start';
    const x =
      align === 'middle' ? slot.x + (slot.width - w) / 2 : align === 'end' ? slot.x + slot.width - w : slot.x;
    page.drawText(fitted.text, {
      x,
      y: pdfY(page, slot) + slot.height / 2 - fitted.size * 0.35,
      size: fitted.size,
      font: useFont,
      color: rgb(0.1, 0.1, 0.12),
    });
  }
  return doc.save();
}
