// Middleware for openapi-fetch: bearer auth (a fixed token, or `fetchToken()` awaited before the
// first call and once more after a 401, then the call is sent again, once), and request ids.
import type { Middleware } from 'openapi-fetch';
import { isPartnerkitError, PartnerkitError } from './errors.js';
import { abortable } from './transport.js';

export class TokenSource {
  #token: string | undefined;
  #pending: Promise<string> | undefined;
  readonly #fetchToken: (() => Promise<string>) | undefined;

  constructor(token: string | undefined, fetchToken: (() => Promise<string>) | undefined) {
    this.#token = token;
    this.#fetchToken = fetchToken;
  }

  get canRefresh(): boolean {
    return this.#fetchToken !== undefined;
  }

  /** The token to send: the one held, or the shared pending fetch of a new one. */
  current(): Promise<string | undefined> {
    if (this.#token !== undefined) return Promise.resolve(this.#token);
    if (this.#fetchToken === undefined) return Promise.resolve(undefined);
    return this.#fetch();
  }

  /**
   * A new token after `stale` was refused. Calls refused with the same token share one fetch;
   * a call refused with a token that was already replaced gets the replacement.
   */
  refresh(stale: string | undefined): Promise<string> {
    if (this.#token !== undefined && this.#token !== stale) return Promise.resolve(this.#token);
    this.#token = undefined;
    return this.#fetch();
  }

  #fetch(): Promise<string> {
    const fetchToken = this.#fetchToken;
    if (fetchToken === undefined) return Promise.reject(new Error('no fetchToken'));
    if (this.#pending === undefined) {
      const pending = (async () => {
        let token: unknown;
        try {
          token = await fetchToken();
        } catch (cause) {
          if (isPartnerkitError(cause)) throw cause;
          throw new PartnerkitError({
            kind: 'authentication',
            code: 'token_unavailable',
            title: 'Could not get a token',
            detail: cause instanceof Error ? cause.message : String(cause),
            cause,
          });
        } finally {
          this.#pending = undefined;
        }
        if (typeof token !== 'string' || token.trim() === '') {
          throw new PartnerkitError({
            kind: 'authentication',
            code: 'token_unavailable',
            title: 'Could not get a token',
            detail: 'fetchToken() must resolve with a non-empty string.',
          });
        }
        this.#token = token;
        return token;
      })();
      this.#pending = pending;
    }
    return this.#pending;
  }
}

const bearer = (token: string) => `Bearer ${token}`;

function tokenOf(request: Request): string | undefined {
  const value = request.headers.get('Authorization');
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

/** Sets `Authorization` on every request that has none; after a 401, refreshes and resends once. */
export function authMiddleware(tokens: TokenSource): Middleware {
  // Requests whose Authorization this middleware set: a caller's own header is never replaced.
  const ours = new WeakSet<Request>();
  return {
    async onRequest({ request }) {
      if (request.headers.has('Authorization')) return undefined;
      const token = await abortable(tokens.current(), request.signal);
      if (token === undefined) return undefined;
      request.headers.set('Authorization', bearer(token));
      ours.add(request);
      return request;
    },
    async onResponse({ request, response, options }) {
      if (response.status !== 401 || !tokens.canRefresh || !ours.has(request)) return undefined;
      const token = await abortable(tokens.refresh(tokenOf(request)), request.signal);
      const again = request.clone();
      again.headers.set('Authorization', bearer(token));
      return options.fetch(again);
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
