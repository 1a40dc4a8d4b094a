// The vendor's program settings and the partner organisation, as the contract shapes them.
import type { PartnerOrganization, Program } from '@partnerkit/api';
import { ApiError, type Queryable } from './types.js';

export interface ProgramSettings extends Program {
  tierGraceDays: number;
}

export async function getProgram(q: Queryable): Promise<ProgramSettings> {
  const { rows } = await q.query<{
    vendor_name: string;
    protection_days: number;
    extension_days: number;
    default_currency: string;
    tier_grace_days: number;
  }>('SELECT vendor_name, protection_days, extension_days, default_currency, tier_grace_days FROM program');
  const row = rows[0];
  if (!row) {
    throw new ApiError(
      503,
      'unavailable',
      'The program is not set up yet: run `partnerkit-server seed --demo` or insert the program row.',
    );
  }
  return {
    vendorName: row.vendor_name,
    protectionDays: row.protection_days,
    extensionDays: row.extension_days,
    defaultCurrency: row.default_currency,
    tierGraceDays: row.tier_grace_days,
  };
}

/** The public view of a program (what `GET /v1/me` shows). */
export const publicProgram = (p: ProgramSettings): Program => ({
  vendorName: p.vendorName,
  protectionDays: p.protectionDays,
  extensionDays: p.extensionDays,
  defaultCurrency: p.defaultCurrency,
});

/** One partner organisation, or `null`. */
export async function getPartner(q: Queryable, partnerId: string): Promise<PartnerOrganization | null> {
  const { rows } = await q.query<{
    id: string;
    name: string;
    type: PartnerOrganization['type'];
    region: string;
    country: string | null;
    website: string | null;
    logo_url: string | null;
    contact: PartnerOrganization['contact'];
    tier_id: string;
    tier_name: string;
    tier_rank: number;
  }>(
    `SELECT p.id, p.name, p.type, p.region, p.country, p.website, p.logo_url, p.contact,
            t.id AS tier_id, t.name AS tier_name, t.rank AS tier_rank
       FROM partners p JOIN tiers t ON t.id = p.tier_id
      WHERE p.id = $1`,
    [partnerId],
  );
  const r = rows[0];
  if (!r) return null;
  const org: PartnerOrganization = {
    id: r.id,
    name: r.name,
    type: r.type,
    tier: { id: r.tier_id, name: r.tier_name, rank: r.tier_rank },
    region: r.region,
    website: r.website,
    logoUrl: r.logo_url,
    contact: r.contact,
  };
  if (r.country) org.country = r.country;
  return org;
}
