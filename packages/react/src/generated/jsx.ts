// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
// React 19 sets properties and listens to events on custom elements itself: these are the pk-*
// tags for JSX, with their properties, their attributes and `on<event-name>` listeners (such as
// `onpk-deal-registered`). Opt in with `import type {} from '@partnerkit/react/jsx'`.
import type { PkDealList, PkDealRegistration, PkField, PkPortal } from '@partnerkit/elements';
import type { Intrinsic } from '../internal/types.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** `<pk-deal-list>`: The partner's deal registrations: status filter, paging, status history, protection dates, rejection reasons and the extension request. Refreshes when a deal is registered on the page. */
      'pk-deal-list': Intrinsic<PkDealList, 'status' | 'pageSize', 'page-size', 'pk-before-submit' | 'pk-extension-requested' | 'pk-error'>;
      /** `<pk-deal-registration>`: Registers a deal: customer, contact, products, value, close date, the vendor's custom fields, with a live conflict hint, a draft kept across reloads, and exactly-once submission. */
      'pk-deal-registration': Intrinsic<PkDealRegistration, 'checkDelay', 'check-delay', 'pk-before-submit' | 'pk-deal-registered' | 'pk-error'>;
      /** `<pk-field>`: A labelled form control (text, email, phone, number, date, multi-line text, select, checkbox, a group of checkboxes) with a hint and an inline error. It takes part in the surrounding `<form>` like a native control: value in `FormData`, reset, restore, `disabled` fieldsets and constraint validation anchored to the inner control. */
      'pk-field': Intrinsic<PkField, 'type' | 'name' | 'label' | 'hint' | 'defaultValue' | 'defaultChecked' | 'required' | 'disabled' | 'multiple' | 'min' | 'max' | 'step' | 'maxlength' | 'autocomplete' | 'inputmode' | 'placeholder' | 'options' | 'validators' | 'error' | 'value' | 'checked', never, never>;
      /** `<pk-portal>`: Holds the configured SDK client, the caller, the locale and the theme for every Partnerkit component inside it. */
      'pk-portal': Intrinsic<PkPortal, 'baseUrl' | 'token' | 'fetchToken' | 'client' | 'locale' | 'theme', 'base-url', never>;
    }
  }
}
