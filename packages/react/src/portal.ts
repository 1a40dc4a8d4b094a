'use client';
import '#define/pk-portal';
import { createComponent } from '@lit/react';
import { PkPortal as PkPortalElement } from '@partnerkit/elements';
import * as React from 'react';
import { portalEvents } from './generated/events.js';
import type { PkPortalProperties } from './generated/pk-portal.js';
import type { Wrapper, WrapperProps } from './internal/types.js';

/**
 * The props of {@link PartnerkitPortal}: `baseUrl`, `fetchToken` (or `token`), `client`, `locale`
 * and `theme` of `<pk-portal>`, an `on*` prop for every `pk-*` event of the components inside,
 * and the usual HTML attributes (`dir`, `className`, `style`, ...).
 */
export type PartnerkitPortalProps = WrapperProps<PkPortalElement, PkPortalProperties, typeof portalEvents>;

/**
 * The Partnerkit portal for a React tree: renders `<pk-portal>` with `baseUrl`, `fetchToken`,
 * `token`, `client`, `locale` and `theme` set as its properties, so every Partnerkit component
 * inside it, at any depth, gets the SDK client, the signed-in partner, the locale and the theme.
 *
 * Every `pk-*` event bubbles to it: `onPkError` here hears the failures of every component, and
 * `onPkDealRegistered` every registration. The ref is the `<pk-portal>` element.
 *
 * ```tsx
 * <PartnerkitPortal baseUrl="https://partners.example.com" fetchToken={fetchToken} locale="de" theme="auto"
 *   onPkError={(event) => log(event.detail)}>
 *   <PkDealRegistration onPkDealRegistered={(event) => toast(event.detail.reference)} />
 * </PartnerkitPortal>
 * ```
 */
export const PartnerkitPortal: Wrapper<PkPortalElement, PkPortalProperties, typeof portalEvents> =
  createComponent({
    react: React,
    tagName: 'pk-portal',
    elementClass: PkPortalElement,
    events: portalEvents,
    displayName: 'PartnerkitPortal',
  });
