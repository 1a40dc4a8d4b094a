// A backend that gets the contract wrong in every way a careless implementation might: wrong
// statuses, wrong shapes, plain-JSON errors, no request ids, no idempotency, no isolation.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrokenBackend {
  url: string;
  close(): Promise<void>;
}

export async function startBrokenBackend(): Promise<BrokenBackend> {
  let next = 1;
  const server = createServer(async (req, res) => {
    for await (const _ of req) {
      // drain the body
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/v1/me') {
      // everyone is the same user, whatever the token (or none)
      return json(200, { id: 'u1', name: 'Someone', role: 'admin' });
    }
    if (url.pathname === '/v1/products') return json(200, [{ id: 'p1', name: 'Thing' }]);
    if (url.pathname === '/v1/deal-registrations/fields') return json(200, { fields: [] });
    if (url.pathname.startsWith('/v1/deal-registrations')) {
      if (req.method === 'POST') return json(200, { id: String(next++), ok: true });
      return json(200, { data: [], cursor: '' });
    }
    if (url.pathname.startsWith('/v1/mdf')) return json(200, { items: [] });
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('not implemented');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
