// Deal conflict decision: given the active registrations and direct-sales accounts that match a
// customer, is a new registration clear, to be reviewed, or in conflict? No I/O here; the
// candidates come from src/deals.ts. Answers never name another partner or its registrations.
import type { ConflictCheckResult, ConflictReason } from '@partnerkit/api';
import damerauLevenshtein from 'damerau-levenshtein';

/** Trigram similarity (pg_trgm) from which a different name counts as "close". */
export const SIMILARITY_THRESHOLD = 0.55;

/**
 * The shortest name, and the shortest word, that a single typo makes "close": below it one edit
 * turns one real company into another too easily (`Acme` and `Acne`, `IBM` and `IBN`).
 */
export const TYPO_MIN_LENGTH = 5;

/** Length in characters (code points), as PostgreSQL's `length()` counts them. */
export const charLength = (text: string): number => [...text].length;

/**
 * Whether `a` and `b` differ by exactly one typo: one character inserted, deleted or replaced, or
 * two neighbouring characters swapped (Damerau-Levenshtein distance 1).
 */
export function isOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(charLength(a) - charLength(b)) > 1) return false;
  return damerauLevenshtein(a, b).steps === 1;
}

/**
 * Whether two normalised names are one typo apart, both at least TYPO_MIN_LENGTH long: `globex`
 * and `glebex`, `initech` and `intech`. Trigram similarity misses these in short names (`globex`
 * and `glebex` share 4 of their 10 trigrams: 0.4), so they count as close on their own.
 */
export function isTypoOf(a: string, b: string): boolean {
  return charLength(a) >= TYPO_MIN_LENGTH && charLength(b) >= TYPO_MIN_LENGTH && isOneEdit(a, b);
}

/** The longest word searched for typos: longer is no word anyone types (and bounds the locks). */
export const TYPO_MAX_WORD_LENGTH = 40;

/** Whether a word is searched for typos (see TYPO_MIN_LENGTH and TYPO_MAX_WORD_LENGTH). */
export const typoEligible = (word: string): boolean => {
  const length = charLength(word);
  return length >= TYPO_MIN_LENGTH && length <= TYPO_MAX_WORD_LENGTH;
};

/**
 * The word and every form of it with one character removed: two words one typo apart always
 * share one of these (a replacement at i: both without i; a swap of i and i+1: one without i,
 * the other without i+1; an insertion: the longer without it is the shorter). Locks taken on them
 * serialise registrations whose first or last words are one typo apart, before either exists.
 * Words never searched for typos (shorter than TYPO_MIN_LENGTH or longer than
 * TYPO_MAX_WORD_LENGTH) give themselves alone.
 */
export function oneDeletionForms(word: string): string[] {
  if (!typoEligible(word)) return [word];
  const chars = [...word];
  const forms = new Set([word]);
  for (let i = 0; i < chars.length; i++) forms.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...forms];
}

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
  /** Its normalised name: one typo away from the customer's counts as close at any similarity. */
  name?: string;
}

export interface ConflictInput {
  /** The partner asking; `null` for a vendor admin (every registration is then "another's"). */
  partnerId: string | null;
  /** The customer's normalised name, for the one-typo rule (without it only similarity counts). */
  company?: string;
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

  const company = input.company;
  const close = input.similar.some(
    (m) =>
      (m.similarity >= SIMILARITY_THRESHOLD ||
        (company !== undefined && m.name !== undefined && isTypoOf(company, m.name))) &&
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
