// The asset-library domain of the mock API.
import type { Me } from '@partnerkit/api';
import type { Route } from './core.js';

export type AssetsOperation = 'listAssets' | 'getAsset' | 'createAssetDownload' | 'getFile';

// biome-ignore lint/suspicious/noEmptyInterface: the domain's options, filled in as it grows.
export interface AssetsOptions {}

// biome-ignore lint/suspicious/noEmptyInterface: the domain's stored state, filled in as it grows.
export interface AssetsState {}

/** The initial state of this domain in a mock API. */
export const assetsState = (_options: AssetsOptions, _now: number, _me: Me): AssetsState => ({});

export const assetRoutes: Route<AssetsOperation, AssetsOptions, AssetsState>[] = [];
