import { invalidResponse } from './errors.js';

/** One page of a cursor-paginated list. Pass `nextCursor` back as `cursor` until it is `null`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of every page, fetched lazily: the next page is requested only when the items of
 * the previous one have been consumed. Stops at a `null` cursor.
 */
export async function* paginate<T, Q extends { cursor?: string }>(
  fetchPage: (query: Q) => Promise<Page<T>>,
  query: Q,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  for (let cursor = query.cursor; ; ) {
    const page = await fetchPage(cursor === undefined ? query : { ...query, cursor });
    yield* page.items;
    cursor = page.nextCursor ?? '';
    if (!cursor) return;
    if (seen.has(cursor)) {
      throw invalidResponse(
        `The server returned the cursor ${JSON.stringify(cursor)} twice; stopping to avoid a loop.`,
      );
    }
    seen.add(cursor);
  }
}
