// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
import type { EventName } from '@lit/react';
import type { PkEventMap } from '@partnerkit/elements';

/** Every `pk-*` event a component documents. They bubble and are composed, so the portal hears them all. */
export const portalEvents = {
  onPkAssetDownloaded: 'pk-asset-downloaded' as EventName<PkEventMap['pk-asset-downloaded']>,
  onPkBeforeSubmit: 'pk-before-submit' as EventName<PkEventMap['pk-before-submit']>,
  onPkCertificationEarned: 'pk-certification-earned' as EventName<PkEventMap['pk-certification-earned']>,
  onPkDealRegistered: 'pk-deal-registered' as EventName<PkEventMap['pk-deal-registered']>,
  onPkEnrolled: 'pk-enrolled' as EventName<PkEventMap['pk-enrolled']>,
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
  onPkExtensionRequested: 'pk-extension-requested' as EventName<PkEventMap['pk-extension-requested']>,
  onPkMdfClaimed: 'pk-mdf-claimed' as EventName<PkEventMap['pk-mdf-claimed']>,
  onPkMdfRequested: 'pk-mdf-requested' as EventName<PkEventMap['pk-mdf-requested']>,
  onPkModuleCompleted: 'pk-module-completed' as EventName<PkEventMap['pk-module-completed']>,
  onPkNavigate: 'pk-navigate' as EventName<PkEventMap['pk-navigate']>,
};
