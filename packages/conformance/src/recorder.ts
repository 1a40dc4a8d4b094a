// A `fetch` that records every exchange with the backend and checks what every answer must have:
// an `X-Request-Id`, a documented status, the contract's media type and body shape, and for
// errors an `application/problem+json` problem document whose `status` is the HTTP status.
import type { Contract } from './contract.js';

export interface Exchange {
  method: string;
  /** The path relative to the base URL, with the query. */
  url: string;
  status: number;
  headers: Headers;
  /** The parsed JSON body, the text when it is not JSON (files too), `undefined` when empty. */
  body: unknown;
  /** The contract operation, when the request is one. */
  operationId: string | undefined;
}

export interface Recorder {
  readonly exchanges: Exchange[];
  /** Every way an answer broke the contract, one line each. */
  readonly violations: string[];
  /** Starts a fresh record (between scenarios). */
  reset(): void;
  fetch: (request: Request) => Promise<Response>;
}

export function createRecorder(contract: Contract, baseUrl: string, fetchImpl: typeof fetch): Recorder {
  const exchanges: Exchange[] = [];
  const violations: string[] = [];
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');

  return {
    exchanges,
    violations,
    reset() {
      exchanges.length = 0;
      violations.length = 0;
    },
    async fetch(request) {
      const response = await fetchImpl(request);
      // The bytes as they came (files are binary), and their text for everything that is not.
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const url = new URL(request.url);
      const path = url.pathname.startsWith(basePath)
        ? url.pathname.slice(basePath.length) || '/'
        : url.pathname;
      let body: unknown;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const operation = contract.match(request.method, path);
      const label = `${request.method} ${path}${url.search} -> ${response.status}`;
      const contentType = response.headers.get('Content-Type');

      if (!response.headers.get('X-Request-Id')) violations.push(`${label}: no X-Request-Id header`);
      if (response.status >= 400) {
        if (!/^application\/problem\+json\b/i.test(contentType ?? '')) {
          violations.push(
            `${label}: an error must be application/problem+json, got ${JSON.stringify(contentType)}`,
          );
        } else {
          const problem = contract.checkSchema('Problem', body);
          if (problem.length > 0) violations.push(`${label}: not a problem document: ${problem.join('; ')}`);
          else if ((body as { status: number }).status !== response.status) {
            violations.push(
              `${label}: the problem's status ${(body as { status: number }).status} is not the HTTP status`,
            );
          }
        }
      }
      if (!operation) {
        violations.push(`${label}: not an operation of the contract`);
      } else if (response.status < 400 || /^application\/problem\+json\b/i.test(contentType ?? '')) {
        for (const line of contract.checkResponse(operation, response.status, contentType, body)) {
          violations.push(`${label}: ${line}`);
        }
      }
      exchanges.push({
        method: request.method,
        url: `${path}${url.search}`,
        status: response.status,
        headers: response.headers,
        body,
        operationId: operation?.operationId,
      });
      return new Response(bytes.length === 0 ? null : bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  };
}
