// The co-branded file, built in the browser: a parsed copy of the template (never the template's
// text spliced with the partner's), the partner's values set as text nodes (so the serializer
// escapes them), the logo as an embedded image. Shown as an image, so nothing in it runs.
import type { CoBrandSlot, CoBrandTemplate, Me } from '@partnerkit/api';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'Helvetica, Arial, sans-serif';

export type TextKey = Exclude<CoBrandSlot['key'], 'logo'>;
export const TEXT_KEYS: TextKey[] = [
  'partner_name',
  'contact_name',
  'contact_email',
  'contact_phone',
  'website',
];
/** The longest value of each field the contract accepts (`AssetDownloadInput.fields`). */
export const MAX_LENGTH: Record<TextKey, number> = {
  partner_name: 200,
  contact_name: 200,
  contact_email: 254,
  contact_phone: 40,
  website: 253,
};

/** `https://www.example.com/` reads better on a banner as `www.example.com`, as the server prints it. */
const site = (url: string) =>
  url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');

/** The partner's own details for the slots, as the server fills them. */
export function partnerValues(me: Me): Record<TextKey, string> {
  const p = me.partner;
  return {
    partner_name: p?.name ?? me.program.vendorName,
    contact_name: p?.contact.name ?? me.user.name,
    contact_email: p?.contact.email ?? me.user.email,
    contact_phone: p?.contact.phone ?? '',
    website: site(p?.website ?? ''),
  };
}

/** One line of text: controls removed, white space collapsed. */
const plain = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, '')
    .trim();

let context: CanvasRenderingContext2D | null | undefined;
/** The width of a line of text at a size, measured with the fonts the preview is drawn in. */
function measure(text: string, size: number, bold: boolean): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * size * 0.55;
  context.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
  return context.measureText(text).width;
}

/** The slot's font size: its own, or what its height allows. */
const sizeOf = (slot: CoBrandSlot) => slot.fontSize ?? Math.max(6, Math.min(slot.height * 0.7, 48));

/**
 * Fits a line into a slot, as the contract says: the slot's size first, then smaller down to 60%
 * of it, then cut with an ellipsis.
 */
export function fit(
  text: string,
  slot: CoBrandSlot,
  bold = false,
  least = 0.6,
): { text: string; size: number } {
  const full = sizeOf(slot);
  const width = measure(text, full, bold);
  if (width <= slot.width) return { text, size: full };
  // Just under the proportional size: glyph widths do not scale exactly.
  const size = Math.max(full * least, (0.98 * full * slot.width) / width);
  if (measure(text, size, bold) <= slot.width) return { text, size };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, size, bold) <= slot.width) lo = mid;
    else hi = mid - 1;
  }
  return { text: lo ? `${chars.slice(0, lo).join('').trimEnd()}…` : '', size };
}

/** Only web and inline image URLs may become a logo (never `javascript:` or a file). */
export function imageUrl(url: string | null | undefined): string | null {
  const u = url?.trim() ?? '';
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(u)) return u;
  try {
    const parsed = new URL(u);
    return /^https?:$/.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The partner's logo as a `data:` URL an SVG can embed (an SVG shown as an image loads nothing
 * from the network, and the file sent to a customer should not either), or `null` when it cannot
 * be loaded: no logo, not an image, or a server that does not allow reading it (CORS).
 */
export async function logoData(url: string | null | undefined): Promise<string | null> {
  const src = imageUrl(url);
  if (!src) return null;
  try {
    const img = new Image();
    img.crossOrigin = 'anonymous';
    img.src = src;
    await img.decode();
    if (src.startsWith('data:')) return src;
    const scale = Math.min(1, 1024 / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}

const set = (el: Element, attributes: Record<string, string | number>) => {
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
};

/** A text element of a slot, the value as a text node. */
function textIn(doc: Document, slot: CoBrandSlot, value: string, key: string): Element | null {
  const bold = key === 'partner_name' || key === 'logo';
  // In place of a logo, the name may shrink further: a logo's box is rarely a line of text.
  const fitted = fit(
    plain(value),
    key === 'logo' ? { ...slot, fontSize: slot.height * 0.45 } : slot,
    bold,
    key === 'logo' ? 0.35 : 0.6,
  );
  if (!fitted.text) return null;
  const align = slot.align ?? 'start';
  const el = set(doc.createElementNS(SVG, 'text'), {
    'data-pk-slot': key,
    x: align === 'middle' ? slot.x + slot.width / 2 : align === 'end' ? slot.x + slot.width : slot.x,
    y: slot.y + slot.height / 2 + fitted.size * 0.35,
    'font-size': fitted.size,
    'font-family': FONT,
    'text-anchor': align,
    fill: 'currentColor',
    ...(bold ? { 'font-weight': 'bold' } : {}),
  });
  el.textContent = fitted.text;
  return el;
}

/**
 * The co-branded SVG of `template` (its `source`, or for a PDF template a plain page of its size
 * showing where the details go on `page`): the partner's values in its text slots, the logo in its
 * image slot, or the partner's name there when there is no logo to embed. Scripts, foreign content
 * and event attributes of the template are left out of the copy. Throws when the source is not SVG.
 */
/** What the kit needs of the Trusted Types API (not in TypeScript's DOM library). */
interface Policies {
  createPolicy(
    name: string,
    rules: { createHTML(input: string): string },
  ): { createHTML(input: string): unknown };
}

let policy: { createHTML(input: string): unknown } | null | undefined;

/**
 * The template's source as `DOMParser` takes it on a page that enforces Trusted Types: through
 * the policy `partnerkit`, the one place the kit hands a string to such a sink. It only parses a
 * template into an inert document of its own (nothing of it runs), which is cleaned before any of
 * it is shown, and then only as an image. Such pages allow the policy by name
 * (`trusted-types lit-html partnerkit`); without it, the parse is refused and the template
 * cannot be previewed.
 */
function parseable(source: string): string {
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: Policies }).trustedTypes;
    try {
      policy = tt?.createPolicy('partnerkit', { createHTML: (input) => input }) ?? null;
    } catch {
      policy = null;
    }
  }
  return (policy?.createHTML(source) ?? source) as string;
}

export function coBrandSvg(
  template: CoBrandTemplate,
  values: Record<TextKey, string>,
  logo: string | null,
  page = 1,
): string {
  const source =
    template.format === 'svg'
      ? (template.source ?? '')
      : `<svg xmlns="${SVG}" width="${template.width}" height="${template.height}" viewBox="0 0 ${template.width} ${template.height}" color="#1b1f2a"><rect x="0.5" y="0.5" width="${template.width - 1}" height="${template.height - 1}" fill="#fff" stroke="#80868f"/></svg>`;
  const doc = new DOMParser().parseFromString(parseable(source), 'image/svg+xml');
  const root = doc.documentElement;
  if (
    root.localName !== 'svg' ||
    root.namespaceURI !== SVG ||
    doc.getElementsByTagName('parsererror').length
  ) {
    throw new Error('The template is not an SVG document.');
  }
  for (const el of [...doc.querySelectorAll('script, foreignObject')]) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const { name, value } of [...el.attributes]) {
      if (/^on/i.test(name) || (/href$/i.test(name) && /^\s*javascript:/i.test(value)))
        el.removeAttribute(name);
    }
  }
  const group = set(doc.createElementNS(SVG, 'g'), { 'data-pk-cobrand': '' });
  for (const slot of template.slots) {
    if ((slot.page ?? 1) !== page) continue;
    let el: Element | null;
    if (slot.key === 'logo') {
      el = logo
        ? set(doc.createElementNS(SVG, 'image'), {
            'data-pk-slot': 'logo',
            x: slot.x,
            y: slot.y,
            width: slot.width,
            height: slot.height,
            preserveAspectRatio: 'xMidYMid meet',
            href: logo,
          })
        : textIn(doc, slot, values.partner_name, 'logo');
    } else el = slot.kind === 'text' ? textIn(doc, slot, values[slot.key], slot.key) : null;
    if (el) group.append(el);
  }
  root.append(group);
  return new XMLSerializer().serializeToString(doc);
}

/** A PNG of an SVG at `width` x `height` pixels, drawn by the browser as the preview shows it. */
export async function png(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width);
    canvas.height = Math.round(height);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
