import type { Handlers } from '../types.js';

export const tierHandlers: Handlers = {};
