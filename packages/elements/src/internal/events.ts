import type { DealRegistration, DealRegistrationInput, ExtensionInput } from '@partnerkit/api';
import type { PartnerkitErrorKind } from '@partnerkit/sdk';

/** The detail of `pk-error`: what failed, in the SDK's fixed set of kinds. */
export interface PkErrorDetail {
  kind: PartnerkitErrorKind;
  /** The problem document's machine code (`deal_conflict`, `network_error`, ...). */
  code: string;
  message: string;
  /** The server's request id, for support. */
  requestId: string | undefined;
  /** The SDK call that failed, such as `deals.register`. */
  operation: string;
}

/**
 * What a `pk-before-submit` carries, by operation. Components that submit something add their
 * operation here (declaration merging), so the detail stays typed.
 */
export interface PkSubmitInputs {
  'deals.register': DealRegistrationInput;
  'deals.requestExtension': ExtensionInput & { id: string };
}

/**
 * The detail of the cancelable `pk-before-submit`: the input about to be sent. Change `input` to
 * enrich it; call `preventDefault()` to veto the submission.
 */
export type PkBeforeSubmitDetail = {
  [K in keyof PkSubmitInputs]: { operation: K; input: PkSubmitInputs[K] };
}[keyof PkSubmitInputs];

/** Every event the components fire. All bubble and cross shadow roots (`composed`). */
export interface PkEventMap {
  'pk-error': CustomEvent<PkErrorDetail>;
  'pk-before-submit': CustomEvent<PkBeforeSubmitDetail>;
  'pk-deal-registered': CustomEvent<DealRegistration>;
  'pk-extension-requested': CustomEvent<DealRegistration>;
}

export type PkEventName = keyof PkEventMap;
export type PkEventDetail<K extends PkEventName> = PkEventMap[K]['detail'];

declare global {
  interface HTMLElementEventMap extends PkEventMap {}
  interface DocumentEventMap extends PkEventMap {}
  interface WindowEventMap extends PkEventMap {}
}
