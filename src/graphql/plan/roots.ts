import { getNamedType, type FieldNode, type GraphQLField, type GraphQLObjectType } from 'graphql';
import type { Model } from '../../model';
import { listArgs, type ListArgs } from '../arguments';
import { listPage, listTotal } from './statements/entity-list';
import { rootClauses } from './statements/roots';
import { timelineKinds, timelineRows } from './statements/timeline';
import { lookups, type IdOrKey } from '../lookups';
import { nodeIds, timelineArgs } from '../read-args';
import { outputValue } from './cypher';
import {
  and,
  bool,
  collect,
  count,
  each,
  exists,
  fn,
  gt,
  isIn,
  isNull,
  list,
  map,
  match,
  ne,
  node,
  not,
  NULL,
  num,
  optionalMatch,
  param,
  path,
  plus,
  prop,
  query,
  reduce,
  rel,
  Return,
  slice,
  step,
  str,
  strings,
  unwind,
  v as ref,
  when,
  With,
  call,
  at,
  minus,
  type Expr,
} from '../../cypher';
import { argumentsOf, type EntityPlanner, type Variables } from './entity';
import { countsRoot, dataQualityRoot, neighbourhoodRoot, pathRoot, searchRoot } from './reads';
import type { RootStatement } from './root-statement';
import { setsOf, Unplannable } from './selection';

type Def = GraphQLField<unknown, unknown>;

/** The root fields that find one entity. */
const LOOKUPS = new Set(Object.keys(lookups));

/** Plans one root field, or says it cannot (Unplannable). */
export function planRoot(
  p: EntityPlanner,
  model: Model,
  def: Def,
  nodes: FieldNode[],
): RootStatement {
  const name = def.name;
  if (LOOKUPS.has(name)) return lookupRoot(p, def, nodes, name as keyof typeof lookups);
  if (name === 'nodes') return nodesRoot(p, def, nodes);
  if (name === 'timeline') return timelineRoot(p, model.timeline, def, nodes);
  if (name === 'priorityMatrix') return matrixRoot(p, def, nodes);
  if (name === 'dataset') return datasetRoot(def, nodes, p);
  if (name === 'search') return searchRoot(p, def, nodes);
  if (name === 'neighbourhood') return neighbourhoodRoot(p, def, nodes);
  if (name === 'path') return pathRoot(p, def, nodes);
  if (name === 'counts') return countsRoot(p, def, nodes);
  if (name === 'dataQuality') return dataQualityRoot(p, def, nodes);
  const label = Object.entries(model.labels).find(([, spec]) => spec.plural === name)?.[0];
  if (label) return listRoot(p, def, nodes, label);
  throw new Unplannable(`Query.${name} is answered by its resolver`);
}

function lookupRoot(
  p: EntityPlanner,
  def: Def,
  nodes: FieldNode[],
  name: keyof typeof lookups,
): RootStatement {
  const read = (variables: Variables) =>
    lookups[name](argumentsOf(def, nodes[0]!, variables) as IdOrKey);
  const [lookup] = p.read(() => read(p.planVariables));
  p.writers.push((variables, out) => {
    const [found, params] = read(variables);
    Object.assign(out, params);
    return JSON.stringify(found);
  });
  return {
    statement: query(
      ...rootClauses(lookup),
      Return([[p.entity('n0', getNamedType(def.type), setsOf(nodes)), 'value']]),
    ),
    nullMeansReference: lookup.by === 'acronym',
  };
}

function nodesRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  const read = (variables: Variables) => {
    const { ids } = argumentsOf(def, nodes[0]!, variables) as { ids: string[] };
    return nodeIds(ids);
  };
  p.read(() => read(p.planVariables));
  p.writers.push((variables, out) => {
    out.ids = read(variables);
    return '';
  });
  const entity = p.entity('n0', getNamedType(def.type), setsOf(nodes));
  const ids = param('ids');
  // One row per id asked, in order; an unknown id is a null in its place
  // (kept in a map: collect() leaves nulls out).
  const kept = fn('collect', map([['v', when([[isNull(ref('n0')), NULL]], entity)]]));
  return {
    statement: query(
      unwind(fn('range', num(0), minus(fn('size', ids), num(1))), 'i0'),
      optionalMatch(path(node('n0', ['Entity'], [['id', at(ids, ref('i0'))]]))),
      With(['i0', 'n0'], { orderBy: [ref('i0')] }),
      Return([[each('x0', kept, { map: prop(ref('x0'), 'v') }), 'value']]),
    ),
    nullMeansReference: false,
  };
}

function listRoot(p: EntityPlanner, def: Def, nodes: FieldNode[], label: string): RootStatement {
  const read = (variables: Variables) =>
    listArgs(argumentsOf(def, nodes[0]!, variables) as ListArgs);
  const { shape } = p.read(() => read(p.planVariables));
  p.writers.push((variables, out) => {
    const a = read(variables);
    for (const [k, v] of Object.entries(a.values)) if (v !== null) out[k] = v;
    Object.assign(out, { after: a.after, first: a.first, limit: a.first + 1 });
    return JSON.stringify(a.shape);
  });
  const returned = getNamedType(def.type) as GraphQLObjectType;
  const value = p.connection(returned, nodes, {
    page: listPage(label, shape),
    k: 'key',
    first: param('first'),
    count: ref('total'),
    edge: (edgeType, sets) => p.entityEdge(edgeType, sets, 'n0', 'key'),
  });
  const total = p.selects(returned, nodes, 'totalCount') ? [listTotal(label, shape)] : [];
  return { statement: query(...total, Return([[value, 'value']])), nullMeansReference: false };
}

/**
 * The timeline: its entries in date order, each with its entity's selected
 * fields. With a state, an unknown state makes the value null, and the
 * reference execution reports it (NOT_FOUND).
 */
function timelineRoot(
  p: EntityPlanner,
  timeline: Model['timeline'],
  def: Def,
  nodes: FieldNode[],
): RootStatement {
  const read = (variables: Variables) =>
    timelineArgs(
      timelineKinds(timeline),
      argumentsOf(def, nodes[0]!, variables) as Parameters<typeof timelineArgs>[1],
    );
  const { kinds, byState } = p.read(() => read(p.planVariables));
  const shape = { kinds, byState };
  p.writers.push((variables, out) => {
    const a = read(variables);
    Object.assign(out, a.params, { first: a.first });
    return JSON.stringify({ kinds: a.kinds, byState: a.byState });
  });
  if (shape.kinds.length === 0)
    return { statement: query(Return([[list([]), 'value']])), nullMeansReference: false };
  const entryType = getNamedType(def.type) as GraphQLObjectType;
  const entry = p.selectionMap(entryType, setsOf(nodes), (name, n, field) => {
    if (name === 'date') return fn('toString', ref('date'));
    if (name === 'precision')
      return outputValue(fn('coalesce', ref('precision'), str('day')), field.type);
    if (name === 'kind') return outputValue(ref('kind'), field.type);
    if (name === 'title') return ref('title');
    if (name === 'node') return p.entity('n0', getNamedType(field.type), setsOf(n));
    if (name === 'sources') return p.sources('n0', field, n);
  });
  const entries = slice(
    fn('collect', when([[isNull(ref('n0')), NULL]], entry)),
    num(0),
    param('first'),
  );
  const stateFound = fn('coalesce', fn('head', fn('collect', ref('stateFound'))), bool(false));
  return {
    statement: query(
      ...timelineRows(timeline, shape.kinds, shape.byState),
      Return([[shape.byState ? when([[stateFound, entries]]) : entries, 'value']]),
    ),
    nullMeansReference: shape.byState,
  };
}

/** The link fields of a matrix cell and the relationship type each lists. */
const CELL_LINKS: Record<string, { type: string; count: string | null }> = {
  links: { type: 'PURSUES', count: 'count' },
  mayPursue: { type: 'MAY_PURSUE', count: 'mayPursueCount' },
  civilSociety: { type: 'CIVIL_SOCIETY_ENGAGES', count: 'civilSocietyCount' },
};

/**
 * The state x priority matrix of a mandate (api/priority-matrix.cypher and
 * matrix-cell.ts): its priorities in their order, every state by name, and
 * a cell per state and priority with its PURSUES links (ordered by their
 * evidence key), their best grade, and the MAY_PURSUE and
 * CIVIL_SOCIETY_ENGAGES links apart. An unknown mandate makes the value
 * null; the reference execution reports it (NOT_FOUND).
 */
function matrixRoot(p: EntityPlanner, def: Def, nodes: FieldNode[]): RootStatement {
  const read = (variables: Variables) =>
    (argumentsOf(def, nodes[0]!, variables) as { mandate: string }).mandate;
  p.read(() => read(p.planVariables));
  p.writers.push((variables, out) => {
    out.mandate = read(variables);
    return '';
  });
  const matrix = getNamedType(def.type) as GraphQLObjectType;
  const st = p.names.variable('st');
  const pr = p.names.variable('pr');
  const value = p.selectionMap(matrix, setsOf(nodes), (name, n, field) => {
    const type = getNamedType(field.type);
    if (name === 'mandate') return p.entity('n0', type, setsOf(n));
    if (name === 'states') return each(st, ref('states'), { map: p.entity(st, type, setsOf(n)) });
    if (name === 'priorities')
      return each(pr, ref('priorities'), { map: p.entity(pr, type, setsOf(n)) });
    if (name === 'cells') {
      const cell = matrixCell(p, type as GraphQLObjectType, n, st, pr);
      const acc = p.names.variable('acc');
      const row = each(pr, ref('priorities'), { map: cell });
      return reduce(acc, list([]), st, ref('states'), plus(ref(acc), row));
    }
  });
  const [h, prv, s] = [ref('h'), ref('pr'), ref('s')];
  return {
    statement: query(
      match(path(node('n0', ['Mandate'], [['id', param('mandate')]]))),
      call(
        ['n0'],
        query(
          optionalMatch(
            step(node('n0'), rel('h', ['HAS_PRIORITY'], 'out'), node('pr', ['Priority'])),
          ),
          With(['pr'], { orderBy: [prop(h, 'order'), prop(prv, 'name')] }),
          Return([[fn('collect', prv), 'priorities']]),
        ),
      ),
      call(
        [],
        query(
          match(path(node('s', ['State']))),
          With(['s'], { orderBy: [prop(s, 'name')] }),
          Return([[fn('collect', s), 'states']]),
        ),
      ),
      Return([[value, 'value']]),
    ),
    nullMeansReference: true,
  };
}

function matrixCell(
  p: EntityPlanner,
  cell: GraphQLObjectType,
  nodes: readonly FieldNode[],
  st: string,
  pr: string,
): Expr {
  const links = (type: string) => {
    const r = p.names.variable('r');
    return { r, pattern: step(node(st), rel(r, [type], 'out'), node(pr)) };
  };
  return p.selectionMap(cell, setsOf(nodes), (name, n, field) => {
    const counted = Object.values(CELL_LINKS).find((c) => c.count === name);
    if (name === 'state') return p.entity(st, getNamedType(field.type), setsOf(n));
    if (name === 'priority') return p.entity(pr, getNamedType(field.type), setsOf(n));
    if (counted) return count(links(counted.type).pattern);
    if (CELL_LINKS[name]) {
      const { r, pattern } = links(CELL_LINKS[name].type);
      const link = p.link(
        { r, m: pr },
        getNamedType(field.type) as GraphQLObjectType,
        setsOf(n),
        CELL_LINKS[name].type,
      );
      // The order the resolvers sort them in: by the stored via and viaId.
      const stored = (key: string) =>
        fn('coalesce', fn('toString', prop(ref(r), key)), str('undefined'));
      const order = plus(stored('via'), str('|'), stored('viaId'));
      return collect(
        query(match(pattern), With([r], { orderBy: [order] }), Return([[link, null]])),
      );
    }
    if (name === 'grade') {
      const { r, pattern } = links('PURSUES');
      const c = p.names.variable('c');
      // The best confidence among the links (the model lists them best first).
      const marks = collect(query(match(pattern), Return([[prop(ref(r), 'confidence'), null]])));
      const best = fn('head', each(c, strings(p.confidences), { where: isIn(ref(c), marks) }));
      return outputValue(best, field.type);
    }
    if (name === 'unverified') {
      const { r, pattern } = links('PURSUES');
      const checked = ne(fn('coalesce', prop(ref(r), 'unverified'), bool(false)), bool(true));
      return and(gt(count(pattern), num(0)), not(exists(query(match(pattern, checked)))))!;
    }
  });
}

/** The stored fields of the dataset version (api/dataset.cypher); null before any seed load. */
const d = ref('d');
const DATASET_FIELDS: Record<string, Expr> = {
  filesChecksum: prop(d, 'filesChecksum'),
  checksum: prop(d, 'checksum'),
  seedVersion: prop(d, 'seedVersion'),
  loadedAt: fn('toString', prop(d, 'loadedAt')),
};

function datasetRoot(def: Def, nodes: FieldNode[], p: EntityPlanner): RootStatement {
  const type = getNamedType(def.type) as GraphQLObjectType;
  const value = p.selectionMap(type, setsOf(nodes), (name) => DATASET_FIELDS[name]);
  return {
    statement: query(
      match(path(node('d', ['Dataset'], [['id', str('dataset')]]))),
      Return([[value, 'value']]),
    ),
    nullMeansReference: false,
  };
}
