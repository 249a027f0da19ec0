import { getNamedType, isObjectType, type GraphQLOutputType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';
import { loadModel } from '../../src/model';
import { startTestApp, type TestApp } from '../helpers/http';
import { testDatabase } from '../helpers/db';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The prefetch statement against the resolver path: for every relationship
 * field of the model, the same query through an API that prefetches and one
 * that resolves field by field with DataLoaders must answer the same JSON,
 * with and without filters, past the first page, and nested.
 */
const model = loadModel();
const schema = buildSchema();
const SHARED = new Set(Object.keys((schema.getType('RelationshipEdge') as Any).getFields()));

function edgeFields(typeName: string): string {
  const t = schema.getType(typeName);
  if (!isObjectType(t)) return '';
  return Object.keys(t.getFields())
    .filter((f) => !SHARED.has(f))
    .map((f) => (f === 'evidence' ? 'evidence { rule steps { relationshipType node { id } } }' : f))
    .join(' ');
}

const COMMON =
  'type direction derived confidence unverified note period { from fromPrecision to toPrecision } sources { quote source { id } }';

function fieldSelection(label: string, field: string, args: string, nested = ''): string {
  const def = (schema.getType(label) as Any).getFields()[field];
  const named: string = getNamedType(def.type as GraphQLOutputType).name;
  if (named.endsWith('Link'))
    return `${field} { ${COMMON} ${edgeFields(named)} node { id label name ${nested} } }`;
  const edge = (schema.getType(named) as Any).getFields().edges.type.ofType.ofType.ofType.name;
  return `${field}${args} { totalCount pageInfo { hasNextPage endCursor } edges { cursor ${COMMON} ${edgeFields(edge)} node { id label name ${nested} } } }`;
}

const queries: [string, string][] = [];
for (const [label, spec] of Object.entries(model.labels)) {
  for (const field of Object.keys(spec.fields)) {
    for (const [variant, args] of [
      ['plain', ''],
      ['filtered', '(first: 2, orderBy: NAME, filter: { asOf: "2015-01-01", text: "a" })'],
      ['latest', '(first: 3, orderBy: LATEST)'],
    ] as const) {
      queries.push([
        `${label}.${field} ${variant}`,
        `{ ${spec.plural}(first: 25) { edges { node { id ${fieldSelection(label, field, args)} } } } }`,
      ]);
    }
  }
}
// Nested, with a second level under each edge.
queries.push([
  'nested State.presidencies > declaredPriorities > mandate',
  `{ state(isoCode: "DK") { id ${fieldSelection('State', 'presidencies', '', fieldSelection('Presidency', 'declaredPriorities', '(first: 2)', fieldSelection('Priority', 'mandate', '')))} } }`,
]);
queries.push([
  'node(id) with fragments and aliases',
  `{ node(id: "org:cbss") { id ... on Organisation { a: members(first: 3, orderBy: ID) { totalCount edges { cursor node { id } role } } b: members(first: 5, filter: { asOf: "2023-01-01" }) { edges { node { id } } } } } }`,
]);

describe('compiled statements under graphql-jit answer as graphql-js over the resolvers does', () => {
  const db = testDatabase();
  let withPrefetch: TestApp;
  let withoutPrefetch: TestApp;

  beforeAll(async () => {
    // The queries ask for every field of 25 entities' pages with their
    // evidence: above the default cost limit, which is not what is compared.
    const limits = { maxCost: 1_000_000 };
    withPrefetch = await startTestApp(db, { limits });
    withoutPrefetch = await startTestApp(db, {
      schema: buildSchema(undefined, { prefetch: false }),
      // The reference: graphql-js executing every resolver, against graphql-jit over prefetched pages.
      compiledExecution: false,
      limits,
    });
  });
  afterAll(async () => {
    await withPrefetch.app.stop();
    await withoutPrefetch.app.stop();
    await db.close();
  });

  it('has a query for every relationship field', () => {
    const fields = Object.values(model.labels).reduce(
      (n, l) => n + Object.keys(l.fields).length,
      0,
    );
    expect(queries.length).toBe(fields * 3 + 2);
  });

  it.each(queries)('%s', async (_name, query) => {
    const [a, b] = await Promise.all([withPrefetch.graphql(query), withoutPrefetch.graphql(query)]);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data).toEqual(b.body.data);
  });

  it('keeps only the far-end labels a field declares (State.services, Priority.addressingProjects, ...)', async () => {
    let checked = 0;
    for (const [label, spec] of Object.entries(model.labels)) {
      for (const [field, f] of Object.entries(spec.fields)) {
        if (!f.labels) continue;
        const inner =
          f.cardinality === 'one'
            ? `${field} { node { label } }`
            : `${field}(first: 50) { edges { node { label } } }`;
        for (const t of [withPrefetch, withoutPrefetch]) {
          const { body } = await t.graphql(
            `{ ${spec.plural}(first: 50) { edges { node { ${inner} } } } }`,
          );
          expect(body.errors).toBeUndefined();
          const labels = ((body.data as Any)[spec.plural].edges as Any[]).flatMap((e) => {
            const v = e.node[field];
            return v === null
              ? []
              : f.cardinality === 'one'
                ? [v.node.label]
                : v.edges.map((x: Any) => x.node.label);
          });
          const allowed = f.labels.map((l) => l.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
          expect([label, field, labels.filter((l: string) => !allowed.includes(l))]).toEqual([
            label,
            field,
            [],
          ]);
          checked += labels.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('pages past the first page the same way', async () => {
    const page = (t: TestApp, after: string | null) =>
      t.graphql(
        'query($after: String) { node(id: "org:cbss") { ... on Organisation { members(first: 4, after: $after, orderBy: NAME) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } } } } }',
        { after },
      );
    let after: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const [a, b]: [Awaited<ReturnType<typeof page>>, Awaited<ReturnType<typeof page>>] =
        await Promise.all([page(withPrefetch, after), page(withoutPrefetch, after)]);
      expect(a.body.data).toEqual(b.body.data);
      after = (a.body.data as Any).node.members.pageInfo.endCursor;
      expect(after).toEqual(expect.any(String));
    }
  });

  it('needs one statement for a nested question, where the resolver path needs one per level', async () => {
    const query = queries.at(-2)![1];
    const [a, b] = await Promise.all([withPrefetch.graphql(query), withoutPrefetch.graphql(query)]);
    expect(a.body.extensions?.roundTrips).toBe(1);
    expect(b.body.extensions?.roundTrips).toBe(4);
  });
});
