// The entry of `dist/autoloader.js`: the autoloader of `src/autoload.ts` over the document, with a
// loader for every define module of `src/define/` (found by the glob: a component added later is
// known without an edit). Each loader is a chunk of its own; Lit and the SDK are shared chunks.
/// <reference types="vite/client" />
import { startAutoloader, type TagLoaders } from '../dist/autoload.js';

const modules = import.meta.glob('../dist/define/pk-*.js');
const loaders: TagLoaders = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1, -'.js'.length), load]),
);

/** The autoloader of this page; `discover(shadowRoot)` for a root it cannot see on its own. */
export const { discover, disconnect } = startAutoloader(loaders);
