import type { Handlers } from '../types.js';

export const trainingHandlers: Handlers = {};
