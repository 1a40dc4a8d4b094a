// The entry of `dist/partnerkit.js`: every define module of `src/define/` (found by the glob, so a
// component added later is in without an edit), and the package's classes, context and SDK client
// for pages that configure it themselves. Built from the compiled `dist/` by `cdn/build.mjs`.
/// <reference types="vite/client" />
import.meta.glob('../dist/define/pk-*.js', { eager: true });

export { createPartnerkitClient, isPartnerkitError } from '@partnerkit/sdk';
export * from '../dist/index.js';
