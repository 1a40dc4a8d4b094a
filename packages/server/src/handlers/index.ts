// Every operation of the contract, by operationId. An operationId with no handler answers 501.
import type { Handlers } from '../types.js';
import { assetHandlers } from './assets.js';
import { coreHandlers } from './core.js';
import { mdfHandlers } from './mdf.js';
import { tierHandlers } from './tiers.js';
import { trainingHandlers } from './training.js';

export const handlers: Handlers = {
  ...coreHandlers,
  ...trainingHandlers,
  ...tierHandlers,
  ...mdfHandlers,
  ...assetHandlers,
};
