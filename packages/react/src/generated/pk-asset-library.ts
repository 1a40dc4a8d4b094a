// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-asset-library';
import { createComponent, type EventName } from '@lit/react';
import { PkAssetLibrary as PkAssetLibraryElement, type PkEventMap } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkAssetLibraryElement };

const events = {
  /** `pk-asset-downloaded`: A file was handed to the browser; `detail` is `{ assetId, format, coBranded }`. */
  onPkAssetDownloaded: 'pk-asset-downloaded' as EventName<PkEventMap['pk-asset-downloaded']>,
  /** `pk-error`: A call failed; `detail` has `kind`, `code`, `message`, `requestId`, `operation`. */
  onPkError: 'pk-error' as EventName<PkEventMap['pk-error']>,
};

/** The public properties of `<pk-asset-library>`, which the wrapper sets as properties (not attributes). */
export type PkAssetLibraryProperties = 'view' | 'sort' | 'searchDelay';

/** The props of {@link PkAssetLibrary}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkAssetLibraryProps = WrapperProps<PkAssetLibraryElement, PkAssetLibraryProperties, typeof events>;

/**
 * `<pk-asset-library>` as a React component. The vendor's approved, unexpired marketing assets: search, filters (type, product, language, audience), sort, grid or list, fast with thousands of assets; plain downloads, and co-branding of templates with the partner's logo, name and contact, previewed live and downloaded as SVG, PNG or the server's PDF. Every download is recorded for the vendor.
 *
 * Properties: `view`, `sort`, `searchDelay`.
 * Events: `onPkAssetDownloaded` (`pk-asset-downloaded`), `onPkError` (`pk-error`).
 * The ref is the element itself.
 */
export const PkAssetLibrary: Wrapper<PkAssetLibraryElement, PkAssetLibraryProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-asset-library',
  elementClass: PkAssetLibraryElement,
  events,
  displayName: 'PkAssetLibrary',
});
