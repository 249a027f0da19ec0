import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS } from '../../bench/scenarios';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const blocks = (text: string) => [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
const graphqlFiles = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => ({
      name: `${dir}/${f}`,
      query: read(`${dir}/${f}`),
      variables: SAMPLE_VARIABLES[`${dir}/${f}`],
    }));

/** Variables for the documents that require some (the dashboard's largest choices where it matters). */
const SAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  'web/queries/entity.graphql': { id: 'state:LT' },
  'web/queries/matrix.graphql': { mandate: 'mandate:2020-2025' },
  'web/queries/matrix-civil-society.graphql': { mandate: 'mandate:2020-2025' },
  'web/queries/matrix-may-pursue.graphql': { mandate: 'mandate:2020-2025' },
  'web/queries/neighbourhood.graphql': { id: 'state:LT', depth: 3 },
  'web/queries/search.graphql': { text: 'barnahus' },
};

export interface DocumentedQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * Every query the project documents or runs itself: the answer fixtures,
 * the persisted queries, the README's and docs' examples (graphql blocks and
 * the one-liners after "More:") and the benchmark's requests.
 */
export function documentedQueries(): DocumentedQuery[] {
  const readme = read('README.md');
  const more = /^More: ([\s\S]*?)\n\n/m.exec(readme)?.[1] ?? '';
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) =>
      blocks(read(`docs/${f}`)).map((query, i) => ({ name: `docs/${f}#${i + 1}`, query })),
    );
  return [
    ...graphqlFiles('tests/fixtures/graphql'),
    ...graphqlFiles('web/queries'),
    ...blocks(readme).map((query, i) => ({ name: `README.md#${i + 1}`, query })),
    ...[...more.matchAll(/`([^`]+)`/g)].map((m, i) => ({
      name: `README.md more#${i + 1}`,
      query: `{ ${m[1]} }`,
    })),
    ...docs,
    ...SCENARIOS.flatMap((s) => {
      const { query, variables } = s.ours({ page: 1 });
      return query ? [{ name: `bench ${s.name}`, query, variables }] : [];
    }),
  ];
}
