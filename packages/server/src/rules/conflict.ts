// Deal conflict decision: given the active registrations and direct-sales accounts that match a
// customer, is a new registration clear, to be reviewed, or in conflict? No I/O here; the
// candidates come from src/deals.ts. Answers never name another partner or its registrations.
import type { ConflictCheckResult, ConflictReason } from '@partnerkit/api';

/** Trigram similarity (pg_trgm) from which a different name counts as "close". */
export const SIMILARITY_THRESHOLD = 0.55;

/** Registration statuses that hold a customer (approved only until protection ends). */
export const ACTIVE_STATUSES = ['submitted', 'under_review', 'approved'] as const;

/** An active registration whose normalised name or domain equals the customer's. */
export interface ExactMatch {
  registrationId: string;
  partnerId: string;
  productIds: readonly string[];
}

/** An active registration, or a direct account, with a close but different name. */
export interface SimilarMatch {
  kind: 'registration' | 'direct_account';
  partnerId: string | null;
  productIds: readonly string[] | null;
  similarity: number;
}

export interface ConflictInput {
  /** The partner asking; `null` for a vendor admin (every registration is then "another's"). */
  partnerId: string | null;
  /** Products of the intended registration; empty or absent means "any product". */
  productIds?: readonly string[] | null;
  exact: readonly ExactMatch[];
  /** Whether the customer is on the vendor's direct-sales list (by name or domain). */
  directAccount: boolean;
  similar: readonly SimilarMatch[];
}

const overlaps = (wanted: readonly string[] | null | undefined, held: readonly string[] | null) =>
  !wanted || wanted.length === 0 || !held || held.some((p) => wanted.includes(p));

export function decideConflict(input: ConflictInput): ConflictCheckResult {
  const reasons: ConflictReason[] = [];
  const products = input.productIds;

  if (input.directAccount) {
    reasons.push({
      code: 'direct_account',
      message: "This customer is one of the vendor's direct-sales accounts; it cannot be registered.",
    });
  }
  const others = input.exact.filter(
    (m) => m.partnerId !== input.partnerId && overlaps(products, m.productIds),
  );
  if (others.length > 0) {
    reasons.push({
      code: 'active_registration',
      message:
        products && products.length > 0
          ? 'Another partner already has an active registration for this customer and product.'
          : 'Another partner already has an active registration for this customer.',
    });
  }
  const own = input.exact.find((m) => m.partnerId === input.partnerId && overlaps(products, m.productIds));
  if (own) {
    reasons.push({
      code: 'own_registration',
      message: 'Your organisation already has an active registration for this customer and product.',
      registrationId: own.registrationId,
    });
  }
  if (reasons.length > 0) return { result: 'conflict', reasons };

  const close = input.similar.some(
    (m) =>
      m.similarity >= SIMILARITY_THRESHOLD &&
      (m.kind === 'direct_account' || (m.partnerId !== input.partnerId && overlaps(products, m.productIds))),
  );
  if (close) {
    return {
      result: 'review',
      reasons: [
        {
          code: 'similar_customer',
          message:
            'A customer with a similar name is already registered or owned by direct sales; the vendor will review this registration.',
        },
      ],
    };
  }
  return { result: 'clear', reasons: [] };
}
