import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import { farLabelFilter, type Model } from '../../model';
import { labelExpression } from './identifiers';
import { ALL, entityReads, projection, relationshipReads, union } from './projection';
import {
  countOf,
  cursorOf,
  indexedKey,
  keyExpression,
  seekPattern,
  shapeOf,
  SHAPE_ONLY,
  walkConditions,
  walkPattern,
  type RelationShape,
  type WalkFilters,
  type WalkNames,
} from './relation-page';

/**
 * Compiles the relationship fields under a root field's entities into one
 * Cypher statement: every connection and single link of the model, nested
 * to any depth, as COLLECT subqueries of typed, directed walks with their
 * keyset page, and COUNT subqueries where totalCount is selected. The
 * resolvers then read the prefetched pages instead of querying, so a root
 * field costs its own statement and this one, whatever its depth. Fields it
 * does not compile (evidence, connectionCount, the generic relationships
 * field, arguments it cannot read) are left to the resolvers and their
 * DataLoaders.
 */

/** What a field's arguments become: the page size, cursor, order and filter values. */
export interface WalkArgs {
  first: number;
  after: string | null;
  orderBy: RelationShape['orderBy'];
  filters: WalkFilters;
}

/** Reads a relationship field's arguments, or throws (the field is then left to its resolver). */
export type ArgumentReader = (args: Record<string, unknown>) => WalkArgs;

export interface FieldPlan {
  key: string;
  many: boolean;
  first: number;
  total: boolean;
  node: NodePlan;
}

/** Per label, the compiled fields of an entity (an abstract position may hold several labels). */
export type NodePlan = Map<string, FieldPlan[]>;

export interface Compiled {
  /** A Cypher map expression over the entity variable, or null when nothing compiles. */
  expr: string | null;
  plan: NodePlan;
  /** A map projection of the entity's stored properties that the selection reads. */
  props: string;
}

export class PrefetchCompiler {
  readonly params: Record<string, unknown> = {};
  private counter = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly model: Model,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly readArgs: ArgumentReader,
  ) {}

  /** The compiled fields of an entity in variable `v` of GraphQL type `type`, selected by `selections`. */
  entity(v: string, type: GraphQLCompositeType, selections: readonly SelectionSetNode[]): Compiled {
    const runtime: readonly GraphQLObjectType[] = isAbstractType(type)
      ? this.schema.getPossibleTypes(type)
      : isObjectType(type)
        ? [type]
        : [];
    const plan: NodePlan = new Map();
    const branches: string[] = [];
    const reads: ReturnType<typeof entityReads>[] = [];
    for (const t of runtime) {
      const spec = this.model.labels[t.name];
      if (!spec) continue;
      const entries: string[] = [];
      const fields: FieldPlan[] = [];
      const collected = this.collect(t, selections);
      reads.push(
        entityReads(
          t.name,
          [...collected.values()].map((n) => n[0]!.name.value),
          new Set(Object.keys(spec.fields)),
        ),
      );
      for (const [key, nodes] of collected) {
        const field = spec.fields[nodes[0]!.name.value];
        if (!field) continue;
        const compiled = this.walk(v, t, key, nodes, field);
        if (!compiled) continue;
        entries.push(`\`${key}\`: ${compiled.expr}`);
        fields.push(compiled.plan);
      }
      if (fields.length === 0) continue;
      plan.set(t.name, fields);
      branches.push(`WHEN ${labelExpression(v, [t.name])} THEN {${entries.join(', ')}}`);
    }
    // A position no label of the model can fill reads nothing it could name: ship everything.
    const props = projection(v, reads.length ? union(reads) : ALL);
    if (branches.length === 0) return { expr: null, plan, props };
    return {
      props,
      expr:
        runtime.length === 1
          ? branches[0]!.replace(/^WHEN [^ ]+ THEN /, '')
          : `CASE ${branches.join(' ')} ELSE {} END`,
      plan,
    };
  }

  private collect(t: GraphQLObjectType, selections: readonly SelectionSetNode[]) {
    const merged = new Map<string, FieldNode[]>();
    for (const s of selections) {
      for (const [key, nodes] of collectFields(this.schema, this.fragments, this.variables, t, s))
        merged.set(key, [...(merged.get(key) ?? []), ...nodes]);
    }
    return merged;
  }

  private walk(
    v: string,
    parent: GraphQLObjectType,
    key: string,
    nodes: FieldNode[],
    field: Model['labels'][string]['fields'][string],
  ): { expr: string; plan: FieldPlan } | null {
    const def = parent.getFields()[nodes[0]!.name.value];
    if (!def) return null;
    let args: WalkArgs;
    try {
      args = this.readArgs(getArgumentValues(def, nodes[0]!, this.variables));
    } catch {
      // Bad arguments: the resolver reports them at the field's own path.
      return null;
    }
    const many = field.cardinality !== 'one';
    const id = (this.counter += 1);
    const names: WalkNames = { p: v, r: `r${id}`, m: `m${id}`, param: `f${id}_` };
    const shape = shapeOf(args.filters, many ? args.orderBy : 'ID');
    for (const [k, value] of Object.entries(args.filters))
      if (value != null && !SHAPE_ONLY.has(k)) this.params[`${names.param}${k}`] = value;
    const first = many ? args.first : 1;
    this.params[`${names.param}after`] = args.after ?? '';
    this.params[`${names.param}limit`] = first + 1;

    // The far end's selections: edges.node of a connection, node of a link.
    const returnType = getNamedType(def.type);
    if (!isObjectType(returnType)) return null;
    const farSelections: SelectionSetNode[] = [];
    let total = false;
    const linkLevel = many
      ? this.subfields(returnType, nodes, 'edges')
      : { type: returnType, nodes };
    if (many) total = this.collect(returnType, sets(nodes)).has('totalCount');
    if (linkLevel) {
      for (const [, n] of this.collect(linkLevel.type, sets(linkLevel.nodes)))
        if (n[0]!.name.value === 'node') farSelections.push(...sets(n));
    }
    const farType = linkLevel ? getNamedType(linkLevel.type.getFields().node!.type) : null;
    const spec = {
      types: [field.relationship],
      direction: field.direction,
      labels: farLabelFilter(this.model, field),
    };
    const nested =
      farType && farSelections.length > 0
        ? this.entity(names.m, farType as GraphQLCompositeType, farSelections)
        : { expr: null, plan: new Map(), props: projection(names.m, ['id']) };
    const relProps = linkLevel
      ? projection(
          names.r,
          relationshipReads(
            [...this.collect(linkLevel.type, sets(linkLevel.nodes)).values()].map(
              (n) => n[0]!.name.value,
            ),
          ),
        )
      : '{}';
    const walk = `MATCH ${walkPattern(spec, names)} WHERE ${walkConditions(spec, shape, names)}`;
    const { r, m } = names;
    const after = `$${names.param}after`;
    const limit = `$${names.param}limit`;
    const row = (key: string) =>
      `{key: ${key}, type: type(${r}), out: startNode(${r}) = ${v}, rel: ${relProps}, labels: labels(${m}), node: ${nested.props}, nested: ${nested.expr ?? '{}'}}`;
    // Nested subqueries see the outer variables: every name is numbered.
    const k = `k${id}`;
    const stored = indexedKey(spec, shape);
    const rows = stored
      ? `COLLECT {
    ${seekPattern(spec, stored, names, after)}
    WITH ${r}, ${m} ORDER BY ${r}.${stored} LIMIT ${limit}
    RETURN ${row(cursorOf(stored, names))}
  }`
      : `COLLECT {
    ${walk}
    WITH ${r}, ${m}, ${keyExpression(shape.orderBy, names)} AS ${k}
    WHERE ${k} > ${after}
    WITH ${r}, ${m}, ${k} ORDER BY ${k} LIMIT ${limit}
    RETURN ${row(k)}
  }`;
    const expr = total
      ? `{rows: ${rows}, total: ${countOf(spec, shape, names)}}`
      : `{rows: ${rows}}`;
    return { expr, plan: { key, many, first, total, node: nested.plan } };
  }

  /** The type and field nodes of a subfield (e.g. a connection's edges). */
  private subfields(type: GraphQLObjectType, nodes: FieldNode[], name: string) {
    const found: FieldNode[] = [];
    for (const [, n] of this.collect(type, sets(nodes)))
      if (n[0]!.name.value === name) found.push(...n);
    const sub = getNamedType(type.getFields()[name]?.type);
    return found.length > 0 && isObjectType(sub) ? { type: sub, nodes: found } : null;
  }
}

const sets = (nodes: readonly FieldNode[]): SelectionSetNode[] =>
  nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
