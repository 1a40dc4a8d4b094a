// Contract-shaped answers for the SDK's tests (typed against @partnerkit/api, so a contract change
// that breaks them fails the type check).
import type {
  AssetDetail,
  AssetDownload,
  Certification,
  ConflictCheckResult,
  Course,
  CustomField,
  DealRegistration,
  Enrollment,
  LearningPath,
  MdfClaim,
  MdfFund,
  MdfRequest,
  Me,
  ModuleCompletion,
  Product,
  Session,
  Tier,
  TierProgress,
} from '@partnerkit/api';

const at = '2026-01-15T10:00:00.000Z';

export const me: Me = {
  user: { id: 'usr_1', name: 'Nadia Park', email: 'nadia@northwind.example', role: 'partner_admin' },
  partner: {
    id: 'prt_northwind',
    name: 'Northwind Systems',
    type: 'var',
    tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
    region: 'EMEA',
    country: 'DE',
    website: 'https://northwind.example',
    logoUrl: null,
    contact: { name: 'Nadia Park', email: 'nadia@northwind.example' },
  },
  program: { vendorName: 'Acme Cloud', protectionDays: 90, extensionDays: 30, defaultCurrency: 'EUR' },
  sessionExpiresAt: null,
};

export const product: Product = { id: 'prd_analytics', name: 'Acme Analytics', family: 'Data' };

export function deal(id: string, overrides: Partial<DealRegistration> = {}): DealRegistration {
  return {
    id,
    reference: `DR-2026-${id.padStart(6, '0')}`,
    partnerId: 'prt_northwind',
    status: 'submitted',
    customer: {
      company: 'Globex GmbH',
      domain: 'globex.example',
      country: 'DE',
      contact: { name: 'Hank Scorpio', email: 'hank@globex.example' },
    },
    products: [product],
    estimatedValue: { amount: 1_250_000, currency: 'EUR' },
    expectedCloseDate: '2026-06-30',
    sourcing: 'sourced',
    notes: null,
    customFields: {},
    flags: [],
    protectedUntil: null,
    extension: null,
    canRequestExtension: false,
    rejectionReason: null,
    closedValue: null,
    submittedBy: { id: 'usr_1', name: 'Nadia Park' },
    createdAt: at,
    updatedAt: at,
    history: [
      {
        from: null,
        to: 'submitted',
        at,
        actor: { type: 'partner', id: 'usr_1', name: 'Nadia Park' },
        reason: null,
      },
    ],
    ...overrides,
  };
}

export const conflictClear: ConflictCheckResult = { result: 'clear', reasons: [] };

export const customField: CustomField = {
  key: 'use_case',
  label: 'Use case',
  type: 'select',
  required: true,
  options: [{ value: 'migration', label: 'Migration' }],
};

export const session: Session = {
  token: 'pks_abc',
  expiresAt: at,
  partnerId: 'prt_northwind',
  user: { id: 'usr_2', name: 'Sam Lee', email: 'sam@northwind.example', role: 'partner_user' },
};

export const learningPath: LearningPath = {
  id: 'lp_sales',
  name: 'Sales foundations',
  description: 'Sell the platform.',
  audience: { partnerTypes: ['var'], roles: ['partner_user'] },
  courseIds: ['crs_1'],
  certification: { id: 'cert_sales', name: 'Certified Seller', validityMonths: 24 },
};

export function course(id: string): Course {
  return {
    id,
    title: `Course ${id}`,
    description: 'A course.',
    level: 'beginner',
    language: 'en',
    durationMinutes: 45,
    audience: { partnerTypes: ['var'], roles: ['partner_user'] },
    modules: [{ id: 'mod_1', title: 'Intro', durationMinutes: 15, position: 0 }],
    certification: null,
  };
}

export const enrollment: Enrollment = {
  id: 'enr_1',
  courseId: 'crs_1',
  userId: 'usr_1',
  status: 'in_progress',
  completedModuleIds: [],
  progress: 0,
  enrolledAt: at,
  completedAt: null,
  lastActivityAt: at,
};

export const certification: Certification = {
  id: 'crt_1',
  definitionId: 'cert_sales',
  name: 'Certified Seller',
  userId: 'usr_1',
  userName: 'Nadia Park',
  courseId: 'crs_1',
  earnedAt: at,
  expiresAt: '2028-01-15T10:00:00.000Z',
  status: 'active',
  countsToward: [{ id: 'tier_gold', name: 'Gold', rank: 2 }],
};

export const moduleCompletion: ModuleCompletion = {
  enrollment: {
    ...enrollment,
    status: 'completed',
    completedModuleIds: ['mod_1'],
    progress: 1,
    completedAt: at,
  },
  certification,
};

export const tier: Tier = {
  id: 'tier_gold',
  name: 'Gold',
  rank: 2,
  criteria: [{ key: 'registered_deals', label: 'Registered deals', unit: 'count', required: 10 }],
  benefits: [{ key: 'mdf', label: 'Market development funds' }],
};

export const tierProgress: TierProgress = {
  partnerId: 'prt_northwind',
  currentTier: { id: 'tier_gold', name: 'Gold', rank: 2 },
  nextTier: { id: 'tier_platinum', name: 'Platinum', rank: 3 },
  criteria: [
    {
      key: 'registered_deals',
      label: 'Registered deals',
      unit: 'count',
      current: 12,
      required: 20,
      remaining: 8,
      met: false,
    },
  ],
  currentBenefits: [],
  nextBenefits: [],
  reviewDate: '2026-12-31',
  grace: { active: false, endsOn: null, qualifiedTier: { id: 'tier_gold', name: 'Gold', rank: 2 } },
  computedAt: at,
};

export const fund: MdfFund = {
  id: 'fnd_1',
  partnerId: 'prt_northwind',
  period: { label: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
  currency: 'EUR',
  allocated: 5_000_000,
  requested: 0,
  approved: 0,
  claimed: 0,
  remaining: 5_000_000,
};

export const claim: MdfClaim = {
  id: 'clm_1',
  requestId: 'mdr_1',
  amount: { amount: 100_000, currency: 'EUR' },
  approvedAmount: null,
  proofs: [{ id: 'prf_1', fileName: 'invoice.pdf', contentType: 'application/pdf', size: 1234 }],
  results: { leads: 10, pipeline: { amount: 500_000, currency: 'EUR' } },
  status: 'submitted',
  rejectionReason: null,
  paidAt: null,
  createdAt: at,
  history: [],
};

export function mdfRequest(id: string): MdfRequest {
  return {
    id,
    reference: `MDF-2026-${id}`,
    fundId: 'fnd_1',
    partnerId: 'prt_northwind',
    activityType: 'webinar',
    title: 'Spring webinar',
    description: 'A webinar.',
    startsOn: '2026-03-01',
    endsOn: '2026-03-02',
    requestedAmount: { amount: 200_000, currency: 'EUR' },
    approvedAmount: null,
    expectedOutcome: { leads: 20, pipeline: { amount: 1_000_000, currency: 'EUR' } },
    status: 'submitted',
    rejectionReason: null,
    claims: [],
    createdAt: at,
    updatedAt: at,
    history: [],
  };
}

export const assetDetail: AssetDetail = {
  id: 'ast_1',
  title: 'Datasheet',
  description: 'The datasheet.',
  type: 'datasheet',
  format: 'svg',
  products: ['prd_analytics'],
  language: 'en',
  audience: 'end_customer',
  tags: ['analytics'],
  thumbnailUrl: null,
  size: 2048,
  coBrandable: true,
  publishedAt: at,
  expiresAt: null,
  downloadCount: 3,
  template: {
    format: 'svg',
    width: 600,
    height: 800,
    slots: [{ key: 'logo', kind: 'image', x: 0, y: 0, width: 100, height: 40 }],
  },
};

export const assetDownload: AssetDownload = {
  id: 'dl_1',
  assetId: 'ast_1',
  format: 'svg',
  url: 'http://127.0.0.1/v1/files/tok',
  fileName: 'datasheet.svg',
  contentType: 'image/svg+xml',
  coBranded: true,
  expiresAt: at,
};
