// The demo program's training and tier data: certifications, courses with their modules (in
// English and German), learning paths for each kind of partner and role, enrolments in every
// state, certifications active, expiring and expired, and customer-satisfaction scores. Runs
// after the core seed (program, tiers, partners, users, registrations) and leaves every partner
// at the tier its records support (Northwind a believable way short of Platinum).
import { createHash } from 'node:crypto';
import type { PartnerType, Tier } from '@partnerkit/api';
import { byRank } from '../rules/tiers.js';
import { loadTiers, refreshTierStanding, sweepTierStandings } from '../rules/tiers-store.js';
import { addDaysUtc, addMonthsUtc } from '../rules/training.js';
import { applyModuleCompletion, insertEnrollment } from '../rules/training-store.js';
import type { Database, Queryable } from '../types.js';
import { CURRENCY_RATES } from './core.js';

type Level = 'beginner' | 'intermediate' | 'advanced';
type LearnerRole = 'partner_user' | 'partner_admin';

interface CertificationSeed {
  id: string;
  name: string;
  validityMonths: 12 | 24;
}

interface CourseSeed {
  id: string;
  title: string;
  description: string;
  level: Level;
  language: 'en' | 'de';
  partnerTypes: PartnerType[];
  roles: LearnerRole[];
  certificationId?: string;
  /** Title and minutes of each module, in order. */
  modules: [string, number][];
}

interface PathSeed {
  id: string;
  name: string;
  description: string;
  partnerTypes: PartnerType[];
  roles: LearnerRole[];
  certificationId?: string;
  courseIds: string[];
}

const ALL: PartnerType[] = [];
const SELLERS: PartnerType[] = ['reseller', 'var', 'referral', 'marketplace'];
const TECHNICAL: PartnerType[] = ['reseller', 'var', 'si', 'isv', 'msp'];

export const CERTIFICATIONS: CertificationSeed[] = [
  { id: 'cert_sales_professional', name: 'Certified Sales Professional', validityMonths: 12 },
  { id: 'cert_presales_engineer', name: 'Certified Pre-Sales Engineer', validityMonths: 24 },
  { id: 'cert_implementation_specialist', name: 'Certified Implementation Specialist', validityMonths: 24 },
  { id: 'cert_managed_services', name: 'Certified Managed Services Operator', validityMonths: 12 },
  { id: 'cert_channel_marketer', name: 'Certified Channel Marketer', validityMonths: 12 },
  { id: 'cert_solutions_architect', name: 'Certified Solutions Architect', validityMonths: 24 },
];

export const COURSES: CourseSeed[] = [
  {
    id: 'crs_platform_overview',
    title: 'Acme Cloud platform overview',
    description:
      'What the platform does, who buys it and why: the products, the editions and the customer journey.',
    level: 'beginner',
    language: 'en',
    partnerTypes: ALL,
    roles: [],
    modules: [
      ['Welcome to the Acme Cloud partner program', 10],
      ['The product families at a glance', 25],
      ['Editions, add-ons and what each includes', 20],
      ['Three customer stories, start to finish', 30],
    ],
  },
  {
    id: 'crs_deal_registration_rules',
    title: 'Deal registration: the rules of engagement',
    description:
      'How registration protects your opportunities, what counts as a conflict, and how to ask for an extension.',
    level: 'beginner',
    language: 'en',
    partnerTypes: ALL,
    roles: [],
    modules: [
      ['Why register, and when', 10],
      ['Conflicts, direct accounts and near misses', 20],
      ['Protection periods and extensions', 15],
    ],
  },
  {
    id: 'crs_pricing_licensing',
    title: 'Pricing, licensing and quoting',
    description: 'Subscription terms, volume tiers, multi-year discounts and building a quote that closes.',
    level: 'beginner',
    language: 'en',
    partnerTypes: SELLERS,
    roles: [],
    modules: [
      ['Subscription terms and billing cycles', 20],
      ['Volume tiers and multi-year discounts', 25],
      ['Building and approving a quote', 30],
    ],
  },
  {
    id: 'crs_value_selling',
    title: 'Value selling for cloud platforms',
    description:
      'Discovery questions, business cases and mutual close plans that move a deal from interest to signature.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: SELLERS,
    roles: [],
    modules: [
      ['Discovery that uncovers pain', 25],
      ['Quantifying value: the business case', 35],
      ['Mapping the buying committee', 20],
      ['Mutual close plans', 25],
      ['Role play: the CFO conversation', 40],
    ],
  },
  {
    id: 'crs_competitive_positioning',
    title: 'Competitive positioning and objection handling',
    description:
      'Where we win, where we do not, and answers to the ten objections you will hear this quarter.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: SELLERS,
    roles: [],
    modules: [
      ['The competitive landscape', 20],
      ['Win themes by industry', 25],
      ['The ten most common objections', 30],
      ['Trading up from a legacy on-premises suite', 25],
    ],
  },
  {
    id: 'crs_sales_exam',
    title: 'Sales Professional certification exam',
    description:
      'A proctored assessment of the sales path: pass it to become a Certified Sales Professional.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: SELLERS,
    roles: [],
    certificationId: 'cert_sales_professional',
    modules: [
      ['Exam briefing and practice questions', 20],
      ['Scenario assessment', 45],
      ['Knowledge assessment', 40],
    ],
  },
  {
    id: 'crs_architecture_fundamentals',
    title: 'Architecture fundamentals',
    description:
      'Tenancy, regions, networking, identity and the data model every technical conversation rests on.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: TECHNICAL,
    roles: [],
    modules: [
      ['Tenancy and regions', 20],
      ['Networking and private connectivity', 30],
      ['Identity, SSO and provisioning', 30],
      ['The data model and its limits', 25],
      ['High availability and service levels', 20],
      ['Lab: a reference tenant in an hour', 60],
    ],
  },
  {
    id: 'crs_demo_mastery',
    title: 'Running a winning technical demo',
    description:
      'Tailoring the demo environment, telling the story in the customer’s words and recovering when it breaks.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: TECHNICAL,
    roles: [],
    modules: [
      ['Preparing a tailored demo tenant', 25],
      ['The three-act demo story', 20],
      ['Handling live questions', 15],
      ['When the demo breaks', 15],
    ],
  },
  {
    id: 'crs_security_compliance',
    title: 'Security, identity and compliance',
    description:
      'Answering security questionnaires with confidence: encryption, audit, certifications and data residency.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: TECHNICAL,
    roles: [],
    modules: [
      ['Encryption at rest and in transit', 20],
      ['Audit logs and retention', 20],
      ['SOC 2, ISO 27001 and what they cover', 25],
      ['Data residency and GDPR', 25],
      ['Completing a security questionnaire', 35],
      ['Penetration tests and shared responsibility', 20],
    ],
  },
  {
    id: 'crs_poc_playbook',
    title: 'Proof-of-concept playbook',
    description:
      'Scoping, success criteria and a two-week plan that ends with a signed order rather than a science project.',
    level: 'advanced',
    language: 'en',
    partnerTypes: TECHNICAL,
    roles: [],
    modules: [
      ['Qualifying a proof of concept', 20],
      ['Written success criteria', 25],
      ['The two-week plan', 30],
      ['Daily stand-ups with the customer', 15],
      ['The read-out that closes', 25],
    ],
  },
  {
    id: 'crs_presales_exam',
    title: 'Pre-Sales Engineer certification exam',
    description: 'A hands-on lab exam and a recorded demo, reviewed by our solution engineers.',
    level: 'advanced',
    language: 'en',
    partnerTypes: TECHNICAL,
    roles: [],
    certificationId: 'cert_presales_engineer',
    modules: [
      ['Exam briefing', 15],
      ['Lab exam', 90],
      ['Recorded demo submission', 45],
    ],
  },
  {
    id: 'crs_deployment_planning',
    title: 'Deployment planning and sizing',
    description:
      'From signed order to go-live plan: workshops, sizing, environments and the cutover calendar.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: ['si', 'var', 'msp'],
    roles: [],
    modules: [
      ['The kick-off workshop', 25],
      ['Sizing tenants and environments', 30],
      ['Sandbox, staging and production', 20],
      ['Risk register and RACI', 20],
      ['The cutover calendar', 25],
    ],
  },
  {
    id: 'crs_data_migration',
    title: 'Data migration and cutover',
    description:
      'Extract, map, load and verify: moving years of customer data without losing a record or a weekend.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['si', 'var', 'msp'],
    roles: [],
    modules: [
      ['Inventory of sources', 20],
      ['Field mapping and transformation', 35],
      ['Bulk loading with the import API', 40],
      ['Reconciliation and sign-off', 30],
      ['Dry runs and rollback plans', 25],
      ['Cutover weekend checklist', 20],
    ],
  },
  {
    id: 'crs_integrations_api',
    title: 'Integrations with the REST API and webhooks',
    description:
      'Authentication, pagination, idempotent writes and webhooks for integrations that survive production.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['si', 'isv', 'var', 'msp'],
    roles: [],
    modules: [
      ['API keys and OAuth clients', 25],
      ['Pagination and rate limits', 20],
      ['Idempotent writes and retries', 25],
      ['Webhooks: delivery, signatures and replays', 30],
      ['Bulk operations', 25],
      ['Observability for integrations', 20],
      ['Lab: a CRM sync end to end', 60],
    ],
  },
  {
    id: 'crs_implementation_exam',
    title: 'Implementation Specialist certification exam',
    description: 'A graded implementation project in a lab tenant, with a written migration plan.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['si', 'var', 'msp'],
    roles: [],
    certificationId: 'cert_implementation_specialist',
    modules: [
      ['Exam briefing', 15],
      ['Implementation project', 120],
      ['Migration plan review', 45],
      ['Final assessment', 40],
    ],
  },
  {
    id: 'crs_monitoring_operations',
    title: 'Monitoring, alerting and incident response',
    description:
      'Running customer tenants day to day: health signals, alert routing, incident handling and post-mortems.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: ['msp'],
    roles: [],
    modules: [
      ['Health signals worth watching', 20],
      ['Alert routing and on-call', 25],
      ['The first fifteen minutes of an incident', 20],
      ['Working with vendor support', 15],
      ['Blameless post-mortems', 20],
      ['Monthly service reviews with customers', 25],
    ],
  },
  {
    id: 'crs_multi_tenant_admin',
    title: 'Multi-tenant administration for MSPs',
    description:
      'Managing dozens of customer tenants from one console: delegated admin, templates and bulk changes.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: ['msp'],
    roles: [],
    modules: [
      ['The partner console', 15],
      ['Delegated administration', 25],
      ['Tenant templates and baselines', 25],
      ['Bulk changes without surprises', 30],
      ['Usage reporting and billing', 20],
    ],
  },
  {
    id: 'crs_backup_dr',
    title: 'Backup and disaster recovery',
    description:
      'Recovery objectives, backup schedules, restore drills and the runbook you hope never to need.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['msp', 'si'],
    roles: [],
    modules: [
      ['Recovery point and time objectives', 20],
      ['Backup schedules and retention', 25],
      ['Point-in-time restore', 30],
      ['Regional failover', 30],
      ['Running a restore drill', 35],
    ],
  },
  {
    id: 'crs_msp_exam',
    title: 'Managed Services Operator certification exam',
    description: 'A timed operations simulation across three customer tenants.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['msp'],
    roles: [],
    certificationId: 'cert_managed_services',
    modules: [
      ['Exam briefing', 15],
      ['Operations simulation', 90],
      ['Incident write-up', 30],
    ],
  },
  {
    id: 'crs_co_marketing',
    title: 'Co-marketing with MDF',
    description:
      'Planning activities that qualify for market development funds, and claiming them with proof of performance.',
    level: 'beginner',
    language: 'en',
    partnerTypes: ALL,
    roles: [],
    modules: [
      ['How MDF works', 15],
      ['Activities that qualify', 20],
      ['Writing a request that gets approved', 20],
      ['Proof of performance and claims', 20],
    ],
  },
  {
    id: 'crs_demand_generation',
    title: 'Demand generation campaigns that convert',
    description:
      'Audience, offer and follow-up: webinars, events and digital campaigns measured in pipeline, not clicks.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: ALL,
    roles: [],
    modules: [
      ['Choosing the audience and the offer', 20],
      ['Webinars that fill the pipeline', 25],
      ['Field events on a budget', 20],
      ['Digital campaigns with co-branded assets', 25],
      ['Lead follow-up within 48 hours', 15],
    ],
  },
  {
    id: 'crs_marketing_exam',
    title: 'Channel Marketer certification assessment',
    description:
      'Submit a quarterly campaign plan and pass the assessment to become a Certified Channel Marketer.',
    level: 'intermediate',
    language: 'en',
    partnerTypes: ALL,
    roles: [],
    certificationId: 'cert_channel_marketer',
    modules: [
      ['Assessment briefing', 10],
      ['Campaign plan submission', 45],
      ['Knowledge assessment', 30],
    ],
  },
  {
    id: 'crs_reference_architectures',
    title: 'Reference architectures at scale',
    description:
      'Designs for ten thousand users and more: multi-region, hybrid identity, data platforms and cost control.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['si', 'isv', 'var'],
    roles: [],
    modules: [
      ['Designing for ten thousand users', 30],
      ['Multi-region active-active', 35],
      ['Hybrid identity', 25],
      ['Feeding the data platform', 30],
      ['Extending with custom apps', 30],
      ['Performance testing', 25],
      ['Cost governance', 20],
      ['Architecture review board', 40],
    ],
  },
  {
    id: 'crs_architect_exam',
    title: 'Solutions Architect certification exam',
    description: 'A design case defended in front of a panel of our architects.',
    level: 'advanced',
    language: 'en',
    partnerTypes: ['si', 'isv', 'var'],
    roles: [],
    certificationId: 'cert_solutions_architect',
    modules: [
      ['Exam briefing', 15],
      ['Design case', 120],
      ['Panel defence', 60],
      ['Written follow-up', 30],
    ],
  },
  {
    id: 'crs_de_plattform',
    title: 'Acme Cloud im Überblick',
    description: 'Produkte, Editionen und typische Kundenprojekte: der Einstieg für Vertrieb und Technik.',
    level: 'beginner',
    language: 'de',
    partnerTypes: ALL,
    roles: [],
    modules: [
      ['Willkommen im Partnerprogramm', 10],
      ['Die Produktfamilien', 25],
      ['Editionen und Erweiterungen', 20],
      ['Kundenprojekte aus der DACH-Region', 30],
    ],
  },
  {
    id: 'crs_de_wertorientierter_vertrieb',
    title: 'Wertorientierter Vertrieb',
    description:
      'Bedarfsanalyse, Business Case und gemeinsamer Abschlussplan – Schritt für Schritt zum Auftrag.',
    level: 'intermediate',
    language: 'de',
    partnerTypes: SELLERS,
    roles: [],
    modules: [
      ['Bedarfsanalyse mit den richtigen Fragen', 25],
      ['Den Nutzen beziffern', 30],
      ['Das Einkaufsgremium verstehen', 20],
      ['Der gemeinsame Abschlussplan', 25],
      ['Rollenspiel: Gespräch mit der Geschäftsführung', 40],
    ],
  },
  {
    id: 'crs_de_datenschutz',
    title: 'Datenschutz und DSGVO im Kundengespräch',
    description: 'Auftragsverarbeitung, Datenstandorte und technische Maßnahmen verständlich erklärt.',
    level: 'intermediate',
    language: 'de',
    partnerTypes: TECHNICAL,
    roles: [],
    modules: [
      ['Die DSGVO in zehn Minuten', 10],
      ['Auftragsverarbeitungsvertrag', 20],
      ['Rechenzentren und Datenstandorte', 20],
      ['Technische und organisatorische Maßnahmen', 25],
    ],
  },
  {
    id: 'crs_de_sales_exam',
    title: 'Prüfung: Certified Sales Professional',
    description: 'Die Zertifizierungsprüfung des Vertriebspfads auf Deutsch.',
    level: 'intermediate',
    language: 'de',
    partnerTypes: SELLERS,
    roles: [],
    certificationId: 'cert_sales_professional',
    modules: [
      ['Einführung und Übungsfragen', 20],
      ['Fallstudie', 45],
      ['Wissenstest', 40],
    ],
  },
  {
    id: 'crs_partner_account_admin',
    title: 'Running your partner account',
    description:
      'For partner administrators: users and roles, tier reviews, MDF budgets and keeping the team certified.',
    level: 'beginner',
    language: 'en',
    partnerTypes: ALL,
    roles: ['partner_admin'],
    modules: [
      ['Users, roles and access', 15],
      ['Reading your tier progress', 20],
      ['Planning the MDF budget', 20],
      ['Keeping certifications current', 15],
    ],
  },
];

export const LEARNING_PATHS: PathSeed[] = [
  {
    id: 'lp_sales_professional',
    name: 'Sales professional',
    description:
      'Position, price and close: the path for account managers, ending with the Sales Professional exam.',
    partnerTypes: SELLERS,
    roles: [],
    certificationId: 'cert_sales_professional',
    courseIds: [
      'crs_platform_overview',
      'crs_deal_registration_rules',
      'crs_pricing_licensing',
      'crs_value_selling',
      'crs_competitive_positioning',
      'crs_sales_exam',
    ],
  },
  {
    id: 'lp_vertrieb_de',
    name: 'Vertrieb (Deutsch)',
    description: 'Der Vertriebspfad auf Deutsch, mit der Prüfung zum Certified Sales Professional.',
    partnerTypes: SELLERS,
    roles: [],
    certificationId: 'cert_sales_professional',
    courseIds: [
      'crs_de_plattform',
      'crs_de_wertorientierter_vertrieb',
      'crs_de_datenschutz',
      'crs_de_sales_exam',
    ],
  },
  {
    id: 'lp_technical_presales',
    name: 'Technical pre-sales',
    description:
      'Architecture, demos and proofs of concept for the engineers who win the technical decision.',
    partnerTypes: TECHNICAL,
    roles: [],
    certificationId: 'cert_presales_engineer',
    courseIds: [
      'crs_platform_overview',
      'crs_architecture_fundamentals',
      'crs_demo_mastery',
      'crs_security_compliance',
      'crs_poc_playbook',
      'crs_presales_exam',
    ],
  },
  {
    id: 'lp_implementation',
    name: 'Implementation specialist',
    description: 'Plan, migrate and integrate: everything a delivery team needs to take a customer live.',
    partnerTypes: ['si', 'var', 'msp'],
    roles: [],
    certificationId: 'cert_implementation_specialist',
    courseIds: [
      'crs_architecture_fundamentals',
      'crs_deployment_planning',
      'crs_data_migration',
      'crs_integrations_api',
      'crs_implementation_exam',
    ],
  },
  {
    id: 'lp_managed_services',
    name: 'Managed services operations',
    description: 'Operate customer tenants at scale: monitoring, multi-tenant administration and recovery.',
    partnerTypes: ['msp'],
    roles: [],
    certificationId: 'cert_managed_services',
    courseIds: ['crs_monitoring_operations', 'crs_multi_tenant_admin', 'crs_backup_dr', 'crs_msp_exam'],
  },
  {
    id: 'lp_solutions_architect',
    name: 'Solutions architect',
    description: 'Large-scale designs for systems integrators and ISVs, defended in front of our architects.',
    partnerTypes: ['si', 'isv', 'var'],
    roles: [],
    certificationId: 'cert_solutions_architect',
    courseIds: [
      'crs_architecture_fundamentals',
      'crs_security_compliance',
      'crs_reference_architectures',
      'crs_architect_exam',
    ],
  },
  {
    id: 'lp_partner_marketing',
    name: 'Partner marketing',
    description:
      'Campaigns funded with MDF and measured in pipeline, for the people who market the partnership.',
    partnerTypes: ALL,
    roles: [],
    certificationId: 'cert_channel_marketer',
    courseIds: ['crs_co_marketing', 'crs_demand_generation', 'crs_marketing_exam'],
  },
  {
    id: 'lp_partner_admin',
    name: 'Partner administration',
    description: 'For partner administrators: the account, the team, the tier and the rules of engagement.',
    partnerTypes: ALL,
    roles: ['partner_admin'],
    courseIds: ['crs_partner_account_admin', 'crs_deal_registration_rules', 'crs_co_marketing'],
  },
];

// ---------------------------------------------------------------------------------------------
// Seeding

const DAY = 86_400_000;

/** A stable id from its parts (the seed gives the same ids on every run). */
const stableId = (prefix: string, ...parts: string[]) =>
  `${prefix}_${createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 16)}`;

/** A small deterministic generator (mulberry32) seeded from a string. */
function generator(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedCatalogue(tx: Queryable, now: Date): Promise<void> {
  for (const c of CERTIFICATIONS) {
    await tx.query('INSERT INTO certification_definitions (id, name, validity_months) VALUES ($1, $2, $3)', [
      c.id,
      c.name,
      c.validityMonths,
    ]);
  }
  const published = addDaysUtc(now, -540);
  for (const [i, c] of COURSES.entries()) {
    await tx.query(
      `INSERT INTO courses (id, title, description, level, language, partner_types, roles, certification_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        c.id,
        c.title,
        c.description,
        c.level,
        c.language,
        c.partnerTypes,
        c.roles,
        c.certificationId ?? null,
        new Date(published.getTime() + i * 3_600_000),
      ],
    );
    for (const [position, [title, minutes]] of c.modules.entries()) {
      await tx.query(
        `INSERT INTO course_modules (id, course_id, position, title, duration_minutes)
         VALUES ($1, $2, $3, $4, $5)`,
        [`${c.id.replace(/^crs_/, 'mod_')}_${position + 1}`, c.id, position, title, minutes],
      );
    }
  }
  for (const [i, p] of LEARNING_PATHS.entries()) {
    await tx.query(
      `INSERT INTO learning_paths (id, name, description, partner_types, roles, certification_id, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.name, p.description, p.partnerTypes, p.roles, p.certificationId ?? null, i],
    );
    for (const [position, courseId] of p.courseIds.entries()) {
      await tx.query('INSERT INTO learning_path_courses (path_id, course_id, position) VALUES ($1, $2, $3)', [
        p.id,
        courseId,
        position,
      ]);
    }
  }
}

interface PartnerRow {
  id: string;
  name: string;
  type: PartnerType;
  country: string | null;
  tier_id: string;
  created_at: Date;
}
interface UserRow {
  id: string;
  name: string;
  email: string;
  role: LearnerRole;
  created_at: Date;
}

const FIRST = [
  'Mara',
  'Jonas',
  'Priya',
  'Lucas',
  'Ines',
  'Tomasz',
  'Aiko',
  'Daniel',
  'Sofia',
  'Emeka',
  'Hannah',
  'Rafael',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Brennan',
  'Nakamura',
  'Schäfer',
  'Alvarez',
  'Kowalski',
  'Haddad',
  'Fischer',
  'Duarte',
];

const forType = (c: CourseSeed | PathSeed, type: PartnerType) =>
  c.partnerTypes.length === 0 || c.partnerTypes.includes(type);
const course = (id: string) => COURSES.find((c) => c.id === id)!;

/** The people of a partner who can learn: its users, plus demo learners when it needs more. */
async function learners(tx: Queryable, partner: PartnerRow, needed: number): Promise<UserRow[]> {
  const { rows } = await tx.query<UserRow>(
    `SELECT id, name, email, role, created_at FROM users WHERE partner_id = $1 ORDER BY created_at, id`,
    [partner.id],
  );
  const domain = rows[0]?.email.split('@')[1] ?? `${partner.id.replace(/^ptn_/, '')}.example`;
  const rand = generator(`learners:${partner.id}`);
  for (let n = rows.length; n < needed; n++) {
    const first = FIRST[Math.floor(rand() * FIRST.length)]!;
    const last = LAST[Math.floor(rand() * LAST.length)]!;
    const email = `${first}.${last}.${n}@${domain}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '');
    const user: UserRow = {
      id: stableId('usr', partner.id, String(n)),
      name: `${first} ${last}`,
      email,
      role: 'partner_user',
      created_at: partner.created_at,
    };
    await tx.query(
      'INSERT INTO users (id, partner_id, name, email, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [user.id, partner.id, user.name, user.email, user.role, user.created_at],
    );
    rows.push(user);
  }
  return rows;
}

/**
 * Enrols `user` in a course at `startedAt` and completes `modules` of its modules (all of them
 * when `modules` is `'all'`), one every few days, the last at `finishedAt` when given.
 */
async function takeCourse(
  tx: Queryable,
  partnerId: string,
  user: UserRow,
  courseId: string,
  plan: { startedAt: Date; modules: number | 'all'; finishedAt?: Date; attempt?: number },
): Promise<void> {
  const c = course(courseId);
  const count = plan.modules === 'all' ? c.modules.length : Math.min(plan.modules, c.modules.length);
  const end = plan.finishedAt ?? new Date(plan.startedAt.getTime() + count * 3 * DAY);
  const step = count > 1 ? (end.getTime() - plan.startedAt.getTime()) / count : 0;
  const enrollmentId = stableId('enr', user.id, courseId, String(plan.attempt ?? 0));
  await insertEnrollment(tx, { id: enrollmentId, partnerId, userId: user.id, courseId, now: plan.startedAt });
  for (let i = 0; i < count; i++) {
    const at =
      i === count - 1 && plan.finishedAt
        ? plan.finishedAt
        : new Date(plan.startedAt.getTime() + step * (i + 1));
    await applyModuleCompletion(tx, enrollmentId, `${courseId.replace(/^crs_/, 'mod_')}_${i + 1}`, at, {
      certificationId: stableId('crt', user.id, c.certificationId ?? '', String(plan.attempt ?? 0)),
    });
  }
}

/** The course that grants `definitionId`, in the partner's language where there is one. */
function examFor(definitionId: string, german: boolean): CourseSeed {
  const exams = COURSES.filter((c) => c.certificationId === definitionId);
  return exams.find((c) => c.language === (german ? 'de' : 'en')) ?? exams[0]!;
}

/** The certifications that count toward a tier's `certified_people` and suit the partner type. */
function countingCertifications(current: Tier, next: Tier | null, type: PartnerType): string[] {
  const ids = (t: Tier | null) =>
    t?.criteria.find((c) => c.key === 'certified_people')?.certificationIds ?? [];
  const suits = (id: string) => COURSES.some((c) => c.certificationId === id && forType(c, type));
  const all = CERTIFICATIONS.map((c) => c.id).filter(suits);
  const cur = ids(current).length ? ids(current).filter(suits) : all;
  const both = ids(next).length ? cur.filter((id) => ids(next).includes(id)) : cur;
  const pick = both.length ? both : cur.length ? cur : all;
  return pick.length ? pick : CERTIFICATIONS.map((c) => c.id);
}

const required = (tier: Tier | null, key: 'certified_people' | 'customer_satisfaction') =>
  tier?.criteria.find((c) => c.key === key)?.required ?? null;

/**
 * Seeds one partner's learners: the administrator one module short of a certification, enough
 * other certified people to hold its tier (short of the next), everyone else at some stage of a
 * course, one certification expiring soon and one expired;
 * `inGrace` leaves it one certified person short since a certification lapsed 41 days ago.
 */
async function seedPartnerTraining(
  tx: Queryable,
  partner: PartnerRow,
  tiers: Tier[],
  now: Date,
  inGrace: boolean,
): Promise<void> {
  const rand = generator(`training:${partner.id}`);
  const sorted = byRank(tiers);
  const current = sorted.find((t) => t.id === partner.tier_id) ?? sorted[0]!;
  const next = sorted.find((t) => t.rank > current.rank) ?? null;
  const german = ['DE', 'AT', 'CH'].includes(partner.country ?? '');

  const reqCur = required(current, 'certified_people') ?? 0;
  const reqNext = required(next, 'certified_people');
  let certified =
    reqNext === null
      ? reqCur + 1
      : Math.max(reqCur, Math.min(reqNext - 1, reqCur + Math.ceil((reqNext - reqCur) / 2)));
  if (inGrace) certified = Math.max(0, reqCur - 1);
  const people = await learners(tx, partner, Math.max(certified + 4, 5));
  const defs = countingCertifications(current, next, partner.type);
  const paths = LEARNING_PATHS.filter(
    (p) => forType(p, partner.type) && (german || p.id !== 'lp_vertrieb_de'),
  );

  for (const [index, user] of people.entries()) {
    if (index === 0) {
      // The administrator, the partner's first user (who signs in to the demo portal), is one
      // module short of a certification: finishing it makes one more certified person.
      const exam = examFor(defs[0]!, german);
      await takeCourse(tx, partner.id, user, exam.id, {
        startedAt: addDaysUtc(now, -12),
        modules: exam.modules.length - 1,
      });
      continue;
    }
    const i = index - 1;
    const def = defs[i % defs.length]!;
    const validity = CERTIFICATIONS.find((c) => c.id === def)!.validityMonths;
    const exam = examFor(def, german);
    if (i < certified) {
      // Certified: one of them renews soon (earned a little under `validity` months ago).
      const finishedAt =
        i === 1
          ? addDaysUtc(addMonthsUtc(now, -validity), 25 + Math.floor(rand() * 20))
          : addDaysUtc(now, -(20 + Math.floor(rand() * 200)));
      await takeCourse(tx, partner.id, user, exam.id, {
        startedAt: addDaysUtc(finishedAt, -(10 + Math.floor(rand() * 20))),
        modules: 'all',
        finishedAt,
      });
    } else if (i === certified || (inGrace && i === certified + 1)) {
      // A certification that has lapsed: it no longer counts (the grace partner's lapsed 41 days ago).
      const lapsedDaysAgo = inGrace && i === certified ? 41 : 30 + Math.floor(rand() * 120);
      const finishedAt = addMonthsUtc(addDaysUtc(now, -lapsedDaysAgo), -validity);
      await takeCourse(tx, partner.id, user, exam.id, {
        startedAt: addDaysUtc(finishedAt, -14),
        modules: 'all',
        finishedAt,
      });
    }
    // Everyone is somewhere on a path: one course under way, and for some a course just begun.
    const path = paths[(i + Math.floor(rand() * paths.length)) % paths.length];
    if (!path) continue;
    const open = path.courseIds.filter((id) => id !== exam.id);
    const underway = open[Math.floor(rand() * open.length)];
    if (underway) {
      const total = course(underway).modules.length;
      await takeCourse(tx, partner.id, user, underway, {
        startedAt: addDaysUtc(now, -(5 + Math.floor(rand() * 60))),
        modules: 1 + Math.floor(rand() * (total - 1)),
      });
    }
    const begun = open.find((id) => id !== underway);
    if (begun && i % 3 === 0) {
      await takeCourse(tx, partner.id, user, begun, {
        startedAt: addDaysUtc(now, -Math.floor(rand() * 10)),
        modules: 0,
      });
    }
    if (
      i % 2 === 1 &&
      !path.courseIds.includes('crs_platform_overview') &&
      underway !== 'crs_platform_overview'
    ) {
      await takeCourse(tx, partner.id, user, german ? 'crs_de_plattform' : 'crs_platform_overview', {
        startedAt: addDaysUtc(now, -(90 + Math.floor(rand() * 200))),
        modules: 'all',
      });
    }
  }

  // Customer satisfaction: meets the current tier, short of the next.
  const csCur = required(current, 'customer_satisfaction') ?? 3.6;
  const csNext = required(next, 'customer_satisfaction');
  const score = csNext === null ? Math.min(5, csCur + 0.15) : csCur + (csNext - csCur) * (0.4 + rand() * 0.4);
  await tx.query(
    'INSERT INTO partner_satisfaction (partner_id, score, responses, measured_at) VALUES ($1, $2, $3, $4)',
    [
      partner.id,
      Math.floor(score * 100) / 100,
      18 + Math.floor(rand() * 160),
      addDaysUtc(now, -(3 + Math.floor(rand() * 25))),
    ],
  );
}

/**
 * The demo program's training and tier data. Does nothing when courses exist already. After it,
 * every partner is evaluated at `now` (one partner in a running grace period, started when a
 * certification lapsed 41 days earlier).
 */
export async function seedTraining(db: Database, now: Date): Promise<void> {
  const existing = await db.query('SELECT 1 FROM courses LIMIT 1');
  if (existing.rows.length > 0) return;
  let graceId: string | null = null;
  await db.transaction(async (tx) => {
    await seedCatalogue(tx, now);
    const tiers = await loadTiers(tx);
    if (tiers.length === 0) return;
    await tx.query(`UPDATE program SET currency_rates = $1 WHERE id = 1 AND currency_rates = '{}'::jsonb`, [
      JSON.stringify(CURRENCY_RATES),
    ]);
    const { rows: partners } = await tx.query<PartnerRow>(
      'SELECT id, name, type, country, tier_id, created_at FROM partners ORDER BY id',
    );
    const ranks = new Map(tiers.map((t) => [t.id, t.rank]));
    // One mid-tier partner other than the two demo partners shows a grace period.
    graceId =
      partners.find(
        (p) => !['ptn_northwind', 'ptn_contoso'].includes(p.id) && (ranks.get(p.tier_id) ?? 0) >= 1,
      )?.id ?? null;
    for (const partner of partners) {
      await seedPartnerTraining(tx, partner, tiers, now, partner.id === graceId);
    }
  });
  if (graceId) {
    const lapsed = addDaysUtc(now, -40);
    await db.transaction((tx) => refreshTierStanding(tx, graceId!, lapsed));
  }
  await sweepTierStandings(db, now);
}
