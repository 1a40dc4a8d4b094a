import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // Every pk-* tag is a custom element: render it as one, never resolve it as a Vue component.
          isCustomElement: (tag) => tag.startsWith('pk-'),
        },
      },
    }),
  ],
});
