// What every scenario gets: a client per key (all through the recording fetch), the program's
// products, partners and custom fields discovered through the API, unique names, and checks that
// fail with one readable line.
import type {
  Asset,
  Course,
  CustomField,
  DealRegistration,
  DealRegistrationInput,
  MdfFund,
  MdfRequestInput,
  Me,
  Product,
  Session,
} from '@partnerkit/api';
import {
  createPartnerkitClient,
  isPartnerkitError,
  type PartnerkitClient,
  type PartnerkitError,
} from '@partnerkit/sdk';
import type { Recorder } from './recorder.js';

/** A failed expectation: its message is the reason printed after `✘ name:`. */
export class ScenarioFailure extends Error {
  override name = 'ScenarioFailure';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ScenarioFailure(message);
}

export function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  check(Object.is(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

const letters = 'bcdfghjklmnpqrstvwxz';
/** A word nobody else uses (and that shares no trigrams by chance with a real company). */
function randomWord(length: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  const word = Array.from(bytes, (b, i) => (i % 3 === 1 ? 'aeiou'[b % 5] : letters[b % letters.length])).join(
    '',
  );
  return word[0]!.toUpperCase() + word.slice(1);
}

/** The JSON Pointers a validation problem names. */
export function fieldPointers(error: { errors: Array<{ pointer: string }> }): string[] {
  return error.errors.map((e) => e.pointer);
}

/** A learner: a partner user created for this run through a vendor-minted session. */
export interface Learner {
  client: PartnerkitClient;
  user: Session['user'];
  partnerId: string;
}

/** A file behind a download link, fetched without a token. */
export interface FetchedFile {
  status: number;
  contentType: string;
  bytes: Uint8Array;
  /** The bytes as UTF-8 text (for SVG and HTML). */
  text: string;
}

export const day = (offsetDays: number, from = new Date()): string =>
  new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export interface ConformanceOptions {
  /** The backend's base URL (the contract's paths go after it). */
  baseUrl: string;
  /** A vendor-admin API key. */
  vendorKey: string;
  /** An API key of a partner admin. */
  partnerKey: string;
  /** An API key of a partner admin of another partner organisation. */
  otherPartnerKey: string;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Time limit of each request, in milliseconds (default 15000). */
  timeoutMs?: number;
}

export class Context {
  /** Unique to this run: in every name the scenarios create. */
  readonly run = randomWord(6).toLowerCase();
  readonly vendor: PartnerkitClient;
  readonly partner: PartnerkitClient;
  readonly other: PartnerkitClient;
  readonly #options: ConformanceOptions;
  readonly #recorder: Recorder;
  readonly #cache = new Map<string, Promise<unknown>>();

  constructor(options: ConformanceOptions, recorder: Recorder) {
    this.#options = options;
    this.#recorder = recorder;
    this.vendor = this.client(options.vendorKey);
    this.partner = this.client(options.partnerKey);
    this.other = this.client(options.otherPartnerKey);
  }

  get recorder(): Recorder {
    return this.#recorder;
  }

  /** A client with this token (or none), sending through the recorder, without retries. */
  client(token?: string): PartnerkitClient {
    return createPartnerkitClient({
      baseUrl: this.#options.baseUrl,
      ...(token === undefined ? {} : { token }),
      fetch: this.#recorder.fetch as typeof fetch,
      retry: false,
      timeoutMs: this.#options.timeoutMs ?? 15_000,
    });
  }

  #once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.#cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      value.catch(() => this.#cache.delete(key));
      this.#cache.set(key, value);
    }
    return value;
  }

  partnerMe(): Promise<Me> {
    return this.#once('partnerMe', () => this.partner.me.get());
  }
  otherMe(): Promise<Me> {
    return this.#once('otherMe', () => this.other.me.get());
  }
  products(): Promise<Product[]> {
    return this.#once('products', () => this.partner.products.list());
  }
  fields(): Promise<CustomField[]> {
    return this.#once('fields', () => this.partner.deals.fields());
  }

  /** Every asset the partner is offered, walked page by page (newest first), with the `total`. */
  offeredAssets(): Promise<{ items: Asset[]; total: number }> {
    return this.#once('assets', async () => {
      const items: Asset[] = [];
      let total = -1;
      let cursor: string | undefined;
      for (let i = 0; i < 1000; i++) {
        const page = await this.partner.assets.list({ limit: 100, ...(cursor ? { cursor } : {}) });
        if (total < 0) total = page.total;
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      check(items.length > 0, 'needs at least one asset in GET /v1/assets, found none');
      return { items, total };
    });
  }

  /** Every course of the catalogue. */
  courses(): Promise<Course[]> {
    return this.#once('courses', async () => {
      const courses: Course[] = [];
      for await (const course of this.partner.training.listAllCourses({ limit: 100 })) courses.push(course);
      check(courses.length > 0, 'needs at least one course in GET /v1/courses, found none');
      return courses;
    });
  }

  /**
   * A partner user of the partner's organisation (or the other partner's) unique to this run and
   * `label`, signed in with a session token the vendor key mints: it starts with no enrolments.
   */
  learner(label: string, organisation: 'partner' | 'other' = 'partner'): Promise<Learner> {
    return this.#once(`learner:${organisation}:${label}`, async () => {
      const me = organisation === 'partner' ? await this.partnerMe() : await this.otherMe();
      check(me.partner, `the ${organisation} key has no partner organisation`);
      const session = await this.vendor.sessions.create({
        partnerId: me.partner.id,
        user: {
          email: `learner-${label}.${this.run}@example.com`,
          name: `Learner ${label} ${this.run}`,
          role: 'partner_user',
        },
        ttlSeconds: 3600,
      });
      checkEqual(session.partnerId, me.partner.id, 'the session’s partnerId');
      return { client: this.client(session.token), user: session.user, partnerId: session.partnerId };
    });
  }

  /**
   * Fetches a download link as a browser would, with no token. A link under the base URL is an
   * operation of the contract and is checked like every answer; a link elsewhere (a CDN) is not.
   */
  async fetchFile(url: string): Promise<FetchedFile> {
    const request = new Request(url, { signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000) });
    const base = this.#options.baseUrl.replace(/\/+$/, '');
    const response = url.startsWith(`${base}/`)
      ? await this.#recorder.fetch(request)
      : await (this.#options.fetch ?? globalThis.fetch)(request);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      contentType: (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase(),
      bytes,
      text: new TextDecoder().decode(bytes),
    };
  }

  /** The first `count` products; fails clearly when the catalogue has fewer. */
  async someProducts(count: number): Promise<Product[]> {
    const products = await this.products();
    check(
      products.length >= count,
      `needs at least ${count} products in GET /v1/products, found ${products.length}`,
    );
    return products.slice(0, count);
  }

  /** A customer name unique to this run and unlike any other. */
  company(): string {
    return `${randomWord(9)} ${randomWord(8)}`;
  }

  /** A valid registration of `company` for `productIds`, with every required custom field filled. */
  async dealInput(company: string, productIds: string[], extra: Partial<DealRegistrationInput> = {}) {
    const me = await this.partnerMe();
    const customFields: Record<string, string | number | boolean> = {};
    for (const field of await this.fields()) {
      if (!field.required) continue;
      if (field.type === 'select') customFields[field.key] = field.options?.[0]?.value ?? 'x';
      else if (field.type === 'number') customFields[field.key] = field.min ?? Math.min(1, field.max ?? 1);
      else if (field.type === 'date') customFields[field.key] = day(30);
      else if (field.type === 'checkbox') customFields[field.key] = true;
      else customFields[field.key] = 'Conformance';
    }
    const input: DealRegistrationInput = {
      customer: {
        company,
        country: 'DE',
        contact: { name: 'Casey Conformance', email: `casey.${this.run}@example.com` },
      },
      products: productIds,
      estimatedValue: { amount: 2_500_000, currency: me.program.defaultCurrency },
      expectedCloseDate: day(60),
      sourcing: 'sourced',
      notes: `Conformance run ${this.run}`,
      ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
      ...extra,
    };
    return input;
  }

  /** Registers a fresh customer as the partner and checks it was stored as submitted. */
  async registerDeal(productIds?: string[], company = this.company()): Promise<DealRegistration> {
    const products = productIds ?? [(await this.someProducts(1))[0]!.id];
    const deal = await this.partner.deals.register(await this.dealInput(company, products));
    checkEqual(deal.status, 'submitted', 'status of a new registration');
    return deal;
  }

  /** A fund of the partner's with at least `amount` remaining now, allocating one when needed. */
  async fund(amount: number): Promise<MdfFund> {
    const today = day(0);
    const funds = await this.partner.mdf.listFunds();
    const usable = funds.find(
      (f) => f.period.endsOn >= today && f.period.startsOn <= day(30) && f.remaining >= amount,
    );
    if (usable) return usable;
    const me = await this.partnerMe();
    check(me.partner, 'the partner key has no partner organisation');
    return this.vendor.mdf.createFund({
      partnerId: me.partner.id,
      period: { label: `Conformance ${this.run}`.slice(0, 40), startsOn: today, endsOn: day(90) },
      allocated: { amount: Math.max(amount * 10, 1_000_000), currency: me.program.defaultCurrency },
    });
  }

  mdfRequestInput(fund: MdfFund, amount: number): MdfRequestInput {
    const today = day(0);
    // The later of the two days (ISO dates sort as text).
    const startsOn = [fund.period.startsOn, today].sort()[1]!;
    return {
      fundId: fund.id,
      activityType: 'webinar',
      title: `Conformance webinar ${this.run}`,
      description: 'A webinar for the conformance suite.',
      startsOn,
      endsOn: startsOn,
      requestedAmount: { amount, currency: fund.currency },
      expectedOutcome: { leads: 10, pipeline: { amount: 100_000, currency: fund.currency } },
    };
  }
}

/**
 * Awaits a call that must fail with `status` (and `code`, when given), and returns the error.
 * Anything else fails the scenario with what happened instead.
 */
export async function expectError(
  call: Promise<unknown>,
  status: number,
  code: string | undefined,
  what: string,
): Promise<PartnerkitError> {
  let value: unknown;
  try {
    value = await call;
  } catch (error) {
    if (!isPartnerkitError(error)) throw error;
    const got = `${error.status || error.kind} ${error.code}${error.detail ? ` (${error.detail})` : ''}`;
    check(error.status === status, `${what}: expected ${status}${code ? ` ${code}` : ''}, got ${got}`);
    if (code) check(error.code === code, `${what}: expected code ${code}, got ${got}`);
    return error;
  }
  throw new ScenarioFailure(
    `${what}: expected ${status}${code ? ` ${code}` : ''}, got a success: ${show(value)}`,
  );
}
