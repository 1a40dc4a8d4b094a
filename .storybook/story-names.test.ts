import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IndexInput } from 'storybook/internal/types';
import { groupOf, storyNameProblems } from './story-names.js';

const story = (exportName: string, name?: string, title = 'Deals/pk-deal-list'): IndexInput =>
  ({ type: 'story', importPath: './x.stories.ts', exportName, title, ...(name && { name }) }) as IndexInput;

test('stories named for a designer, grouped, unique: no problem', () => {
  const problems = storyNameProblems([
    story('Default', 'List'),
    story('Loading'),
    story('ErrorNetwork', 'Error: offline'),
    story('ErrorServer', 'Error: server failure'),
    story('Dark'),
    { type: 'docs', importPath: './x.stories.ts', title: 'Deals/pk-deal-list', name: 'Docs' } as IndexInput,
  ]);
  assert.deepEqual(problems, []);
});

test('a story that shows its export name is refused, with the export named', () => {
  const problems = storyNameProblems([story('ErrorRateLimit')]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /ErrorRateLimit is shown as "Error Rate Limit", its export name/);
});

test('two stories of one component with the same name are refused; other components may share it', () => {
  const problems = storyNameProblems([
    story('A', 'Error: offline'),
    story('B', 'Error: offline'),
    story('C', 'Error: offline', 'Deals/pk-deal-registration'),
  ]);
  assert.deepEqual(problems, ['Deals/pk-deal-list / B has the same name as A: "Error: offline"']);
});

test('a state kind split apart in the sidebar is refused', () => {
  const problems = storyNameProblems([
    story('ErrorNetwork', 'Error: offline'),
    story('Loading'),
    story('ErrorServer', 'Error: server failure'),
  ]);
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!,
    /ErrorServer \("Error: server failure"\) stands apart from the other "Error" stories/,
  );
});

test('the group of a name is the words before its first colon', () => {
  assert.equal(groupOf('Submit failed: offline: retry'), 'Submit failed');
  assert.equal(groupOf('Dark'), 'Dark');
});
