// The two jobs of the script, on the SDK alone (no HTTP of their own).
import type { DealRegistration, MdfRequest, Money } from '@partnerkit/api';
import { isPartnerkitError, type PartnerkitClient } from '@partnerkit/sdk';
import type { Row } from './crm-file.js';

/** The CRM file's columns that the sync owns, in order. */
export const REGISTRATION_COLUMNS = [
  'id',
  'reference',
  'status',
  'company',
  'domain',
  'country',
  'contact_name',
  'contact_email',
  'products',
  'estimated_value',
  'currency',
  'expected_close_date',
  'protected_until',
  'notes',
  'updated_at',
];

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Integer minor units as a plain decimal (`1250000` EUR is `12500.00`), without floating point. */
export function decimal({ amount, currency }: Money): string {
  const digits = digitsOf(currency);
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return amount < 0 ? `-${whole}` : whole;
}

/** A decimal amount (`2500.00`) in minor units of `currency`; more digits than it has are refused. */
export function minorUnits(text: string, currency: string): number {
  const digits = digitsOf(currency);
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > digits) throw new Error(`${text} has more decimals than ${currency} (${digits})`);
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

function rowOf(deal: DealRegistration): Row {
  return {
    id: deal.id,
    reference: deal.reference,
    status: deal.status,
    company: deal.customer.company,
    domain: deal.customer.domain ?? '',
    country: deal.customer.country,
    contact_name: deal.customer.contact.name,
    contact_email: deal.customer.contact.email,
    products: deal.products.map((p) => p.name).join('; '),
    estimated_value: decimal(deal.estimatedValue),
    currency: deal.estimatedValue.currency,
    expected_close_date: deal.expectedCloseDate,
    protected_until: deal.protectedUntil ?? '',
    notes: deal.notes ?? '',
    updated_at: deal.updatedAt,
  };
}

/** Every registration the key may see, page after page (the SDK follows the cursors). */
export async function registrationRows(pk: PartnerkitClient, limit = 50): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const deal of pk.deals.listAll({ limit })) rows.push(rowOf(deal));
  return rows;
}

export interface ApprovalOutcome {
  approved: number;
  left: number;
  failed: number;
}

/**
 * Approves, in full, every submitted MDF request of at most `maxAmount` (in its own currency).
 * The list is read first, then each request is approved with the idempotency key
 * `mdf-approve-<id>`: the SDK retries a lost answer with the same key, and a second run of the
 * script finds the request approved already. A refusal of one request (the fund has too little
 * left, a person decided it meanwhile) is reported and the others go on; a refused key or an
 * unreachable API stops the job.
 */
export async function approveSmallRequests(
  vendor: PartnerkitClient,
  maxAmount: string,
  limit: number,
  log: (line: string) => void,
): Promise<ApprovalOutcome> {
  const pending: MdfRequest[] = [];
  for await (const request of vendor.mdf.listAllRequests({ status: ['submitted'], limit })) {
    pending.push(request);
  }
  const outcome: ApprovalOutcome = { approved: 0, left: 0, failed: 0 };
  for (const request of pending) {
    const { amount, currency } = request.requestedAmount;
    const label = `${request.reference} (${request.partnerName ?? request.partnerId}, ${decimal(request.requestedAmount)} ${currency})`;
    if (amount > minorUnits(maxAmount, currency)) {
      log(`${label}: above ${maxAmount} ${currency}, left for a person`);
      outcome.left++;
      continue;
    }
    try {
      const approved = await vendor.mdf.approveRequest(
        request.id,
        { note: `Approved automatically: within ${maxAmount} ${currency}.` },
        { idempotencyKey: `mdf-approve-${request.id}` },
      );
      log(`${label}: ${approved.status}`);
      outcome.approved++;
    } catch (error) {
      if (!isPartnerkitError(error) || !['validation', 'conflict', 'not_found'].includes(error.kind)) {
        throw error;
      }
      const where = error.errors?.[0]?.pointer ? ` at ${error.errors[0].pointer}` : '';
      log(`${label}: not approved: ${error.code ?? error.kind}${where}: ${error.message}`);
      outcome.failed++;
    }
  }
  return outcome;
}
