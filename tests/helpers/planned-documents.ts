import { getNamedType, isLeafType, isObjectType, type GraphQLOutputType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';
import { loadModel } from '../../src/model';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Documents the planner builds, one or more per field of the model and per
 * root field it answers: every entity field of every label list, every
 * relationship field plain, filtered, by LATEST and by id with dated
 * pages only, nested pages, lookups, nodes, variables, directives and the
 * timeline. The differential test answers them both ways; the plan test
 * EXPLAINs their statements.
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
export const documents: [string, string, Record<string, unknown>][] = [];
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

const EVIDENCE =
  'evidence { __typename rule confidence unverified gradeReasons { __typename code cap step text } period { from fromPrecision to toPrecision } steps { __typename node { __typename id label name } relationshipType direction period { from fromPrecision to toPrecision } sources { quote source { id name } } confidence unverified } }';
for (const [label, spec] of Object.entries(model.labels))
  for (const [field, f] of Object.entries(spec.fields)) {
    if (!model.relationships[f.relationship]?.derived) continue;
    documents.push([
      `${label}.${field} with its evidence`,
      `{ ${spec.plural}(first: 25) { edges { node { id ${field}(first: 10) { totalCount edges { rule confidence ${EVIDENCE} node { id } } } } } } }`,
      {},
    ]);
  }

for (const mandate of ['mandate:2013-2017', 'mandate:2017-2020', 'mandate:2020-2025'])
  documents.push([
    `priorityMatrix of ${mandate}, every cell field`,
    `{ priorityMatrix(mandate: "${mandate}") { __typename mandate { id name } states { id isoCode } priorities { id name } cells { __typename state { id } priority { id } count grade unverified links { __typename rule confidence unverified periodKnown node { id } ${EVIDENCE} } mayPursueCount mayPursue { rule confidence node { id } } civilSocietyCount civilSociety { rule ${EVIDENCE} } } } }`,
    {},
  ]);
documents.push([
  'the dataset version',
  '{ dataset { __typename filesChecksum checksum seedVersion loadedAt } }',
  {},
]);

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

// A step's relationship as each type shows it: the shared fields, a type's
// own through a fragment, and __typename (its own branch per type).
const STEP = `__typename startId endId relationship { __typename type direction derived confidence unverified note periodKnown period { from fromPrecision to toPrecision } sources { quote source { id } } node { id label } ... on MemberOfLink { role } ... on PursuesLink { rule ${EVIDENCE} } }`;
const GRAPH_NODE = '__typename id label name ... on State { isoCode }';
for (const [name, args] of [
  ['the default depth', '(id: "state:LT")'],
  ['depth 2, cut short', '(id: "org:cbss", depth: 2, limit: 40)'],
  ['depth 3', '(id: "project:promise-1", depth: 3, limit: 200)'],
  ['as of a date', '(id: "state:DK", depth: 2, asOf: "2015-06-01")'],
  [
    'as of a date, dated only',
    '(id: "state:DK", depth: 2, asOf: "2015-06-01", includeUndated: false)',
  ],
] as const)
  documents.push([
    `neighbourhood: ${name}`,
    `{ neighbourhood${args} { __typename truncated nodes { ${GRAPH_NODE} } steps { ${STEP} } } }`,
    {},
  ]);
for (const [name, args] of [
  ['two entities', '(from: "state:LT", to: "project:promise-2")'],
  [
    'through derived links, several paths',
    '(from: "state:DK", to: "priority:2017-alternative-care", includeDerived: true, limit: 10)',
  ],
  ['no path within the bound', '(from: "state:IS", to: "project:promise-2", maxHops: 1)'],
  ['an entity to itself', '(from: "state:LT", to: "state:LT")'],
] as const)
  documents.push([
    `path: ${name}`,
    `{ path${args} { __typename length nodes { ${GRAPH_NODE} } steps { ${STEP} } } }`,
    {},
  ]);
for (const [name, query, variables] of [
  [
    'one word',
    'query($t: String!) { search(text: $t) { __typename score node { __typename id label name } } }',
    { t: 'barnahus' },
  ],
  [
    'an exact acronym first',
    '{ search(text: "promise", first: 5) { score node { id ... on Project { acronym } } } }',
    {},
  ],
  [
    'a phrase, by label',
    'query($l: [Label!]) { search(text: "child protection", labels: $l, first: 50) { score node { id label } } }',
    { l: ['PROJECT', 'OUTPUT'] },
  ],
  ['nothing found', '{ search(text: "zzzqqqxx") { score } }', {}],
] as const)
  documents.push([`search: ${name}`, query, variables]);
documents.push(
  [
    'counts, every field',
    '{ counts { __typename labels { __typename label count } relationships { __typename type count } } }',
    {},
  ],
  [
    'data quality, every field',
    '{ dataQuality { __typename unsourcedNodes unsourcedRelationships missingSourceCitations unverifiedNodes unverifiedRelationships pursuesOutsideMandate membershipOutlastsState periodDisagreesWithRelationship overlappingMandates generalKnowledgeNotUnverified sourcesByKind { __typename kind count } } }',
    {},
  ],
);

// The generic relationships field: every type and direction, or those its
// filter names, each edge as its type's own object.
const ANY_EDGE = `__typename cursor ${COMMON} node { __typename id label } ... on MemberOfEdge { role } ... on PursuesEdge { rule } ... on HeldPresidencyIncomingEdge { __typename }`;
for (const [name, args] of [
  ['every type, both ways', '(first: 100)'],
  [
    'some types, out',
    '(filter: { types: [MEMBER_OF, HELD_PRESIDENCY, MEMBER_OF], direction: OUT })',
  ],
  ['in, by name', '(filter: { direction: IN }, orderBy: NAME, first: 30)'],
  ['latest first, as of a date', '(filter: { asOf: "2019-01-01" }, orderBy: LATEST)'],
  [
    'by id, a text and dated only',
    '(filter: { text: "a", overlaps: { from: "2010-01-01" }, includeUndated: false }, orderBy: ID)',
  ],
] as const)
  documents.push([
    `relationships: ${name}`,
    `{ states(first: 20) { edges { node { id relationships${args} { __typename totalCount pageInfo { hasNextPage endCursor } edges { ${ANY_EDGE} } } } } } }`,
    {},
  ]);
documents.push([
  'relationships of an entity of each label, two levels',
  `{ nodes(ids: ["org:cbss", "project:promise-2", "priority:2020-protection-support-justice", "mandate:2020-2025"]) { id relationships(first: 5) { totalCount edges { type direction node { id relationships(first: 3, filter: { direction: OUT }) { totalCount edges { cursor type node { id } } } } } } } }`,
  {},
]);

// The entities citing each source (a page by id, and a page past a cursor).
documents.push(
  [
    'Source.citedBy: a page of each source',
    '{ sources(first: 40) { edges { node { id citedBy(first: 5) { __typename totalCount pageInfo { __typename hasNextPage endCursor } edges { __typename cursor node { __typename id label ... on Project { acronym } } } } } } } }',
    {},
  ],
  [
    'Source.citedBy: past a cursor',
    'query($after: String) { sources(first: 5) { edges { node { id citedBy(first: 2, after: $after) { totalCount edges { cursor node { id } } } } } } }',
    { after: Buffer.from('k:org:cbss', 'utf8').toString('base64url') },
  ],
);
