// Starts the reference server as a child process (in-memory database, demo data, a free port)
// and stops it again.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Started, startNode } from '../../../../scripts/start-node.mjs';

export const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = `${root}packages/server/bin/partnerkit-server.js`;

export const demoKeys = {
  vendorKey: 'pk_demo_vendor_admin',
  partnerKey: 'pk_demo_northwind_admin',
  otherPartnerKey: 'pk_demo_contoso_admin',
  partnerUserKey: 'pk_demo_northwind_user',
};

export type ReferenceServer = Started;

/** The reference server on an in-memory database with the demo program, on a free port. */
export function startReferenceServer(timeoutMs = 90_000): Promise<ReferenceServer> {
  if (!existsSync(`${root}packages/server/dist/cli.js`)) {
    return Promise.reject(new Error('packages/server/dist is missing: run `npm run build` first'));
  }
  return startNode(
    [bin, 'start', '--memory', '--demo', '--port', '0'],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs,
  );
}
