// What `<pk-mdf-request>` shares with its forms (which load on demand): the strings of the
// component, and what is left to claim of a request. Integer minor units only.
import type { MdfClaim, MdfRequest } from '@partnerkit/api';
import { Catalog } from '../internal/i18n.js';
import en from './strings/en.js';

export const mdfCatalog = new Catalog(en, () => import('./strings/de.js'));

/** What a claim takes of its request's approved amount, as the server counts it. */
const hold = (c: MdfClaim) =>
  c.status === 'rejected' ? 0 : (c.status === 'submitted' ? c.amount : (c.approvedAmount ?? c.amount)).amount;

/** What is left to claim of a request: nothing unless it is approved (in full or in part). */
export const claimable = (r: MdfRequest): number =>
  /approved/.test(r.status)
    ? Math.max(0, (r.approvedAmount?.amount ?? 0) - r.claims.reduce((sum, c) => sum + hold(c), 0))
    : 0;
