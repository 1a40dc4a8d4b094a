// The deal-registration domain of the mock API, and what every domain needs of the caller: the
// signed-in partner user (`getMe`), the products, the vendor's custom fields, the registrations.
import type {
  ConflictCheckInput,
  ConflictCheckResult,
  CustomField,
  DealRegistration,
  DealRegistrationInput,
  DealStatus,
  Me,
  Product,
} from '@partnerkit/api';
import {
  DAY,
  fieldError,
  isObject,
  type MockContext,
  notFound,
  page,
  problem,
  Reply,
  type Route,
} from './core.js';

export type DealsOperation =
  | 'getMe'
  | 'listProducts'
  | 'listDealFields'
  | 'checkDealConflict'
  | 'registerDeal'
  | 'listDealRegistrations'
  | 'getDealRegistration'
  | 'requestDealExtension';

export interface DealsOptions {
  /** The caller (default {@link demoMe}). */
  me?: Me;
  /** The products open for registration (default {@link demoProducts}). */
  products?: Product[];
  /** The vendor's custom fields (default {@link demoFields}). */
  fields?: CustomField[];
  /** The stored registrations, or a number of generated ones ({@link makeDeals}). */
  deals?: DealRegistration[] | number;
  /**
   * The conflict check's answer, or a function of its input; `registerDeal` refuses with 409
   * `deal_conflict` when it says `conflict`, and flags `similar_customer` on `review`.
   */
  conflict?: ConflictCheckResult | ((input: ConflictCheckInput) => ConflictCheckResult);
}

export interface DealsState {
  deals: DealRegistration[];
}

export const demoMe: Me = {
  user: { id: 'usr_ada', name: 'Ada Lindqvist', email: 'ada@northwind.example', role: 'partner_user' },
  partner: {
    id: 'prt_northwind',
    name: 'Northwind Systems',
    type: 'var',
    tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
    region: 'EMEA',
    country: 'DE',
    website: 'https://northwind.example',
    logoUrl: null,
    contact: { name: 'Ada Lindqvist', email: 'ada@northwind.example' },
  },
  program: { vendorName: 'Acme Cloud', protectionDays: 90, extensionDays: 30, defaultCurrency: 'EUR' },
  sessionExpiresAt: null,
};

export const demoProducts: Product[] = [
  { id: 'prd_analytics', name: 'Acme Analytics', family: 'Data' },
  { id: 'prd_warehouse', name: 'Acme Warehouse', family: 'Data' },
  { id: 'prd_shield', name: 'Acme Shield', family: 'Security' },
  { id: 'prd_flow', name: 'Acme Flow', family: 'Automation' },
];

export const demoFields: CustomField[] = [
  {
    key: 'seats',
    label: 'Number of seats',
    hint: 'Licensed users at the customer',
    type: 'number',
    required: true,
    min: 1,
    max: 100000,
    translations: { de: { label: 'Anzahl der Lizenzen', hint: 'Lizenzierte Nutzer beim Kunden' } },
  },
  {
    key: 'industry',
    label: 'Industry',
    type: 'select',
    required: false,
    options: [
      { value: 'manufacturing', label: 'Manufacturing' },
      { value: 'finance', label: 'Financial services' },
      { value: 'public', label: 'Public sector' },
    ],
    translations: {
      de: {
        label: 'Branche',
        options: {
          manufacturing: 'Fertigung',
          finance: 'Finanzdienstleistungen',
          public: 'Öffentlicher Sektor',
        },
      },
    },
  },
];

/** `n` custom fields of every type, half of them required: the "many custom fields" state. */
export function manyFields(n: number): CustomField[] {
  const types: CustomField['type'][] = ['text', 'number', 'select', 'date', 'checkbox'];
  return Array.from({ length: n }, (_, i) => {
    const type = types[i % types.length]!;
    return {
      key: `field_${i + 1}`,
      label: `Vendor question ${i + 1} (${type})`,
      hint: i % 3 === 0 ? `Hint for question ${i + 1}` : null,
      type,
      required: i % 2 === 0 && type !== 'checkbox',
      ...(type === 'select'
        ? {
            options: [
              { value: 'a', label: 'Option A' },
              { value: 'b', label: 'Option B' },
            ],
          }
        : {}),
      ...(type === 'text' ? { maxLength: 120 } : {}),
    };
  });
}

const COMPANIES = [
  'Globex Corporation',
  'Initech GmbH',
  'Umbrella Health Ltd',
  'Stark Industrie AG',
  'Wayne Logistics',
  'Hooli Europe BV',
  'Vandelay Imports LLC',
  'Soylent Foods',
  'Tyrell Robotics Inc',
  'Cyberdyne Systems',
  'Massive Dynamic',
  'Oscorp Pharma',
  'Kirchner Maschinenbau GmbH & Co. KG',
  'Nakatomi Trading',
  'Duff Brewing Company',
];
const STATUSES: DealStatus[] = [
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'expired',
  'won',
  'lost',
];

/**
 * `n` varied registrations of the caller's partner, newest first: every status, protection dates
 * for the approved ones (the first of them may request an extension), reasons for the rejected.
 */
export function makeDeals(n: number, now = Date.now(), me: Me = demoMe): DealRegistration[] {
  return Array.from({ length: n }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const created = new Date(now - (i + 1) * DAY).toISOString();
    const company = COMPANIES[i % COMPANIES.length]!;
    return deal(me, {
      id: `dr_${String(n - i).padStart(4, '0')}`,
      reference: `DR-2026-${String(n - i).padStart(6, '0')}`,
      status,
      company: i >= COMPANIES.length ? `${company} ${Math.floor(i / COMPANIES.length) + 1}` : company,
      amount: 1_000_000 + ((i * 7919) % 50) * 250_000,
      created,
      protectedUntil: status === 'approved' ? new Date(now + (30 - i) * DAY).toISOString() : null,
      canRequestExtension: status === 'approved' && i < 7,
      rejectionReason: status === 'rejected' ? 'The customer is already covered by another partner.' : null,
    });
  });
}

function deal(
  me: Me,
  d: {
    id: string;
    reference: string;
    status: DealStatus;
    company: string;
    amount: number;
    created: string;
    protectedUntil: string | null;
    canRequestExtension: boolean;
    rejectionReason: string | null;
  },
): DealRegistration {
  const actor = { type: 'partner' as const, id: me.user.id, name: me.user.name };
  const history: DealRegistration['history'] = [
    { from: null, to: 'submitted', at: d.created, actor, reason: null },
  ];
  if (d.status !== 'submitted') {
    history.push({
      from: 'submitted',
      to: d.status,
      at: d.created,
      actor: { type: 'vendor', id: 'usr_vendor', name: 'Partner Operations' },
      reason: d.rejectionReason,
    });
  }
  return {
    id: d.id,
    reference: d.reference,
    partnerId: me.partner?.id ?? 'prt_unknown',
    status: d.status,
    customer: {
      company: d.company,
      domain: `${d.company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
      country: 'DE',
      contact: { name: 'Jordan Example', email: 'jordan@customer.example' },
    },
    products: [demoProducts[0]!],
    estimatedValue: { amount: d.amount, currency: me.program.defaultCurrency },
    expectedCloseDate: d.created.slice(0, 10),
    sourcing: 'sourced',
    notes: null,
    customFields: {},
    flags: [],
    protectedUntil: d.protectedUntil,
    extension: null,
    canRequestExtension: d.canRequestExtension,
    rejectionReason: d.rejectionReason,
    closedValue: null,
    submittedBy: { id: me.user.id, name: me.user.name },
    createdAt: d.created,
    updatedAt: d.created,
    history,
  };
}

/** The checks of the contract that the components rely on, with its JSON Pointers. */
function validateRegistration(body: unknown, products: Product[]): Reply | undefined {
  if (!isObject(body)) return fieldError('', 'type', 'must be an object');
  const customer = body.customer;
  if (!isObject(customer)) return fieldError('/customer', 'required', 'is required');
  if (typeof customer.company !== 'string' || !customer.company.trim()) {
    return fieldError('/customer/company', 'required', 'is required');
  }
  if (typeof customer.country !== 'string' || !/^[A-Z]{2}$/.test(customer.country)) {
    return fieldError('/customer/country', 'pattern', 'must be an ISO 3166-1 alpha-2 code');
  }
  const contact = customer.contact;
  if (!isObject(contact) || typeof contact.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(contact.email)) {
    return fieldError('/customer/contact/email', 'format', 'must be an email address');
  }
  if (!Array.isArray(body.products) || body.products.length === 0) {
    return fieldError('/products', 'min_items', 'must have at least 1 item');
  }
  const known = new Set(products.map((p) => p.id));
  const unknown = body.products.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    return problem(422, 'unknown_product', 'Unknown product', {
      errors: [{ pointer: `/products/${unknown}`, code: 'unknown_product', message: 'is not a product' }],
    });
  }
  const value = body.estimatedValue;
  if (!isObject(value) || !Number.isInteger(value.amount) || (value.amount as number) < 0) {
    return fieldError('/estimatedValue/amount', 'type', 'must be an integer of minor units');
  }
  if (typeof body.expectedCloseDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.expectedCloseDate)) {
    return fieldError('/expectedCloseDate', 'format', 'must be a date');
  }
  if (body.sourcing !== 'sourced' && body.sourcing !== 'influenced') {
    return fieldError('/sourcing', 'enum', 'must be sourced or influenced');
  }
  return undefined;
}

/** The initial deal state of a mock API. */
export const dealsState = (options: DealsOptions, now: number, me: Me): DealsState => ({
  deals: typeof options.deals === 'number' ? makeDeals(options.deals, now, me) : [...(options.deals ?? [])],
});

type Context = MockContext<DealsOptions, DealsState>;

const conflictOf = ({ options }: Context, input: ConflictCheckInput): ConflictCheckResult => {
  const c = options.conflict;
  return typeof c === 'function' ? c(input) : (c ?? { result: 'clear', reasons: [] });
};
const productsOf = ({ options }: Context) => options.products ?? demoProducts;

export const dealRoutes: Route<DealsOperation, DealsOptions, DealsState>[] = [
  { method: 'GET', path: /^\/v1\/me$/, operation: 'getMe', handle: (c) => new Reply(200, c.me()) },
  {
    method: 'GET',
    path: /^\/v1\/products$/,
    operation: 'listProducts',
    handle: (c) => new Reply(200, { items: productsOf(c) }),
  },
  {
    method: 'GET',
    path: /^\/v1\/deal-registrations\/fields$/,
    operation: 'listDealFields',
    handle: ({ options }) => new Reply(200, { items: options.fields ?? demoFields }),
  },
  {
    method: 'POST',
    path: /^\/v1\/deal-registrations\/conflict-check$/,
    operation: 'checkDealConflict',
    handle: (c, { body }) => {
      if (!isObject(body) || typeof body.company !== 'string' || !body.company) {
        return fieldError('/company', 'required', 'is required');
      }
      return new Reply(200, conflictOf(c, body as unknown as ConflictCheckInput));
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/deal-registrations$/,
    operation: 'registerDeal',
    handle: (c, { body }) => {
      const invalid = validateRegistration(body, productsOf(c));
      if (invalid) return invalid;
      const input = body as DealRegistrationInput;
      const conflict = conflictOf(c, {
        company: input.customer.company,
        ...(input.customer.domain ? { domain: input.customer.domain } : {}),
        products: input.products,
      });
      if (conflict.result === 'conflict') {
        return problem(409, 'deal_conflict', 'Deal conflict', {
          detail: 'The customer conflicts with an existing registration or a direct account.',
          conflict,
        });
      }
      const n = c.sequence();
      const at = new Date(c.now()).toISOString();
      const caller = c.me();
      const registration: DealRegistration = {
        id: `dr_${String(n).padStart(4, '0')}`,
        reference: `DR-2026-${String(n).padStart(6, '0')}`,
        partnerId: caller.partner?.id ?? 'prt_unknown',
        status: 'submitted',
        customer: input.customer,
        products: input.products.map((id) => productsOf(c).find((p) => p.id === id)!),
        estimatedValue: input.estimatedValue,
        expectedCloseDate: input.expectedCloseDate,
        sourcing: input.sourcing,
        notes: input.notes ?? null,
        customFields: input.customFields ?? {},
        flags: conflict.result === 'review' ? ['similar_customer'] : [],
        protectedUntil: null,
        extension: null,
        canRequestExtension: false,
        rejectionReason: null,
        closedValue: null,
        submittedBy: { id: caller.user.id, name: caller.user.name },
        createdAt: at,
        updatedAt: at,
        history: [
          {
            from: null,
            to: 'submitted',
            at,
            actor: { type: 'partner', id: caller.user.id, name: caller.user.name },
            reason: null,
          },
        ],
      };
      c.state.deals.unshift(registration);
      return new Reply(201, registration);
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/deal-registrations$/,
    operation: 'listDealRegistrations',
    handle: ({ state }, { query }) => {
      const statuses = query.getAll('status');
      return page(
        state.deals.filter((d) => statuses.length === 0 || statuses.includes(d.status)),
        query,
      );
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/deal-registrations\/([A-Za-z0-9_-]+)$/,
    operation: 'getDealRegistration',
    handle: ({ state }, _call, [id]) => {
      const found = state.deals.find((d) => d.id === id);
      return found ? new Reply(200, found) : notFound();
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/deal-registrations\/([A-Za-z0-9_-]+)\/extension$/,
    operation: 'requestDealExtension',
    handle: (c, { body }, [id]) => {
      const index = c.state.deals.findIndex((d) => d.id === id);
      const found = c.state.deals[index];
      if (!found) return notFound();
      if (!isObject(body) || typeof body.reason !== 'string' || !body.reason.trim()) {
        return fieldError('/reason', 'required', 'is required');
      }
      if (found.extension) return problem(409, 'already_extended', 'Already extended');
      if (!found.canRequestExtension || !found.protectedUntil || Date.parse(found.protectedUntil) < c.now()) {
        return problem(409, 'invalid_state', 'Not extendable');
      }
      const newEnd = new Date(
        Date.parse(found.protectedUntil) + c.me().program.extensionDays * DAY,
      ).toISOString();
      const updated: DealRegistration = {
        ...found,
        protectedUntil: newEnd,
        canRequestExtension: false,
        extension: {
          requestedAt: new Date(c.now()).toISOString(),
          reason: body.reason,
          previousEnd: found.protectedUntil,
          newEnd,
        },
        updatedAt: new Date(c.now()).toISOString(),
      };
      c.state.deals[index] = updated;
      return new Reply(200, updated);
    },
  },
];
