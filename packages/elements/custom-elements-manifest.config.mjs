// `npm run build -w @partnerkit/elements` (after `tsc -b`): the custom-elements manifest, from the
// JSDoc of every component, shipped as `custom-elements.json` (package.json `customElements`).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/strings/**', 'src/define/**'],
  outdir: '.',
  litelement: true,
};
