#!/usr/bin/env node
// The demo portal's own web server: what a vendor's site does around the Partnerkit components.
//
//   node examples/portal/serve.mjs --port 5173 --api http://localhost:8787 [--vendor-key KEY]
//
// - serves the built page (examples/portal/dist) with a strict Content-Security-Policy;
// - `GET /config` tells the page where the API is and which demo partners it may act as;
// - `POST /session {"partnerId": "..."}` mints a short-lived partner session token from the API
//   with the vendor key, which stays on this server and never reaches the browser.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createPartnerkitClient, isPartnerkitError } from '@partnerkit/sdk';
import sirv from 'sirv';

const here = dirname(fileURLToPath(import.meta.url));
const MAX_BODY = 4096;

/**
 * The page's Content-Security-Policy: scripts and styles from this origin only (no inline code,
 * no eval), API calls and images to this origin and the API's, Trusted Types for Lit's templates.
 * @param {string} apiOrigin
 */
export function contentSecurityPolicy(apiOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${apiOrigin}`,
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html partnerkit',
  ].join('; ');
}

/** @typedef {{ id: string, name: string, user: { email: string, name: string, role?: 'partner_user' | 'partner_admin' } }} DemoPartner */

/**
 * @param {{ api: string, vendorKey: string, distDir?: string, partners?: DemoPartner[], sessionTtlSeconds?: number }} options
 */
export function createPortalServer(options) {
  const apiUrl = new URL(options.api);
  const apiOrigin = apiUrl.origin;
  const apiBase = apiUrl.href.replace(/\/$/, '');
  const partners = options.partners ?? readPartners(join(here, 'demo-partners.json'));
  const csp = contentSecurityPolicy(apiOrigin);
  // The vendor's server-side client: the only holder of the vendor key.
  const vendor = createPartnerkitClient({
    baseUrl: apiBase,
    token: options.vendorKey,
    timeoutMs: 10_000,
    retry: { maxRetries: 1 },
  });
  const distDir = options.distDir ?? join(here, 'dist');
  const statics = sirv(distDir, {
    dev: false,
    etag: true,
    setHeaders(res, pathname) {
      // Vite names built assets by content hash: cache them for good; revalidate everything else.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  /** @param {import('node:http').ServerResponse} res */
  const send = (res, status, body, type = 'application/json; charset=utf-8') => {
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-store');
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const problem = (res, status, title, detail) =>
    send(res, status, { type: 'about:blank', title, status, detail }, 'application/problem+json');

  /** @param {import('node:http').IncomingMessage} req */
  const readJson = async (req) => {
    let size = 0;
    const chunks = [];
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) throw Object.assign(new Error('The request body is too large.'), { status: 413 });
      chunks.push(chunk);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      throw Object.assign(new Error('The request body is not valid JSON.'), { status: 400 });
    }
  };

  const mintSession = async (req, res) => {
    // A vendor's real endpoint is behind its own login; this demo at least refuses other sites.
    const site = req.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') {
      return problem(res, 403, 'Cross-site request refused', 'Sessions are minted for this site only.');
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return problem(res, 415, 'Unsupported media type', 'Send {"partnerId": "..."} as application/json.');
    }
    let body;
    try {
      body = await readJson(req);
    } catch (error) {
      return problem(res, error.status ?? 400, 'Bad request', error.message);
    }
    const partner = partners.find((p) => p.id === body?.partnerId);
    if (!partner) {
      return problem(
        res,
        400,
        'Unknown partner',
        `partnerId must be one of: ${partners.map((p) => p.id).join(', ')}.`,
      );
    }
    let session;
    try {
      session = await vendor.sessions.create({
        partnerId: partner.id,
        user: partner.user,
        ttlSeconds: options.sessionTtlSeconds ?? 900,
      });
    } catch (error) {
      if (!isPartnerkitError(error)) throw error;
      const unreachable = error.status === 0;
      return problem(
        res,
        502,
        unreachable ? 'The partner API is unreachable' : 'The partner API refused the session',
        `${apiOrigin}: ${[error.status || error.kind, error.title, error.detail].filter(Boolean).join(' ')}`,
      );
    }
    return send(res, 200, {
      token: session.token,
      expiresAt: session.expiresAt,
      partnerId: session.partnerId,
      user: session.user,
    });
  };

  const server = createServer(async (req, res) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    const { pathname } = new URL(req.url ?? '/', 'http://portal.invalid');
    try {
      if (pathname === '/session') {
        if (req.method !== 'POST') {
          res.setHeader('Allow', 'POST');
          return problem(res, 405, 'Method not allowed', 'POST /session');
        }
        return await mintSession(req, res);
      }
      if (pathname === '/config') {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD');
          return problem(res, 405, 'Method not allowed', 'GET /config');
        }
        return send(res, 200, {
          apiBaseUrl: apiBase,
          partners: partners.map((p) => ({ id: p.id, name: p.name, userName: p.user.name })),
        });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return problem(res, 405, 'Method not allowed', `${req.method} ${pathname}`);
      }
      statics(req, res, () => send(res, 404, 'Not found\n', 'text/plain; charset=utf-8'));
    } catch (error) {
      console.error(error);
      if (!res.headersSent) problem(res, 500, 'Internal error', 'The portal server failed; see its log.');
      else res.destroy();
    }
  });
  return server;
}

/**
 * The partners a visitor may act as: a JSON array of `{ id, name, user: { email, name, role? } }`.
 * @param {string} file
 * @returns {DemoPartner[]}
 */
export function readPartners(file) {
  const list = JSON.parse(readFileSync(file, 'utf8'));
  const ok = (p) =>
    typeof p?.id === 'string' &&
    typeof p.name === 'string' &&
    typeof p.user?.email === 'string' &&
    typeof p.user.name === 'string' &&
    (p.user.role === undefined || p.user.role === 'partner_user' || p.user.role === 'partner_admin');
  if (!Array.isArray(list) || list.length === 0) throw new Error('must be a non-empty JSON array');
  const bad = list.findIndex((p) => !ok(p));
  if (bad >= 0) {
    throw new Error(`entry ${bad} must be { "id", "name", "user": { "email", "name", "role"? } }`);
  }
  return list;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '5173' },
      host: { type: 'string', default: '127.0.0.1' },
      api: { type: 'string', default: process.env.PARTNERKIT_API_URL ?? 'http://localhost:8787' },
      'vendor-key': { type: 'string', default: process.env.PARTNERKIT_VENDOR_KEY ?? 'pk_demo_vendor_admin' },
      dist: { type: 'string' },
      partners: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: node examples/portal/serve.mjs [--port 5173] [--host 127.0.0.1] [--api http://localhost:8787]\n' +
        '         [--vendor-key pk_demo_vendor_admin] [--dist DIR] [--partners partners.json]',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not ${JSON.stringify(values.port)}`);
    process.exit(2);
  }
  let api;
  try {
    api = new URL(values.api);
    if (api.protocol !== 'http:' && api.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    console.error(`--api must be an http(s) URL, not ${JSON.stringify(values.api)}`);
    process.exit(2);
  }
  const distDir = resolve(values.dist ?? join(here, 'dist'));
  try {
    readFileSync(join(distDir, 'index.html'));
  } catch {
    console.error(`${distDir}/index.html is missing: build the page first (npm run build).`);
    process.exit(1);
  }
  let partners;
  if (values.partners) {
    try {
      partners = readPartners(values.partners);
    } catch (error) {
      console.error(`--partners ${values.partners}: ${error.message}`);
      process.exit(2);
    }
  }
  const server = createPortalServer({ api: api.href, vendorKey: values['vendor-key'], distDir, partners });
  server.on('error', (error) => {
    console.error(`portal: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, values.host, () => {
    const address = server.address();
    const shownHost = values.host === '127.0.0.1' || values.host === '::1' ? 'localhost' : values.host;
    console.log(`portal on http://${shownHost}:${address.port} (API ${api.origin})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
