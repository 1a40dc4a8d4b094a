// The wrapper generator: the committed wrappers match the manifest, and whatever the manifest
// holds (a component added in another branch, say) gets its wrapper with nothing else to change.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { componentsOf, generate, readManifest, staleFiles } from './generate.mjs';

type Manifest = { modules: { path: string; declarations?: unknown[]; exports?: unknown[] }[] };
const manifest = (await readManifest()) as Manifest;

/** The real manifest with one more component, as another branch would add it. */
function withPartnerBadge(): Manifest {
  const copy = structuredClone(manifest);
  copy.modules.push({
    path: 'src/partner-badge/partner-badge.ts',
    declarations: [
      {
        kind: 'class',
        name: 'PkPartnerBadge',
        customElement: true,
        tagName: 'pk-partner-badge',
        summary: 'A badge of the partner tier.',
        members: [
          {
            kind: 'field',
            name: 'trainingHref',
            privacy: 'public',
            type: { text: 'string' },
            attribute: 'training-href',
          },
          { kind: 'field', name: 'compact', type: { text: 'boolean' }, attribute: 'compact' },
          { kind: 'field', name: 'standing', privacy: 'private' },
          { kind: 'field', name: 'portal', privacy: 'protected' },
          { kind: 'field', name: 'styles', static: true },
          { kind: 'field', name: 'locale', readonly: true },
          { kind: 'field', name: '#load', privacy: 'private' },
          { kind: 'method', name: 'refresh' },
        ],
        attributes: [
          { name: 'training-href', fieldName: 'trainingHref' },
          { name: 'compact', fieldName: 'compact' },
        ],
        events: [
          { name: 'pk-navigate', description: 'Cancelable; the partner followed a link.' },
          { name: 'pk-error', description: 'A call failed.' },
          { name: 'pk-error', description: 'Listed twice.' },
          { name: 'change' },
        ],
      },
    ],
  });
  copy.modules.find((m) => m.path === 'src/index.ts')!.exports!.push({ kind: 'js', name: 'PkPartnerBadge' });
  return copy;
}

describe('the React wrapper generator', () => {
  test('src/generated is what the manifest of @partnerkit/elements makes', async () => {
    const { files } = generate(manifest);
    assert.deepEqual(
      await staleFiles(files),
      [],
      'packages/react/src/generated is stale: run `npm run generate -w @partnerkit/react` and commit the result',
    );
  });

  test('a component added to the manifest gets its wrapper, define module, portal events and JSX tag', () => {
    const before = generate(manifest);
    const { components, files } = generate(withPartnerBadge(), { hasDefineModule: () => true });
    assert.deepEqual([...files.keys()].filter((f) => !before.files.has(f)).sort(), [
      'define/pk-partner-badge.ts',
      'pk-partner-badge.ts',
    ]);
    const tier = components.find((c) => c.tag === 'pk-partner-badge')!;
    // Public, writable instance fields only; pk-* events once each.
    assert.deepEqual(
      tier.properties.map((p) => p.name),
      ['trainingHref', 'compact'],
    );
    assert.deepEqual(
      tier.events.map((e) => [e.name, e.prop]),
      [
        ['pk-navigate', 'onPkNavigate'],
        ['pk-error', 'onPkError'],
      ],
    );
    const wrapper = files.get('pk-partner-badge.ts')!;
    assert.match(wrapper, /^import '#define\/pk-partner-badge';$/m);
    assert.match(
      wrapper,
      /import \{ PkPartnerBadge as PkPartnerBadgeElement, type PkEventMap \} from '@partnerkit\/elements';/,
    );
    assert.match(wrapper, /onPkNavigate: 'pk-navigate' as EventName<PkEventMap\['pk-navigate'\]>,/);
    assert.match(wrapper, /export type PkPartnerBadgeProperties = 'trainingHref' \| 'compact';/);
    assert.match(
      wrapper,
      /tagName: 'pk-partner-badge',\n {2}elementClass: PkPartnerBadgeElement,\n {2}events,\n {2}displayName: 'PkPartnerBadge',/,
    );
    assert.match(
      files.get('define/pk-partner-badge.ts')!,
      /^import '@partnerkit\/elements\/define\/pk-partner-badge';$/m,
    );
    assert.match(
      files.get('index.ts')!,
      /export \{ PkPartnerBadge, type PkPartnerBadgeElement, type PkPartnerBadgeProps \} from '\.\/pk-partner-badge\.js';/,
    );
    assert.match(files.get('events.ts')!, /onPkNavigate: 'pk-navigate'/);
    // In JSX, `training-href` is an attribute of its own; `compact` is spelt like its property.
    assert.match(
      files.get('jsx.ts')!,
      /'pk-partner-badge': Intrinsic<PkPartnerBadge, 'trainingHref' \| 'compact', 'training-href', 'pk-navigate' \| 'pk-error'>;/,
    );
    // Nothing else changes: the other wrappers are generated exactly as before.
    for (const [path, source] of before.files) {
      if (!['index.ts', 'events.ts', 'jsx.ts'].includes(path)) assert.equal(files.get(path), source, path);
    }
  });

  test('says which component is incomplete', () => {
    const notExported = withPartnerBadge();
    notExported.modules.find((m) => m.path === 'src/index.ts')!.exports!.pop();
    assert.throws(
      () => componentsOf(notExported, { hasDefineModule: () => true }),
      /<pk-partner-badge> \(class PkPartnerBadge\) is not exported from src\/index\.ts/,
    );
    assert.throws(
      () => componentsOf(withPartnerBadge(), { hasDefineModule: (tag) => tag !== 'pk-partner-badge' }),
      /<pk-partner-badge> has no define module @partnerkit\/elements\/define\/pk-partner-badge/,
    );
    assert.throws(() => componentsOf({ modules: [] }), /declares no pk-\* element/);
    assert.throws(() => componentsOf({}), /no `modules` array/);
  });

  test('a stale folder is reported file by file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pk-react-generated-'));
    const files = new Map([
      ['a.ts', 'export const a = 1;\n'],
      ['b.ts', 'export const b = 1;\n'],
    ]);
    await writeFile(join(dir, 'a.ts'), 'export const a = 2;\n');
    await writeFile(join(dir, 'old.ts'), '');
    assert.deepEqual(await staleFiles(files, dir), [
      'a.ts (changed)',
      'b.ts (missing)',
      'old.ts (no longer generated)',
    ]);
  });
});
