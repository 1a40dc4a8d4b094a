import type { Handlers } from '../types.js';

export const assetHandlers: Handlers = {};
