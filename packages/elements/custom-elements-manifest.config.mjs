// `npm run build -w @partnerkit/elements` (after `tsc -b`): the custom-elements manifest, from the
// JSDoc of every component, shipped as `custom-elements.json` (package.json `customElements`).

/**
 * Internal reactive state (`{ state: true }` in `static properties`, always a `private` field) is
 * no attribute: keep it out of the manifest's attributes, which Storybook and wrappers read.
 */
const privateStateIsNoAttribute = {
  name: 'private-state-is-no-attribute',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        const hidden = new Set(
          (declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name),
        );
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
        }
        for (const member of declaration.members ?? []) {
          if (hidden.has(member.name)) delete member.attribute;
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/strings/**', 'src/define/**'],
  outdir: '.',
  litelement: true,
  plugins: [privateStateIsNoAttribute],
};
