// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
// React 19 sets properties and listens to events on custom elements itself: these are the pk-*
// tags for JSX, with their properties, their attributes and `on<event-name>` listeners (such as
// `onpk-deal-registered`). Opt in with `import type {} from '@partnerkit/react/jsx'`.
import type { PkAssetLibrary, PkDealList, PkDealRegistration, PkField, PkMdfRequest, PkPortal, PkTierProgress, PkTrainingTracker } from '@partnerkit/elements';
import type { Intrinsic } from '../internal/types.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** `<pk-asset-library>`: The vendor's approved, unexpired marketing assets: search, filters (type, product, language, audience), sort, grid or list, fast with thousands of assets; plain downloads, and co-branding of templates with the partner's logo, name and contact, previewed live and downloaded as SVG, PNG or the server's PDF. Every download is recorded for the vendor. */
      'pk-asset-library': Intrinsic<PkAssetLibrary, 'view' | 'sort' | 'searchDelay', 'search-delay', 'pk-asset-downloaded' | 'pk-error'>;
      /** `<pk-deal-list>`: The partner's deal registrations: status filter, paging, status history, protection dates, rejection reasons and the extension request. Refreshes when a deal is registered on the page. */
      'pk-deal-list': Intrinsic<PkDealList, 'status' | 'pageSize', 'page-size', 'pk-before-submit' | 'pk-extension-requested' | 'pk-error'>;
      /** `<pk-deal-registration>`: Registers a deal: customer, contact, products, value, close date, the vendor's custom fields, with a live conflict hint, a draft kept across reloads, and exactly-once submission. */
      'pk-deal-registration': Intrinsic<PkDealRegistration, 'checkDelay', 'check-delay', 'pk-before-submit' | 'pk-deal-registered' | 'pk-error'>;
      /** `<pk-field>`: A labelled form control (text, email, phone, number, date, multi-line text, select, checkbox, a group of checkboxes) with a hint and an inline error. It takes part in the surrounding `<form>` like a native control: value in `FormData`, reset, restore, `disabled` fieldsets and constraint validation anchored to the inner control. */
      'pk-field': Intrinsic<PkField, 'type' | 'name' | 'label' | 'hint' | 'defaultValue' | 'defaultChecked' | 'required' | 'disabled' | 'multiple' | 'min' | 'max' | 'step' | 'maxlength' | 'autocomplete' | 'inputmode' | 'placeholder' | 'options' | 'validators' | 'error' | 'value' | 'checked', never, never>;
      /** `<pk-mdf-request>`: Market development funds: the partner's fund for a period with its figures and a bar, a form to request funds for an activity (never above what remains), the partner's requests with their status and history, and a claim with proof-of-performance files against each approved request (never above what was approved). */
      'pk-mdf-request': Intrinsic<PkMdfRequest, 'fundId', 'fund-id', 'pk-before-submit' | 'pk-mdf-requested' | 'pk-mdf-claimed' | 'pk-error'>;
      /** `<pk-portal>`: Holds the configured SDK client, the caller, the locale and the theme for every Partnerkit component inside it. */
      'pk-portal': Intrinsic<PkPortal, 'baseUrl' | 'token' | 'fetchToken' | 'client' | 'locale' | 'theme', 'base-url', never>;
      /** `<pk-tier-progress>`: The partner's tier: current and next tier, every criterion of the next tier as current against required with what remains, the overall state (on track, at risk, qualified for promotion, top tier, grace period), the next review date and the benefits of each tier. Refreshes when a certification is earned or a deal registered on the page. Every number is the server's (`GET /v1/tier-progress`; the tiers and their benefits from `GET /v1/tiers`); nothing is recomputed. The overall state comes from the server's fields, the first that applies: **grace period** while `grace.active` (with `grace.endsOn` and a countdown, and the tier the records qualify for, `grace.qualifiedTier`); **at risk** when the records qualify below the current tier but no grace period runs; **top tier** when `nextTier` is `null` (the criteria shown are then the current tier's); **qualified for promotion** when the records qualify above the current tier, or meet every criterion of the next, before the backend promotes; **on track** otherwise. The reference server promotes at once and starts a grace period at once, so with it "at risk" and "qualified for promotion" do not last; backends that act at the review date show them. A criterion links to the place of the portal that moves it when the page gives that place's address: certified people to training (`training-href`), registered deals to deal registration (`deal-registration-href`), closed revenue to the list of registrations (`deal-list-href`); customer satisfaction links nowhere. Without an address there is no link. */
      'pk-tier-progress': Intrinsic<PkTierProgress, 'compact' | 'trainingHref' | 'dealRegistrationHref' | 'dealListHref' | 'tierProgressHref', 'training-href' | 'deal-registration-href' | 'deal-list-href' | 'tier-progress-href', 'pk-navigate' | 'pk-error'>;
      /** `<pk-training-tracker>`: The caller's training: learning paths and courses for their partner type and role, progress and time left per course, enrolment, resuming at the next unfinished module, module completion, and the certifications earned with their expiry, renewal warnings and the tier requirements they count toward. */
      'pk-training-tracker': Intrinsic<PkTrainingTracker, 'renewalWindow', 'renewal-window', 'pk-enrolled' | 'pk-module-completed' | 'pk-certification-earned' | 'pk-error'>;
    }
  }
}
