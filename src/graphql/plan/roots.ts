import { getNamedType, type FieldNode, type GraphQLField, type GraphQLObjectType } from 'graphql';
import type { Model } from '../../model';
import { listArgs, type ListArgs } from '../arguments';
import { listPage, listTotal } from './statements/entity-list';
import { rootClause } from './statements/roots';
import { timelineKinds, timelineRows } from './statements/timeline';
import { lookups, type IdOrKey } from '../lookups';
import { nodeIds, timelineArgs } from '../read-args';
import { literal, outputValue } from './cypher';
import { argumentsOf, type EntityPlanner, type Variables } from './entity';
import { countsRoot, dataQualityRoot, neighbourhoodRoot, pathRoot, searchRoot } from './reads';
import { setsOf, Unplannable } from './selection';

/** One root field's statement: it returns one row whose `value` is the field's response. */
export interface RootStatement {
  statement: string;
  /**
   * A null answer is not the whole answer: the reference execution says
   * why (a project acronym no project has is NOT_FOUND, with the closest names).
   */
  nullMeansReference: boolean;
}

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
    statement: `${rootClause(lookup)}
RETURN ${p.entity('n0', getNamedType(def.type), setsOf(nodes))} AS value`,
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
  const map = p.entity('n0', getNamedType(def.type), setsOf(nodes));
  // One row per id asked, in order; an unknown id is a null in its place.
  return {
    statement: `UNWIND range(0, size($ids) - 1) AS i0
OPTIONAL MATCH (n0:Entity {id: $ids[i0]})
WITH i0, n0 ORDER BY i0
RETURN [x0 IN collect({v: CASE WHEN n0 IS NULL THEN null ELSE ${map} END}) | x0.v] AS value`,
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
    first: '$first',
    count: 'total',
    edge: (edgeType, sets) => p.entityEdge(edgeType, sets, 'n0', 'key'),
  });
  const total = p.selects(returned, nodes, 'totalCount') ? `${listTotal(label, shape)}\n` : '';
  return { statement: `${total}RETURN ${value} AS value`, nullMeansReference: false };
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
    return { statement: 'RETURN [] AS value', nullMeansReference: false };
  const entryType = getNamedType(def.type) as GraphQLObjectType;
  const map = p.selectionMap(entryType, setsOf(nodes), (name, n, field) => {
    if (name === 'date') return 'toString(date)';
    if (name === 'precision') return outputValue("coalesce(precision, 'day')", field.type);
    if (name === 'kind') return outputValue('kind', field.type);
    if (name === 'title') return 'title';
    if (name === 'node') return p.entity('n0', getNamedType(field.type), setsOf(n));
    if (name === 'sources') return p.sources('n0', field, n);
  });
  const entry = `collect(CASE WHEN n0 IS NULL THEN null ELSE ${map} END)[0..$first]`;
  return {
    statement: `${timelineRows(timeline, shape.kinds, shape.byState)}
RETURN ${shape.byState ? `CASE WHEN coalesce(head(collect(stateFound)), false) THEN ${entry} END` : entry} AS value`,
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
  const map = p.selectionMap(matrix, setsOf(nodes), (name, n, field) => {
    const type = getNamedType(field.type);
    if (name === 'mandate') return p.entity('n0', type, setsOf(n));
    if (name === 'states') return `[${st} IN states | ${p.entity(st, type, setsOf(n))}]`;
    if (name === 'priorities') return `[${pr} IN priorities | ${p.entity(pr, type, setsOf(n))}]`;
    if (name === 'cells') {
      const cell = matrixCell(p, type as GraphQLObjectType, n, st, pr);
      const acc = p.names.variable('acc');
      return `reduce(${acc} = [], ${st} IN states | ${acc} + [${pr} IN priorities | ${cell}])`;
    }
  });
  return {
    statement: `MATCH (n0:Mandate {id: $mandate})
CALL (n0) {
  OPTIONAL MATCH (n0)-[h:HAS_PRIORITY]->(pr:Priority)
  WITH pr ORDER BY h.order, pr.name
  RETURN collect(pr) AS priorities
}
CALL () {
  MATCH (s:State)
  WITH s ORDER BY s.name
  RETURN collect(s) AS states
}
RETURN ${map} AS value`,
    nullMeansReference: true,
  };
}

function matrixCell(
  p: EntityPlanner,
  cell: GraphQLObjectType,
  nodes: readonly FieldNode[],
  st: string,
  pr: string,
): string {
  const links = (type: string) => {
    const r = p.names.variable('r');
    return { r, pattern: `(${st})-[${r}:${type}]->(${pr})` };
  };
  return p.selectionMap(cell, setsOf(nodes), (name, n, field) => {
    const counted = Object.values(CELL_LINKS).find((c) => c.count === name);
    if (name === 'state') return p.entity(st, getNamedType(field.type), setsOf(n));
    if (name === 'priority') return p.entity(pr, getNamedType(field.type), setsOf(n));
    if (counted) return `COUNT { ${links(counted.type).pattern} }`;
    if (CELL_LINKS[name]) {
      const { r, pattern } = links(CELL_LINKS[name].type);
      const link = p.link(
        { r, m: pr },
        getNamedType(field.type) as GraphQLObjectType,
        setsOf(n),
        CELL_LINKS[name].type,
      );
      // The order the resolvers sort them in: by the stored via and viaId.
      return `COLLECT { MATCH ${pattern} WITH ${r} ORDER BY coalesce(toString(${r}.via), 'undefined') + '|' + coalesce(toString(${r}.viaId), 'undefined') RETURN ${link} }`;
    }
    if (name === 'grade') {
      const { r, pattern } = links('PURSUES');
      const c = p.names.variable('c');
      // The best confidence among the links (the model lists them best first).
      return outputValue(
        `head([${c} IN ${literalList(p.confidences)} WHERE ${c} IN COLLECT { MATCH ${pattern} RETURN ${r}.confidence }])`,
        field.type,
      );
    }
    if (name === 'unverified') {
      const { r, pattern } = links('PURSUES');
      return `COUNT { ${pattern} } > 0 AND NOT EXISTS { MATCH ${pattern} WHERE coalesce(${r}.unverified, false) <> true }`;
    }
  });
}

const literalList = (values: readonly string[]) => `[${values.map(literal).join(', ')}]`;

/** The stored fields of the dataset version (api/dataset.cypher); null before any seed load. */
const DATASET_FIELDS: Record<string, string> = {
  filesChecksum: 'd.filesChecksum',
  checksum: 'd.checksum',
  seedVersion: 'd.seedVersion',
  loadedAt: 'toString(d.loadedAt)',
};

function datasetRoot(def: Def, nodes: FieldNode[], p: EntityPlanner): RootStatement {
  const type = getNamedType(def.type) as GraphQLObjectType;
  const map = p.selectionMap(type, setsOf(nodes), (name) => DATASET_FIELDS[name]);
  return {
    statement: `MATCH (d:Dataset {id: 'dataset'})\nRETURN ${map} AS value`,
    nullMeansReference: false,
  };
}
