// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
import type { EventName } from '@lit/react';
import type { PkEventMap } from '@partnerkit/elements';

/** Every `pk-*` event a component documents. They bubble and are composed, so the portal hears them all. */
export const portalEvents = {
  onPkBeforeSubmit: 'pk-before-submit' as EventName<PkEventMap['pk-before-submit']>,
  onPkDealRegistered: 'pk-deal-registered' as EventName<PkEventMap['pk-deal-registered']>,
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
  onPkExtensionRequested: 'pk-extension-requested' as EventName<PkEventMap['pk-extension-requested']>,
};
