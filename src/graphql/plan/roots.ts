import { getNamedType, type FieldNode, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { badInput } from '../../errors';
import type { Model } from '../../model';
import { listPage, listTotal, type EntityListShape } from '../compile/entity-list';
import { rootClause } from '../compile/roots';
import { lookups, type IdOrKey } from '../lookups';
import { decodeCursor, pageSize } from '../model';
import { cursorExpression, literal, mapOf } from './cypher';
import { argumentsOf, type EntityPlanner, type Variables } from './entity';
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
/** nodes takes at most this many ids (resolvers/query.ts). */
const MAX_IDS = 100;

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
    if (ids.length > MAX_IDS) throw badInput(`nodes takes at most ${MAX_IDS} ids`);
    return ids;
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

interface ListArgs {
  filter?: { text?: string | null; kinds?: string[] | null; unverified?: boolean | null } | null;
  orderBy?: string | null;
  first?: number | null;
  after?: string | null;
}

function listRoot(p: EntityPlanner, def: Def, nodes: FieldNode[], label: string): RootStatement {
  const read = (variables: Variables) => {
    const args = argumentsOf(def, nodes[0]!, variables) as ListArgs;
    const values = {
      text: args.filter?.text ? args.filter.text.toLowerCase() : null,
      kinds: args.filter?.kinds ?? null,
      unverified: args.filter?.unverified ?? null,
    };
    const shape: EntityListShape = {
      text: values.text !== null,
      kinds: values.kinds !== null,
      unverified: values.unverified !== null,
      orderBy: args.orderBy === 'CONNECTIONS' ? 'CONNECTIONS' : 'NAME',
    };
    const first = pageSize(args.first);
    return { shape, values, first, after: decodeCursor(args.after) ?? '' };
  };
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
    edge: (type, sets) =>
      mapOf(
        [...p.selections.fields(type, sets)].map(([key, n]) => {
          const field = n[0]!.name.value;
          if (field === '__typename') return [key, literal(type.name)];
          if (field === 'cursor') return [key, cursorExpression('key')];
          if (field === 'node')
            return [key, p.entity('n0', getNamedType(type.getFields().node!.type), setsOf(n))];
          throw new Unplannable(`${type.name}.${field}`);
        }),
      ),
  });
  const total = p.selects(returned, nodes, 'totalCount') ? `${listTotal(label, shape)}\n` : '';
  return { statement: `${total}RETURN ${value} AS value`, nullMeansReference: false };
}
