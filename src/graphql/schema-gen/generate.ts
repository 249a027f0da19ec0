import { loadModel, type Model, type PropertySpec } from '../../seed/model';
import { RELATIONS, type RelationField } from '../relations';

/** Plural names of the top-level lists. */
export const PLURALS: Record<string, string> = {
  State: 'states',
  Country: 'countries',
  Organisation: 'organisations',
  Body: 'bodies',
  Ministry: 'ministries',
  Agency: 'agencies',
  Name: 'names',
  OmbudspersonInstitution: 'ombudspersonInstitutions',
  Presidency: 'presidencies',
  Mandate: 'mandates',
  Priority: 'priorities',
  Project: 'projects',
  Programme: 'programmes',
  Output: 'outputs',
  Service: 'services',
  Law: 'laws',
  Instrument: 'instruments',
  Meeting: 'meetings',
  Event: 'events',
  Message: 'messages',
  Person: 'people',
  Source: 'sources',
};

const doc = (text: string, indent = '') =>
  text.includes('\n') || text.includes('"')
    ? `${indent}"""\n${indent}${text.split('\n').join(`\n${indent}`)}\n${indent}"""`
    : `${indent}"${text}"`;

const humanize = (name: string) => name.replace(/([A-Z])/g, ' $1').toLowerCase();

function scalarOf(spec: PropertySpec): string {
  switch (spec.type) {
    case 'integer':
      return 'Int';
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'strings':
      return '[String!]';
    default:
      return 'String';
  }
}

const RELATION_ARGS = `(
    "How many edges to return (default 20, at most 100)."
    first: Int = 20
    "Opaque cursor of the last edge seen; the page starts after it."
    after: String
    "Only relationships that held on this date (open ends hold)."
    asOf: Date
    "Only relationships whose period overlaps this one."
    overlaps: PeriodInput
    "Only neighbours whose name contains this text (case-insensitive)."
    text: String
    "Order of the edges."
    orderBy: RelationOrder = DEFAULT
  )`;

function relationField(r: RelationField): string {
  return `${doc(r.description, '  ')}\n  ${r.field}${RELATION_ARGS.replace(/\n/g, '\n')}: ${r.target}Connection!`;
}

function labelType(label: string, model: Model): string {
  const spec = model.labels[label]!;
  const lines: string[] = [];
  lines.push(doc(`${spec.description}`));
  lines.push(`type ${label} implements Node {`);
  lines.push(`  "Global id, e.g. ${spec.idPrefix}:..."\n  id: ID!`);
  lines.push(
    label === 'Source'
      ? '  "Title of the source (the same as title)."\n  name: String!'
      : `  "Name of this ${humanize(label).trim()}."\n  name: String!`,
  );
  for (const [prop, p] of Object.entries(spec.properties)) {
    if (prop === 'name') continue;
    const description = p.description
      ? `${capitalise(prop)}: ${p.description}.`
      : `The ${humanize(prop).trim()} of this ${humanize(label).trim()}${p.type === 'enum' ? ` (one of ${p.values?.join(', ')})` : ''}.`;
    lines.push(
      `${doc(description.replace(/\.\.$/, '.'), '  ')}\n  ${prop}: ${scalarOf(p)}${p.required ? '!' : ''}`,
    );
    if (p.type === 'date') lines.push(`  "How precise ${prop} is."\n  ${prop}Precision: Precision`);
  }
  lines.push(COMMON_FIELDS);
  if (label === 'Source') {
    lines.push(
      '  "Entities that cite this source, in id order."\n  supports(\n    "How many to return (default 20, at most 100)."\n    first: Int = 20\n    "Cursor of the last entity seen."\n    after: String\n  ): NodeConnection!',
    );
  }
  for (const r of RELATIONS[label] ?? []) lines.push(relationField(r));
  lines.push('}');
  return lines.join('\n');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The generic relationship field, on the Node interface and on every entity type. */
const RELATIONS_FIELD = `  "Every relationship of this entity, optionally of one type and direction."
  relations(
    "Relationship type, e.g. MEMBER_OF."
    type: String
    "Direction seen from this entity."
    direction: Direction
    "How many edges to return (default 20, at most 100)."
    first: Int = 20
    "Opaque cursor of the last edge seen."
    after: String
    "Only relationships that held on this date."
    asOf: Date
    "Only relationships whose period overlaps this one."
    overlaps: PeriodInput
    "Only neighbours whose name contains this text."
    text: String
    "Order of the edges."
    orderBy: RelationOrder = DEFAULT
  ): NodeConnection!`;

const COMMON_FIELDS = `  "Sources that state this fact, with the exact quote where the source is a seed document."
  sources: [SourceRef!]!
  "Confidence the reference gives the fact, where it gives one."
  confidence: Confidence
  "True when the fact is inferred or not confirmed by its sources."
  unverified: Boolean!
  "A curator's note on how the fact was recorded."
  note: String
  "Number of relationships this entity has (derived ones included)."
  connectionCount: Int!
${RELATIONS_FIELD}`;

function connectionTypes(target: string): string {
  return `"A page of ${target === 'Node' ? 'entities' : PLURALS[target]} with the relationships that lead to them."
type ${target}Connection {
  "The edges of this page."
  edges: [${target}Edge!]!
  "Where this page ends and whether more follow."
  pageInfo: PageInfo!
  "Number of edges across all pages (with the same filters)."
  totalCount: Int!
}

"One ${target === 'Node' ? 'entity' : humanize(target).trim()} in a connection."
type ${target}Edge {
  "Opaque keyset cursor of this edge: stable when data is added."
  cursor: String!
  "The entity this edge leads to."
  node: ${target}!
  "The relationship behind the edge, with its properties, period and sources (null in top-level lists)."
  relation: Relation
}`;
}

export function generateSchema(model: Model = loadModel()): string {
  const labels = Object.keys(model.labels);
  const targets = [...new Set(['Node', ...labels])];
  const lists = labels
    .map(
      (
        l,
      ) => `  "${model.labels[l]!.description.replace(/"/g, "'")} A filtered, ordered, paginated list."
  ${PLURALS[l]}(
    "Filters on the ${humanize(l).trim()}s."
    filter: EntityFilter
    "Order of the list."
    orderBy: EntityOrder = NAME
    "How many to return (default 20, at most 100)."
    first: Int = 20
    "Opaque cursor of the last entity seen."
    after: String
  ): ${l}Connection!`,
    )
    .join('\n');
  return (
    [
      HEADER,
      QUERY_HEAD + lists + '\n}',
      COMMON_TYPES,
      ...labels.map((l) => labelType(l, model)),
      ...targets.map(connectionTypes),
    ].join('\n\n') + '\n'
  );
}

const HEADER = `# GENERATED by \`npm run schema:generate\` from seed/model.yaml and
# src/graphql/relations.ts. Do not edit by hand: a test fails when this file
# and its sources disagree.

"""
The knowledge graph of child-protection cooperation in the Baltic Sea region:
the CBSS Expert Group on Children at Risk and everything it links.
Every entity and every relationship names its sources.
"""
schema {
  query: Query
}`;

const QUERY_HEAD = `"Entry points into the graph."
type Query {
  "Health of the API and of the Neo4j database behind it, read from Neo4j itself."
  health: Health!
  "Any entity by its global id."
  node("Global id, e.g. state:LT." id: ID!): Node
  "Several entities by id, in the order asked (null where an id is unknown)."
  nodes("Global ids (at most 100)." ids: [ID!]!): [Node]!
  "A member state by ISO code (e.g. LT) or id."
  state("ISO 3166-1 alpha-2 code." isoCode: String, "Global id." id: ID): State
  "A non-member country by ISO code or id."
  country("ISO 3166-1 alpha-2 code." isoCode: String, "Global id." id: ID): Country
  "A project by acronym or name (e.g. PROMISE 3) or id."
  project("Acronym or exact name, case-insensitive." acronym: String, "Global id." id: ID): Project
  "Full-text search over names, native names, acronyms and descriptions, best match first."
  search(
    "Words to look for; Lucene syntax characters are taken literally."
    text: String!
    "Only these types (labels), e.g. [\\"Project\\", \\"Service\\"]."
    types: [String!]
    "How many hits (default 20, at most 100)."
    first: Int = 20
  ): [SearchHit!]!
  "Shortest paths between two entities, as nodes and relationships with their sources."
  path(
    "Id of the first entity."
    from: ID!
    "Id of the second entity."
    to: ID!
    "Longest path to consider (1 to 8)."
    maxHops: Int = 6
    "Also walk derived PURSUES shortcuts."
    includeDerived: Boolean = false
    "How many shortest paths to return (1 to 10)."
    limit: Int = 3
  ): [GraphPath!]!
  "A bounded subgraph around an entity, for graph views."
  neighbourhood(
    "Id of the centre."
    id: ID!
    "How many hops from the centre (1 to 3)."
    depth: Int = 1
    "Most nodes to return (1 to 500)."
    limit: Int = 100
  ): Subgraph!
  "Dated events in date order: presidencies, meetings, events, adoptions, project starts and ends, laws, openings, publications."
  timeline(
    "First day (inclusive)."
    from: Date
    "Last day (inclusive)."
    to: Date
    "Only these kinds."
    kinds: [TimelineKind!]
    "Most events to return (default 100, at most 500)."
    first: Int = 100
  ): [TimelineEvent!]!
  "Which states pursue which priorities of a mandate: one cell per state and priority, with the evidence behind it."
  priorityMatrix(
    "Mandate id, e.g. mandate:2017-2020."
    mandate: ID!
  ): PriorityMatrix!
  "Number of entities per type and relationships per type."
  counts: Counts!
  "The saved analyst queries (cypher/queries), with their parameters and columns."
  cypherQueries: [SavedCypherQuery!]!
  "Runs one saved analyst query by name, in a read transaction; only saved queries run this way."
  runCypherQuery(
    "Name of the saved query, e.g. members-as-of."
    name: String!
    "Parameters as a JSON object, checked against the query's header."
    params: JSON
  ): CypherResult!
`;

const COMMON_TYPES = `"A calendar date in ISO 8601 form, YYYY-MM-DD."
scalar Date

"Any JSON value (objects, lists, strings, numbers, booleans, null)."
scalar JSON

"A saved, parameterised Cypher query of the analysts' library."
type SavedCypherQuery {
  "Its name, used to run it."
  name: String!
  "What it answers."
  description: String!
  "Its parameters."
  params: [SavedCypherParam!]!
  "The columns of each row."
  columns: [String!]!
  "The Cypher text."
  cypher: String!
}

"A parameter of a saved query."
type SavedCypherParam {
  "Parameter name, as written after the dollar sign in the Cypher."
  name: String!
  "Type: string, integer, float, boolean or date."
  type: String!
  "Whether it must be given."
  required: Boolean!
  "Value used when none is given."
  default: JSON
  "An example value."
  example: JSON
  "What it means."
  description: String!
}

"The result of a saved query."
type CypherResult {
  "The query that ran."
  name: String!
  "Column names, in order."
  columns: [String!]!
  "Rows as JSON objects keyed by column (Neo4j integers as numbers, dates as ISO text)."
  rows: [JSON!]!
}

"How precise a date is: the source gave a year, a month or a day."
enum Precision {
  "Only the year is known."
  YEAR
  "Year and month are known."
  MONTH
  "The exact day is known."
  DAY
}

"Confidence the reference gives a fact."
enum Confidence {
  "High confidence."
  HIGH
  "Medium confidence."
  MEDIUM
  "Low confidence."
  LOW
}

"Direction of a relationship, seen from the entity that asks."
enum Direction {
  "From this entity to the other."
  OUT
  "From the other entity to this one."
  IN
}

"Order of the edges of a relationship field."
enum RelationOrder {
  "By period start (undated first), then name."
  DEFAULT
  "By the neighbour's name."
  NAME
  "By period start, latest first."
  LATEST
  "By the neighbour's id (stable, index-friendly)."
  ID
}

"Order of a top-level list."
enum EntityOrder {
  "By name, A to Z."
  NAME
  "By number of relationships, most connected first."
  CONNECTIONS
}

"Kinds of dated events in the timeline."
enum TimelineKind {
  "A presidency term begins."
  PRESIDENCY
  "A meeting of the Expert Group or another body."
  MEETING
  "A conference, forum, consultation or other event."
  EVENT
  "A mandate or strategy is adopted."
  ADOPTION
  "A project starts."
  PROJECT_START
  "A project ends."
  PROJECT_END
  "A law is enacted."
  LAW
  "A service such as a Barnahus opens."
  OPENING
  "An output is published."
  PUBLICATION
}

"A period, each end with its precision; an open end is null."
type Period {
  "First day of the period."
  from: Date
  "How precise the start is."
  fromPrecision: Precision
  "Last day of the period."
  to: Date
  "How precise the end is."
  toPrecision: Precision
}

"A period to compare with (either end may be open)."
input PeriodInput {
  "First day."
  from: Date
  "Last day."
  to: Date
}

"Filters for top-level lists."
input EntityFilter {
  "Name, native name or acronym contains this text (case-insensitive)."
  text: String
  "The entity's kind property equals this (e.g. ngo, barnahus, strategic-area)."
  kind: String
  "Only unverified (true) or only verified (false) entities."
  unverified: Boolean
}

"A source cited by a fact, with the supporting quote where there is one."
type SourceRef {
  "The cited source."
  source: Source!
  "Exact words of a seed document that support the fact (null for web pages)."
  quote: String
}

"A relationship between two entities: its type, properties, period and sources."
type Relation {
  "Relationship type, e.g. HELD_PRESIDENCY."
  type: String!
  "Direction seen from the entity that asked."
  direction: Direction!
  "Role (e.g. founding member, lead partner, Head of the Children at Risk Unit)."
  role: String
  "Status (e.g. of an observer)."
  status: String
  "Amount of funding, as the source states it."
  amount: String
  "Position in an ordered list (priorities of a mandate, phases of a series)."
  order: Int
  "Why a curated link (ADDRESSES, CONTINUES) holds."
  reasoning: String
  "When the relationship held."
  period: Period
  "Sources that state it."
  sources: [SourceRef!]!
  "Confidence the reference gives it."
  confidence: Confidence
  "True when it is inferred or not confirmed."
  unverified: Boolean!
  "A curator's note."
  note: String
  "True when the loader derived it (PURSUES) rather than reading it from a source."
  derived: Boolean!
  "For PURSUES: the kind of evidence (project, service, law or presidency)."
  via: String
  "For PURSUES: the project, service, law or presidency it goes through."
  through: Node
  "For PURSUES: every evidence path, as text."
  evidence: [String!]
  "For PURSUES: the ids along the first evidence path."
  evidencePath: [ID!]
}

"Where a page ends."
type PageInfo {
  "Whether more edges follow this page."
  hasNextPage: Boolean!
  "Cursor of the last edge of this page; pass it as after to get the next one."
  endCursor: String
}

"Anything in the graph: every entity has a global id, a name and its sources."
interface Node {
  "Global id, e.g. state:LT."
  id: ID!
  "Name (for sources: the title)."
  name: String!
  "Sources that state this fact."
  sources: [SourceRef!]!
  "Confidence the reference gives it."
  confidence: Confidence
  "True when inferred or not confirmed."
  unverified: Boolean!
  "A curator's note."
  note: String
  "Number of relationships."
  connectionCount: Int!
${RELATIONS_FIELD}
}

"A full-text search hit."
type SearchHit {
  "Relevance score (higher is better)."
  score: Float!
  "Type (label) of the matched entity."
  type: String!
  "The matched entity."
  node: Node!
}

"A path between two entities."
type GraphPath {
  "Number of relationships."
  length: Int!
  "The entities along the path, in order."
  nodes: [Node!]!
  "The relationships along the path, in order."
  relationships: [PathStep!]!
}

"One relationship in a path or subgraph, with its ends."
type PathStep {
  "Id of the start node of the relationship."
  from: ID!
  "Id of the end node of the relationship."
  to: ID!
  "The relationship, its properties and sources (direction is OUT, from from to to)."
  relation: Relation!
}

"A bounded subgraph."
type Subgraph {
  "The entities (the centre first)."
  nodes: [Node!]!
  "The relationships among them."
  relationships: [PathStep!]!
  "True when the limit cut the subgraph short."
  truncated: Boolean!
}

"A dated event."
type TimelineEvent {
  "When it happened (its first day)."
  date: Date!
  "How precise the date is."
  precision: Precision!
  "What kind of event it is."
  kind: TimelineKind!
  "A short description."
  title: String!
  "The entity the event is about."
  node: Node!
  "Sources of the date."
  sources: [SourceRef!]!
}

"States x priorities of one mandate."
type PriorityMatrix {
  "The mandate."
  mandate: Mandate!
  "Rows: the member states, by name."
  states: [State!]!
  "Columns: the mandate's priorities, in order."
  priorities: [Priority!]!
  "One cell per state and priority (empty cells have count 0)."
  cells: [MatrixCell!]!
}

"One cell of the matrix."
type MatrixCell {
  "Row."
  state: State!
  "Column."
  priority: Priority!
  "Number of evidence links (projects, services, laws, presidencies)."
  count: Int!
  "The PURSUES relationships behind the cell, each with its evidence and sources."
  evidence: [Relation!]!
}

"Totals for dashboards."
type Counts {
  "Entities per type."
  labels: [Count!]!
  "Relationships per type."
  relationships: [Count!]!
}

"A named count."
type Count {
  "Type name."
  name: String!
  "How many."
  count: Int!
}

"What the API knows about its database."
type Health {
  "Always OK when the database answered."
  status: String!
  "Name of the Neo4j database the API reads."
  database: String!
  "Neo4j server version, e.g. 5.26.19."
  neo4jVersion: String!
  "Neo4j edition (community or enterprise)."
  edition: String!
  "Schema migrations recorded in the graph, in order."
  migrations: [String!]!
}`;
