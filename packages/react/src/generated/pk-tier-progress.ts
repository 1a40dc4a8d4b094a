// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-tier-progress';
import { createComponent, type EventName } from '@lit/react';
import { PkTierProgress as PkTierProgressElement, type PkEventMap } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkTierProgressElement };

const events = {
  /** `pk-navigate`: Cancelable: a link to another place was followed; `detail` is `{ place, href, reason }` (`reason` is the criterion's key). Call `preventDefault()` to route in the page's own way. */
  onPkNavigate: 'pk-navigate' as EventName<PkEventMap['pk-navigate']>,
  /** `pk-error`: A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`. */
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
};

/** The public properties of `<pk-tier-progress>`, which the wrapper sets as properties (not attributes). */
export type PkTierProgressProperties = 'compact' | 'trainingHref' | 'dealRegistrationHref' | 'dealListHref' | 'tierProgressHref';

/** The props of {@link PkTierProgress}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkTierProgressProps = WrapperProps<PkTierProgressElement, PkTierProgressProperties, typeof events>;

/**
 * `<pk-tier-progress>` as a React component. The partner's tier: current and next tier, every criterion of the next tier as current against required with what remains, the overall state (on track, at risk, qualified for promotion, top tier, grace period), the next review date and the benefits of each tier. Refreshes when a certification is earned or a deal registered on the page. Every number is the server's (`GET /v1/tier-progress`; the tiers and their benefits from `GET /v1/tiers`); nothing is recomputed. The overall state comes from the server's fields, the first that applies: **grace period** while `grace.active` (with `grace.endsOn` and a countdown, and the tier the records qualify for, `grace.qualifiedTier`); **at risk** when the records qualify below the current tier but no grace period runs; **top tier** when `nextTier` is `null` (the criteria shown are then the current tier's); **qualified for promotion** when the records qualify above the current tier, or meet every criterion of the next, before the backend promotes; **on track** otherwise. The reference server promotes at once and starts a grace period at once, so with it "at risk" and "qualified for promotion" do not last; backends that act at the review date show them. A criterion links to the place of the portal that moves it when the page gives that place's address: certified people to training (`training-href`), registered deals to deal registration (`deal-registration-href`), closed revenue to the list of registrations (`deal-list-href`); customer satisfaction links nowhere. Without an address there is no link.
 *
 * Properties: `compact`, `trainingHref`, `dealRegistrationHref`, `dealListHref`, `tierProgressHref`.
 * Events: `onPkNavigate` (`pk-navigate`), `onPkError` (`pk-error`).
 * The ref is the element itself.
 */
export const PkTierProgress: Wrapper<PkTierProgressElement, PkTierProgressProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-tier-progress',
  elementClass: PkTierProgressElement,
  events,
  displayName: 'PkTierProgress',
});
