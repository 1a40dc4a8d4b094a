// The MDF (market development funds) domain of the mock API.
import type { Me } from '@partnerkit/api';
import type { Route } from './core.js';

export type MdfOperation =
  | 'listMdfFunds'
  | 'listMdfRequests'
  | 'createMdfRequest'
  | 'getMdfRequest'
  | 'createMdfClaim';

// biome-ignore lint/suspicious/noEmptyInterface: the domain's options, filled in as it grows.
export interface MdfOptions {}

// biome-ignore lint/suspicious/noEmptyInterface: the domain's stored state, filled in as it grows.
export interface MdfState {}

/** The initial state of this domain in a mock API. */
export const mdfState = (_options: MdfOptions, _now: number, _me: Me): MdfState => ({});

export const mdfRoutes: Route<MdfOperation, MdfOptions, MdfState>[] = [];
