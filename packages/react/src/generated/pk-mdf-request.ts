// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-mdf-request';
import { createComponent, type EventName } from '@lit/react';
import { PkMdfRequest as PkMdfRequestElement, type PkEventMap } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkMdfRequestElement };

const events = {
  /** `pk-before-submit`: Cancelable, before a request (`operation` `mdf.createRequest`, `detail.input` the `MdfRequestInput`) or a claim (`mdf.createClaim`, the `MdfClaimInput` with its `requestId`): change `input` to enrich it, or call `preventDefault()` to stop it. */
  onPkBeforeSubmit: 'pk-before-submit' as EventName<PkEventMap['pk-before-submit']>,
  /** `pk-mdf-requested`: A request was stored; `detail` is the `MdfRequest`. */
  onPkMdfRequested: 'pk-mdf-requested' as EventName<PkEventMap['pk-mdf-requested']>,
  /** `pk-mdf-claimed`: A claim was stored; `detail` is the `MdfClaim`. */
  onPkMdfClaimed: 'pk-mdf-claimed' as EventName<PkEventMap['pk-mdf-claimed']>,
  /** `pk-error`: A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`. */
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
};

/** The public properties of `<pk-mdf-request>`, which the wrapper sets as properties (not attributes). */
export type PkMdfRequestProperties = 'fundId';

/** The props of {@link PkMdfRequest}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkMdfRequestProps = WrapperProps<PkMdfRequestElement, PkMdfRequestProperties, typeof events>;

/**
 * `<pk-mdf-request>` as a React component. Market development funds: the partner's fund for a period with its figures and a bar, a form to request funds for an activity (never above what remains), the partner's requests with their status and history, and a claim with proof-of-performance files against each approved request (never above what was approved).
 *
 * Properties: `fundId`.
 * Events: `onPkBeforeSubmit` (`pk-before-submit`), `onPkMdfRequested` (`pk-mdf-requested`), `onPkMdfClaimed` (`pk-mdf-claimed`), `onPkError` (`pk-error`).
 * The ref is the element itself.
 */
export const PkMdfRequest: Wrapper<PkMdfRequestElement, PkMdfRequestProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-mdf-request',
  elementClass: PkMdfRequestElement,
  events,
  displayName: 'PkMdfRequest',
});
