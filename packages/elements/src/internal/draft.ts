/** The values of a form by field name (a JSON Pointer into the input it sends). */
export type Values = Record<string, string | string[] | boolean>;

/** A form in progress (a registration, a request), kept in `localStorage` until it is sent or discarded. */
export interface Draft {
  /** The idempotency key of this draft: every submit of it sends the same key. */
  key: string;
  values: Values;
  savedAt: number;
}

const isValue = (v: unknown) =>
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** The stored draft, or `undefined` when there is none or it is unreadable (then it is ignored). */
export function loadDraft(storageKey: string): Draft | undefined {
  try {
    const d = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<Draft> | null;
    if (d && typeof d.key === 'string' && d.key.length >= 8 && typeof d.values === 'object' && d.values) {
      const values: Values = {};
      for (const [name, v] of Object.entries(d.values)) if (isValue(v)) values[name] = v;
      return { key: d.key, values, savedAt: Number(d.savedAt) || Date.now() };
    }
  } catch {
    // Unreadable (or storage blocked): start afresh.
  }
  return undefined;
}

/** Stores the draft; a full or blocked storage only loses the draft, never the form. */
export function saveDraft(storageKey: string, draft: Draft): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form keeps working without a draft.
  }
}

export function dropDraft(storageKey: string): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Storage blocked: nothing was stored.
  }
}
