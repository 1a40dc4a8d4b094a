/// <reference path="../pdf-lib.d.ts" />
// The asset-library domain of the mock API, answering as the reference server does
// (packages/server/src/handlers/assets.ts, rules/assets.ts, rules/cobrand.ts): only approved,
// published, unexpired assets are offered; search matches every word as a prefix of a word of the
// title, tags or description; filters are OR within one and AND across them; four sort orders;
// a download is validated, recorded (the asset's count goes up), and co-branded when asked.
//
// One difference: the mock has no host to serve files from, so a download's `url` is a `blob:`
// URL of the same bytes the server would serve (revoked when the link expires), which a browser
// downloads like the server's links. PDFs are made with pdf-lib, loaded only when one is asked for.
import type {
  Asset,
  AssetAudience,
  AssetDetail,
  AssetDownload,
  AssetFormat,
  AssetType,
  CoBrandSlot,
  CoBrandTemplate,
  Me,
} from '@partnerkit/api';
import {
  fieldError,
  fieldErrors,
  isObject,
  type MockContext,
  notFound,
  page,
  problem,
  Reply,
  type Route,
} from './core.js';
import { demoProducts } from './deals.js';

export type AssetsOperation = 'listAssets' | 'getAsset' | 'createAssetDownload';

/** An asset of the mock library: what the list shows, and what the server keeps beside it. */
export interface MockAsset extends Asset {
  /** Only approved assets are offered (default `approved`). */
  approvalStatus?: 'approved' | 'draft' | 'withdrawn';
  /** The co-brand template of a co-brandable asset (with its `source` for SVG). */
  template?: CoBrandTemplate | null;
}

export interface AssetsOptions {
  /** The vendor's library, or a number of generated assets ({@link makeAssets}); default 24. */
  assets?: MockAsset[] | number;
}

/** One recorded download: the usage record the vendor sees. */
export interface MockDownload {
  id: string;
  assetId: string;
  format: AssetFormat;
  coBranded: boolean;
  fields: Record<string, string> | null;
  fileName: string;
  contentType: string;
  at: number;
}

export interface AssetsState {
  assets: MockAsset[];
  downloads: MockDownload[];
}

export const ASSET_TYPES: AssetType[] = [
  'brochure',
  'datasheet',
  'case_study',
  'presentation',
  'logo',
  'banner',
  'social',
  'email_template',
  'video',
  'whitepaper',
];
export const ASSET_AUDIENCES: AssetAudience[] = [
  'end_customer',
  'partner_sales',
  'partner_marketing',
  'technical',
];
const FORMATS: AssetFormat[] = ['pdf', 'svg', 'png', 'jpg', 'mp4', 'pptx', 'html'];
const TEXT_KEYS = ['partner_name', 'contact_name', 'contact_email', 'contact_phone', 'website'] as const;
const MAX_LENGTH: Record<(typeof TEXT_KEYS)[number], number> = {
  partner_name: 200,
  contact_name: 200,
  contact_email: 254,
  contact_phone: 40,
  website: 253,
};
const CONTENT_TYPES: Record<AssetFormat, string> = {
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  mp4: 'video/mp4',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  html: 'text/html',
};

// ---------------------------------------------------------------------------------------------
// Templates, as the demo seed makes them

const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** A 1200x628 social card with the logo, the partner's name and website in its slots. */
export function socialCard(headline: string, colour = '#1f4e8c'): CoBrandTemplate {
  return {
    format: 'svg',
    width: 1200,
    height: 628,
    slots: [
      { key: 'logo', kind: 'image', x: 64, y: 500, width: 220, height: 88 },
      {
        key: 'partner_name',
        kind: 'text',
        x: 640,
        y: 506,
        width: 496,
        height: 40,
        fontSize: 30,
        align: 'end',
      },
      { key: 'website', kind: 'text', x: 640, y: 552, width: 496, height: 30, fontSize: 22, align: 'end' },
    ],
    source:
      `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628" viewBox="0 0 1200 628" color="#ffffff">` +
      `<rect width="1200" height="628" fill="${colour}"/>` +
      `<text x="64" y="250" ${FONT} font-size="60" font-weight="700" fill="#ffffff">${esc(headline)}</text>` +
      `<rect x="64" y="480" width="1072" height="2" fill="#ffffff" fill-opacity="0.4"/></svg>\n`,
  };
}

/** A US-letter datasheet cover with a "your partner" block: every text slot. */
export function datasheetCover(product: string): CoBrandTemplate {
  const slots: CoBrandSlot[] = [
    { key: 'logo', kind: 'image', x: 432, y: 36, width: 144, height: 60 },
    { key: 'partner_name', kind: 'text', x: 48, y: 640, width: 516, height: 28, fontSize: 20 },
    { key: 'contact_name', kind: 'text', x: 48, y: 676, width: 516, height: 18, fontSize: 13 },
    { key: 'contact_email', kind: 'text', x: 48, y: 698, width: 300, height: 18, fontSize: 13 },
    {
      key: 'contact_phone',
      kind: 'text',
      x: 364,
      y: 698,
      width: 200,
      height: 18,
      fontSize: 13,
      align: 'end',
    },
    { key: 'website', kind: 'text', x: 48, y: 724, width: 516, height: 18, fontSize: 13 },
  ];
  return {
    format: 'svg',
    width: 612,
    height: 792,
    slots,
    source:
      `<svg xmlns="http://www.w3.org/2000/svg" width="612" height="792" viewBox="0 0 612 792" color="#1b1f2a">` +
      `<rect width="612" height="792" fill="#ffffff"/><rect y="120" width="612" height="360" fill="#0f766e"/>` +
      `<text x="48" y="290" ${FONT} font-size="44" font-weight="700" fill="#ffffff">${esc(product)}</text>` +
      `<text x="48" y="620" ${FONT} font-size="12" letter-spacing="1.5" fill="#5b6475">YOUR PARTNER</text></svg>\n`,
  };
}

/** A two-page brochure whose back page carries the partner's block (slots on page 2). */
export function brochureTemplate(): CoBrandTemplate {
  return {
    format: 'pdf',
    width: 612,
    height: 792,
    slots: [
      { key: 'logo', kind: 'image', page: 2, x: 64, y: 562, width: 120, height: 60 },
      { key: 'partner_name', kind: 'text', page: 2, x: 200, y: 562, width: 348, height: 24, fontSize: 16 },
      { key: 'contact_name', kind: 'text', page: 2, x: 200, y: 592, width: 348, height: 16, fontSize: 11 },
      { key: 'contact_email', kind: 'text', page: 2, x: 200, y: 612, width: 348, height: 16, fontSize: 11 },
      { key: 'contact_phone', kind: 'text', page: 2, x: 200, y: 632, width: 348, height: 16, fontSize: 11 },
      { key: 'website', kind: 'text', page: 2, x: 200, y: 652, width: 348, height: 16, fontSize: 11 },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// A generated library

const KINDS = [
  'battlecard',
  'pricing sheet',
  'migration playbook',
  'ROI calculator',
  'solution brief',
  'reference architecture',
  'competitive overview',
];
const TOPICS = [
  'healthcare',
  'retail',
  'manufacturing',
  'public sector',
  'financial services',
  'education',
  'logistics',
  'energy',
  'telecom',
  'media',
];
const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'en-GB'];
const FORMAT_OF: Partial<Record<AssetType, AssetFormat>> = {
  logo: 'svg',
  banner: 'png',
  social: 'png',
  video: 'mp4',
  email_template: 'html',
  presentation: 'pptx',
};
const THUMBNAILS = new Map<AssetType, string>();
/** One small thumbnail per type (shared, so a library of 100,000 stays light). */
function thumbnail(type: AssetType): string {
  let url = THUMBNAILS.get(type);
  if (!url) {
    const hue = (ASSET_TYPES.indexOf(type) * 37) % 360;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100" viewBox="0 0 160 100">` +
      `<rect width="160" height="100" fill="hsl(${hue} 45% 35%)"/><text x="12" y="56" ${FONT} font-size="13" fill="#fff">${type.replace('_', ' ').toUpperCase()}</text></svg>`;
    url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    THUMBNAILS.set(type, url);
  }
  return url;
}

/**
 * `n` assets, the same for the same `n` and clock: every type, language and audience, titles of
 * product x kind x topic, every seventh a co-brandable SVG template (social cards and datasheet
 * covers), every eleventh a co-brandable PDF brochure; none expired (add your own for that).
 */
export function makeAssets(n: number, now = Date.now()): MockAsset[] {
  const products = demoProducts;
  return Array.from({ length: n }, (_, i) => {
    const product = products[i % products.length]!;
    const kind = KINDS[Math.floor(i / products.length) % KINDS.length]!;
    const topic = TOPICS[Math.floor(i / 28) % TOPICS.length]!;
    let type = ASSET_TYPES[(i * 7) % ASSET_TYPES.length]!;
    let format = FORMAT_OF[type] ?? 'pdf';
    let template: CoBrandTemplate | null = null;
    let title = `${product.name} ${kind}: ${topic}${n > 280 ? ` ${Math.floor(i / 280) + 1}` : ''}`;
    if (i % 7 === 3) {
      type = i % 2 ? 'social' : 'datasheet';
      format = 'svg';
      template = i % 2 ? socialCard(`${product.name} for ${topic}`) : datasheetCover(product.name);
      title =
        i % 2 ? `Social card: ${product.name} for ${topic}` : `${product.name} datasheet cover (co-branded)`;
    } else if (i % 11 === 5) {
      type = 'brochure';
      format = 'pdf';
      template = brochureTemplate();
      title = `${product.name}: the buyer's brochure (${topic})`;
    }
    return {
      id: `ast_${String(i + 1).padStart(6, '0')}`,
      title,
      description: `${kind[0]!.toUpperCase()}${kind.slice(1)} for ${topic}, about ${product.name} (${product.family}).`,
      type,
      format,
      products: [product.id],
      language: LANGUAGES[i % LANGUAGES.length]!,
      audience: ASSET_AUDIENCES[Math.floor(i / 3) % ASSET_AUDIENCES.length]!,
      tags: [topic, product.family.toLowerCase(), ...(template ? ['co-branded'] : [])],
      thumbnailUrl: thumbnail(type),
      size: 20_000 + ((i * 7919) % 2_000_000),
      coBrandable: template !== null,
      publishedAt: new Date(now - (i * 37 + 60) * 60_000).toISOString(),
      expiresAt: null,
      downloadCount: (i * 7919) % 1000,
      template,
    };
  });
}

/** The initial state of this domain in a mock API. */
export const assetsState = (options: AssetsOptions, now: number, _me: Me): AssetsState => ({
  assets:
    typeof options.assets === 'number' || options.assets === undefined
      ? makeAssets(options.assets ?? 24, now)
      : options.assets.map((a) => ({ ...a })),
  downloads: [],
});

type Context = MockContext<AssetsOptions, AssetsState>;

const offered = (a: MockAsset, now: number) =>
  (a.approvalStatus ?? 'approved') === 'approved' &&
  Date.parse(a.publishedAt) <= now &&
  (a.expiresAt === null || Date.parse(a.expiresAt) > now);

/** The words of a text, as PostgreSQL's 'simple' configuration sees them: letters and digits. */
const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** What is listed: the asset without what the server keeps beside it. */
function listed(a: MockAsset): Asset {
  const { approvalStatus: _a, template: _t, ...asset } = a;
  return { ...asset, coBrandable: !!a.template };
}

/** The last answer of each query (without its cursor), while the library and its counts stand still. */
const answers = new WeakMap<MockAsset[], { key: string; found: MockAsset[] }>();

function listAssets(c: Context, query: URLSearchParams): Reply {
  const errors = [];
  const q = query.get('q') ?? '';
  if (q.length > 200)
    errors.push({ pointer: '/query/q', code: 'maxLength', message: 'must be at most 200 characters' });
  const enums: [string, readonly string[]][] = [
    ['type', ASSET_TYPES],
    ['audience', ASSET_AUDIENCES],
  ];
  for (const [name, allowed] of enums) {
    query.getAll(name).forEach((v, i) => {
      if (!allowed.includes(v))
        errors.push({
          pointer: `/query/${name}/${i}`,
          code: 'enum',
          message: `must be one of ${allowed.join(', ')}`,
        });
    });
  }
  const sort = query.get('sort') ?? 'newest';
  if (!['relevance', 'newest', 'title', 'popular'].includes(sort)) {
    errors.push({
      pointer: '/query/sort',
      code: 'enum',
      message: 'must be one of relevance, newest, title, popular',
    });
  }
  const coBrandable = query.get('coBrandable');
  if (coBrandable !== null && coBrandable !== 'true' && coBrandable !== 'false') {
    errors.push({ pointer: '/query/coBrandable', code: 'type', message: 'must be boolean' });
  }
  if (errors.length) return fieldErrors(errors);
  const searched = [...new Set(words(q))].slice(0, 12);
  const types = query.getAll('type');
  const products = query.getAll('product');
  const languages = query.getAll('language');
  const audiences = query.getAll('audience');
  const now = c.now();
  // The pages of one listing come from one sorted answer, as long as nothing changed in between.
  const rest = new URLSearchParams(query);
  rest.delete('cursor');
  rest.delete('limit');
  const key = `${rest}|${c.state.downloads.length}|${c.state.assets.length}|${Math.floor(now / 60_000)}`;
  const known = answers.get(c.state.assets);
  if (known?.key === key) return pageOf(known.found, query);
  const score = (a: MockAsset) => {
    const strong = words(`${a.title} ${a.tags.join(' ')}`);
    return searched.filter((w) => strong.some((x) => x.startsWith(w))).length;
  };
  const found = c.state.assets.filter((a) => {
    if (!offered(a, now)) return false;
    if (types.length && !types.includes(a.type)) return false;
    if (products.length && !a.products.some((p) => products.includes(p))) return false;
    if (
      languages.length &&
      !languages.some((l) => (l.includes('-') ? a.language === l : a.language.split('-')[0] === l))
    )
      return false;
    if (audiences.length && !audiences.includes(a.audience)) return false;
    if (coBrandable !== null && !!a.template !== (coBrandable === 'true')) return false;
    if (searched.length) {
      const own = words(`${a.title} ${a.tags.join(' ')} ${a.description}`);
      return searched.every((w) => own.some((x) => x.startsWith(w)));
    }
    return true;
  });
  const by = sort === 'relevance' && !searched.length ? 'newest' : sort;
  const desc = (x: string | number, y: string | number) => (x < y ? 1 : x > y ? -1 : 0);
  found.sort((a, b) =>
    by === 'title'
      ? -desc(a.title.toLowerCase(), b.title.toLowerCase()) || -desc(a.id, b.id)
      : by === 'popular'
        ? desc(a.downloadCount, b.downloadCount) || desc(a.id, b.id)
        : by === 'relevance'
          ? desc(score(a), score(b)) || -desc(a.id, b.id)
          : desc(a.publishedAt, b.publishedAt) || desc(a.id, b.id),
  );
  answers.set(c.state.assets, { key, found });
  return pageOf(found, query);
}

/** One page of `found`, each asset as the list shows it. */
function pageOf(found: MockAsset[], query: URLSearchParams): Reply {
  const reply = page(found, query, { total: found.length });
  const payload = reply.payload as { items?: MockAsset[] };
  if (payload.items) payload.items = payload.items.map(listed) as MockAsset[];
  return reply;
}

// ---------------------------------------------------------------------------------------------
// Downloads

/** A file-name-safe slug, as the server makes them. */
const slug = (text: string, max = 60) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');

/** The partner's details with this download's overrides on top, as the server fills the slots. */
function slotValues(me: Me, fields: Record<string, string>): Record<string, string> {
  const p = me.partner;
  const values: Record<string, string> = {
    partner_name: p?.name ?? me.program.vendorName,
    contact_name: p?.contact.name ?? me.user.name,
    contact_email: p?.contact.email ?? me.user.email,
    contact_phone: p?.contact.phone ?? '',
    website: p?.website ?? '',
    ...fields,
  };
  values.website = values
    .website!.trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');
  return values;
}

/** The co-branded SVG: a group of escaped text and the logo placed at the slots, on top. */
function coBrandSvg(template: CoBrandTemplate, values: Record<string, string>, logo: string | null): string {
  const parts = ['<g data-pk-cobrand="">'];
  for (const s of template.slots) {
    if (s.key === 'logo') {
      if (logo)
        parts.push(
          `<image data-pk-slot="logo" x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" preserveAspectRatio="xMidYMid meet" href="${esc(logo)}"/>`,
        );
      continue;
    }
    const text = (values[s.key] ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const align = s.align ?? 'start';
    const x = align === 'middle' ? s.x + s.width / 2 : align === 'end' ? s.x + s.width : s.x;
    const size = s.fontSize ?? Math.max(6, Math.min(s.height * 0.7, 48));
    parts.push(
      `<text data-pk-slot="${s.key}" x="${x}" y="${s.y + s.height / 2 + size * 0.35}" font-size="${size}" text-anchor="${align}" ${FONT} fill="currentColor">${esc(text)}</text>`,
    );
  }
  const source = template.source ?? '';
  const end = source.lastIndexOf('</svg>');
  return `${source.slice(0, end)}${parts.join('')}</g>${source.slice(end)}`;
}

/** A PDF of `pages` pages with the title on the first; the co-branded one has the slots filled. */
async function pdfBytes(
  title: string,
  pages: number,
  template?: CoBrandTemplate,
  values?: Record<string, string>,
): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib/dist/pdf-lib.esm.js');
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const latin = (t: string) =>
    [...t].map((ch) => (font.getCharacterSet().includes(ch.codePointAt(0)!) ? ch : '?')).join('');
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 0, y: 672, width: 612, height: 120, color: rgb(0.12, 0.3, 0.55) });
    if (i === 0)
      page.drawText(latin(title).slice(0, 60), { x: 48, y: 720, size: 20, font, color: rgb(1, 1, 1) });
  }
  for (const s of template?.slots ?? []) {
    const page = doc.getPage((s.page ?? 1) - 1);
    const text = latin((values?.[s.key] ?? '').replace(/\s+/g, ' ').trim());
    if (s.key === 'logo' || !text) continue;
    const size = s.fontSize ?? 11;
    page.drawText(text, {
      x: s.x,
      y: 792 - s.y - s.height / 2 - size * 0.35,
      size,
      font,
      color: rgb(0.1, 0.1, 0.12),
    });
  }
  return doc.save();
}

/** The bytes the server would serve for a plain file of `format`. */
async function plainBytes(a: MockAsset): Promise<Uint8Array | string> {
  switch (a.format) {
    case 'pdf':
      return pdfBytes(a.title, 2);
    case 'svg':
      return (
        a.template?.source ??
        `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120"><text x="20" y="70" ${FONT} font-size="40">${esc(a.title)}</text></svg>\n`
      );
    case 'html':
      return `<!doctype html>\n<html lang="${esc(a.language)}"><head><meta charset="utf-8"><title>${esc(a.title)}</title></head><body><p>${esc(a.description)}</p></body></html>\n`;
    default:
      // PNG, JPEG, MP4, PPTX: a placeholder of the asset's size would be wasteful; its title will do.
      return a.title;
  }
}

/** Checks a download body as the contract does; `undefined` when it is valid. */
function invalidDownload(body: unknown): Reply | undefined {
  if (body === undefined) return undefined;
  if (!isObject(body)) return fieldError('', 'type', 'must be object');
  const errors = [];
  for (const key of Object.keys(body)) {
    if (!['coBrand', 'fields', 'format'].includes(key))
      errors.push({ pointer: `/${key}`, code: 'additionalProperties', message: 'is not allowed' });
  }
  if (body.coBrand !== undefined && typeof body.coBrand !== 'boolean')
    errors.push({ pointer: '/coBrand', code: 'type', message: 'must be boolean' });
  if (body.format !== undefined && !FORMATS.includes(body.format as AssetFormat))
    errors.push({ pointer: '/format', code: 'enum', message: `must be one of ${FORMATS.join(', ')}` });
  if (body.fields !== undefined) {
    if (!isObject(body.fields)) errors.push({ pointer: '/fields', code: 'type', message: 'must be object' });
    else
      for (const [key, value] of Object.entries(body.fields)) {
        const max = MAX_LENGTH[key as keyof typeof MAX_LENGTH];
        if (!max)
          errors.push({ pointer: `/fields/${key}`, code: 'additionalProperties', message: 'is not allowed' });
        else if (typeof value !== 'string')
          errors.push({ pointer: `/fields/${key}`, code: 'type', message: 'must be string' });
        else if ([...value].length > max)
          errors.push({
            pointer: `/fields/${key}`,
            code: 'maxLength',
            message: `must be at most ${max} characters`,
          });
      }
  }
  return errors.length ? fieldErrors(errors) : undefined;
}

async function createDownload(c: Context, body: unknown, id: string): Promise<Reply> {
  const invalid = invalidDownload(body);
  if (invalid) return invalid;
  const asset = c.state.assets.find((a) => a.id === id);
  if (!asset || !offered(asset, c.now())) return problem(404, 'not_found', 'No asset with that id.');
  const input = (body ?? {}) as { coBrand?: boolean; fields?: Record<string, string>; format?: AssetFormat };
  const template = asset.template ?? null;
  const coBrand = input.coBrand === true && template !== null;
  let format: AssetFormat = asset.format;
  if (input.format !== undefined && input.format !== asset.format) {
    if (input.format !== 'png' || !coBrand || template?.format !== 'svg') {
      const message = `This asset is offered as ${asset.format}, not as ${input.format}.`;
      return problem(422, 'format_unavailable', 'Format unavailable', {
        detail: message,
        errors: [{ pointer: '/format', code: 'format_unavailable', message }],
      });
    }
    format = 'png';
  }
  let bytes: Uint8Array | string;
  let contentType = CONTENT_TYPES[asset.format];
  let brand = '';
  if (coBrand && template) {
    const values = slotValues(c.me(), input.fields ?? {});
    brand = values.partner_name || c.me().partner?.name || '';
    const logo = c.me().partner?.logoUrl ?? null;
    bytes =
      template.format === 'svg'
        ? coBrandSvg(template, values, logo && /^(https?:|data:image\/)/.test(logo) ? logo : null)
        : await pdfBytes(asset.title, 2, template, values);
    contentType = template.format === 'svg' ? CONTENT_TYPES.svg : CONTENT_TYPES.pdf;
  } else {
    bytes = await plainBytes(asset);
  }
  const extension =
    contentType === CONTENT_TYPES.pptx
      ? 'pptx'
      : asset.format === 'jpg'
        ? 'jpg'
        : (Object.entries(CONTENT_TYPES).find(([, t]) => t === contentType)?.[0] ?? 'bin');
  const fileName = `${slug(asset.title) || 'asset'}${brand ? `-${slug(brand, 40)}` : ''}.${extension}`;
  const expiresAt = Math.floor(c.now() / 1000) * 1000 + 15 * 60_000;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }));
  setTimeout(() => URL.revokeObjectURL(url), Math.max(0, expiresAt - c.now()));
  const download: AssetDownload = {
    id: `dl_mock${String(c.sequence()).padStart(11, '0')}`,
    assetId: asset.id,
    format,
    url,
    fileName,
    contentType,
    coBranded: coBrand,
    expiresAt: new Date(expiresAt).toISOString(),
  };
  c.state.downloads.push({
    id: download.id,
    assetId: asset.id,
    format,
    coBranded: coBrand,
    fields: coBrand ? (input.fields ?? null) : null,
    fileName,
    contentType,
    at: c.now(),
  });
  asset.downloadCount++;
  return new Reply(201, download);
}

export const assetRoutes: Route<AssetsOperation, AssetsOptions, AssetsState>[] = [
  {
    method: 'GET',
    path: /^\/v1\/assets$/,
    operation: 'listAssets',
    handle: (c, { query }) => listAssets(c, query),
  },
  {
    method: 'GET',
    path: /^\/v1\/assets\/([A-Za-z0-9_-]+)$/,
    operation: 'getAsset',
    handle: (c, _call, [id]) => {
      const asset = c.state.assets.find((a) => a.id === id);
      if (!asset || !offered(asset, c.now())) return notFound();
      const template = asset.template ? { ...asset.template } : null;
      if (template && template.format !== 'svg') delete template.source;
      const detail: AssetDetail = { ...listed(asset), template };
      return new Reply(200, detail);
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/assets\/([A-Za-z0-9_-]+)\/downloads$/,
    operation: 'createAssetDownload',
    handle: (c, { body }, [id]) => createDownload(c, body, id!),
  },
];
