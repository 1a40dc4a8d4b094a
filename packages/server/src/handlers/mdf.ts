import type { Handlers } from '../types.js';

export const mdfHandlers: Handlers = {};
