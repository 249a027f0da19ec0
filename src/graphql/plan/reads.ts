import { getNamedType, type FieldNode, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { cypher } from '../../db/cypher-files';
import { pathQuery } from './statements/path';
import { ENUM_VALUES } from '../generated/boundary';
import { neighbourhoodParams, pathParams, searchParams } from '../read-args';
import { outputValue } from './cypher';
import {
  and,
  at,
  call,
  each,
  eq,
  file,
  fn,
  ge,
  isIn,
  isNull,
  list,
  map,
  NULL,
  num,
  node,
  optionalMatch,
  or,
  param,
  path,
  prop,
  query,
  Return,
  strings,
  str,
  v as ref,
  when,
  With,
  type Clause,
  type Expr,
} from '../../cypher';
import { argumentsOf, type EntityPlanner, type Variables } from './entity';
import type { RootStatement } from './root-statement';
import { setsOf } from './selection';

/**
 * The root reads that are one .cypher file each (search, neighbourhood,
 * counts, data quality) or the path statement: the planner runs the same
 * statement as a subquery and builds the response from what it returns
 * (nodes and relationships themselves), so the resolvers and the planner
 * read the graph alike and only the shaping differs.
 */

type Def = GraphQLField<unknown, unknown>;

/** A .cypher file of the graphql-js path as a subquery of the planned statement. */
const subquery = (name: string): Clause => call([], file(name, cypher(name)));

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
    if (name === 'score') return ref('score');
    if (name === 'node') return p.entity('node', getNamedType(field.type), setsOf(n));
  });
  return {
    statement: query(subquery('api/search.cypher'), Return([[fn('collect', map), 'value']])),
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
  graph: Graph,
): Expr {
  const r = p.names.variable('r');
  const m = p.names.variable('m');
  const step = p.selectionMap(type, setsOf(nodes), (name, n) => {
    if (name === 'startId') return prop(fn('startNode', ref(r)), 'id');
    if (name === 'endId') return prop(ref(m), 'id');
    if (name === 'relationship') return p.anyLink({ r, m }, setsOf(n));
  });
  const inside = and(
    isIn(fn('startNode', ref(r)), graph.nodes),
    isIn(fn('endNode', ref(r)), graph.nodes),
  );
  const seen = at(each(m, list([fn('endNode', ref(r))]), { map: step }), 0);
  return each(r, graph.rels, { where: inside, map: seen });
}

/** A subgraph's or path's entities and relationships, as lists. */
interface Graph {
  nodes: Expr;
  rels: Expr;
}

/** A subgraph or a path: its entities in order and its steps. */
function graphMap(
  p: EntityPlanner,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  graph: Graph,
  extra: Record<string, Expr>,
): Expr {
  return p.selectionMap(type, setsOf(nodes), (name, n, field) => {
    const inner = getNamedType(field.type);
    if (name === 'nodes') {
      const x = p.names.variable('x');
      return each(x, graph.nodes, { map: p.entity(x, inner, setsOf(n)) });
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
  const graph = { nodes: ref('nodes'), rels: ref('rels') };
  const value = graphMap(p, getNamedType(def.type) as GraphQLObjectType, nodes, graph, {
    truncated: ge(fn('size', ref('nodes')), param('limit')),
  });
  return {
    statement: query(subquery(file), Return([[value, 'value']])),
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
  const [a0, b0] = [ref('a0'), ref('b0')];
  const from = optionalMatch(path(node('a0', ['Entity'], [['id', param('from')]])));
  if (same) {
    const graph = { nodes: list([a0]), rels: list([]) };
    const value = graphMap(p, type, nodes, graph, { length: num(0) });
    return {
      statement: query(from, Return([[when([[isNull(a0), NULL]], list([value])), 'value']])),
      nullMeansReference: true,
    };
  }
  const graph = { nodes: ref('nodes'), rels: ref('rels') };
  const value = graphMap(p, type, nodes, graph, { length: fn('size', ref('rels')) });
  const found = fn('collect', when([[isNull(ref('nodes')), NULL]], value));
  return {
    statement: query(
      from,
      optionalMatch(path(node('b0', ['Entity'], [['id', param('to')]]))),
      call([], pathQuery(maxHops), { optional: true }),
      With(['a0', 'b0', [found, 'found']]),
      Return([[when([[or(isNull(a0), isNull(b0))!, NULL]], ref('found')), 'value']]),
    ),
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
    function (n: FieldNode[], field: Def): Expr {
      const x = p.names.variable('x');
      const item = p.selectionMap(
        getNamedType(field.type) as GraphQLObjectType,
        setsOf(n),
        (name, _, f) => {
          if (name === key) return outputValue(prop(ref(x), 'name'), f.type);
          if (name === 'count') return prop(ref(x), 'count');
        },
      );
      const mine = and(
        eq(prop(ref(x), 'kind'), str(kind)),
        isIn(prop(ref(x), 'name'), strings(Object.values(known))),
      );
      return each(x, ref('rows'), { where: mine, map: item });
    };
  const lists: Record<string, (n: FieldNode[], field: Def) => Expr> = {
    labels: list('label', 'label', ENUM_VALUES.Label),
    relationships: list('type', 'type', ENUM_VALUES.RelationshipType),
  };
  const value = p.selectionMap(counts, setsOf(nodes), (name, n, field) => lists[name]?.(n, field));
  const row = map(['kind', 'name', 'count'].map((c) => [c, ref(c)]));
  return {
    statement: query(
      subquery('api/counts.cypher'),
      With([[fn('collect', row), 'rows']]),
      Return([[value, 'value']]),
    ),
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
  const value = p.selectionMap(quality, setsOf(nodes), (name, n, field) => {
    // Each figure is a column of the file's one row.
    if (name !== 'sourcesByKind') return ref(name);
    const x = p.names.variable('x');
    const item = p.selectionMap(
      getNamedType(field.type) as GraphQLObjectType,
      setsOf(n),
      (inner, _n, f) => {
        if (inner === 'kind') return outputValue(prop(ref(x), 'kind'), f.type);
        if (inner === 'count') return prop(ref(x), 'count');
      },
    );
    return each(x, ref('sourcesByKind'), { map: item });
  });
  return {
    statement: query(subquery('api/data-quality.cypher'), Return([[value, 'value']])),
    nullMeansReference: false,
  };
}
