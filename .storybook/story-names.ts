// The names a designer reads in the sidebar and on the docs pages, checked while Storybook indexes
// the story files, so that `storybook dev`, `storybook build` and the test that builds Storybook
// all refuse a file whose names break these rules:
//
// - A story has a name of its own, written in the story object (`name: 'Error: offline'`). The
//   index reads names from the file as written: a story made by a function
//   (`export const ErrorNetwork = loadFailure(...)`) shows its export name, "Error Network",
//   whatever name the function returns.
// - Names are unique within a component.
// - A group (the words before a colon: "Error" in "Error: offline") stays together, so the
//   sidebar lists each kind of state in one run.
import { relative } from 'node:path';
import { storyNameFromExport } from 'storybook/internal/csf';
import type { Indexer, IndexInput } from 'storybook/internal/types';

/** The group of a story name: the words before its first colon, or the whole name. */
export const groupOf = (name: string) => name.split(':')[0]!.trim();

/** What is wrong with the names of one file's stories, one sentence a problem. */
export function storyNameProblems(inputs: IndexInput[]): string[] {
  const problems: string[] = [];
  const stories = inputs.filter((i) => i.type === 'story' && (i.subtype ?? 'story') === 'story');
  const byTitle = new Map<string, IndexInput[]>();
  for (const story of stories) {
    const title = story.title ?? '';
    byTitle.set(title, [...(byTitle.get(title) ?? []), story]);
  }
  for (const [title, entries] of byTitle) {
    const where = title ? `${title} / ` : '';
    const names = new Map<string, string>();
    const groups: string[] = [];
    for (const { exportName, name: given } of entries) {
      const derived = storyNameFromExport(exportName);
      const name = given ?? derived;
      // A one-word export ("Loading", "Dark") reads the same either way.
      if (name === derived && /\s/.test(derived)) {
        problems.push(
          `${where}${exportName} is shown as "${name}", its export name: give it a name a designer reads, ` +
            `as \`name: '...'\` in the story object itself (not in what a function returns)`,
        );
      }
      const twin = names.get(name);
      if (twin) problems.push(`${where}${exportName} has the same name as ${twin}: "${name}"`);
      names.set(name, exportName);
      const group = groupOf(name);
      if (groups.at(-1) !== group) {
        if (groups.includes(group)) {
          problems.push(
            `${where}${exportName} ("${name}") stands apart from the other "${group}" stories: ` +
              `move it next to them`,
          );
        }
        groups.push(group);
      }
    }
  }
  return problems;
}

/** `indexers`, each refusing a file whose story names break the rules above. */
export function checkingStoryNames(indexers: Indexer[]): Indexer[] {
  return indexers.map((indexer) => ({
    ...indexer,
    createIndex: async (fileName, options) => {
      const inputs = await indexer.createIndex(fileName, options);
      const problems = storyNameProblems(inputs);
      if (problems.length > 0) {
        throw new Error(`story names in ${relative(process.cwd(), fileName)}:\n  ${problems.join('\n  ')}`);
      }
      return inputs;
    },
  }));
}
