// The demo program's core: Acme Cloud's program settings, four tiers, eight products in three
// families, thirteen partners of every type across tiers and regions with their admins and users,
// the fixed demo API keys, custom registration fields (English and German), the direct-sales
// list, and a few hundred registrations in every status with their histories: enough won revenue
// and registered deals in the trailing 12 months for each partner's tier.
//
// Deterministic: the same `now` gives the same data (ids, names, amounts, dates), so the docs can
// show it. Registration dates are relative to `now`.
import type { CustomField, Tier } from '@partnerkit/api';
import { storeApiKey } from '../auth.js';
import { customerKeys } from '../rules/normalize.js';
import { DAY_MS } from '../rules/protection.js';
import { measureCriterion, type TierRecords } from '../rules/tiers.js';
import type { Database, Queryable, Role } from '../types.js';

/** The documented demo keys. Never use them outside a demo. */
export const DEMO_KEYS = {
  vendorAdmin: 'pk_demo_vendor_admin',
  northwindAdmin: 'pk_demo_northwind_admin',
  northwindUser: 'pk_demo_northwind_user',
  contosoAdmin: 'pk_demo_contoso_admin',
} as const;

export const PROGRAM = {
  vendorName: 'Acme Cloud',
  protectionDays: 90,
  extensionDays: 30,
  defaultCurrency: 'USD',
  tierGraceDays: 90,
} as const;

const usd = (dollars: number) => dollars * 100;

export const TIERS: Tier[] = [
  {
    id: 'tier_registered',
    name: 'Registered',
    rank: 0,
    criteria: [],
    benefits: [
      {
        key: 'portal',
        label: 'Partner portal access',
        description: 'Deal registration, training and the asset library.',
      },
      { key: 'discount_10', label: '10% resale discount', description: 'On every Acme Cloud product.' },
      {
        key: 'deal_registration',
        label: 'Deal registration',
        description: '90 days of protection on approved deals.',
      },
    ],
  },
  {
    id: 'tier_silver',
    name: 'Silver',
    rank: 1,
    criteria: [
      {
        key: 'closed_revenue',
        label: 'Closed revenue (trailing 12 months)',
        unit: 'money',
        required: usd(250_000),
        currency: 'USD',
        windowMonths: 12,
      },
      { key: 'certified_people', label: 'Certified people', unit: 'count', required: 2 },
      {
        key: 'registered_deals',
        label: 'Registered deals (trailing 12 months)',
        unit: 'count',
        required: 5,
        windowMonths: 12,
      },
    ],
    benefits: [
      { key: 'discount_20', label: '20% resale discount', description: 'On every Acme Cloud product.' },
      { key: 'mdf', label: 'Market development funds', description: 'A quarterly MDF allocation.' },
      {
        key: 'partner_locator',
        label: 'Partner locator listing',
        description: 'Listed on acme-cloud.example/partners.',
      },
    ],
  },
  {
    id: 'tier_gold',
    name: 'Gold',
    rank: 2,
    criteria: [
      {
        key: 'closed_revenue',
        label: 'Closed revenue (trailing 12 months)',
        unit: 'money',
        required: usd(1_000_000),
        currency: 'USD',
        windowMonths: 12,
      },
      { key: 'certified_people', label: 'Certified people', unit: 'count', required: 5 },
      {
        key: 'registered_deals',
        label: 'Registered deals (trailing 12 months)',
        unit: 'count',
        required: 15,
        windowMonths: 12,
      },
      { key: 'customer_satisfaction', label: 'Customer satisfaction', unit: 'score', required: 4 },
    ],
    benefits: [
      { key: 'discount_30', label: '30% resale discount', description: 'On every Acme Cloud product.' },
      {
        key: 'channel_manager',
        label: 'Dedicated channel manager',
        description: 'A named contact for planning and escalations.',
      },
      {
        key: 'nfr_licenses',
        label: 'Not-for-resale licences',
        description: 'Ten NFR licences for demos and internal use.',
      },
    ],
  },
  {
    id: 'tier_platinum',
    name: 'Platinum',
    rank: 3,
    criteria: [
      {
        key: 'closed_revenue',
        label: 'Closed revenue (trailing 12 months)',
        unit: 'money',
        required: usd(5_000_000),
        currency: 'USD',
        windowMonths: 12,
      },
      { key: 'certified_people', label: 'Certified people', unit: 'count', required: 10 },
      {
        key: 'registered_deals',
        label: 'Registered deals (trailing 12 months)',
        unit: 'count',
        required: 40,
        windowMonths: 12,
      },
      { key: 'customer_satisfaction', label: 'Customer satisfaction', unit: 'score', required: 4.5 },
    ],
    benefits: [
      { key: 'discount_40', label: '40% resale discount', description: 'On every Acme Cloud product.' },
      {
        key: 'co_selling',
        label: 'Joint account planning',
        description: 'Co-selling with Acme Cloud account teams.',
      },
      {
        key: 'advisory_board',
        label: 'Partner advisory board seat',
        description: 'A voice in the product roadmap.',
      },
    ],
  },
];

export const PRODUCTS = [
  { id: 'prd_core', name: 'Acme Cloud Core', family: 'Platform' },
  { id: 'prd_edge', name: 'Acme Edge Gateway', family: 'Platform' },
  { id: 'prd_datalake', name: 'Acme Data Lake', family: 'Platform' },
  { id: 'prd_shield', name: 'Acme Shield', family: 'Security' },
  { id: 'prd_identity', name: 'Acme Identity', family: 'Security' },
  { id: 'prd_vault', name: 'Acme Key Vault', family: 'Security' },
  { id: 'prd_insight', name: 'Acme Insight', family: 'Analytics' },
  { id: 'prd_stream', name: 'Acme Stream Analytics', family: 'Analytics' },
] as const;

interface DemoPartner {
  id: string;
  slug: string;
  name: string;
  type: 'reseller' | 'var' | 'isv' | 'si' | 'msp' | 'referral' | 'marketplace';
  tier: string;
  region: string;
  country: string;
  website: string;
  domain: string;
  currency: string;
  /** Admin first, then users. */
  people: [string, string][];
  /** How many registrations it has in the demo, at least (more when its tier needs the volume). */
  deals: number;
  /** Share of its closed deals that are won. */
  winRate: number;
  /** Its typical deal against the program's usual mix (1 when absent): larger partners sell larger deals. */
  dealSize?: number;
}

export const PARTNERS: DemoPartner[] = [
  {
    id: 'ptn_northwind',
    slug: 'northwind',
    name: 'Northwind Systems',
    type: 'reseller',
    tier: 'tier_gold',
    region: 'NA',
    country: 'US',
    website: 'https://northwind.example',
    domain: 'northwind.example',
    currency: 'USD',
    people: [
      ['Avery Lee', 'avery.lee'],
      ['Jordan Rivera', 'jordan.rivera'],
      ['Priya Natarajan', 'priya.natarajan'],
      ['Sam Okafor', 'sam.okafor'],
    ],
    deals: 48,
    winRate: 0.7,
  },
  {
    id: 'ptn_contoso',
    slug: 'contoso',
    name: 'Contoso Cloud',
    type: 'msp',
    tier: 'tier_silver',
    region: 'EMEA',
    country: 'GB',
    website: 'https://contoso.example',
    domain: 'contoso.example',
    currency: 'GBP',
    people: [
      ['Kai Moreau', 'kai.moreau'],
      ['Eleanor Hughes', 'eleanor.hughes'],
      ['Tomasz Nowak', 'tomasz.nowak'],
    ],
    deals: 30,
    winRate: 0.6,
  },
  {
    id: 'ptn_fabrikam',
    slug: 'fabrikam',
    name: 'Fabrikam Integrations',
    type: 'si',
    tier: 'tier_platinum',
    region: 'NA',
    country: 'US',
    website: 'https://fabrikam.example',
    domain: 'fabrikam.example',
    currency: 'USD',
    people: [
      ['Dana Whitfield', 'dana.whitfield'],
      ['Marcus Chen', 'marcus.chen'],
      ['Lucia Fernández', 'lucia.fernandez'],
    ],
    deals: 56,
    winRate: 0.75,
    dealSize: 2.5,
  },
  {
    id: 'ptn_adatum',
    slug: 'adatum',
    name: 'Adatum Software',
    type: 'isv',
    tier: 'tier_gold',
    region: 'EMEA',
    country: 'FR',
    website: 'https://adatum.example',
    domain: 'adatum.example',
    currency: 'EUR',
    people: [
      ['Camille Durand', 'camille.durand'],
      ['Hugo Lefèvre', 'hugo.lefevre'],
    ],
    deals: 24,
    winRate: 0.65,
    dealSize: 1.6,
  },
  {
    id: 'ptn_tailspin',
    slug: 'tailspin',
    name: 'Tailspin Digital',
    type: 'var',
    tier: 'tier_silver',
    region: 'NA',
    country: 'CA',
    website: 'https://tailspin.example',
    domain: 'tailspin.example',
    currency: 'USD',
    people: [
      ['Olivia Tremblay', 'olivia.tremblay'],
      ['Noah Gagnon', 'noah.gagnon'],
    ],
    deals: 22,
    winRate: 0.55,
  },
  {
    id: 'ptn_proseware',
    slug: 'proseware',
    name: 'Proseware Consulting',
    type: 'si',
    tier: 'tier_gold',
    region: 'EMEA',
    country: 'NL',
    website: 'https://proseware.example',
    domain: 'proseware.example',
    currency: 'EUR',
    people: [
      ['Sanne de Vries', 'sanne.devries'],
      ['Daan Bakker', 'daan.bakker'],
    ],
    deals: 26,
    winRate: 0.6,
    dealSize: 1.6,
  },
  {
    id: 'ptn_lamna',
    slug: 'lamna',
    name: 'Lamna Managed Services',
    type: 'msp',
    tier: 'tier_platinum',
    region: 'APAC',
    country: 'SG',
    website: 'https://lamna.example',
    domain: 'lamna.example',
    currency: 'USD',
    people: [
      ['Wei Ling Tan', 'weiling.tan'],
      ['Arjun Mehta', 'arjun.mehta'],
    ],
    deals: 60,
    winRate: 0.7,
    dealSize: 2.5,
  },
  {
    id: 'ptn_wingtip',
    slug: 'wingtip',
    name: 'Wingtip Marketplace',
    type: 'marketplace',
    tier: 'tier_silver',
    region: 'NA',
    country: 'US',
    website: 'https://wingtip.example',
    domain: 'wingtip.example',
    currency: 'USD',
    people: [
      ['Riley Brooks', 'riley.brooks'],
      ['Chris Patel', 'chris.patel'],
    ],
    deals: 18,
    winRate: 0.5,
  },
  {
    id: 'ptn_relecloud',
    slug: 'relecloud',
    name: 'Relecloud Solutions',
    type: 'isv',
    tier: 'tier_registered',
    region: 'APAC',
    country: 'JP',
    website: 'https://relecloud.example',
    domain: 'relecloud.example',
    currency: 'USD',
    people: [
      ['Haruto Sato', 'haruto.sato'],
      ['Yui Tanaka', 'yui.tanaka'],
    ],
    deals: 10,
    winRate: 0.4,
  },
  {
    id: 'ptn_litware',
    slug: 'litware',
    name: 'Litware Partners',
    type: 'referral',
    tier: 'tier_registered',
    region: 'APAC',
    country: 'AU',
    website: 'https://litware.example',
    domain: 'litware.example',
    currency: 'USD',
    people: [
      ['Mia Thompson', 'mia.thompson'],
      ['Jack Wilson', 'jack.wilson'],
    ],
    deals: 12,
    winRate: 0.45,
  },
  {
    id: 'ptn_woodgrove',
    slug: 'woodgrove',
    name: 'Woodgrove Technologies',
    type: 'var',
    tier: 'tier_registered',
    region: 'LATAM',
    country: 'BR',
    website: 'https://woodgrove.example',
    domain: 'woodgrove.example',
    currency: 'USD',
    people: [
      ['Beatriz Souza', 'beatriz.souza'],
      ['Rafael Lima', 'rafael.lima'],
    ],
    deals: 14,
    winRate: 0.5,
  },
  {
    id: 'ptn_trey',
    slug: 'trey',
    name: 'Trey Research Group',
    type: 'referral',
    tier: 'tier_silver',
    region: 'EMEA',
    country: 'ES',
    website: 'https://treyresearch.example',
    domain: 'treyresearch.example',
    currency: 'EUR',
    people: [
      ['Lucía Romero', 'lucia.romero'],
      ['Pablo Navarro', 'pablo.navarro'],
    ],
    deals: 16,
    winRate: 0.55,
  },
  {
    id: 'ptn_vanarsdel',
    slug: 'vanarsdel',
    name: 'VanArsdel Networks',
    type: 'reseller',
    tier: 'tier_registered',
    region: 'LATAM',
    country: 'MX',
    website: 'https://vanarsdel.example',
    domain: 'vanarsdel.example',
    currency: 'USD',
    people: [
      ['Valeria Ortiz', 'valeria.ortiz'],
      ['Diego Herrera', 'diego.herrera'],
    ],
    deals: 12,
    winRate: 0.45,
  },
];

export const VENDOR_ADMIN = {
  id: 'usr_acme_admin',
  name: 'Morgan Blake',
  email: 'morgan.blake@acme-cloud.example',
};
const VENDOR_REVIEWERS = [
  VENDOR_ADMIN,
  { id: 'usr_acme_ops', name: 'Jamie Kowalski', email: 'jamie.kowalski@acme-cloud.example' },
];

export const CUSTOM_FIELDS: CustomField[] = [
  {
    key: 'deal_type',
    label: 'Deal type',
    hint: 'New business, a renewal or an upsell to an existing customer.',
    type: 'select',
    required: true,
    options: [
      { value: 'new', label: 'New business' },
      { value: 'renewal', label: 'Renewal' },
      { value: 'upsell', label: 'Upsell' },
    ],
    translations: {
      de: {
        label: 'Art des Geschäfts',
        hint: 'Neugeschäft, Verlängerung oder Erweiterung bei einem Bestandskunden.',
        options: { new: 'Neugeschäft', renewal: 'Verlängerung', upsell: 'Erweiterung' },
      },
    },
  },
  {
    key: 'crm_opportunity_id',
    label: 'CRM opportunity id',
    hint: 'The id of this opportunity in your CRM, if you track it there.',
    type: 'text',
    required: false,
    maxLength: 40,
    translations: {
      de: {
        label: 'CRM-Opportunity-ID',
        hint: 'Die ID dieser Verkaufschance in Ihrem CRM, falls vorhanden.',
      },
    },
  },
  {
    key: 'seats',
    label: 'Seats',
    hint: 'How many users the customer plans to license.',
    type: 'number',
    required: false,
    min: 1,
    max: 1_000_000,
    translations: { de: { label: 'Arbeitsplätze', hint: 'Wie viele Nutzer der Kunde lizenzieren möchte.' } },
  },
  {
    key: 'budget_confirmed_on',
    label: 'Budget confirmed on',
    hint: 'When the customer confirmed the budget.',
    type: 'date',
    required: false,
    translations: { de: { label: 'Budget bestätigt am', hint: 'Wann der Kunde das Budget bestätigt hat.' } },
  },
  {
    key: 'competitive_deal',
    label: 'Competitive deal',
    hint: 'Tick when another vendor is also bidding.',
    type: 'checkbox',
    required: false,
    translations: {
      de: { label: 'Wettbewerbssituation', hint: 'Ankreuzen, wenn ein anderer Anbieter mitbietet.' },
    },
  },
];

/** The vendor's direct-sales accounts: registrations for them are refused. */
export const DIRECT_ACCOUNTS = [
  { company: 'Helios Airlines', domain: 'helios-airlines.com', owner: 'Enterprise team West' },
  { company: 'Mercator Shipping Lines', domain: 'mercatorshipping.com', owner: 'Enterprise team EMEA' },
  { company: 'Polaris Insurance Group', domain: 'polarisinsurance.com', owner: 'Financial services' },
  { company: 'Atlas Motor Works', domain: 'atlasmotorworks.com', owner: 'Enterprise team East' },
  { company: 'Vireo Pharmaceuticals AG', domain: 'vireo-pharma.de', owner: 'Life sciences' },
  { company: 'Orion Telecom PLC', domain: 'oriontelecom.co.uk', owner: 'Enterprise team EMEA' },
  { company: 'Cascadia Power & Light', domain: 'cascadiapower.com', owner: 'Public sector' },
  { company: 'Borealis Retail Group', domain: 'borealisretail.com', owner: 'Retail' },
  { company: 'Halcyon Hotels & Resorts', domain: 'halcyonhotels.com', owner: 'Hospitality' },
  { company: 'Kaiju Electronics K.K.', domain: 'kaiju-electronics.jp', owner: 'Enterprise team APAC' },
  { company: 'Federal Bank of Meridia', domain: 'fbmeridia.com', owner: 'Financial services' },
  { company: 'Gruppo Tessile Aurelia S.p.A.', domain: 'aureliatessile.it', owner: 'Enterprise team EMEA' },
];

// Customer names: distinctive first words and trades, combined without repeats, with the legal
// form customary in the customer's country.
const NAME_FIRST = [
  'Brightwater',
  'Harborview',
  'Kestrel',
  'Bluepeak',
  'Ironbridge',
  'Silverline',
  'Northgate',
  'Redwood',
  'Stonefield',
  'Clearwater',
  'Highland',
  'Maplewood',
  'Lakeshore',
  'Pinecrest',
  'Riverbend',
  'Oakridge',
  'Granite',
  'Evergreen',
  'Westfield',
  'Sunridge',
  'Crescent',
  'Meridian',
  'Beacon',
  'Cobalt',
  'Falcon',
  'Keystone',
  'Lighthouse',
  'Nimbus',
  'Orchard',
  'Sapphire',
  'Tidewater',
  'Vantage',
  'Willow',
  'Zenith',
  'Aurora',
  'Bayside',
  'Cedar',
  'Driftwood',
  'Emerald',
  'Foxglove',
  'Goldcrest',
  'Hawthorne',
  'Juniper',
  'Larkspur',
  'Mistral',
  'Nordlys',
  'Osprey',
  'Paragon',
  'Rosewood',
  'Sakura',
  'Tamarack',
  'Wren',
  'Yarrow',
  'Alderaan',
  'Bergström',
  'Château Lumière',
  'Dürrenfeld',
  'Élan',
  'Fjordvik',
  'Gaudí',
  'Håkansson',
];
const NAME_TRADE = [
  'Logistics',
  'Medical Group',
  'Aerospace',
  'Foods',
  'Energy',
  'Financial',
  'Retail',
  'Manufacturing',
  'Pharmaceuticals',
  'Insurance',
  'Hotels',
  'Telecom',
  'Robotics',
  'Analytics',
  'Construction',
  'Automotive',
  'Biotech',
  'Media',
  'Shipping',
  'Textiles',
  'Dairy',
  'Architects',
  'Capital',
  'Labs',
  'Outfitters',
  'Education',
  'Health Partners',
  'Water',
  'Semiconductors',
  'Brewing',
  'Publishing',
  'Realty',
  'Mining',
  'Agritech',
  'Clinics',
  'Chemicals',
  'Furniture',
  'Security',
  'Software',
  'Freight',
];
const LEGAL_FORM: Record<string, string[]> = {
  US: ['Inc.', 'LLC', 'Corp.', ''],
  CA: ['Inc.', 'Ltd.', ''],
  GB: ['Ltd', 'PLC', 'Limited'],
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
  FR: ['SAS', 'SA', 'SARL'],
  NL: ['B.V.', 'N.V.'],
  ES: ['S.L.', 'S.A.'],
  SG: ['Pte. Ltd.'],
  AU: ['Pty Ltd'],
  JP: ['K.K.', 'Co., Ltd.'],
  BR: ['Ltda.', 'S.A.'],
  MX: ['S.A.', ''],
  SE: ['AB'],
  IT: ['S.p.A.', 'S.r.l.'],
  IN: ['Pvt. Ltd.'],
};
const TLD: Record<string, string> = {
  US: 'com',
  CA: 'ca',
  GB: 'co.uk',
  DE: 'de',
  FR: 'fr',
  NL: 'nl',
  ES: 'es',
  SG: 'com.sg',
  AU: 'com.au',
  JP: 'co.jp',
  BR: 'com.br',
  MX: 'com.mx',
  SE: 'se',
  IT: 'it',
  IN: 'in',
};
const COUNTRIES_BY_REGION: Record<string, string[]> = {
  NA: ['US', 'US', 'US', 'CA'],
  EMEA: ['GB', 'DE', 'FR', 'NL', 'ES', 'SE', 'IT'],
  APAC: ['SG', 'AU', 'JP', 'IN'],
  LATAM: ['BR', 'MX'],
};
const STATES: Record<string, string[]> = {
  US: ['California', 'Texas', 'New York', 'Washington', 'Illinois', 'Colorado', 'Georgia'],
  CA: ['Ontario', 'Quebec', 'British Columbia'],
  AU: ['New South Wales', 'Victoria', 'Queensland'],
  DE: ['Bayern', 'Berlin', 'Hessen'],
  BR: ['São Paulo', 'Rio de Janeiro'],
};
const CONTACT_FIRST = [
  'Alex',
  'Maria',
  'Chen',
  'Fatima',
  'Lars',
  'Sofia',
  'Kenji',
  'Amara',
  'Liam',
  'Isabel',
  'Mateo',
  'Ingrid',
  'Ravi',
  'Zoe',
  'Omar',
  'Hannah',
  'Luca',
  'Aiko',
  'Grace',
  'Felix',
  'Nadia',
  'Ethan',
  'Chloé',
  'Björn',
];
const CONTACT_LAST = [
  'Johnson',
  'García',
  'Wang',
  'Haddad',
  'Lindqvist',
  'Rossi',
  'Watanabe',
  'Okonkwo',
  'Murphy',
  'Silva',
  'Schneider',
  'Dubois',
  'Kapoor',
  'Novak',
  'Jansen',
  'Müller',
  'Costa',
  'Nguyen',
  'Andersen',
  'Walsh',
];
const TITLES = [
  'CIO',
  'Head of IT',
  'IT Director',
  'VP Engineering',
  'CTO',
  'Procurement Manager',
  'Infrastructure Lead',
];
const REJECTIONS = [
  'The customer is in an active direct-sales engagement.',
  'Not enough detail about the opportunity: add the decision maker and the timeline.',
  'The customer is outside your contracted territory.',
  'The estimated value is below the registration threshold for this product.',
];
const LOSSES = [
  'The customer chose a competitor on price.',
  'The project was postponed to next fiscal year.',
  'The budget was cut.',
  'The customer decided to build in-house.',
];

/** A small seeded PRNG (mulberry32): the same seed gives the same demo data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
/** Demo timestamps fall on whole seconds, 09:00-17:59 UTC. */
const atWorkHour = (d: Date, r: ReturnType<typeof rng>) => {
  const x = new Date(d);
  x.setUTCHours(r.int(9, 17), r.int(0, 59), r.int(0, 59), 0);
  return x;
};

const userId = (p: DemoPartner, i: number) => `usr_${p.slug}_${i + 1}`;
const emailOf = (p: DemoPartner, local: string) => `${local}@${p.domain}`;

/** Writes the core demo data in one transaction. Returns false when a program already exists. */
export async function seedCore(db: Database, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('partnerkit:seed'))`);
    const existing = await tx.query('SELECT 1 FROM program');
    if (existing.rows.length > 0) return false;
    await insertProgram(tx);
    await insertPeopleAndKeys(tx, now);
    await insertRegistrations(tx, now);
    return true;
  });
}

async function insertProgram(tx: Queryable): Promise<void> {
  await tx.query(
    `INSERT INTO program (vendor_name, protection_days, extension_days, default_currency, tier_grace_days)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      PROGRAM.vendorName,
      PROGRAM.protectionDays,
      PROGRAM.extensionDays,
      PROGRAM.defaultCurrency,
      PROGRAM.tierGraceDays,
    ],
  );
  for (const t of TIERS) {
    await tx.query('INSERT INTO tiers (id, name, rank, criteria, benefits) VALUES ($1, $2, $3, $4, $5)', [
      t.id,
      t.name,
      t.rank,
      JSON.stringify(t.criteria),
      JSON.stringify(t.benefits),
    ]);
  }
  for (const [i, p] of PRODUCTS.entries()) {
    await tx.query('INSERT INTO products (id, name, family, position) VALUES ($1, $2, $3, $4)', [
      p.id,
      p.name,
      p.family,
      i,
    ]);
  }
  for (const [i, f] of CUSTOM_FIELDS.entries()) {
    await tx.query(
      `INSERT INTO custom_fields (key, label, hint, type, required, options, min, max, max_length, translations, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        f.key,
        f.label,
        f.hint ?? null,
        f.type,
        f.required,
        f.options ? JSON.stringify(f.options) : null,
        f.min ?? null,
        f.max ?? null,
        f.maxLength ?? null,
        f.translations ? JSON.stringify(f.translations) : null,
        i,
      ],
    );
  }
  for (const [i, a] of DIRECT_ACCOUNTS.entries()) {
    const keys = customerKeys(a.company, a.domain);
    await tx.query(
      `INSERT INTO direct_accounts (id, company, domain, company_key, domain_key, block_first, block_last, owner)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        `da_${String(i + 1).padStart(3, '0')}`,
        a.company,
        a.domain,
        keys.company,
        keys.domain,
        keys.blockFirst,
        keys.blockLast,
        a.owner,
      ],
    );
  }
}

async function insertPeopleAndKeys(tx: Queryable, now: Date): Promise<void> {
  const since = new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 15));
  for (const v of VENDOR_REVIEWERS) {
    await tx.query(
      `INSERT INTO users (id, partner_id, name, email, role, created_at) VALUES ($1, NULL, $2, $3, 'vendor_admin', $4)`,
      [v.id, v.name, v.email, since],
    );
  }
  await storeApiKey(tx, {
    userId: VENDOR_ADMIN.id,
    role: 'vendor_admin',
    name: 'Demo vendor admin key',
    key: DEMO_KEYS.vendorAdmin,
    now: since,
  });
  for (const p of PARTNERS) {
    const [adminName] = p.people[0]!;
    await tx.query(
      `INSERT INTO partners (id, name, type, region, country, website, logo_url, contact, tier_id, tier_since, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [
        p.id,
        p.name,
        p.type,
        p.region,
        p.country,
        p.website,
        null,
        JSON.stringify({
          name: adminName,
          email: emailOf(p, p.people[0]![1]),
          phone: '+1 555 0100',
          title: 'Partner manager',
        }),
        p.tier,
        since,
      ],
    );
    for (const [i, [name, local]] of p.people.entries()) {
      const role: Role = i === 0 ? 'partner_admin' : 'partner_user';
      await tx.query(
        `INSERT INTO users (id, partner_id, name, email, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [userId(p, i), p.id, name, emailOf(p, local), role, since],
      );
    }
    await storeApiKey(tx, {
      userId: userId(p, 0),
      role: 'partner_admin',
      name: 'Demo partner admin key',
      key: `pk_demo_${p.slug}_admin`,
      now: since,
    });
    if (p.slug === 'northwind') {
      await storeApiKey(tx, {
        userId: userId(p, 1),
        role: 'partner_user',
        name: 'Demo partner user key',
        key: DEMO_KEYS.northwindUser,
        now: since,
      });
    }
  }
}

type Status = 'submitted' | 'under_review' | 'approved' | 'rejected' | 'expired' | 'won' | 'lost';

interface HistoryEntry {
  at: Date;
  actor: { type: 'partner' | 'vendor' | 'system'; id: string | null; name: string };
  from: Status | null;
  to: Status;
  reason: string | null;
}

/** A status for the n-th registration of a partner, weighted like a real pipeline. */
function pickStatus(r: ReturnType<typeof rng>, winRate: number): Status {
  const x = r.next();
  if (x < 0.12) return 'submitted';
  if (x < 0.2) return 'under_review';
  if (x < 0.4) return 'approved';
  if (x < 0.48) return 'rejected';
  if (x < 0.56) return 'expired';
  return r.chance(winRate) ? 'won' : 'lost';
}

/** Demo exchange rates: what one unit of each currency is worth in USD, the program's currency. */
export const CURRENCY_RATES: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CAD: 0.73,
  AUD: 0.66,
  JPY: 0.0067,
  CHF: 1.13,
  SEK: 0.095,
};

/**
 * How far above its tier's volume thresholds (closed revenue, registered deals) the demo puts a
 * partner, so that deals leaving the trailing window over the next days do not tip it into a
 * grace period.
 */
const VOLUME_HEADROOM = 1.15;
/** A bound on the pipeline the seed writes for one partner. */
const MAX_DEALS_PER_PARTNER = 200;

/**
 * Whether `own` registrations give partner `p` the volume its tier asks for at `now` (measured by
 * the tier rules themselves, with the demo rates), with headroom. Certified people and customer
 * satisfaction come from the training seed.
 */
function volumeSupportsTier(p: DemoPartner, own: readonly SeedRegistration[], now: Date): boolean {
  const tier = TIERS.find((t) => t.id === p.tier);
  if (!tier) return true;
  const records: TierRecords = {
    wonDeals: own.flatMap((x) =>
      x.status === 'won' && x.closed
        ? [{ closedAt: x.closed.at, value: { amount: x.closed.amount, currency: x.closed.currency } }]
        : [],
    ),
    registrations: own.map((x) => ({ createdAt: x.createdAt, status: x.status })),
    certifications: [],
    satisfaction: null,
  };
  const rates = { base: PROGRAM.defaultCurrency, rates: CURRENCY_RATES };
  return tier.criteria.every(
    (c) =>
      (c.key !== 'closed_revenue' && c.key !== 'registered_deals') ||
      measureCriterion(c, records, now, rates) >= c.required * VOLUME_HEADROOM,
  );
}

interface SeedRegistration {
  id: string;
  partner: DemoPartner;
  company: string;
  domain: string | null;
  country: string;
  region: string | null;
  contact: { name: string; email: string; phone?: string; title?: string };
  products: string[];
  amount: number;
  currency: string;
  closeDate: string;
  sourcing: 'sourced' | 'influenced';
  notes: string | null;
  custom: Record<string, string | number | boolean>;
  flags: string[];
  status: Status;
  createdAt: Date;
  protectedUntil: Date | null;
  extension: { at: Date; reason: string; previousEnd: Date } | null;
  rejection: string | null;
  closed: { amount: number; currency: string; at: Date } | null;
  submitter: { id: string; name: string };
  history: HistoryEntry[];
}

async function insertRegistrations(tx: Queryable, now: Date): Promise<void> {
  const r = rng(20260521);
  const used = new Set<string>();
  const names: string[] = [];
  for (const first of NAME_FIRST) for (const trade of NAME_TRADE) names.push(`${first} ${trade}`);
  const takeName = () => {
    for (;;) {
      const candidate = names[r.int(0, names.length - 1)]!;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const productIds = PRODUCTS.map((p) => p.id);
  const rows: SeedRegistration[] = [];

  /** The `n`-th registration of the demo, for partner `p`. */
  const generate = (p: DemoPartner, n: number): SeedRegistration => {
    const status = pickStatus(r, p.winRate);
    const country = r.pick(COUNTRIES_BY_REGION[p.region]!);
    const base = takeName();
    const form = r.pick(LEGAL_FORM[country] ?? ['']);
    const company = form ? `${base} ${form}` : base;
    const domain = r.chance(0.85) ? `${slugify(base)}.${TLD[country] ?? 'com'}` : null;
    const first = r.pick(CONTACT_FIRST);
    const last = r.pick(CONTACT_LAST);
    const contactDomain = domain ?? `${slugify(base)}.com`;
    const contact = {
      name: `${first} ${last}`,
      email: `${slugify(first)}.${slugify(last)}@${contactDomain}`,
      ...(r.chance(0.7)
        ? { phone: `+${r.int(1, 61)} ${r.int(200, 999)} ${r.int(100, 999)} ${r.int(1000, 9999)}` }
        : {}),
      ...(r.chance(0.8) ? { title: r.pick(TITLES) } : {}),
    };
    const products = [
      ...new Set([
        r.pick(productIds),
        ...(r.chance(0.4) ? [r.pick(productIds)] : []),
        ...(r.chance(0.15) ? [r.pick(productIds)] : []),
      ]),
    ];
    const currency = r.chance(0.8) ? p.currency : 'USD';
    const typical = usd(r.pick([8, 12, 15, 25, 40, 60, 75, 90, 120, 150, 240, 380, 520, 750])) * 1000;
    const amount = Math.round((typical * (p.dealSize ?? 1)) / usd(1000)) * usd(1000) + usd(r.int(0, 9) * 100);
    const sourcing = r.chance(0.75) ? 'sourced' : 'influenced';
    const submitterIndex = r.int(0, p.people.length - 1);
    const submitter = { id: userId(p, submitterIndex), name: p.people[submitterIndex]![0] };
    const reviewer = r.pick(VENDOR_REVIEWERS);
    const vendorActor = { type: 'vendor' as const, id: reviewer.id, name: reviewer.name };
    const partnerActor = { type: 'partner' as const, id: submitter.id, name: submitter.name };

    // Timeline, relative to now.
    let age: number;
    if (status === 'submitted') age = r.int(0, 6);
    else if (status === 'under_review') age = r.int(3, 20);
    else if (status === 'approved') age = r.int(10, 85);
    else if (status === 'rejected') age = r.int(5, 400);
    else if (status === 'expired') age = r.int(110, 500);
    else age = r.int(30, 520);
    const createdAt = atWorkHour(addDays(now, -age), r);
    if (createdAt.getTime() > now.getTime()) createdAt.setTime(now.getTime() - 3_600_000 * r.int(1, 8));
    const history: HistoryEntry[] = [
      { at: createdAt, actor: partnerActor, from: null, to: 'submitted', reason: null },
    ];
    let protectedUntil: Date | null = null;
    let extension: SeedRegistration['extension'] = null;
    let rejection: string | null = null;
    let closed: SeedRegistration['closed'] = null;
    const step = (days: number, from: Date) => {
      const at = atWorkHour(addDays(from, days), r);
      return at.getTime() >= now.getTime() ? new Date(now.getTime() - 60_000) : at;
    };
    if (status !== 'submitted') {
      const reviewAt = step(r.int(0, 2), createdAt);
      const reviewed = status === 'under_review' || r.chance(0.6);
      if (reviewed)
        history.push({
          at: reviewAt,
          actor: vendorActor,
          from: 'submitted',
          to: 'under_review',
          reason: null,
        });
      const decidedFrom: Status = reviewed ? 'under_review' : 'submitted';
      if (status === 'rejected') {
        rejection = r.pick(REJECTIONS);
        history.push({
          at: step(r.int(1, 4), reviewAt),
          actor: vendorActor,
          from: decidedFrom,
          to: 'rejected',
          reason: rejection,
        });
      } else if (status !== 'under_review') {
        const approvedAt = step(r.int(1, 5), reviewAt);
        history.push({
          at: approvedAt,
          actor: vendorActor,
          from: decidedFrom,
          to: 'approved',
          reason: r.chance(0.3) ? 'Verified with the customer.' : null,
        });
        protectedUntil = addDays(approvedAt, PROGRAM.protectionDays);
        if (status === 'approved' && r.chance(0.25)) {
          const at = step(r.int(5, 40), approvedAt);
          if (at.getTime() < protectedUntil.getTime()) {
            extension = {
              at,
              reason: 'The customer moved its procurement committee to next quarter.',
              previousEnd: protectedUntil,
            };
            protectedUntil = addDays(protectedUntil, PROGRAM.extensionDays);
          }
        }
        if (status === 'approved' && protectedUntil.getTime() <= now.getTime()) {
          protectedUntil = addDays(now, r.int(5, 60));
        }
        if (status === 'expired') {
          history.push({
            at: protectedUntil,
            actor: { type: 'system', id: null, name: 'system' },
            from: 'approved',
            to: 'expired',
            reason: 'The protection period ended.',
          });
        }
        if (status === 'won' || status === 'lost') {
          const latest = Math.min(protectedUntil.getTime() - DAY_MS, now.getTime() - 60_000);
          const span = Math.max(1, Math.floor((latest - approvedAt.getTime()) / DAY_MS));
          const closedAt = atWorkHour(addDays(approvedAt, r.int(1, Math.min(span, 80))), r);
          const at = closedAt.getTime() > latest ? new Date(latest) : closedAt;
          if (status === 'won') {
            const value = Math.round((amount * r.int(80, 115)) / 100 / 100) * 100;
            closed = { amount: value, currency, at };
            history.push({ at, actor: partnerActor, from: 'approved', to: 'won', reason: null });
          } else {
            history.push({ at, actor: partnerActor, from: 'approved', to: 'lost', reason: r.pick(LOSSES) });
          }
        }
      }
    }
    const custom: Record<string, string | number | boolean> = {
      deal_type: r.pick(['new', 'new', 'renewal', 'upsell']),
    };
    if (r.chance(0.6)) custom.crm_opportunity_id = `OPP-${r.int(100000, 999999)}`;
    if (r.chance(0.7)) custom.seats = r.pick([25, 50, 100, 250, 500, 1200, 5000]);
    if (r.chance(0.5)) custom.budget_confirmed_on = dayOf(addDays(createdAt, -r.int(1, 30)));
    if (r.chance(0.4)) custom.competitive_deal = r.chance(0.5);
    return {
      id: `dr_demo_${String(n).padStart(4, '0')}`,
      partner: p,
      company,
      domain,
      country,
      region: STATES[country] && r.chance(0.7) ? r.pick(STATES[country]!) : null,
      contact,
      products,
      amount,
      currency,
      closeDate: dayOf(addDays(createdAt, r.int(30, 180))),
      sourcing,
      notes: r.chance(0.5)
        ? r.pick([
            'Customer is consolidating three legacy platforms; the decision is expected this quarter.',
            'Met the CIO at the regional summit; a proof of concept is scheduled.',
            'Renewal of the current subscription with an expansion to two more business units.',
            'Competitive bake-off; we lead on security requirements.',
            'Existing customer of ours for managed services, new to Acme Cloud.',
          ])
        : null,
      custom,
      flags: [],
      status,
      createdAt,
      protectedUntil,
      extension,
      rejection,
      closed,
      submitter,
      history,
    };
  };

  // Each partner gets its registrations, and more while its trailing-12-month volume is short
  // of what its tier asks for: a Platinum partner has a Platinum pipeline.
  let n = 0;
  for (const p of PARTNERS) {
    const own: SeedRegistration[] = [];
    while (own.length < p.deals || !volumeSupportsTier(p, own, now)) {
      if (own.length >= MAX_DEALS_PER_PARTNER) {
        throw new Error(`The demo seed found no pipeline for ${p.name} that supports its tier.`);
      }
      own.push(generate(p, ++n));
    }
    rows.push(...own);
  }

  // A few near misses of other partners' open registrations, flagged for review, as the
  // conflict check would flag them.
  const open = rows.filter(
    (x) => x.status === 'submitted' || x.status === 'under_review' || x.status === 'approved',
  );
  const variants: [RegExp, string][] = [
    [/ Group\b/, ' Grp'],
    [/ Health Partners\b/, ' Health Partner'],
    [/ Logistics\b/, ' Logistic'],
    [/ Labs\b/, ' Lab'],
    [/ Clinics\b/, ' Clinic'],
    [/ Foods\b/, ' Food'],
    [/ Outfitters\b/, ' Outfitter'],
    [/ Semiconductors\b/, ' Semiconductor'],
    [/ Chemicals\b/, ' Chemical'],
    [/ Textiles\b/, ' Textile'],
  ];
  let flagged = 0;
  const touched = new Set<SeedRegistration>();
  for (const target of open) {
    if (flagged >= 6) break;
    if (touched.has(target)) continue;
    const variant = variants.find(([re]) => re.test(target.company));
    if (!variant) continue;
    const other = rows.find(
      (x) =>
        x.partner.id !== target.partner.id &&
        x.status === 'submitted' &&
        !touched.has(x) &&
        x.createdAt.getTime() > target.createdAt.getTime(),
    );
    if (!other || other === target) continue;
    touched.add(other);
    touched.add(target);
    other.company = target.company.replace(variant[0], variant[1]);
    other.domain = null;
    other.products = [...target.products];
    other.flags = ['similar_customer'];
    other.history[0]!.reason = 'A similar customer exists: flagged for review.';
    flagged++;
  }

  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const x of rows) {
    const keys = customerKeys(x.company, x.domain);
    const customer = {
      company: x.company,
      ...(x.domain ? { domain: x.domain } : {}),
      country: x.country,
      ...(x.region ? { region: x.region } : {}),
      contact: x.contact,
    };
    const updatedAt = x.history.at(-1)!.at;
    const { rows: seq } = await tx.query<{ n: number }>(`SELECT nextval('deal_reference_seq') AS n`);
    await tx.query(
      `INSERT INTO deal_registrations (
         id, reference, partner_id, status, customer, company_key, domain_key, block_first, block_last,
         product_ids, estimated_amount, currency, expected_close_date, sourcing, notes, custom_fields, flags,
         protected_until, extension_requested_at, extension_reason, extension_previous_end, rejection_reason,
         closed_amount, closed_currency, closed_at, submitted_by_id, submitted_by_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11, $12, $13, $14, $15, $16, $17::text[],
               $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)`,
      [
        x.id,
        `DR-${x.createdAt.getUTCFullYear()}-${String(seq[0]!.n).padStart(6, '0')}`,
        x.partner.id,
        x.status,
        JSON.stringify(customer),
        keys.company,
        keys.domain,
        keys.blockFirst,
        keys.blockLast,
        x.products,
        x.amount,
        x.currency,
        x.closeDate,
        x.sourcing,
        x.notes,
        JSON.stringify(x.custom),
        x.flags,
        x.protectedUntil,
        x.extension?.at ?? null,
        x.extension?.reason ?? null,
        x.extension?.previousEnd ?? null,
        x.rejection,
        x.closed?.amount ?? null,
        x.closed?.currency ?? null,
        x.closed?.at ?? null,
        x.submitter.id,
        x.submitter.name,
        x.createdAt,
        updatedAt.getTime() > x.createdAt.getTime() ? updatedAt : x.createdAt,
      ],
    );
    for (const h of x.history) {
      await tx.query(
        `INSERT INTO deal_history (registration_id, at, actor_type, actor_id, actor_name, from_status, to_status, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [x.id, h.at, h.actor.type, h.actor.id, h.actor.name, h.from, h.to, h.reason],
      );
    }
  }
}
