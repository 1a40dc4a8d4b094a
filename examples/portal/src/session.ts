// How the page talks to its own server: the configuration, and partner session tokens minted by
// `POST /session` (the vendor key stays on the server).

export interface DemoPartner {
  id: string;
  name: string;
  userName: string;
}

export interface PortalConfig {
  apiBaseUrl: string;
  partners: DemoPartner[];
}

/** A failed call to the portal's own server, with the problem document's words. */
export class PortalServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortalServerError';
  }
}

async function problemMessage(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return [problem.title, problem.detail].filter(Boolean).join(': ') || response.statusText;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new PortalServerError(response.status, await problemMessage(response));
  return (await response.json()) as PortalConfig;
}

/**
 * A `fetchToken` for <pk-portal>: asks this site's server for a session token of `partnerId`.
 * The components call it again when the token expires.
 */
export function sessionTokenFetcher(partnerId: string): () => Promise<string> {
  return async () => {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ partnerId }),
    });
    if (!response.ok) throw new PortalServerError(response.status, await problemMessage(response));
    const session = (await response.json()) as { token: string; expiresAt: string };
    return session.token;
  };
}
