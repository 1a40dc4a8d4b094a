// The component classes, the context and the types, without registering any tag. Register tags
// with the define modules: `import '@partnerkit/elements/define/pk-deal-registration.js'`.
export { PkAssetLibrary } from './asset-library/asset-library.js';
export { PkDealList } from './deal-list/deal-list.js';
export { PkDealRegistration } from './deal-registration/deal-registration.js';
export { type FieldOption, type FieldType, PkField } from './field/field.js';
export { check, type Validator } from './field/validators.js';
export {
  canonicalLocale,
  createPortalContext,
  type Direction,
  type PortalContext,
  portalContext,
} from './internal/context.js';
export { define } from './internal/define.js';
export { PkElement } from './internal/element.js';
export type {
  PkAssetDownloadedDetail,
  PkBeforeSubmitDetail,
  PkErrorDetail,
  PkEventMap,
  PkEventName,
  PkNavigateDetail,
  PkPlace,
  PkSubmitInputs,
} from './internal/events.js';
export { type Format, formatFor } from './internal/format.js';
export { type Lang, langOf } from './internal/i18n.js';
export { PkMdfRequest } from './mdf-request/mdf-request.js';
export { PkPortal, type Theme } from './portal/portal.js';
export { PkTierProgress, type TierState, tierState } from './tier-progress/tier-progress.js';
export { type CourseStatus, PkTrainingTracker } from './training-tracker/training-tracker.js';
