// Middleware for openapi-fetch: bearer auth (a fixed token, or `fetchToken()` awaited before the
// first call and once more after a 401, then the call is sent again, once), and request ids.
import type { Middleware } from 'openapi-fetch';
import { isPartnerkitError, PartnerkitError } from './errors.js';
import { abortable } from './transport.js';

/**
 * Sets `Authorization` on every request that has none; after a 401, gets a new token (when there
 * is a `fetchToken`) and resends the request once. Concurrent calls share one pending fetch of a
 * token; a call refused with a token that was already replaced gets the replacement.
 */
export function authMiddleware(
  initial: string | undefined,
  fetchToken: (() => Promise<string>) | undefined,
): Middleware {
  let token = initial;
  let pending: Promise<string> | undefined;
  // Requests whose Authorization this middleware set: a caller's own header is never replaced.
  const ours = new WeakSet<Request>();
  const fetchNew = (): Promise<string> =>
    (pending ??= (async () => {
      try {
        await undefined; // `pending` is set before this settles, even when fetchToken throws at once
        const fresh: unknown = await fetchToken!();
        if (typeof fresh !== 'string' || !fresh.trim()) {
          throw new TypeError('fetchToken() must resolve with a non-empty string.');
        }
        token = fresh;
        return fresh;
      } catch (cause) {
        throw isPartnerkitError(cause)
          ? cause
          : new PartnerkitError({
              kind: 'authentication',
              code: 'token_unavailable',
              title: 'Could not get a token',
              detail: cause instanceof Error ? cause.message : String(cause),
              cause,
            });
      } finally {
        pending = undefined;
      }
    })());
  const send = (request: Request, value: string) => {
    request.headers.set('Authorization', `Bearer ${value}`);
    ours.add(request);
    return request;
  };
  return {
    async onRequest({ request }) {
      if (request.headers.has('Authorization') || !(token || fetchToken)) return undefined;
      return send(request, await abortable(token ? Promise.resolve(token) : fetchNew(), request.signal));
    },
    async onResponse({ request, response, options }) {
      if (response.status !== 401 || !fetchToken || !ours.has(request)) return undefined;
      const stale = request.headers.get('Authorization');
      // Refused with the token held: get a new one; with an older one: use the one held.
      if (!token || `Bearer ${token}` === stale) token = undefined;
      return options.fetch(
        send(request.clone(), await abortable(token ? Promise.resolve(token) : fetchNew(), request.signal)),
      );
    },
  };
}

/** Gives every request without one an `X-Request-Id` (kept by every retry of the call). */
export function requestIdMiddleware(newId: () => string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has('X-Request-Id')) request.headers.set('X-Request-Id', newId());
      return request;
    },
  };
}
