// Who may do what: the checks every handler starts with.
import { ApiError, type Caller, forbidden } from './types.js';

/** Vendor-admin operations (approve, reject, sessions, funds). */
export function requireVendorAdmin(caller: Caller): void {
  if (caller.role !== 'vendor_admin') throw forbidden('Only a vendor admin may do this.');
}

/** Partner-only operations (register a deal, enrol, request funds). Returns the caller's partner id. */
export function requirePartner(caller: Caller): string {
  if (!caller.partnerId) throw forbidden('Only a partner user may do this.');
  return caller.partnerId;
}

/**
 * The partner whose data a read is about: always the caller's own organisation for partners
 * (any `partnerId` they pass is ignored); for vendor admins the requested one, or `null` for "all"
 * unless `required` is set.
 */
export function partnerScope(caller: Caller, requested: string | undefined, required = false): string | null {
  if (caller.partnerId) return caller.partnerId;
  if (requested) return requested;
  if (required) {
    throw new ApiError(400, 'validation_failed', 'Vendor admins must name the partner.', {
      errors: [
        {
          pointer: '/query/partnerId',
          code: 'required',
          message: 'partnerId is required for vendor admins.',
        },
      ],
    });
  }
  return null;
}
