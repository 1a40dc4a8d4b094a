// Builds the React app as the demo portal's page is built (one module entry, no inline code: the
// portal's server serves it under a Content-Security-Policy without 'unsafe-inline'), with React's
// plugin, from this folder. The icon is the demo portal's.
import react from '@vitejs/plugin-react';
import { mergeConfig } from 'vite';
import portal from '../portal/vite.config.js';

export default mergeConfig(portal, {
  root: import.meta.dirname,
  publicDir: '../portal/public',
  plugins: [react()],
});
