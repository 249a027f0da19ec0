import fs from 'node:fs';
import path from 'node:path';
import { useTestApp } from '../helpers/http';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const blocks = (text: string) => [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The README's questions: its graphql blocks, and the one-line examples after "More:". */
function readmeExamples(): string[] {
  const text = read('README.md');
  const more = /^More: ([\s\S]*?)\n\n/m.exec(text)?.[1] ?? '';
  return [...blocks(text), ...[...more.matchAll(/`([^`]+)`/g)].map((m) => `{ ${m[1]} }`)];
}

/** The "after" half of each before/after example in the changelog's Unreleased section. */
function changelogAfterExamples(): string[] {
  const unreleased = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## )/m.exec(read('CHANGELOG.md'))?.[1];
  return blocks(unreleased ?? '').map((b) => b.split(/^# after\n/m)[1] ?? '');
}

describe('documented examples answer on the seed, against the current contract', () => {
  const env = useTestApp();

  it('finds the examples', () => {
    expect(readmeExamples().length).toBeGreaterThanOrEqual(7);
    expect(changelogAfterExamples().filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it.each(readmeExamples().map((q, i) => [i + 1, q]))(
    'README example %i answers without errors',
    async (_i, query) => {
      const { body } = await env.t.graphql(query as string);
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data ?? {}).every((v) => v !== null)).toBe(true);
    },
  );

  it.each(changelogAfterExamples().map((q, i) => [i + 1, q]))(
    'CHANGELOG "after" example %i answers without errors',
    async (_i, query) => {
      const { body } = await env.t.graphql(query as string);
      expect(body.errors).toBeUndefined();
    },
  );
});
