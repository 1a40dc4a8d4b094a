// The changesets configuration gives the workspace correct versions: `changeset version` runs in a
// temporary copy of the repository's manifests and changesets (plus one patch changeset of the
// contract alone, so something always moves), and then the published packages of the linked group
// share one new version, every internal dependency names the version of the workspace it points
// at, every changeset was consumed, and the private example apps keep their version and get no
// changelog.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type PackageJson, publishable, root, type Workspace, workspaces } from './workspaces.mjs';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')) as {
  linked: string[][];
  fixed: string[][];
  ignore?: string[];
};

describe('changeset version', () => {
  const copy = mkdtempSync(join(tmpdir(), 'pk-release-'));
  const before_ = workspaces();
  let after_: Workspace[] = [];
  let output = '';

  before(() => {
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const w of before_) {
      mkdirSync(join(copy, w.dir), { recursive: true });
      cpSync(join(root, w.dir, 'package.json'), join(copy, w.dir, 'package.json'));
    }
    writeFileSync(
      join(copy, '.changeset/release-check-contract.md'),
      '---\n"@partnerkit/api": patch\n---\n\nA patch of the contract alone: its dependents move with it.\n',
    );
    // The changelog generator and the CLI resolve from the copy, as from the repository.
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const r = spawnSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, output);
    after_ = before_.map((w) => ({
      dir: w.dir,
      pkg: JSON.parse(readFileSync(join(copy, w.dir, 'package.json'), 'utf8')) as PackageJson,
    }));
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  const versionOf = (list: Workspace[], name: string) => list.find((w) => w.pkg.name === name)?.pkg.version;

  test('every published package is in the linked group, and nothing private is', () => {
    const linked = config.linked.flat();
    assert.deepEqual(
      publishable()
        .map((w) => w.pkg.name)
        .filter((name) => !linked.includes(name)),
      [],
      'published packages outside the linked group of .changeset/config.json',
    );
    const privateNames = before_.filter((w) => w.pkg.private).map((w) => w.pkg.name);
    assert.deepEqual(
      linked.filter((name) => privateNames.includes(name)),
      [],
    );
  });

  test('every changeset is consumed (none names only packages that are never versioned)', () => {
    const left = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(left, [], output);
  });

  test('the linked packages move together to one new version', () => {
    const linked = config.linked.flat();
    const moved = linked.filter((name) => versionOf(after_, name) !== versionOf(before_, name));
    assert.ok(moved.includes('@partnerkit/api'), 'the contract did not move');
    const versions = new Set(moved.map((name) => versionOf(after_, name)));
    assert.equal(versions.size, 1, `linked packages at different versions: ${[...versions].join(', ')}`);
    // Every published package depends on the contract, so every one moves with it.
    assert.deepEqual(
      publishable()
        .map((w) => w.pkg.name)
        .filter((name) => !moved.includes(name)),
      [],
      'published packages that did not move with the contract',
    );
    for (const name of moved) {
      const dir = after_.find((w) => w.pkg.name === name)?.dir ?? '';
      const changelog = join(copy, dir, 'CHANGELOG.md');
      assert.ok(existsSync(changelog), `${name} has no CHANGELOG.md`);
      assert.match(readFileSync(changelog, 'utf8'), new RegExp(`^## ${versionOf(after_, name)}$`, 'm'));
    }
  });

  test('every internal dependency names the new version of its workspace, private apps included', () => {
    const names = new Set(after_.map((w) => w.pkg.name));
    const stale: string[] = [];
    for (const w of after_) {
      for (const field of DEPENDENCY_FIELDS) {
        const deps = (w.pkg[field] ?? {}) as Record<string, string>;
        for (const [dep, range] of Object.entries(deps)) {
          if (!names.has(dep)) continue;
          const version = versionOf(after_, dep);
          if (range !== version)
            stale.push(`${w.pkg.name} ${field}.${dep}: ${range}, workspace at ${version}`);
        }
      }
    }
    assert.deepEqual(stale, []);
  });

  test('the example apps keep their version and get no changelog', () => {
    const apps = after_.filter((w) => w.pkg.private);
    assert.ok(apps.length > 0, 'no private workspace to check');
    for (const app of apps) {
      assert.equal(app.pkg.version, versionOf(before_, app.pkg.name), `${app.pkg.name} was versioned`);
      assert.equal(existsSync(join(copy, app.dir, 'CHANGELOG.md')), false, `${app.pkg.name} got a changelog`);
    }
  });
});
