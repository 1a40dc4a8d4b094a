// The workspaces of the repository, read from the root package.json (a `dir/*` entry is every
// folder of `dir` with a package.json), with their package.json; `publishable` leaves out the
// private ones (the example apps).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Every workspace as `{ dir, pkg }`, `dir` relative to the root, in the order the root lists them. */
export function workspaces() {
  const patterns = readJson(join(root, 'package.json')).workspaces ?? [];
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${parent}/${d.name}`)
      .sort();
  });
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: readJson(join(root, dir, 'package.json')) }));
}

/** The workspaces that are published: every one not marked `private`. */
export function publishable() {
  return workspaces().filter((w) => !w.pkg.private);
}
