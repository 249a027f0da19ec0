import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS } from '../../bench/scenarios';
import { PROJECT_ROOT } from '../../src/config';
import { documents } from '../helpers/planned-documents';
import { startTestApp, type TestApp } from '../helpers/http';
import { testDatabase } from '../helpers/db';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The planner's statements against the reference: every document of
 * tests/helpers/planned-documents.ts, and the README's, the dashboard's and
 * the benchmark's documents, is
 * answered once by the planned path (one statement per root field whose
 * row is the response) and once by graphql-js running every resolver with
 * its DataLoaders. The two must write the same JSON, key order included,
 * and the planned app must have answered through the planner (its
 * counters say so), not by falling back to the resolvers.
 */

/**
 * The README's graphql blocks, the dashboard's documents (with the
 * variables it sends first) and the benchmark's: the planner builds every
 * one of them, so none reaches a field resolver or a DataLoader.
 */
const WEB_VARIABLES: Record<string, Record<string, unknown>> = {
  'entity.graphql': { id: 'state:LT' },
  'neighbourhood.graphql': { id: 'state:LT' },
  'search.graphql': { text: 'barnahus' },
  'matrix.graphql': { mandate: 'mandate:2020-2025' },
  'matrix-civil-society.graphql': { mandate: 'mandate:2020-2025' },
  'matrix-may-pursue.graphql': { mandate: 'mandate:2020-2025' },
  'timeline.graphql': { state: 'state:LT' },
};

function published(): [string, string, Record<string, unknown>][] {
  const out: [string, string, Record<string, unknown>][] = [];
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  let i = 0;
  for (const m of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    i += 1;
    out.push([`README ${i}`, m[1]!, {}]);
  }
  const web = path.join(PROJECT_ROOT, 'web', 'queries');
  for (const f of fs.readdirSync(web).filter((x) => x.endsWith('.graphql')))
    out.push([`web ${f}`, fs.readFileSync(path.join(web, f), 'utf8'), WEB_VARIABLES[f] ?? {}]);
  for (const s of SCENARIOS) {
    const r = s.ours({});
    out.push([`bench ${s.name}`, r.query!, r.variables ?? {}]);
  }
  return out;
}

describe('the planner answers as graphql-js over the resolvers does', () => {
  const db = testDatabase();
  let planned: TestApp;
  let reference: TestApp;
  const executions = async () =>
    ((await (await fetch(`${planned.base}/metrics`)).json()) as Any).graphql.executions as {
      planned: number;
      reference: number;
    };

  beforeAll(async () => {
    // Every field of 25 entities' pages: above the default cost limit, which is not what is compared.
    const limits = { maxCost: 1_000_000, maxAliases: 50 };
    planned = await startTestApp(db, { limits });
    reference = await startTestApp(db, {
      compiledExecution: false,
      limits,
    });
  });
  afterAll(async () => {
    await planned.app.stop();
    await reference.app.stop();
    await db.close();
  });

  it.each(documents)('%s', async (_name, query, variables) => {
    const before = await executions();
    const a = await planned.graphql(query, variables);
    expect(await executions()).toEqual({ ...before, planned: before.planned + 1 });
    const b = await reference.graphql(query, variables);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    // Key order included: both are compared as the JSON text they were sent as.
    expect(JSON.stringify(a.body.data)).toBe(JSON.stringify(b.body.data));
  });

  it.each(published())(
    '%s is planned and answers the same both ways',
    async (_name, query, variables) => {
      const before = await executions();
      const a = await planned.graphql(query, variables);
      expect(await executions()).toEqual({ ...before, planned: before.planned + 1 });
      const b = await reference.graphql(query, variables);
      expect(a.body.errors).toBeUndefined();
      expect(JSON.stringify(a.body.data)).toBe(JSON.stringify(b.body.data));
    },
  );

  it('pages past the first page with the cursors it wrote', async () => {
    const query =
      'query($after: String) { node(id: "org:cbss") { ... on Organisation { members(first: 4, after: $after, orderBy: NAME) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } } } } }';
    let after: string | null = null;
    let pages = 0;
    do {
      const [a, b]: Any[] = await Promise.all([
        planned.graphql(query, { after }),
        reference.graphql(query, { after }),
      ]);
      expect(JSON.stringify(a!.body.data)).toBe(JSON.stringify(b!.body.data));
      const info: Any = a!.body.data.node.members.pageInfo;
      after = info.hasNextPage ? info.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBeGreaterThan(1);
  });

  it('leaves to the resolvers what it does not build, and they answer', async () => {
    const before = await executions();
    const { body } = await planned.graphql('{ cypherQueries { name } }');
    expect(body.errors).toBeUndefined();
    expect(await executions()).toEqual({ ...before, reference: before.reference + 1 });
  });

  it('reports a bad cursor as the resolvers do, at the field', async () => {
    const query = '{ state(isoCode: "LT") { ministries(after: "nonsense") { totalCount } } }';
    const [a, b]: Any[] = await Promise.all([planned.graphql(query), reference.graphql(query)]);
    expect(a!.body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(a!.body.errors?.[0]?.path).toEqual(b!.body.errors?.[0]?.path);
  });

  it.each([
    ['a neighbourhood too deep', '{ neighbourhood(id: "state:LT", depth: 4) { truncated } }'],
    ['a path too long', '{ path(from: "state:LT", to: "state:DK", maxHops: 9) { length } }'],
    ['a search too long', `{ search(text: "${'x'.repeat(201)}") { score } }`],
    ['a search of no word', '{ search(text: "   ") { score } }'],
  ])('%s is BAD_INPUT at the field, as the resolvers say it', async (_name, query) => {
    const [a, b]: Any[] = await Promise.all([planned.graphql(query), reference.graphql(query)]);
    expect(a!.body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(a!.body.errors?.[0]?.message).toBe(b!.body.errors?.[0]?.message);
    expect(a!.body.errors?.[0]?.path).toEqual(b!.body.errors?.[0]?.path);
  });

  it.each([
    ['an unknown project acronym', '{ project(acronym: "PROMISSE") { id } }'],
    ['an unknown mandate', '{ priorityMatrix(mandate: "mandate:none") { states { id } } }'],
    ['an unknown state on the timeline', '{ timeline(state: "state:XX") { title } }'],
    ['an unknown neighbourhood centre', '{ neighbourhood(id: "state:XX") { truncated } }'],
    ['an unknown end of a path', '{ path(from: "state:LT", to: "state:XX") { length } }'],
    ['an unknown entity to itself', '{ path(from: "state:XX", to: "state:XX") { length } }'],
  ])('%s is NOT_FOUND, as the resolvers say it', async (_name, query) => {
    const [a, b]: Any[] = await Promise.all([planned.graphql(query), reference.graphql(query)]);
    expect(a!.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(a!.body.errors?.[0]?.message).toBe(b!.body.errors?.[0]?.message);
  });
});
