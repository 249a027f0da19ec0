import { getNamedType, isLeafType, isObjectType, type GraphQLOutputType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';
import { loadModel } from '../../src/model';
import { startTestApp, type TestApp } from '../helpers/http';
import { testDatabase } from '../helpers/db';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The planner's statements against the reference: every document below is
 * answered once by the planned path (one statement per root field whose
 * row is the response) and once by graphql-js running every resolver with
 * its DataLoaders. The two must write the same JSON, key order included,
 * and the planned app must have answered through the planner (its
 * counters say so), not by falling back to the resolvers.
 */
const model = loadModel();
const schema = buildSchema();
const SHARED = new Set(Object.keys((schema.getType('RelationshipEdge') as Any).getFields()));

/** Every field of a type that takes no arguments and is a leaf: what a client may ask of it. */
function leaves(typeName: string): string[] {
  const t = schema.getType(typeName);
  if (!isObjectType(t)) return [];
  return Object.values(t.getFields())
    .filter((f) => f.args.length === 0 && isLeafType(getNamedType(f.type)))
    .map((f) => f.name);
}

/** The fields of an edge or link type beyond the shared ones (role, order, rule, ...). */
function ownEdgeFields(typeName: string): string {
  return leaves(typeName)
    .filter((f) => !SHARED.has(f))
    .join(' ');
}

const COMMON =
  '__typename type direction derived confidence unverified note periodKnown period { from fromPrecision to toPrecision } sources { quote source { id } }';

function entityFields(label: string): string {
  return `__typename ${leaves(label).join(' ')} sources { quote source { id name kind } }`;
}

function fieldSelection(label: string, field: string, args: string, nested = ''): string {
  const def = (schema.getType(label) as Any).getFields()[field];
  const named: string = getNamedType(def.type as GraphQLOutputType).name;
  if (named.endsWith('Link'))
    return `${field} { ${COMMON} ${ownEdgeFields(named)} node { id label name ${nested} } }`;
  const edge = getNamedType(
    (schema.getType(named) as Any).getFields().edges.type as GraphQLOutputType,
  ).name;
  return `${field}${args} { __typename totalCount pageInfo { hasNextPage endCursor } edges { cursor ${COMMON} ${ownEdgeFields(edge)} node { id label name ${nested} } } }`;
}

// Every row has its variables ({} when none): it.each passes a row's items as the test's arguments.
const documents: [string, string, Record<string, unknown>][] = [];
for (const [label, spec] of Object.entries(model.labels)) {
  documents.push([
    `${spec.plural}: every entity field`,
    `{ ${spec.plural}(first: 30) { __typename totalCount pageInfo { hasNextPage endCursor } edges { __typename cursor node { ${entityFields(label)} } } } }`,
    {},
  ]);
  documents.push([
    `${spec.plural}: most connected, filtered, second page`,
    `query($after: String) { ${spec.plural}(first: 3, after: $after, orderBy: CONNECTIONS, filter: { text: "a", unverified: false }) { totalCount edges { cursor node { id connectionCount } } pageInfo { hasNextPage } } }`,
    { after: null },
  ]);
  for (const field of Object.keys(spec.fields))
    for (const [variant, args] of [
      ['plain', ''],
      ['filtered', '(first: 2, orderBy: NAME, filter: { asOf: "2015-01-01", text: "a" })'],
      ['latest', '(first: 3, orderBy: LATEST)'],
      [
        'by id, dated only',
        '(first: 2, orderBy: ID, filter: { overlaps: { from: "2010-01-01", to: "2020-12-31" }, includeUndated: false })',
      ],
    ] as const)
      documents.push([
        `${label}.${field} ${variant}`,
        `{ ${spec.plural}(first: 25) { edges { node { id ${fieldSelection(label, field, args)} } } } }`,
        {},
      ]);
}
documents.push(
  [
    'nested State.presidencies > declaredPriorities > mandate',
    `{ state(isoCode: "DK") { id ${fieldSelection('State', 'presidencies', '', fieldSelection('Presidency', 'declaredPriorities', '(first: 2)', fieldSelection('Priority', 'mandate', '')))} } }`,
    {},
  ],
  [
    'node(id) with fragments and aliases',
    `{ node(id: "org:cbss") { id ... on Organisation { a: members(first: 3, orderBy: ID) { totalCount edges { cursor node { id } role } } b: members(first: 5, filter: { asOf: "2023-01-01" }) { edges { node { id } } } } } }`,
    {},
  ],
  [
    'nodes in the order asked, unknown ids as null, a fragment per label',
    `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id label ... on Project { acronym partners(first: 3) { edges { node { __typename id ... on Organisation { locatedIn { edges { node { id } } } } } } } } ... on State { isoCode } } }`,
    { ids: ['project:promise-2', 'state:LT', 'nobody:here', 'state:LT', 'project:promise-1'] },
  ],
  [
    'root lookups: state by ISO code and by id, country, project by id and by acronym, __typename',
    `{ __typename a: state(isoCode: " lt ") { id name } b: state(id: "state:DK") { id } country(isoCode: "UA") { id name } c: project(id: "project:promise-1") { id } d: project(acronym: "promise 2") { id acronym } }`,
    {},
  ],
  ['an unknown entity is null', `{ node(id: "state:XX") { id } state(isoCode: "XX") { id } }`, {}],
  [
    '@skip and @include with variables',
    `query($with: Boolean!, $without: Boolean!) { state(isoCode: "LT") { id name @include(if: $with) isoCode @skip(if: $without) ministries @include(if: $without) { totalCount } } }`,
    { with: true, without: true },
  ],
  [
    'filters in variables',
    `query($f: RelationFilter, $first: Int) { state(isoCode: "DK") { memberships(first: $first, filter: $f) { totalCount edges { node { id } } } } }`,
    { f: { asOf: '2020-01-01' }, first: 5 },
  ],
  [
    'PURSUES with rule and confidence filters',
    `{ states(first: 20) { edges { node { id pursues(filter: { rules: [PRESIDENCY, LAW], confidence: [HIGH] }) { totalCount edges { rule confidence periodKnown node { id } } } mayPursue(first: 3) { edges { rule node { id } } } } } } }`,
    {},
  ],
);

const TIMELINE_ENTRY = `__typename date precision kind title sources { quote source { id name } } node { __typename id label ... on Meeting { during { node { term } } } ... on Project { acronym partners(first: 2) { totalCount } } }`;
for (const [name, args] of [
  ['every kind', ''],
  ['2020 meetings', '(from: "2020-01-01", to: "2020-12-31", kinds: [MEETING], first: 500)'],
  [
    'a state, some kinds',
    '(state: "state:LT", kinds: [PRESIDENCY, PROJECT_START, OPENING], first: 50)',
  ],
  ['a state, every kind, from 2015', '(state: "state:DK", from: "2015-01-01")'],
  ['no kind', '(kinds: [])'],
  ['a state and no kind', '(state: "state:LT", kinds: [])'],
  ['first 0 with a state', '(state: "state:LT", first: 0)'],
] as const)
  documents.push([`timeline: ${name}`, `{ timeline${args} { ${TIMELINE_ENTRY} } }`, {}]);

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
      schema: buildSchema(undefined, { prefetch: false }),
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
    const { body } = await planned.graphql(
      '{ state(isoCode: "LT") { pursues(first: 1) { edges { evidence { rule } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(await executions()).toEqual({ ...before, reference: before.reference + 1 });
  });

  it('reports a bad cursor as the resolvers do, at the field', async () => {
    const query = '{ state(isoCode: "LT") { ministries(after: "nonsense") { totalCount } } }';
    const [a, b]: Any[] = await Promise.all([planned.graphql(query), reference.graphql(query)]);
    expect(a!.body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(a!.body.errors?.[0]?.path).toEqual(b!.body.errors?.[0]?.path);
  });

  it('an unknown project acronym is NOT_FOUND with the closest names, as before', async () => {
    const { body } = await planned.graphql('{ project(acronym: "PROMISSE") { id } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
