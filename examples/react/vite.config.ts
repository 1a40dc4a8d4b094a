// Builds the React app: one module entry, no inline code (the demo portal's server serves it under
// a Content-Security-Policy without 'unsafe-inline'). The icon is the demo portal's.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: '../portal/public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: true,
    assetsInlineLimit: 0,
  },
});
