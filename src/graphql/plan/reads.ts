import { getNamedType, type FieldNode, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { cypher } from '../../db/cypher-files';
import { pathStatement } from './statements/path';
import { ENUM_VALUES } from '../generated/boundary';
import { neighbourhoodParams, pathParams, searchParams } from '../read-args';
import { literal, outputValue } from './cypher';
import { argumentsOf, type EntityPlanner, type Variables } from './entity';
import type { RootStatement } from './roots';
import { setsOf } from './selection';

/**
 * The root reads that are one .cypher file each (search, neighbourhood,
 * counts, data quality) or the path statement: the planner runs the same
 * statement as a subquery and builds the response from what it returns
 * (nodes and relationships themselves), so the resolvers and the planner
 * read the graph alike and only the shaping differs.
 */

type Def = GraphQLField<unknown, unknown>;

/** A statement of the graphql-js path as a subquery of the planned one. */
const subquery = (statement: string) => `CALL () {\n${statement}\n}`;

/** Registers the writer of a root's parameters; `shape` names what changes the statement. */
function writeParams<T>(
  p: EntityPlanner,
  def: Def,
  nodes: readonly FieldNode[],
  read: (args: never) => T,
  write: (value: T, out: Record<string, unknown>) => string,
): T {
  const of = (variables: Variables) => read(argumentsOf(def, nodes[0]!, variables) as never);
  const planned = p.read(() => of(p.planVariables));
  p.writers.push((variables, out) => write(of(variables), out));
  return planned;
}

/** Full-text search (api/search.cypher): hits best first. */
export function searchRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  writeParams(p, def, nodes, searchParams, (params, out) => {
    Object.assign(out, params);
    return '';
  });
  const hit = getNamedType(def.type) as GraphQLObjectType;
  const map = p.selectionMap(hit, setsOf(nodes), (name, n, field) => {
    if (name === 'score') return 'score';
    if (name === 'node') return p.entity('node', getNamedType(field.type), setsOf(n));
  });
  return {
    statement: `${subquery(cypher('api/search.cypher'))}\nRETURN collect(${map}) AS value`,
    nullMeansReference: false,
  };
}

/**
 * The steps of a path or subgraph (resolvers' subgraphOf): each
 * relationship of `rels` between two entities of `nodes`, seen from its
 * start node.
 */
function steps(
  p: EntityPlanner,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  graph: { nodes: string; rels: string },
): string {
  const r = p.names.variable('r');
  const m = p.names.variable('m');
  const map = p.selectionMap(type, setsOf(nodes), (name, n) => {
    if (name === 'startId') return `startNode(${r}).id`;
    if (name === 'endId') return `${m}.id`;
    if (name === 'relationship') return p.anyLink({ r, m }, setsOf(n));
  });
  return `[${r} IN ${graph.rels} WHERE startNode(${r}) IN ${graph.nodes} AND endNode(${r}) IN ${graph.nodes} | [${m} IN [endNode(${r})] | ${map}][0]]`;
}

/** A subgraph or a path: its entities in order and its steps. */
function graphMap(
  p: EntityPlanner,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  graph: { nodes: string; rels: string },
  extra: Record<string, string>,
): string {
  return p.selectionMap(type, setsOf(nodes), (name, n, field) => {
    const inner = getNamedType(field.type);
    if (name === 'nodes') {
      const x = p.names.variable('x');
      return `[${x} IN ${graph.nodes} | ${p.entity(x, inner, setsOf(n))}]`;
    }
    if (name === 'steps') return steps(p, inner as GraphQLObjectType, n, graph);
    return extra[name];
  });
}

/**
 * The subgraph around an entity (api/neighbourhood.cypher, or with a date
 * api/neighbourhood-as-of.cypher). An unknown centre returns no row: the
 * reference execution reports it (NOT_FOUND).
 */
export function neighbourhoodRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  const { file } = writeParams(p, def, nodes, neighbourhoodParams, (read, out) => {
    Object.assign(out, read.params);
    return read.file;
  });
  const graph = { nodes: 'nodes', rels: 'rels' };
  const map = graphMap(p, getNamedType(def.type) as GraphQLObjectType, nodes, graph, {
    truncated: 'size(nodes) >= $limit',
  });
  return {
    statement: `${subquery(cypher(file))}\nRETURN ${map} AS value`,
    nullMeansReference: true,
  };
}

/**
 * Shortest paths between two entities (statements/path.ts), or from an entity
 * to itself the path of length 0. An unknown end makes the value null: the
 * reference execution reports it (NOT_FOUND).
 */
export function pathRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  const { maxHops, same } = writeParams(
    p,
    def,
    nodes,
    (args: Parameters<typeof pathParams>[0]) => ({
      ...pathParams(args),
      same: args.from === args.to,
    }),
    (read, out) => {
      Object.assign(out, read.params);
      return `${read.maxHops}:${read.same}`;
    },
  );
  const type = getNamedType(def.type) as GraphQLObjectType;
  if (same) {
    const map = graphMap(p, type, nodes, { nodes: '[a0]', rels: '[]' }, { length: '0' });
    return {
      statement: `OPTIONAL MATCH (a0:Entity {id: $from})
RETURN CASE WHEN a0 IS NULL THEN null ELSE [${map}] END AS value`,
      nullMeansReference: true,
    };
  }
  const map = graphMap(p, type, nodes, { nodes: 'nodes', rels: 'rels' }, { length: 'size(rels)' });
  return {
    statement: `OPTIONAL MATCH (a0:Entity {id: $from})
OPTIONAL MATCH (b0:Entity {id: $to})
OPTIONAL ${subquery(pathStatement(maxHops))}
WITH a0, b0, collect(CASE WHEN nodes IS NULL THEN null ELSE ${map} END) AS found
RETURN CASE WHEN a0 IS NULL OR b0 IS NULL THEN null ELSE found END AS value`,
    nullMeansReference: true,
  };
}

/**
 * Entities per label and relationships per type (api/counts.cypher), the
 * model's only: labels and types it does not know (e.g. Migration) are not
 * the graph's.
 */
export function countsRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  const counts = getNamedType(def.type) as GraphQLObjectType;
  // Each list: the rows of its kind whose name the model knows, as {<key>, count}.
  const list = (kind: string, key: string, known: Record<string, string>) =>
    function (n: FieldNode[], field: Def): string {
      const x = p.names.variable('x');
      const item = p.selectionMap(
        getNamedType(field.type) as GraphQLObjectType,
        setsOf(n),
        (name, _, f) => {
          if (name === key) return outputValue(`${x}.name`, f.type);
          if (name === 'count') return `${x}.count`;
        },
      );
      const names = `[${Object.values(known).map(literal).join(', ')}]`;
      return `[${x} IN rows WHERE ${x}.kind = ${literal(kind)} AND ${x}.name IN ${names} | ${item}]`;
    };
  const lists: Record<string, (n: FieldNode[], field: Def) => string> = {
    labels: list('label', 'label', ENUM_VALUES.Label),
    relationships: list('type', 'type', ENUM_VALUES.RelationshipType),
  };
  const map = p.selectionMap(counts, setsOf(nodes), (name, n, field) => lists[name]?.(n, field));
  return {
    statement: `${subquery(cypher('api/counts.cypher'))}
WITH collect({kind: kind, name: name, count: count}) AS rows
RETURN ${map} AS value`,
    nullMeansReference: false,
  };
}

/** The data-quality figures (api/data-quality.cypher): each a column of its one row. */
export function dataQualityRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  const kinds = Object.values(ENUM_VALUES.SourceKind);
  p.writers.push((_, out) => {
    out.sourceKinds = kinds;
    return '';
  });
  const quality = getNamedType(def.type) as GraphQLObjectType;
  const map = p.selectionMap(quality, setsOf(nodes), (name, n, field) => {
    if (name !== 'sourcesByKind') return name;
    const x = p.names.variable('x');
    const item = p.selectionMap(
      getNamedType(field.type) as GraphQLObjectType,
      setsOf(n),
      (inner, _n, f) => {
        if (inner === 'kind') return outputValue(`${x}.kind`, f.type);
        if (inner === 'count') return `${x}.count`;
      },
    );
    return `[${x} IN sourcesByKind | ${item}]`;
  });
  return {
    statement: `${subquery(cypher('api/data-quality.cypher'))}\nRETURN ${map} AS value`,
    nullMeansReference: false,
  };
}
