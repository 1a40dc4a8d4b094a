// pdf-lib's one-file ES build (its `es/` build imports CommonJS packages a browser cannot load
// unbundled), for the mock API and the tests that read its PDFs.
declare module 'pdf-lib/dist/pdf-lib.esm.js' {
  export * from 'pdf-lib';
}
