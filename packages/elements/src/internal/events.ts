import type {
  AssetFormat,
  Certification,
  DealRegistration,
  DealRegistrationInput,
  Enrollment,
  ExtensionInput,
  MdfClaim,
  MdfClaimInput,
  MdfRequest,
  MdfRequestInput,
  ModuleCompletion,
} from '@partnerkit/api';
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
  'mdf.createRequest': MdfRequestInput;
  'mdf.createClaim': MdfClaimInput & { requestId: string };
}

/**
 * The places of a partner portal a component can send the partner to, each the home of one
 * component: where a deal is registered, the list of registrations, training, tier progress, MDF
 * and the asset library.
 */
export type PkPlace = 'deal-registration' | 'deal-list' | 'training' | 'tier-progress' | 'mdf' | 'assets';

/**
 * The detail of the cancelable `pk-navigate`: the partner followed a link to another place of the
 * portal (a tier criterion to the training that moves it, say). `href` is the link the host page
 * gave for that place, if any; call `preventDefault()` to route in the page's own way instead.
 */
export interface PkNavigateDetail {
  place: PkPlace;
  href: string | undefined;
  /** What the link was for, such as the tier criterion `certified_people`. */
  reason?: string;
}

/** The detail of `pk-asset-downloaded`: which file the partner took, and whether it was co-branded. */
export interface PkAssetDownloadedDetail {
  assetId: string;
  /** The format recorded: the asset's own, or `png` for a co-branded SVG template taken as PNG. */
  format: AssetFormat;
  coBranded: boolean;
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
  'pk-navigate': CustomEvent<PkNavigateDetail>;
  'pk-enrolled': CustomEvent<Enrollment>;
  'pk-module-completed': CustomEvent<ModuleCompletion>;
  'pk-certification-earned': CustomEvent<Certification>;
  'pk-mdf-requested': CustomEvent<MdfRequest>;
  'pk-mdf-claimed': CustomEvent<MdfClaim>;
  'pk-asset-downloaded': CustomEvent<PkAssetDownloadedDetail>;
}

export type PkEventName = keyof PkEventMap;
export type PkEventDetail<K extends PkEventName> = PkEventMap[K]['detail'];

declare global {
  interface HTMLElementEventMap extends PkEventMap {}
  interface DocumentEventMap extends PkEventMap {}
  interface WindowEventMap extends PkEventMap {}
}
