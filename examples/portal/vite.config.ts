// Builds the demo portal page: plain HTML, one module entry, no inline code (the page is served
// under a Content-Security-Policy without 'unsafe-inline').
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The preload polyfill would be fine under the policy, but every browser we target has it.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Keep every asset a file of its own: no data: URLs for CSS or scripts.
    assetsInlineLimit: 0,
  },
});
