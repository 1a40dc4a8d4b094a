// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-deal-list';
import { createComponent, type EventName } from '@lit/react';
import { PkDealList as PkDealListElement, type PkEventMap } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkDealListElement };

const events = {
  /** `pk-before-submit`: Cancelable, before an extension request; `detail.input` is `{ id, reason }`. */
  onPkBeforeSubmit: 'pk-before-submit' as EventName<PkEventMap['pk-before-submit']>,
  /** `pk-extension-requested`: Protection was extended; `detail` is the updated `DealRegistration`. */
  onPkExtensionRequested: 'pk-extension-requested' as EventName<PkEventMap['pk-extension-requested']>,
  /** `pk-error`: A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`. */
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
};

/** The public properties of `<pk-deal-list>`, which the wrapper sets as properties (not attributes). */
export type PkDealListProperties = 'status' | 'pageSize';

/** The props of {@link PkDealList}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkDealListProps = WrapperProps<PkDealListElement, PkDealListProperties, typeof events>;

/**
 * `<pk-deal-list>` as a React component. The partner's deal registrations: status filter, paging, status history, protection dates, rejection reasons and the extension request. Refreshes when a deal is registered on the page.
 *
 * Properties: `status`, `pageSize`.
 * Events: `onPkBeforeSubmit` (`pk-before-submit`), `onPkExtensionRequested` (`pk-extension-requested`), `onPkError` (`pk-error`).
 * The ref is the element itself.
 */
export const PkDealList: Wrapper<PkDealListElement, PkDealListProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-deal-list',
  elementClass: PkDealListElement,
  events,
  displayName: 'PkDealList',
});
