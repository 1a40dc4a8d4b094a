import type { Handlers } from '../types.js';

export const coreHandlers: Handlers = {};
