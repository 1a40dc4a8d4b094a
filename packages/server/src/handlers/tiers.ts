// Tier operations: the program's tiers, and a partner's progress toward the next one.
import type { operations } from '@partnerkit/api';
import { partnerScope } from '../access.js';
import { loadTiers, refreshTierStanding } from '../rules/tiers-store.js';
import { type HandlerRequest, type Handlers, notFound } from '../types.js';

type TierProgressQuery = NonNullable<operations['getTierProgress']['parameters']['query']>;

export const tierHandlers: Handlers = {
  async listTiers(_req, ctx) {
    return { status: 200, body: { items: await loadTiers(ctx.db) } };
  },

  /**
   * Computed from the partner's own records at each call; a promotion, the start or end of a
   * grace period, or a recovery is stored at once.
   */
  async getTierProgress(req: HandlerRequest<undefined, TierProgressQuery>, ctx) {
    const partnerId = partnerScope(ctx.caller, req.query.partnerId, true)!;
    const now = ctx.now();
    const computed = await ctx.db.transaction((tx) => refreshTierStanding(tx, partnerId, now));
    if (!computed) throw notFound('partner');
    return { status: 200, body: computed.progress };
  },
};
