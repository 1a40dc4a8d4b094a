// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
export { PkAssetLibrary, type PkAssetLibraryElement, type PkAssetLibraryProps } from './pk-asset-library.js';
export { PkDealList, type PkDealListElement, type PkDealListProps } from './pk-deal-list.js';
export { PkDealRegistration, type PkDealRegistrationElement, type PkDealRegistrationProps } from './pk-deal-registration.js';
export { PkField, type PkFieldElement, type PkFieldProps } from './pk-field.js';
export { PkMdfRequest, type PkMdfRequestElement, type PkMdfRequestProps } from './pk-mdf-request.js';
export { PkPortal, type PkPortalElement, type PkPortalProps } from './pk-portal.js';
export { PkTierProgress, type PkTierProgressElement, type PkTierProgressProps } from './pk-tier-progress.js';
export { PkTrainingTracker, type PkTrainingTrackerElement, type PkTrainingTrackerProps } from './pk-training-tracker.js';
