// The demo asset library: about two hundred assets of every type, in five languages, for the
// program's products and audiences, with realistic titles and tags. Co-brandable SVG templates
// (web banners, social cards, datasheet covers) and PDF templates (brochures) are generated here,
// as are the plain files (PDF, SVG, PNG, HTML). Nothing is downloaded; every byte is made here and
// stored in the database. A few assets are expired, withdrawn or not yet published: never offered.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import type { CoBrandSlot, CoBrandTemplate } from '../rules/cobrand.js';
import { plainText, xmlEscape } from '../rules/cobrand.js';
import type { Database, Queryable, Schemas } from '../types.js';

type AssetType = Schemas['AssetType'];
type AssetFormat = Schemas['AssetFormat'];
type Audience = Schemas['AssetAudience'];
type Language = 'en' | 'de' | 'fr' | 'es' | 'ja';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the same seed gives the same library.

/** A small seeded PRNG (mulberry32) from a string. */
export function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stableId = (prefix: string, key: string) =>
  `${prefix}_${createHash('sha256').update(key).digest('base64url').slice(0, 14)}`;

// ---------------------------------------------------------------------------------------------
// File generators (also used by the MDF seed for proof-of-performance files)

/** A PNG (8-bit RGB, no interlace) of `width` x `height` from a pixel function. */
export function pngBytes(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A two-colour diagonal gradient image with a band, as a stand-in photo or banner. */
export function gradientPng(width: number, height: number, from: string, to: string): Buffer {
  const a = hexToRgb(from);
  const b = hexToRgb(to);
  return pngBytes(width, height, (x, y) => {
    const t = (x / width + y / height) / 2;
    const band = y > height * 0.7 && y < height * 0.78 ? 30 : 0;
    return [0, 1, 2].map((i) => Math.min(255, Math.round(a[i]! + (b[i]! - a[i]!) * t) + band)) as [
      number,
      number,
      number,
    ];
  });
}

/** Words that standard PDF fonts can draw (Latin-1); others are replaced. */
function latin(font: PDFFont, text: string): string {
  const ok = new Set(font.getCharacterSet());
  return [...text].map((c) => (ok.has(c.codePointAt(0)!) ? c : '?')).join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A simple document: a coloured header with the title, then paragraphs. */
export async function documentPdf(input: {
  title: string;
  subtitle: string;
  paragraphs: string[];
  accent: string;
  pages?: number;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setProducer('Partnerkit demo seed');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [r, g, b] = hexToRgb(input.accent).map((v) => v / 255) as [number, number, number];
  for (let p = 0; p < (input.pages ?? 1); p++) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 0, y: 672, width: 612, height: 120, color: rgb(r, g, b) });
    page.drawText(latin(bold, input.title).slice(0, 70), {
      x: 48,
      y: 730,
      size: 22,
      font: bold,
      color: rgb(1, 1, 1),
    });
    page.drawText(latin(font, input.subtitle).slice(0, 90), {
      x: 48,
      y: 700,
      size: 12,
      font,
      color: rgb(1, 1, 1),
    });
    let y = 630;
    for (const para of input.paragraphs) {
      for (const line of wrap(font, latin(font, para), 11, 516)) {
        page.drawText(line, { x: 48, y, size: 11, font, color: rgb(0.15, 0.15, 0.2) });
        y -= 16;
      }
      y -= 10;
    }
    page.drawText(`${p + 1}`, { x: 560, y: 30, size: 9, font, color: rgb(0.5, 0.5, 0.5) });
  }
  return doc.save();
}

// ---------------------------------------------------------------------------------------------
// Co-brand templates

export interface TemplateFile {
  template: Omit<CoBrandTemplate, 'source'>;
  bytes: Buffer;
  contentType: string;
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** A web banner (728x90 leaderboard or 300x250 rectangle) with slots for the partner. */
export function bannerTemplate(
  size: 'leaderboard' | 'rectangle',
  headline: string,
  cta: string,
  colors: [string, string],
): TemplateFile {
  const [from, to] = colors;
  const h = xmlEscape(plainText(headline));
  const c = xmlEscape(plainText(cta));
  if (size === 'leaderboard') {
    const slots: CoBrandSlot[] = [
      { key: 'logo', kind: 'image', x: 12, y: 15, width: 120, height: 60 },
      {
        key: 'partner_name',
        kind: 'text',
        x: 548,
        y: 18,
        width: 168,
        height: 26,
        fontSize: 16,
        align: 'end',
      },
      { key: 'website', kind: 'text', x: 548, y: 48, width: 168, height: 22, fontSize: 12, align: 'end' },
    ];
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="728" height="90" viewBox="0 0 728 90" color="#ffffff">` +
      `<defs><linearGradient id="bg" x1="0" x2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
      `<rect width="728" height="90" fill="url(#bg)"/>` +
      `<line x1="144" y1="12" x2="144" y2="78" stroke="#ffffff" stroke-opacity="0.35"/>` +
      `<text x="160" y="42" ${FONT} font-size="20" font-weight="700" fill="#ffffff">${h}</text>` +
      `<text x="160" y="66" ${FONT} font-size="13" fill="#ffffff" fill-opacity="0.85">${c}</text>` +
      `</svg>\n`;
    return {
      template: { format: 'svg', width: 728, height: 90, slots },
      bytes: Buffer.from(svg),
      contentType: 'image/svg+xml',
    };
  }
  const slots: CoBrandSlot[] = [
    { key: 'logo', kind: 'image', x: 20, y: 176, width: 110, height: 56 },
    { key: 'partner_name', kind: 'text', x: 140, y: 180, width: 145, height: 22, fontSize: 14, align: 'end' },
    {
      key: 'contact_phone',
      kind: 'text',
      x: 140,
      y: 206,
      width: 145,
      height: 18,
      fontSize: 11,
      align: 'end',
    },
  ];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="250" viewBox="0 0 300 250" color="#1b1f2a">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="300" height="164" fill="url(#bg)"/><rect y="164" width="300" height="86" fill="#ffffff"/>` +
    `<text x="20" y="58" ${FONT} font-size="21" font-weight="700" fill="#ffffff">${h}</text>` +
    `<rect x="20" y="110" width="140" height="32" rx="16" fill="#ffffff"/>` +
    `<text x="90" y="131" ${FONT} font-size="13" font-weight="700" text-anchor="middle" fill="${from}">${c}</text>` +
    `</svg>\n`;
  return {
    template: { format: 'svg', width: 300, height: 250, slots },
    bytes: Buffer.from(svg),
    contentType: 'image/svg+xml',
  };
}

/** A 1200x628 social card with slots for the logo, the partner's name and website. */
export function socialCardTemplate(headline: string, kicker: string, colors: [string, string]): TemplateFile {
  const [from, to] = colors;
  const slots: CoBrandSlot[] = [
    { key: 'logo', kind: 'image', x: 64, y: 500, width: 220, height: 88 },
    { key: 'partner_name', kind: 'text', x: 640, y: 506, width: 496, height: 40, fontSize: 30, align: 'end' },
    { key: 'website', kind: 'text', x: 640, y: 552, width: 496, height: 30, fontSize: 22, align: 'end' },
  ];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628" viewBox="0 0 1200 628" color="#ffffff">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="1200" height="628" fill="url(#bg)"/>` +
    `<circle cx="1080" cy="120" r="180" fill="#ffffff" fill-opacity="0.08"/>` +
    `<text x="64" y="140" ${FONT} font-size="28" letter-spacing="3" fill="#ffffff" fill-opacity="0.8">${xmlEscape(plainText(kicker).toUpperCase())}</text>` +
    `<text x="64" y="250" ${FONT} font-size="60" font-weight="700" fill="#ffffff">${xmlEscape(plainText(headline))}</text>` +
    `<rect x="64" y="480" width="1072" height="2" fill="#ffffff" fill-opacity="0.4"/>` +
    `</svg>\n`;
  return {
    template: { format: 'svg', width: 1200, height: 628, slots },
    bytes: Buffer.from(svg),
    contentType: 'image/svg+xml',
  };
}

/** A US-letter datasheet cover (612x792) with a "your partner" block. */
export function datasheetCoverTemplate(product: string, summary: string, accent: string): TemplateFile {
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
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="612" height="792" viewBox="0 0 612 792" color="#1b1f2a">` +
    `<rect width="612" height="792" fill="#ffffff"/>` +
    `<rect y="120" width="612" height="360" fill="${accent}"/>` +
    `<text x="48" y="230" ${FONT} font-size="16" letter-spacing="2" fill="#ffffff" fill-opacity="0.85">DATASHEET</text>` +
    `<text x="48" y="290" ${FONT} font-size="44" font-weight="700" fill="#ffffff">${xmlEscape(plainText(product))}</text>` +
    `<text x="48" y="340" ${FONT} font-size="18" fill="#ffffff">${xmlEscape(plainText(summary))}</text>` +
    `<text x="48" y="620" ${FONT} font-size="12" letter-spacing="1.5" fill="#5b6475">YOUR PARTNER</text>` +
    `<rect x="48" y="628" width="516" height="1" fill="#c9ceda"/>` +
    `</svg>\n`;
  return {
    template: { format: 'svg', width: 612, height: 792, slots },
    bytes: Buffer.from(svg),
    contentType: 'image/svg+xml',
  };
}

/** A two-page brochure PDF whose back page has the partner's block (slots on page 2). */
export async function brochureTemplate(
  title: string,
  product: string,
  paragraphs: string[],
  accent: string,
): Promise<TemplateFile> {
  const bytes = await documentPdf({ title, subtitle: product, paragraphs, accent, pages: 2 });
  const doc = await PDFDocument.load(bytes);
  const back = doc.getPage(1);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  back.drawText('Talk to your local partner', { x: 48, y: 260, size: 14, font, color: rgb(0.2, 0.2, 0.3) });
  back.drawRectangle({
    x: 48,
    y: 96,
    width: 516,
    height: 150,
    borderColor: rgb(0.8, 0.82, 0.86),
    borderWidth: 1,
  });
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const slots: CoBrandSlot[] = [
    { key: 'logo', kind: 'image', page: 2, x: 64, y: 562, width: 120, height: 60 },
    { key: 'partner_name', kind: 'text', page: 2, x: 200, y: 562, width: 348, height: 24, fontSize: 16 },
    { key: 'contact_name', kind: 'text', page: 2, x: 200, y: 592, width: 348, height: 16, fontSize: 11 },
    { key: 'contact_email', kind: 'text', page: 2, x: 200, y: 612, width: 348, height: 16, fontSize: 11 },
    { key: 'contact_phone', kind: 'text', page: 2, x: 200, y: 632, width: 348, height: 16, fontSize: 11 },
    { key: 'website', kind: 'text', page: 2, x: 200, y: 652, width: 348, height: 16, fontSize: 11 },
  ];
  return {
    template: { format: 'pdf', width: 612, height: 792, slots },
    bytes: Buffer.from(await doc.save()),
    contentType: 'application/pdf',
  };
}

function logoSvg(text: string, fg: string, bg: string | null): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120">` +
      (bg ? `<rect width="480" height="120" fill="${bg}"/>` : '') +
      `<path d="M20 96 L60 24 L100 96 Z" fill="${fg}"/><circle cx="60" cy="74" r="12" fill="${bg ?? '#ffffff'}"/>` +
      `<text x="120" y="78" ${FONT} font-size="46" font-weight="700" fill="${fg}">${xmlEscape(text)}</text></svg>\n`,
  );
}

function emailHtml(lang: Language, subject: string, body: string, product: string): Buffer {
  return Buffer.from(
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${xmlEscape(subject)}</title></head>` +
      `<body style="margin:0;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif">` +
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">` +
      `<table role="presentation" width="600" style="background:#ffffff;margin:24px 0">` +
      `<tr><td style="padding:32px;background:#1f4e8c;color:#ffffff;font-size:24px;font-weight:bold">${xmlEscape(product)}</td></tr>` +
      `<tr><td style="padding:32px;color:#1b1f2a;font-size:16px;line-height:1.5"><p>${xmlEscape(body)}</p>` +
      `<p>{{partner_name}} &middot; {{contact_email}}</p></td></tr></table></td></tr></table></body></html>\n`,
  );
}

/** A small SVG thumbnail as a data URL: the type's colour and label. */
function thumbnail(type: AssetType, title: string, accent: string): string {
  const label = type.replace('_', ' ').toUpperCase();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100" viewBox="0 0 160 100">` +
    `<rect width="160" height="100" fill="${accent}"/><rect x="10" y="10" width="140" height="80" rx="4" fill="#ffffff" fill-opacity="0.12"/>` +
    `<text x="16" y="34" ${FONT} font-size="10" letter-spacing="1" fill="#ffffff">${xmlEscape(label)}</text>` +
    `<text x="16" y="58" ${FONT} font-size="12" font-weight="700" fill="#ffffff">${xmlEscape([...plainText(title)].slice(0, 22).join(''))}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

// ---------------------------------------------------------------------------------------------
// The catalogue

interface Product {
  id: string;
  name: string;
  family: string;
}

interface AssetSeed {
  key: string;
  title: string;
  description: string;
  type: AssetType;
  format: AssetFormat;
  language: Language;
  audience: Audience;
  productIds: string[];
  tags: string[];
  file: () => Promise<{
    bytes: Buffer;
    contentType: string;
    fileName: string;
    template?: TemplateFile['template'];
  }>;
}

const ACCENTS = ['#1f4e8c', '#0f766e', '#7c3aed', '#b45309', '#be123c', '#0369a1', '#4d7c0f', '#374151'];
const LANGS: Language[] = ['en', 'de', 'fr', 'es', 'ja'];

const DATASHEET_TITLE: Record<Language, (p: string) => string> = {
  en: (p) => `${p} datasheet`,
  de: (p) => `${p} Datenblatt`,
  fr: (p) => `Fiche technique ${p}`,
  es: (p) => `Ficha técnica de ${p}`,
  ja: (p) => `${p} データシート`,
};
const DATASHEET_DESC: Record<Language, (p: string, f: string) => string> = {
  en: (p, f) => `Features, editions, licensing and technical requirements of ${p}, part of the ${f} family.`,
  de: (p, f) =>
    `Funktionen, Editionen, Lizenzierung und technische Voraussetzungen von ${p} (Produktfamilie ${f}).`,
  fr: (p, f) => `Fonctionnalités, éditions, licences et prérequis techniques de ${p}, de la famille ${f}.`,
  es: (p, f) => `Funciones, ediciones, licencias y requisitos técnicos de ${p}, de la familia ${f}.`,
  ja: (p, f) => `${f} ファミリーの ${p} の機能、エディション、ライセンス、技術要件。`,
};
const BROCHURE_TITLE: Record<Language, (p: string) => string> = {
  en: (p) => `${p}: the buyer's brochure`,
  de: (p) => `${p} – Broschüre für Entscheider`,
  fr: (p) => `${p} : la brochure pour les décideurs`,
  es: (p) => `${p}: folleto para responsables de compra`,
  ja: (p) => `${p} 製品パンフレット`,
};
const DECK_TITLE: Record<Language, (p: string) => string> = {
  en: (p) => `${p} first-call deck`,
  de: (p) => `${p} Präsentation für das Erstgespräch`,
  fr: (p) => `${p} : présentation premier rendez-vous`,
  es: (p) => `${p}: presentación para la primera reunión`,
  ja: (p) => `${p} 初回提案プレゼンテーション`,
};

const BROCHURE_DESC: Record<Language, (p: string) => string> = {
  en: (p) => `A two-page brochure for ${p}; the back page carries your logo and contact details.`,
  de: (p) => `Zweiseitige Broschüre zu ${p}; auf der Rückseite stehen Ihr Logo und Ihre Kontaktdaten.`,
  fr: (p) => `Brochure ${p} : enjeux, témoignages clients, éditions et tarifs.`,
  es: (p) => `Folleto de ${p}: retos, casos de clientes, ediciones y precios.`,
  ja: (p) => `${p} の課題、導入事例、エディションと価格をまとめたパンフレット。`,
};
const DECK_DESC: Record<Language, (p: string) => string> = {
  en: (p) =>
    `Twelve slides for a first meeting about ${p}: the problem, the product, proof points and next steps.`,
  de: (p) => `Zwölf Folien für das Erstgespräch zu ${p}: Problem, Produkt, Belege und nächste Schritte.`,
  fr: (p) =>
    `Douze diapositives pour un premier rendez-vous sur ${p} : enjeux, produit, preuves, prochaines étapes.`,
  es: (p) =>
    `Doce diapositivas para una primera reunión sobre ${p}: el problema, el producto, pruebas y próximos pasos.`,
  ja: (p) => `${p} の初回提案用スライド12枚：課題、製品、実績、次のステップ。`,
};

const CUSTOMERS: [string, string, string, string[]][] = [
  ['Fabrikam Logistics', 'cut restore times from days to minutes', 'logistics', ['restore', 'logistics']],
  ['Tailspin Airlines', 'passed its DORA audit first time', 'aviation', ['compliance', 'dora']],
  [
    'Woodgrove Bank',
    'consolidated six backup tools into one',
    'banking',
    ['consolidation', 'financial services'],
  ],
  ['Litware Health', 'protected patient records across 40 clinics', 'healthcare', ['healthcare', 'hipaa']],
  [
    'Alpine Ski House',
    'moved its reservation system to the cloud',
    'hospitality',
    ['migration', 'hospitality'],
  ],
  ['Coho Winery', 'recovered from ransomware in four hours', 'manufacturing', ['ransomware', 'recovery']],
  ['Proseware Software', 'halved its storage bill', 'software', ['cost', 'storage']],
  ['Lamna Healthcare', 'automated compliance reporting', 'healthcare', ['compliance', 'reporting']],
  ['Margie’s Travel', 'scaled for peak season without new hardware', 'travel', ['scalability', 'seasonal']],
  ['Trey Research', 'secured research data for 2,000 scientists', 'research', ['security', 'research']],
  [
    'Wide World Importers',
    'standardised on one platform across 12 countries',
    'retail',
    ['multi-region', 'retail'],
  ],
  ['Adventure Works Cycles', 'cut onboarding of new stores to a day', 'retail', ['automation', 'retail']],
];
const CASE_PREFIX: Record<Language, string> = {
  en: 'Case study',
  de: 'Fallstudie',
  fr: 'Étude de cas',
  es: 'Caso de éxito',
  ja: '導入事例',
};

const WHITEPAPERS: [string, string, string[]][] = [
  [
    'The real cost of downtime: a model for mid-size companies',
    'A worked model for pricing an hour of downtime, with benchmarks by industry.',
    ['downtime', 'tco', 'business case'],
  ],
  [
    'Zero trust for hybrid workforces',
    'How to apply zero-trust principles to people working from anywhere, step by step.',
    ['zero trust', 'security', 'hybrid work'],
  ],
  [
    'Ransomware readiness: a 30-day plan',
    'The controls, drills and recovery tests that matter most in the first month.',
    ['ransomware', 'security', 'recovery'],
  ],
  [
    'Data sovereignty in the EU after NIS2',
    'What NIS2 and GDPR mean for where data lives, and how to prove it.',
    ['nis2', 'gdpr', 'compliance'],
  ],
  [
    'From backup to resilience',
    'Why recovery time, not backup success, is the number boards now ask for.',
    ['resilience', 'recovery', 'strategy'],
  ],
  [
    'Observability on a budget',
    'Getting useful signals from logs, metrics and traces without a data-lake bill.',
    ['observability', 'cost', 'monitoring'],
  ],
  [
    'Migrating legacy workloads to the cloud',
    'A practical sequence for moving older applications with minimal risk.',
    ['migration', 'cloud', 'legacy'],
  ],
  [
    'Identity is the new perimeter',
    'Consolidating identity and access across SaaS, cloud and on-premises systems.',
    ['identity', 'security', 'access'],
  ],
];

const SOCIAL: [string, string, Language][] = [
  ['Recover in minutes, not days', 'Resilience', 'en'],
  ['Your data, your region', 'Sovereignty', 'en'],
  ['Ransomware-ready in 30 days', 'Security', 'en'],
  ['One platform. Every workload.', 'Platform', 'en'],
  ['Join our live demo', 'Webinar', 'en'],
  ['In Minuten wiederhergestellt', 'Resilienz', 'de'],
  ['Ihre Daten, Ihre Region', 'Souveränität', 'de'],
  ['Restaurez en quelques minutes', 'Résilience', 'fr'],
  ['Tus datos, bajo control', 'Seguridad', 'es'],
  ['数分で復旧', 'レジリエンス', 'ja'],
];

const EMAILS: [Language, string, string][] = [
  ['en', 'Invitation: live demo and Q&A', 'Join us for a 45-minute live demo, with time for your questions.'],
  [
    'en',
    'Your free resilience assessment',
    'Find out how fast you could recover today, with a free two-hour assessment.',
  ],
  [
    'en',
    'Renewal reminder with upgrade offer',
    'Your subscription renews soon: upgrade to the next edition at no extra cost this quarter.',
  ],
  [
    'de',
    'Einladung: Live-Demo mit Fragerunde',
    'Erleben Sie die Plattform in 45 Minuten live, mit Zeit für Ihre Fragen.',
  ],
  [
    'de',
    'Ihr kostenloser Resilienz-Check',
    'Wie schnell wären Sie heute wieder online? Finden Sie es in zwei Stunden heraus.',
  ],
  [
    'fr',
    'Invitation : démonstration en direct',
    'Rejoignez-nous pour une démonstration de 45 minutes suivie de questions.',
  ],
  [
    'es',
    'Invitación: demostración en directo',
    'Únase a una demostración de 45 minutos con tiempo para sus preguntas.',
  ],
  ['ja', 'ライブデモのご案内', '45分間のライブデモと質疑応答にご参加ください。'],
];

const TAGLINES: Record<string, string> = {
  platform: 'run every workload in one place',
  security: 'stop threats before they spread',
  analytics: 'answers in seconds, not days',
};
const tagline = (p: Product) => TAGLINES[p.family.toLowerCase()] ?? "built for what's next";

function familyTags(product: Product): string[] {
  return [product.family.toLowerCase(), product.name.toLowerCase()];
}

function catalogue(vendor: string, products: Product[]): AssetSeed[] {
  const out: AssetSeed[] = [];
  const accent = (i: number) => ACCENTS[i % ACCENTS.length]!;
  const ids = (p?: Product) => (p ? [p.id] : []);

  products.forEach((p, i) => {
    // Datasheets in every language, plus a co-brandable English cover.
    for (const lang of LANGS) {
      const title = DATASHEET_TITLE[lang](p.name);
      const description = DATASHEET_DESC[lang](p.name, p.family);
      out.push({
        key: `datasheet:${p.id}:${lang}`,
        title,
        description,
        type: 'datasheet',
        format: 'pdf',
        language: lang,
        audience: lang === 'en' && i % 2 === 0 ? 'technical' : 'end_customer',
        productIds: ids(p),
        tags: ['datasheet', ...familyTags(p), 'specifications', 'licensing'],
        file: async () => ({
          bytes: Buffer.from(
            await documentPdf({
              title,
              subtitle: `${vendor} · ${p.family}`,
              paragraphs: [description],
              accent: accent(i),
            }),
          ),
          contentType: 'application/pdf',
          fileName: `${p.id}-datasheet-${lang}.pdf`,
        }),
      });
    }
    const coverSummary = `${tagline(p)[0]!.toUpperCase()}${tagline(p).slice(1)}.`;
    out.push({
      key: `datasheet-cover:${p.id}`,
      title: `${p.name} datasheet cover (co-branded)`,
      description: `A datasheet cover for ${p.name} with your logo, name and contact details in the partner block.`,
      type: 'datasheet',
      format: 'svg',
      language: 'en',
      audience: 'partner_marketing',
      productIds: ids(p),
      tags: ['datasheet', 'co-branded', 'cover', ...familyTags(p)],
      file: async () => {
        const t = datasheetCoverTemplate(p.name, coverSummary, accent(i));
        return {
          bytes: t.bytes,
          contentType: t.contentType,
          fileName: `${p.id}-datasheet-cover.svg`,
          template: t.template,
        };
      },
    });

    // Brochures: co-brandable PDF templates in English and German, plain in French.
    for (const lang of ['en', 'de', 'fr'] as Language[]) {
      const title = BROCHURE_TITLE[lang](p.name);
      const paragraphs = [
        `${p.name} helps IT teams ${tagline(p)}: the systems their business depends on, run, secured and understood.`,
        `Part of the ${p.family} family from ${vendor}, it is sold and supported by certified partners in 40 countries.`,
        'Inside: the business case, three customer stories, editions and pricing, and how to start a trial.',
      ];
      const coBrand = lang !== 'fr';
      out.push({
        key: `brochure:${p.id}:${lang}`,
        title,
        description: BROCHURE_DESC[lang](p.name),
        type: 'brochure',
        format: 'pdf',
        language: lang,
        audience: 'end_customer',
        productIds: ids(p),
        tags: ['brochure', ...familyTags(p), ...(coBrand ? ['co-branded'] : []), 'business case'],
        file: async () => {
          if (coBrand) {
            const t = await brochureTemplate(title, p.name, paragraphs, accent(i + 2));
            return {
              bytes: t.bytes,
              contentType: t.contentType,
              fileName: `${p.id}-brochure-${lang}.pdf`,
              template: t.template,
            };
          }
          return {
            bytes: Buffer.from(
              await documentPdf({ title, subtitle: vendor, paragraphs, accent: accent(i + 2), pages: 2 }),
            ),
            contentType: 'application/pdf',
            fileName: `${p.id}-brochure-${lang}.pdf`,
          };
        },
      });
    }

    // First-call decks for partner sellers.
    for (const lang of ['en', 'de', 'es', 'ja'] as Language[]) {
      const title = DECK_TITLE[lang](p.name);
      out.push({
        key: `deck:${p.id}:${lang}`,
        title,
        description: DECK_DESC[lang](p.name),
        type: 'presentation',
        format: 'pdf',
        language: lang,
        audience: 'partner_sales',
        productIds: ids(p),
        tags: ['presentation', 'sales', 'first call', ...familyTags(p)],
        file: async () => ({
          bytes: Buffer.from(
            await documentPdf({
              title,
              subtitle: `${vendor} partner sales kit`,
              paragraphs: ['Why now', 'What changes for the customer', 'Proof points', 'Next steps'],
              accent: accent(i + 4),
              pages: 3,
            }),
          ),
          contentType: 'application/pdf',
          fileName: `${p.id}-deck-${lang}.pdf`,
        }),
      });
    }

    // An implementation guide for partner engineers.
    const guide = `${p.name} implementation guide`;
    out.push({
      key: `guide:${p.id}`,
      title: guide,
      description: `Sizing, deployment, integration and hand-over checklists for ${p.name} projects.`,
      type: 'whitepaper',
      format: 'pdf',
      language: 'en',
      audience: 'technical',
      productIds: ids(p),
      tags: ['implementation', 'deployment', 'sizing', ...familyTags(p)],
      file: async () => ({
        bytes: Buffer.from(
          await documentPdf({
            title: guide,
            subtitle: `${vendor} partner engineering`,
            paragraphs: ['Sizing', 'Deployment', 'Integration', 'Hand-over checklist'],
            accent: accent(i + 6),
            pages: 2,
          }),
        ),
        contentType: 'application/pdf',
        fileName: `${p.id}-implementation-guide.pdf`,
      }),
    });

    // A co-brandable social card for the product.
    out.push({
      key: `social-product:${p.id}`,
      title: `Social card: ${p.name}`,
      description: `A 1200×628 announcement card for ${p.name} with your logo, name and website.`,
      type: 'social',
      format: 'svg',
      language: 'en',
      audience: 'partner_marketing',
      productIds: ids(p),
      tags: ['social', 'linkedin', 'co-branded', ...familyTags(p)],
      file: async () => {
        const t = socialCardTemplate(`Now available: ${p.name}`, p.family, [accent(i + 1), accent(i + 6)]);
        return {
          bytes: t.bytes,
          contentType: t.contentType,
          fileName: `${p.id}-social-card.svg`,
          template: t.template,
        };
      },
    });

    // Web banners in two sizes, co-brandable SVG.
    for (const size of ['leaderboard', 'rectangle'] as const) {
      const headline = size === 'leaderboard' ? `${p.name}: ${tagline(p)}` : p.name;
      const cta = size === 'leaderboard' ? 'Book a free assessment with your local partner' : 'Start a trial';
      out.push({
        key: `banner:${p.id}:${size}`,
        title: `${p.name} web banner, ${size === 'leaderboard' ? '728×90 leaderboard' : '300×250 rectangle'}`,
        description: `A ${size === 'leaderboard' ? 'leaderboard' : 'medium rectangle'} banner for ${p.name} with your logo and name.`,
        type: 'banner',
        format: 'svg',
        language: 'en',
        audience: 'partner_marketing',
        productIds: ids(p),
        tags: ['banner', 'display ads', 'co-branded', ...familyTags(p)],
        file: async () => {
          const t = bannerTemplate(size, headline, cta, [accent(i), accent(i + 3)]);
          return {
            bytes: t.bytes,
            contentType: t.contentType,
            fileName: `${p.id}-banner-${size}.svg`,
            template: t.template,
          };
        },
      });
    }
  });

  // Case studies.
  CUSTOMERS.forEach(([customer, outcome, industry, tags], i) => {
    const p = products[i % Math.max(products.length, 1)];
    const langs: Language[] = i % 3 === 0 ? ['en', 'de'] : i % 4 === 1 ? ['en', 'ja'] : ['en'];
    for (const lang of langs) {
      const title =
        lang === 'en'
          ? `How ${customer} ${outcome}${p ? ` with ${p.name}` : ''}`
          : `${CASE_PREFIX[lang]}: ${customer}${p ? ` × ${p.name}` : ''}`;
      out.push({
        key: `case:${i}:${lang}`,
        title,
        description:
          lang === 'de'
            ? `${customer} (${industry}): Ausgangslage, Projekt und Ergebnisse in Zahlen.`
            : lang === 'ja'
              ? `${customer}（${industry}）の課題、プロジェクト、成果を数字で紹介します。`
              : `${customer} (${industry}) ${outcome}. The challenge, the project, and the results in numbers.`,
        type: 'case_study',
        format: 'pdf',
        language: lang,
        audience: 'end_customer',
        productIds: ids(p),
        tags: ['case study', industry, ...tags, ...(p ? familyTags(p) : [])],
        file: async () => ({
          bytes: Buffer.from(
            await documentPdf({
              title: `${CASE_PREFIX[lang]}: ${customer}`,
              subtitle: industry,
              paragraphs: [`${customer} ${outcome}.`, 'The challenge', 'The project', 'The results'],
              accent: accent(i + 1),
              pages: 2,
            }),
          ),
          contentType: 'application/pdf',
          fileName: `case-study-${i + 1}-${lang}.pdf`,
        }),
      });
    }
  });

  // Whitepapers.
  WHITEPAPERS.forEach(([title, description, tags], i) => {
    const p = products[(i * 3) % Math.max(products.length, 1)];
    out.push({
      key: `whitepaper:${i}`,
      title,
      description,
      type: 'whitepaper',
      format: 'pdf',
      language: 'en',
      audience: i % 2 === 0 ? 'technical' : 'end_customer',
      productIds: ids(p),
      tags: ['whitepaper', ...tags],
      file: async () => ({
        bytes: Buffer.from(
          await documentPdf({
            title,
            subtitle: `${vendor} whitepaper`,
            paragraphs: [description],
            accent: accent(i),
            pages: 3,
          }),
        ),
        contentType: 'application/pdf',
        fileName: `whitepaper-${i + 1}.pdf`,
      }),
    });
  });

  // Logos and partner badges.
  const logoVariants: [string, string, string | null, AssetFormat][] = [
    ['full colour', '#1f4e8c', null, 'svg'],
    ['white, for dark backgrounds', '#ffffff', '#1b1f2a', 'svg'],
    ['monochrome', '#1b1f2a', null, 'svg'],
    ['full colour', '#1f4e8c', null, 'png'],
  ];
  logoVariants.forEach(([variant, fg, bg, format], i) => {
    out.push({
      key: `logo:${i}`,
      title: `${vendor} logo, ${variant} (${format.toUpperCase()})`,
      description: `The ${vendor} logo, ${variant}. Keep clear space equal to the height of the mark on every side.`,
      type: 'logo',
      format,
      language: 'en',
      audience: 'partner_marketing',
      productIds: [],
      tags: ['logo', 'brand', variant.split(',')[0]!],
      file: async () =>
        format === 'svg'
          ? { bytes: logoSvg(vendor, fg, bg), contentType: 'image/svg+xml', fileName: `logo-${i + 1}.svg` }
          : {
              bytes: gradientPng(480, 120, '#1f4e8c', '#3b82f6'),
              contentType: 'image/png',
              fileName: `logo-${i + 1}.png`,
            },
    });
  });
  for (const tier of ['Silver', 'Gold', 'Platinum']) {
    out.push({
      key: `badge:${tier}`,
      title: `${tier} partner badge`,
      description: `The ${vendor} ${tier} partner badge for your website and email signature (${tier} partners only).`,
      type: 'logo',
      format: 'svg',
      language: 'en',
      audience: 'partner_marketing',
      productIds: [],
      tags: ['badge', 'logo', tier.toLowerCase(), 'partner program'],
      file: async () => ({
        bytes: logoSvg(`${tier} Partner`, '#1b1f2a', null),
        contentType: 'image/svg+xml',
        fileName: `badge-${tier.toLowerCase()}.svg`,
      }),
    });
  }

  // Social cards: co-brandable SVG, and a few plain PNGs.
  SOCIAL.forEach(([headline, kicker, lang], i) => {
    out.push({
      key: `social:${i}`,
      title: `Social card: ${headline}`,
      description: `A 1200×628 card for LinkedIn and X with your logo, name and website.`,
      type: 'social',
      format: 'svg',
      language: lang,
      audience: 'partner_marketing',
      productIds: ids(products[i % Math.max(products.length, 1)]),
      tags: ['social', 'linkedin', 'co-branded', kicker.toLowerCase()],
      file: async () => {
        const t = socialCardTemplate(headline, kicker, [accent(i), accent(i + 5)]);
        return {
          bytes: t.bytes,
          contentType: t.contentType,
          fileName: `social-card-${i + 1}.svg`,
          template: t.template,
        };
      },
    });
  });
  for (let i = 0; i < 6; i++) {
    const p = products[i % Math.max(products.length, 1)];
    out.push({
      key: `social-png:${i}`,
      title: `${p?.name ?? vendor} social image ${i % 2 === 0 ? '(square)' : '(landscape)'}`,
      description: 'A ready-to-post image without co-branding, for quick shares.',
      type: 'social',
      format: 'png',
      language: 'en',
      audience: 'partner_marketing',
      productIds: ids(p),
      tags: ['social', 'image', ...(p ? familyTags(p) : [])],
      file: async () => ({
        bytes:
          i % 2 === 0
            ? gradientPng(96, 96, accent(i), accent(i + 1))
            : gradientPng(160, 84, accent(i), accent(i + 2)),
        contentType: 'image/png',
        fileName: `social-${i + 1}.png`,
      }),
    });
  }

  // Email templates.
  EMAILS.forEach(([lang, subject, body], i) => {
    const p = products[i % Math.max(products.length, 1)];
    out.push({
      key: `email:${i}`,
      title: `Email template: ${subject}`,
      description: `${body} Ready for your email tool; replace the placeholders with your details.`,
      type: 'email_template',
      format: 'html',
      language: lang,
      audience: 'partner_marketing',
      productIds: ids(p),
      tags: ['email', 'nurture', 'campaign'],
      file: async () => ({
        bytes: emailHtml(lang, subject, body, p?.name ?? vendor),
        contentType: 'text/html',
        fileName: `email-${i + 1}.html`,
      }),
    });
  });

  return out;
}

// ---------------------------------------------------------------------------------------------
// Insertion

const DAY = 86_400_000;

/** Inserts one asset and its file; `offered` false makes it withdrawn. Returns the asset id. */
export async function insertAsset(
  q: Queryable,
  a: {
    id: string;
    title: string;
    description: string;
    type: AssetType;
    format: AssetFormat;
    language: string;
    audience: Audience;
    productIds: string[];
    tags: string[];
    thumbnailUrl: string | null;
    file: { bytes: Buffer; contentType: string; fileName: string };
    template: TemplateFile['template'] | null;
    approvalStatus: 'draft' | 'approved' | 'withdrawn';
    publishedAt: Date;
    expiresAt: Date | null;
    downloadCount: number;
    createdAt: Date;
  },
): Promise<string> {
  const fileId = `${a.id}_file`;
  await q.query(
    `INSERT INTO asset_files (id, file_name, content_type, size, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [fileId, a.file.fileName, a.file.contentType, a.file.bytes.length, a.file.bytes, a.createdAt],
  );
  await q.query(
    `INSERT INTO assets (id, title, description, type, format, language, audience, product_ids, tags, thumbnail_url,
       file_id, template, approval_status, published_at, expires_at, download_count, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
    [
      a.id,
      a.title,
      a.description,
      a.type,
      a.format,
      a.language,
      a.audience,
      a.productIds,
      a.tags,
      a.thumbnailUrl,
      fileId,
      a.template ? JSON.stringify(a.template) : null,
      a.approvalStatus,
      a.publishedAt,
      a.expiresAt,
      a.downloadCount,
      a.createdAt,
    ],
  );
  return a.id;
}

/** The generated files of a catalogue, by key: the same bytes for every seed in this process. */
const fileCache = new Map<string, Promise<Awaited<ReturnType<AssetSeed['file']>>>>();

export async function seedAssets(db: Database, now: Date): Promise<void> {
  const program = await db.query<{ vendor_name: string }>('SELECT vendor_name FROM program');
  const vendor = program.rows[0]?.vendor_name ?? 'Acme Cloud';
  const products = (
    await db.query<Product>('SELECT id, name, family FROM products WHERE active ORDER BY position, id')
  ).rows;
  const seeds = catalogue(vendor, products);
  const files = await Promise.all(
    seeds.map((s) => {
      const cacheKey = `${vendor}|${products.map((p) => `${p.id}:${p.name}:${p.family}`).join(',')}|${s.key}`;
      let file = fileCache.get(cacheKey);
      if (!file) {
        file = s.file();
        fileCache.set(cacheKey, file);
      }
      return file;
    }),
  );
  const rand = prng(`assets:${vendor}`);
  await db.transaction(async (tx) => {
    for (const [i, s] of seeds.entries()) {
      const file = files[i]!;
      const ageDays = 3 + Math.floor(rand() * 700);
      const publishedAt = new Date(now.getTime() - ageDays * DAY - Math.floor(rand() * DAY));
      // Every 23rd asset has expired, every 17th expires in the coming months, the rest never do.
      let expiresAt: Date | null = null;
      if (i % 23 === 5) expiresAt = new Date(now.getTime() - (1 + Math.floor(rand() * 60)) * DAY);
      else if (i % 17 === 3) expiresAt = new Date(now.getTime() + (20 + Math.floor(rand() * 200)) * DAY);
      if (expiresAt && expiresAt <= publishedAt) expiresAt = new Date(publishedAt.getTime() + DAY);
      const approvalStatus = i % 41 === 7 ? 'draft' : i % 53 === 11 ? 'withdrawn' : 'approved';
      // A few are scheduled: published in the coming days.
      const scheduled = i % 61 === 13;
      const downloads = Math.floor(rand() ** 2 * 900);
      await insertAsset(tx, {
        id: stableId('ast', s.key),
        title: s.title,
        description: s.description,
        type: s.type,
        format: s.format,
        language: s.language,
        audience: s.audience,
        productIds: s.productIds,
        tags: [...new Set(s.tags)],
        thumbnailUrl: thumbnail(s.type, s.title, ACCENTS[i % ACCENTS.length]!),
        file,
        template: file.template ?? null,
        approvalStatus,
        publishedAt: scheduled ? new Date(now.getTime() + 5 * DAY) : publishedAt,
        expiresAt: scheduled ? null : expiresAt,
        downloadCount: downloads,
        createdAt: new Date(Math.min(publishedAt.getTime(), now.getTime()) - DAY),
      });
    }
  });
}
