// Generated from the custom-elements manifest of @partnerkit/elements by
// `npm run generate -w @partnerkit/react`. Do not edit: change the component's JSDoc instead.
'use client';
import '#define/pk-portal';
import { createComponent } from '@lit/react';
import { PkPortal as PkPortalElement } from '@partnerkit/elements';
import * as React from 'react';
import type { Wrapper, WrapperProps } from '../internal/types.js';

export type { PkPortalElement };

const events = {};

/** The public properties of `<pk-portal>`, which the wrapper sets as properties (not attributes). */
export type PkPortalProperties = 'baseUrl' | 'token' | 'fetchToken' | 'client' | 'locale' | 'theme';

/** The props of {@link PkPortal}: the element's public properties, its `on*` events and the usual HTML attributes. */
export type PkPortalProps = WrapperProps<PkPortalElement, PkPortalProperties, typeof events>;

/**
 * `<pk-portal>` as a React component. Holds the configured SDK client, the caller, the locale and the theme for every Partnerkit component inside it.
 *
 * Properties: `baseUrl`, `token`, `fetchToken`, `client`, `locale`, `theme`.
 * No `pk-*` events of its own.
 * Slots: the default slot (children).
 * The ref is the element itself.
 */
export const PkPortal: Wrapper<PkPortalElement, PkPortalProperties, typeof events> = createComponent({
  react: React,
  tagName: 'pk-portal',
  elementClass: PkPortalElement,
  events,
  displayName: 'PkPortal',
});
