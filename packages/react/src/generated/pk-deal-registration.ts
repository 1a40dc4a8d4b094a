// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-deal-registration';
import { createComponent, type EventName } from '@lit/react';
import { PkDealRegistration as PkDealRegistrationElement, type PkEventMap } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkDealRegistrationElement };

const events = {
  /** `pk-before-submit`: Cancelable; `detail.input` is the registration about to be sent: change it to enrich it, or call `preventDefault()` to stop the submission. */
  onPkBeforeSubmit: 'pk-before-submit' as EventName<PkEventMap['pk-before-submit']>,
  /** `pk-deal-registered`: The registration was stored; `detail` is the `DealRegistration`. */
  onPkDealRegistered: 'pk-deal-registered' as EventName<PkEventMap['pk-deal-registered']>,
  /** `pk-error`: A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`. */
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
};

/** The public properties of `<pk-deal-registration>`, which the wrapper sets as properties (not attributes). */
export type PkDealRegistrationProperties = 'checkDelay';

/** The props of {@link PkDealRegistration}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkDealRegistrationProps = WrapperProps<PkDealRegistrationElement, PkDealRegistrationProperties, typeof events>;

/**
 * `<pk-deal-registration>` as a React component. Registers a deal: customer, contact, products, value, close date, the vendor's custom fields, with a live conflict hint, a draft kept across reloads, and exactly-once submission.
 *
 * Properties: `checkDelay`.
 * Events: `onPkBeforeSubmit` (`pk-before-submit`), `onPkDealRegistered` (`pk-deal-registered`), `onPkError` (`pk-error`).
 * Slots: `intro` (`slot="intro"`).
 * The ref is the element itself.
 */
export const PkDealRegistration: Wrapper<PkDealRegistrationElement, PkDealRegistrationProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-deal-registration',
  elementClass: PkDealRegistrationElement,
  events,
  displayName: 'PkDealRegistration',
});
