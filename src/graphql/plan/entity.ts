import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { farLabelFilter, type FieldSpec, type Model } from '../../model';
import { decodeCursor, pageSize } from '../model';
import { anyRelationSpec, walkArgs, type RelationArgs } from '../arguments';
import { edgeTypeName, linkTypeName } from '../naming';
import {
  countOf,
  cursorOf,
  indexedKey,
  keyExpression,
  oneTypeUnfiltered,
  seekPattern,
  shapeOf,
  SHAPE_ONLY,
  walkConditionList,
  walkPattern,
  type RelationSpec,
  type WalkNames,
} from './statements/relation-page';
import {
  and,
  at,
  bool,
  collect,
  count,
  each,
  endsWith,
  eq,
  fn,
  gt,
  hasLabel,
  isIn,
  isNotNull,
  isNull,
  list,
  map,
  match,
  matches,
  minus,
  ne,
  node,
  not,
  NULL,
  num,
  or,
  param,
  path,
  plus,
  prop,
  query,
  rel,
  Return,
  slice,
  step,
  str,
  strings,
  times,
  div,
  v as ref,
  when,
  With,
  sameTree,
  type Clause,
  type Expr,
} from '../../cypher';
import { cursorExpression, enumName, Names, outputValue } from './cypher';
import { Selections, setsOf, Unplannable } from './selection';

/** Where an abstract edge's __typename goes, filled in once its branches are known (anyEdge). */
const TYPENAME_MARK = '\u0000typename';
const TYPENAME: Expr = ref(TYPENAME_MARK);
const isTypename = (e: Expr) => e.k === 'var' && e.name === TYPENAME_MARK;

/** A map's entries: response keys and their values. */
type Entries = [string, Expr][];

/** Request variables. */
export type Variables = Record<string, unknown>;

/**
 * Writes one request's parameters for a part of a statement and returns
 * that part's shape (which filters, which order): a plan serves a request
 * only when every shape is the one it was planned for.
 */
export type ParamWriter = (variables: Variables, out: Record<string, unknown>) => string;

/** The arguments of a field could not be read: graphql-js reports them at the field's path. */
export class BadArguments extends Error {}

/** A field's arguments, read as graphql-js reads them (defaults, variables, coercion). */
export function argumentsOf(
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Variables,
): Record<string, unknown> {
  return getArgumentValues(def, node, variables);
}

/** Stored properties every entity has besides its label's own (model.ts NODE_COMMON_FIELDS). */
const COMMON_PROPERTIES = new Set(['id', 'confidence', 'note']);

/** The label an entity carries besides Entity (model.ts toEntity). */
const ownLabel = (v: string) =>
  at(each('l', fn('labels', ref(v)), { where: ne(ref('l'), str('Entity')) }), 0);

/** `coalesce(e = true, false)`: a flag stored only where it is set. */
const flag = (e: Expr) => fn('coalesce', eq(e, bool(true)), bool(false));

/** `range(0, size(coalesce(list, [])) - 1)`: the indexes of a stored list. */
const indexes = (stored: Expr) =>
  fn('range', num(0), minus(fn('size', fn('coalesce', stored, list([]))), num(1)));

/** `CASE WHEN out THEN 'OUT' ELSE 'IN' END`. */
const directionOf = (out: Expr) => when([[out, str('OUT')]], str('IN'));

/** The one entity with the id `id`, as `build` makes it (null when there is none). */
const entityById = (e: string, id: Expr, build: () => Expr) =>
  fn(
    'head',
    collect(query(match(path(node(e, ['Entity'], [['id', id]]))), Return([[build(), null]]))),
  );

/**
 * Builds the response of one root field as a Cypher expression: for an
 * entity in a variable, the map of its selected fields under their
 * response keys, with every relationship field below it as a COLLECT
 * subquery that returns finished edges. Values are written as the API
 * writes them (dates, enums, cursors), so the row Neo4j returns is the
 * response.
 */
export class EntityPlanner {
  readonly names = new Names();

  readonly writers: ParamWriter[] = [];

  constructor(
    private readonly model: Model,
    readonly selections: Selections,
    private readonly variables: Variables,
  ) {}

  /** Reads a field's arguments now (planning), turning a client's mistake into BadArguments. */
  read<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw new BadArguments((err as Error).message);
    }
  }

  get planVariables(): Variables {
    return this.variables;
  }

  /**
   * The map of an entity in `v` at a position of type `type`. Memoised:
   * the same selection at the same position from the same counter is the
   * same expression (alternatives of abstract positions repeat far ends often:
   * without it a nested generic field is planned once per type per level).
   */
  entity(v: string, type: GraphQLNamedType, sets: readonly SelectionSetNode[]): Expr {
    const key = `${v}\u0000${type.name}\u0000${this.names.position}\u0000${sets.map((x) => this.idOf(x)).join(',')}`;
    const hit = this.built.get(key);
    if (hit) {
      this.names.skipTo(hit.end);
      return hit.expr;
    }
    const expr = this.entityMap(v, type, sets);
    this.built.set(key, { expr, end: this.names.position });
    return expr;
  }

  private readonly built = new Map<string, { expr: Expr; end: number }>();
  private readonly ids = new WeakMap<object, number>();
  private readonly paramPrefixes = new Set<string>();

  /** A stable number for a selection set or field node of this document. */
  private idOf(node: object): number {
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.nextId += 1;
      this.ids.set(node, id);
    }
    return id;
  }

  private nextId = 0;

  /**
   * The parameter prefix of a field with arguments: by its field node, so
   * alternatives that share the node (a CASE branch per type) share the
   * parameters (their values come from the node alone), and nodes that
   * differ never share them. Returns whether its writer is still to register.
   */
  private paramPrefix(node: FieldNode): { prefix: string; first: boolean } {
    const prefix = `f${this.idOf(node)}_`;
    const first = !this.paramPrefixes.has(prefix);
    this.paramPrefixes.add(prefix);
    return { prefix, first };
  }

  private entityMap(v: string, type: GraphQLNamedType, sets: readonly SelectionSetNode[]): Expr {
    const possible = this.selections.possible(type);
    if (!isAbstractType(type)) return this.objectMap(v, possible[0]!, sets, false);
    // Types that select the same fields share one map (typically: all but the fragments' own).
    const groups: { expr: Expr; labels: string[] }[] = [];
    const built = this.names.alike(possible, (t) => this.objectMap(v, t, sets, true));
    possible.forEach((t, i) => {
      const expr = built[i]!;
      const group = groups.find((g) => sameTree(g.expr, expr));
      if (group) group.labels.push(t.name);
      else groups.push({ expr, labels: [t.name] });
    });
    if (groups.length === 1) return groups[0]!.expr;
    return when(groups.map(({ expr, labels }) => [hasLabel(ref(v), labels), expr]));
  }

  private objectMap(
    v: string,
    t: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    abstract: boolean,
  ): Expr {
    const spec = this.model.labels[t.name];
    if (!spec) throw new Unplannable(`${t.name} is not a label of the model`);
    const entries: Entries = [];
    for (const [key, nodes] of this.selections.fields(t, sets)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        entries.push([key, abstract ? ownLabel(v) : str(t.name)]);
        continue;
      }
      const def = t.getFields()[name];
      if (!def) throw new Unplannable(`${t.name}.${name} is not in the schema`);
      const relation = spec.fields[name];
      entries.push([
        key,
        relation || name === 'relationships'
          ? this.relation(v, t, nodes, relation ?? null)
          : name === 'citedBy' && t.name === 'Source'
            ? this.citedBy(v, t, nodes)
            : this.entityField(v, t, name, def, nodes, abstract),
      ]);
    }
    return map(entries);
  }

  private entityField(
    v: string,
    t: GraphQLObjectType,
    name: string,
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    abstract: boolean,
  ): Expr {
    const e = ref(v);
    switch (name) {
      case 'label':
        return abstract ? outputValue(ownLabel(v), def.type) : enumName(def.type, t.name);
      case 'sources':
        return this.sources(v, def, nodes);
      case 'unverified':
        return flag(prop(e, 'unverified'));
      case 'connectionCount':
        return count(step(node(v), rel(null, null, 'both'), node(null)));
      case 'name':
        // A source's name is its name or else its title (resolvers/entities.ts).
        if (t.name === 'Source') return fn('coalesce', prop(e, 'name'), prop(e, 'title'));
    }
    const properties = this.model.labels[t.name]?.properties ?? {};
    // A date property's precision is stored beside it (foundedPrecision).
    const precisionOf = name.endsWith('Precision') ? name.slice(0, -'Precision'.length) : null;
    const property =
      COMMON_PROPERTIES.has(name) ||
      properties[name] ||
      (precisionOf !== null && properties[precisionOf]?.type === 'date');
    if (!property) throw new Unplannable(`${t.name}.${name} is computed by its resolver`);
    return outputValue(prop(e, name), def.type);
  }

  /** A node's or relationship's sources, from its parallel sourceIds / sourceQuotes lists. */
  sources(v: string, def: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): Expr {
    const refType = getNamedType(def.type) as GraphQLObjectType;
    const i = this.names.variable('i');
    const e = ref(v);
    const map = this.selectionMap(refType, setsOf(nodes), (name, n) => {
      const quote = at(prop(e, 'sourceQuotes'), ref(i));
      if (name === 'quote') return when([[ne(quote, str('')), quote]]);
      if (name === 'source') return this.source(at(prop(e, 'sourceIds'), ref(i)), n);
    });
    return each(i, indexes(prop(e, 'sourceIds')), { map });
  }

  /** The source a reference names: its id alone needs no read. */
  private source(id: Expr, nodes: readonly FieldNode[]): Expr {
    const type = this.selections.schema.getType('Source') as GraphQLObjectType;
    const fields = this.selections.fields(type, setsOf(nodes));
    const onlyId = [...fields.values()].every((n) =>
      ['id', '__typename'].includes(n[0]!.name.value),
    );
    if (onlyId)
      return map(
        [...fields].map(([key, n]) => [key, n[0]!.name.value === 'id' ? id : str('Source')]),
      );
    const s = this.names.variable('s');
    return entityById(s, id, () => this.entity(s, type, setsOf(nodes)));
  }

  /**
   * A relationship field: a page of finished edges (a connection), or one
   * link. `field` null is the generic relationships field: its types and
   * direction come from its filter (arguments.ts anyRelationSpec), so they
   * are part of the statement's shape.
   */
  private relation(
    v: string,
    parent: GraphQLObjectType,
    nodes: FieldNode[],
    field: FieldSpec | null,
  ): Expr {
    const def = parent.getFields()[nodes[0]!.name.value]!;
    const many = field === null || field.cardinality !== 'one';
    const { prefix, first: register } = this.paramPrefix(nodes[0]!);
    const names: WalkNames = {
      p: v,
      r: this.names.variable('r'),
      m: this.names.variable('m'),
      param: prefix,
    };
    const walk = (variables: Variables) => {
      const a = argumentsOf(def, nodes[0]!, variables) as RelationArgs;
      const spec: RelationSpec = field
        ? {
            types: [field.relationship],
            direction: field.direction,
            labels: farLabelFilter(this.model, field),
          }
        : anyRelationSpec(a);
      return { ...walkArgs(a), spec };
    };
    const args = this.read(() => walk(this.variables));
    const { spec } = args;
    const shape = shapeOf(args.filters, many ? args.orderBy : 'ID');
    if (register)
      this.writers.push((variables, out) => {
        const a = walk(variables);
        for (const [k, value] of Object.entries(a.filters))
          if (value != null && !SHAPE_ONLY.has(k)) out[`${prefix}${k}`] = value;
        const first = many ? a.first : 1;
        out[`${prefix}after`] = a.after ?? '';
        out[`${prefix}first`] = first;
        // A page reads one row more to tell whether more follow; a link reads one.
        out[`${prefix}limit`] = many ? first + 1 : 1;
        return JSON.stringify([shapeOf(a.filters, many ? a.orderBy : 'ID'), field ? null : a.spec]);
      });

    const { r, m } = names;
    const k = this.names.variable('k');
    const $ = (name: string) => param(`${prefix}${name}`);
    const limit = $('limit');
    const stored = indexedKey(spec, shape);
    const walked = match(walkPattern(spec, names), and(...walkConditionList(spec, shape, names)));
    // Both directions: a self-loop matches twice (relation-page.ts does the same).
    const distinct = spec.direction === null;
    // The page: a seek on the stored key where one serves it, else the
    // key computed per related row (pages with filters or by NAME / LATEST).
    const page: Clause[] = stored
      ? [
          seekPattern(spec, stored, names, $('after')),
          With([r, m], { orderBy: [prop(ref(r), stored)], limit }),
          With([r, m, [cursorOf(stored, names), k]]),
        ]
      : [
          walked,
          ...(distinct ? [With([r, m], { distinct: true })] : []),
          With([r, m, [keyExpression(shape.orderBy, names), k]], { where: gt(ref(k), $('after')) }),
          With([r, m, k], { orderBy: [ref(k)], limit }),
        ];
    const edge = (
      type: GraphQLObjectType | GraphQLInterfaceType,
      sets: readonly SelectionSetNode[],
    ) =>
      field
        ? this.edgeMap(names, k, type as GraphQLObjectType, sets, field)
        : this.anyEdge(
            names,
            k,
            type,
            sets,
            eq(fn('startNode', ref(r)), ref(v)),
            edgeTypeName,
            spec,
          );

    const returned = getNamedType(def.type) as GraphQLObjectType;
    if (!many)
      return fn('head', collect(query(...page, Return([[edge(returned, setsOf(nodes)), null]]))));

    const total =
      oneTypeUnfiltered(spec, shape) && !spec.labels
        ? countOf(spec, shape, names)
        : count(query(walked, ...(distinct ? [Return([r], { distinct: true })] : [])));
    return this.connection(returned, nodes, { page, k, first: $('first'), count: total, edge });
  }

  /**
   * The entities that cite a source (api/source-cited-by.cypher): by id,
   * the id their keyset key. Provenance is stored as id lists on each fact,
   * so this reads every entity's list (a CITES relationship would index it).
   */
  private citedBy(v: string, parent: GraphQLObjectType, nodes: FieldNode[]): Expr {
    const def = parent.getFields()[nodes[0]!.name.value]!;
    const { prefix, first: register } = this.paramPrefix(nodes[0]!);
    const read = (variables: Variables) => {
      const a = argumentsOf(def, nodes[0]!, variables) as {
        first?: number | null;
        after?: string | null;
      };
      return { first: pageSize(a.first), after: decodeCursor(a.after) ?? '' };
    };
    this.read(() => read(this.variables));
    if (register)
      this.writers.push((variables, out) => {
        const a = read(variables);
        out[`${prefix}after`] = a.after;
        out[`${prefix}first`] = a.first;
        out[`${prefix}limit`] = a.first + 1;
        return '';
      });
    const c = this.names.variable('c');
    const k = this.names.variable('k');
    const $ = (name: string) => param(`${prefix}${name}`);
    const citing = match(
      path(node(c, ['Entity'])),
      and(
        isIn(prop(ref(v), 'id'), prop(ref(c), 'sourceIds')),
        ne(prop(ref(c), 'id'), prop(ref(v), 'id')),
      ),
    );
    const page = [
      citing,
      With([c, [prop(ref(c), 'id'), k]], { where: gt(ref(k), $('after')) }),
      With([c, k], { orderBy: [ref(k)], limit: $('limit') }),
    ];
    return this.connection(getNamedType(def.type) as GraphQLObjectType, nodes, {
      page,
      k,
      first: $('first'),
      count: count(query(citing)),
      edge: (edgeType, sets) => this.entityEdge(edgeType, sets, c, k),
    });
  }

  /** An edge of a page of entities: its cursor from the keyset key `k`, its node in `v`. */
  entityEdge(
    edgeType: GraphQLObjectType | GraphQLInterfaceType,
    sets: readonly SelectionSetNode[],
    v: string,
    k: string,
  ): Expr {
    const type = this.selections.possible(edgeType)[0]!;
    return this.selectionMap(type, sets, (name, n, field) => {
      if (name === 'cursor') return cursorExpression(ref(k));
      if (name === 'node') return this.entity(v, getNamedType(field.type), setsOf(n));
    });
  }

  /**
   * A page as a connection: `page` binds the page's rows (ordered and
   * limited to first + 1) with `k` their keyset key; the connection's
   * selected fields are built from them: edges (one map per response key,
   * built per row), pageInfo from the extra row, totalCount as `count`.
   */
  connection(
    returned: GraphQLObjectType,
    nodes: readonly FieldNode[],
    c: {
      page: readonly Clause[];
      k: string;
      first: Expr;
      count: Expr;
      /** The edge map; `type` is the edges' type, abstract for the generic relationships field. */
      edge: (
        type: GraphQLObjectType | GraphQLInterfaceType,
        sets: readonly SelectionSetNode[],
      ) => Expr;
    },
  ): Expr {
    const rows = this.names.variable('rows');
    const x = this.names.variable('x');
    const { first } = c;
    const pageRows = slice(ref(rows), num(0), first);
    const rowEntries: Entries = [];
    let needsRows = false;
    let needsKey = false;
    const entries: Entries = [];
    for (const [key, n] of this.selections.fields(returned, setsOf(nodes))) {
      const name = n[0]!.name.value;
      if (name === '__typename') entries.push([key, str(returned.name)]);
      else if (name === 'totalCount') entries.push([key, c.count]);
      else if (name === 'edges') {
        const edgeType = getNamedType(returned.getFields().edges!.type) as
          GraphQLObjectType | GraphQLInterfaceType;
        const column = `e${rowEntries.length}`;
        rowEntries.push([column, c.edge(edgeType, setsOf(n))]);
        needsRows = true;
        if (this.selections.possible(edgeType).some((t) => this.selects(t, n, 'cursor')))
          needsKey = true;
        entries.push([key, each(x, pageRows, { map: prop(ref(x), column) })]);
      } else if (name === 'pageInfo') {
        needsRows = true;
        const info = this.selections.objectField(returned, 'pageInfo');
        const infoEntries: Entries = [];
        for (const [ik, inodes] of this.selections.fields(info, setsOf(n))) {
          const iname = inodes[0]!.name.value;
          if (iname === '__typename') infoEntries.push([ik, str(info.name)]);
          else if (iname === 'hasNextPage')
            infoEntries.push([ik, gt(fn('size', ref(rows)), first)]);
          else if (iname === 'endCursor') {
            needsKey = true;
            const filled = and(gt(first, num(0)), gt(fn('size', ref(rows)), num(0)))!;
            const last = prop(fn('last', pageRows), 'k');
            infoEntries.push([ik, when([[filled, cursorExpression(last)]])]);
          } else throw new Unplannable(`PageInfo.${iname}`);
        }
        entries.push([key, map(infoEntries)]);
      } else throw new Unplannable(`${returned.name}.${name}`);
    }
    if (!needsRows) return map(entries);
    if (needsKey) rowEntries.unshift(['k', ref(c.k)]);
    const collected = collect(query(...c.page, Return([[map(rowEntries), null]])));
    return at(each(rows, list([collected]), { map: map(entries) }), 0);
  }

  /** Whether a selection of `type` asks for the field `name` (under any alias). */
  selects(type: GraphQLObjectType, nodes: readonly FieldNode[], name: string): boolean {
    return [...this.selections.fields(type, setsOf(nodes)).values()].some(
      (n) => n[0]!.name.value === name,
    );
  }

  /**
   * The map of a selection on the object type `type`: __typename as its
   * name, every other field by `build`, which returns undefined for a field
   * the planner does not build (the operation is then Unplannable).
   */
  selectionMap(
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    build: (
      name: string,
      n: FieldNode[],
      field: GraphQLField<unknown, unknown>,
    ) => Expr | undefined,
  ): Expr {
    const entries: Entries = [];
    for (const [key, n] of this.selections.fields(type, sets)) {
      const name = n[0]!.name.value;
      const field = type.getFields()[name];
      const value = name === '__typename' ? str(type.name) : field && build(name, n, field);
      if (value === undefined) throw new Unplannable(`${type.name}.${name}`);
      entries.push([key, value]);
    }
    return map(entries);
  }

  /** Confidence marks best first, as the model lists them. */
  get confidences(): readonly string[] {
    return this.model.confidence.values;
  }

  /** A link of `type` in `r` from the asking end to `m` (a matrix cell's links). */
  link(
    names: { r: string; m: string },
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    relationship: string,
  ): Expr {
    const field: FieldSpec = { relationship, direction: 'out', description: '' };
    return this.edgeMap({ p: '', param: '', ...names }, '', type, sets, field);
  }

  /**
   * A relationship in `r` seen from its start, `m` its end, at a position
   * of the Relationship interface (a path or subgraph step): each type is
   * its own link object (resolvers' linkOrEdgeTypeOf).
   */
  anyLink(names: { r: string; m: string }, sets: readonly SelectionSetNode[]): Expr {
    const type = this.selections.schema.getType('Relationship') as GraphQLInterfaceType;
    // Seen from its start: the out direction's link types only.
    const outLink = (t: string, d: 'out' | 'in') => (d === 'out' ? linkTypeName(t, d) : '');
    return this.anyEdge({ p: '', param: '', ...names }, '', type, sets, bool(true), outLink);
  }

  /**
   * A relationship of any type at a position of an abstract relationship
   * type: the object type of its type and direction (`out` tells the
   * direction), named by `objectName`. What every type shares, type and
   * direction included, is read from the relationship itself, so types
   * selected alike share one map; a fragment on some types gives them a
   * branch of their own.
   */
  private anyEdge(
    names: WalkNames,
    k: string,
    abstract: GraphQLObjectType | GraphQLInterfaceType,
    sets: readonly SelectionSetNode[],
    out: Expr,
    objectName: (type: string, direction: 'out' | 'in') => string,
    walked: RelationSpec = { types: null, direction: null, labels: null },
  ): Expr {
    const possible = new Set(this.selections.possible(abstract).map((t) => t.name));
    const typeNames: [string, Expr][] = [];
    // Entries → the types they serve, per direction.
    const groups: { entries: Entries; out: string[]; in: string[] }[] = [];
    const candidates: { object: GraphQLObjectType; field: FieldSpec }[] = [];
    for (const relationship of walked.types ?? Object.keys(this.model.relationships))
      for (const direction of ['out', 'in'] as const) {
        const name = objectName(relationship, direction);
        const object = this.selections.schema.getType(name);
        if (!isObjectType(object) || !possible.has(name)) continue;
        if (walked.direction !== null && walked.direction !== direction) continue;
        typeNames.push([`${relationship}|${direction === 'out' ? 'OUT' : 'IN'}`, str(name)]);
        candidates.push({ object, field: { relationship, direction, description: '' } });
      }
    const built = this.names.alike(candidates, ({ object, field }) =>
      this.edgeEntries(names, k, object, sets, field, { out }),
    );
    candidates.forEach(({ field }, i) => {
      const entries = built[i]!;
      let group = groups.find((g) => sameTree(g.entries, entries));
      if (!group) groups.push((group = { entries, out: [], in: [] }));
      group[field.direction].push(field.relationship);
    });
    const r = ref(names.r);
    const typename = at(map(typeNames), plus(fn('type', r), str('|'), directionOf(out)));
    const fill = (entries: Entries) =>
      map(entries.map(([key, e]): [string, Expr] => [key, isTypename(e) ? typename : e]));
    // What every type shows alike is written once; what some types add
    // (a fragment's fields) is merged in by type, the group serving the
    // most types as the ELSE. Key order is restored from the document.
    const ordered = [...groups].sort(
      (a, b) => b.out.length + b.in.length - (a.out.length + a.in.length),
    );
    if (ordered.length === 0) throw new Unplannable(`${abstract.name} has no type here`);
    const shared = ordered[0]!.entries.filter(([key, e]) =>
      ordered.every((g) => g.entries.some(([k2, e2]) => k2 === key && sameTree(e2, e))),
    );
    const own = (g: (typeof ordered)[number]) =>
      g.entries.filter(([key]) => !shared.some(([k2]) => k2 === key));
    if (ordered.every((g) => own(g).length === 0)) return fill(shared);
    const isType = (types: string[]) => isIn(fn('type', r), strings(types));
    const serves = ({ out: o, in: i }: { out: string[]; in: string[] }) => {
      const both = o.filter((t) => i.includes(t));
      const outOnly = o.filter((t) => !both.includes(t));
      const inOnly = i.filter((t) => !both.includes(t));
      return or(
        both.length > 0 && isType(both),
        outOnly.length > 0 && and(isType(outOnly), out),
        inOnly.length > 0 && and(isType(inOnly), not(out)),
      )!;
    };
    const branches = ordered.slice(1).map((g) => [serves(g), fill(own(g))] as const);
    return fn('apoc.map.merge', fill(shared), when(branches, fill(own(ordered[0]!))));
  }

  /** An edge of a page or a single link, as the API shows a relationship from the asking end. */
  private edgeMap(
    names: WalkNames,
    k: string,
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    field: FieldSpec,
  ): Expr {
    return map(this.edgeEntries(names, k, type, sets, field));
  }

  private edgeEntries(
    { r, m }: WalkNames,
    k: string,
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    field: FieldSpec,
    any?: { out: Expr },
  ): Entries {
    const rel = this.model.relationships[field.relationship];
    if (!rel) throw new Unplannable(`${field.relationship} is not in the model`);
    const entries: Entries = [];
    for (const [key, nodes] of this.selections.fields(type, sets)) {
      const name = nodes[0]!.name.value;
      const def = type.getFields()[name];
      if (name === '__typename') entries.push([key, any ? TYPENAME : str(type.name)]);
      else if (!def) throw new Unplannable(`${type.name}.${name} is not in the schema`);
      else if (any && name === 'type')
        entries.push([key, outputValue(fn('type', ref(r)), def.type)]);
      else if (any && name === 'direction') entries.push([key, directionOf(any.out)]);
      else entries.push([key, this.edgeField(r, m, k, type, name, def, nodes, field, rel)]);
    }
    return entries;
  }

  private edgeField(
    r: string,
    m: string,
    k: string,
    type: GraphQLObjectType,
    name: string,
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    field: FieldSpec,
    rel: Model['relationships'][string],
  ): Expr {
    const e = ref(r);
    switch (name) {
      case 'cursor':
        return cursorExpression(ref(k));
      case 'type':
        return enumName(def.type, field.relationship);
      case 'direction':
        return enumName(def.type, field.direction === 'out' ? 'OUT' : 'IN');
      case 'node':
        return this.entity(m, getNamedType(def.type), setsOf(nodes));
      case 'period':
        return this.period(r, def, nodes);
      case 'periodKnown':
        return isNotNull(prop(e, 'validFrom'));
      case 'sources':
        return this.sources(r, def, nodes);
      case 'unverified':
        return flag(prop(e, 'unverified'));
      case 'derived':
        return fn('coalesce', eq(prop(e, 'origin'), str('derived')), bool(false));
      case 'confidence':
      case 'note':
        return outputValue(prop(e, name), def.type);
      case 'rule':
        // Stored on every derived link (migration 004 backfilled older ones).
        if (rel.derived && isEnumType(getNamedType(def.type)))
          return outputValue(prop(e, 'rule'), def.type);
        break;
      case 'evidence':
        if (rel.derived) return this.evidence(r, def, nodes);
    }
    if (!rel.properties[name]) throw new Unplannable(`${type.name}.${name} is computed`);
    return outputValue(prop(e, name), def.type);
  }

  /**
   * The evidence of a derived link (evidence.ts evidenceOf), read from the
   * lists the derivation stores beside each other: the path as text
   * ("state:LT -PILOT_COUNTRY_OF-> project:x -ADDRESSES-> priority:y"), its
   * rule, confidence, unverified mark, period ("from/to") with precisions,
   * and grade reasons as JSON. Each step's relationship is read by its ends
   * and type (the first by seed key, as api/relationships-by-ends.cypher).
   */
  private evidence(r: string, def: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]) {
    const pathType = getNamedType(def.type) as GraphQLObjectType;
    const j = this.names.variable('j');
    const nth = (list: string) => at(prop(ref(r), list), ref(j));
    const map = this.selectionMap(pathType, setsOf(nodes), (name, n, { type }) => {
      if (name === 'rule') return outputValue(nth('rules'), type);
      if (name === 'confidence') return outputValue(nth('evidenceConfidence'), type);
      if (name === 'unverified') return flag(nth('evidenceUnverified'));
      if (name === 'gradeReasons') return this.gradeReasons(nth('evidenceGradeReasons'), type, n);
      if (name === 'period')
        return this.pathPeriod(nth('evidencePeriods'), nth('evidencePeriodPrecisions'), type, n);
      if (name === 'steps') return this.steps(nth('evidence'), type, n);
    });
    return each(j, indexes(prop(ref(r), 'evidence')), { map });
  }

  private gradeReasons(stored: Expr, listType: GraphQLOutputType, nodes: FieldNode[]) {
    const type = getNamedType(listType) as GraphQLObjectType;
    const g = this.names.variable('g');
    const map = this.selectionMap(type, setsOf(nodes), (name, _, field) =>
      ['code', 'cap', 'step', 'text'].includes(name)
        ? outputValue(prop(ref(g), name), field.type)
        : undefined,
    );
    const reasons = fn('apoc.convert.fromJsonList', fn('coalesce', stored, str('[]')));
    return each(g, reasons, { map });
  }

  /** A path's period from its stored "from/to" text: null when neither end is a date. */
  private pathPeriod(periods: Expr, precisions: Expr, type: GraphQLOutputType, nodes: FieldNode[]) {
    const periodType = getNamedType(type) as GraphQLObjectType;
    const ps = this.names.variable('ps');
    const pp = this.names.variable('pp');
    const isDate = (e: Expr) =>
      fn('coalesce', matches(e, str('[0-9]{4}-[0-9]{2}-[0-9]{2}')), bool(false));
    const end = (i: number) => when([[isDate(at(ref(ps), i)), at(ref(ps), i)]]);
    const precision = (i: number, t: GraphQLOutputType) =>
      when([
        [
          and(isDate(at(ref(ps), i)), ne(fn('coalesce', at(ref(pp), i), str('')), str('')))!,
          outputValue(at(ref(pp), i), t),
        ],
      ]);
    const map = this.selectionMap(periodType, setsOf(nodes), (name, _, { type: t }) => {
      if (name === 'from') return end(0);
      if (name === 'to') return end(1);
      if (name === 'fromPrecision') return precision(0, t);
      if (name === 'toPrecision') return precision(1, t);
    });
    const split = (stored: Expr) => list([fn('split', fn('coalesce', stored, str('')), str('/'))]);
    const either = or(isDate(at(ref(ps), 0)), isDate(at(ref(ps), 1)))!;
    const inner = at(each(pp, split(precisions), { map: when([[either, map]]) }), 0);
    return at(each(ps, split(periods), { map: inner }), 0);
  }

  /** The steps of a path stored as text: node, arrow, node, ... (evidence.ts parseEvidencePath). */
  private steps(text: Expr, listType: GraphQLOutputType, nodes: FieldNode[]) {
    const type = getNamedType(listType) as GraphQLObjectType;
    const t = this.names.variable('t');
    const s = this.names.variable('s');
    const x = this.names.variable('x');
    const word = (offset: number) => at(ref(t), plus(times(num(2), ref(s)), num(offset)));
    const here = at(ref(t), times(num(2), ref(s)));
    const arrow = word(1);
    const next = word(2);
    const out = endsWith(arrow, str('>'));
    const relType = fn(
      'replace',
      fn('replace', fn('replace', arrow, str('<-'), str('')), str('->'), str('')),
      str('-'),
      str(''),
    );
    let needsRelationship = false;
    // The fields read from the step's relationship, found by its ends and type.
    const fromRelationship = (
      name: string,
      n: FieldNode[],
      def: GraphQLField<unknown, unknown>,
    ) => {
      if (name === 'period') return this.period(x, def, n);
      if (name === 'sources') return this.sources(x, def, n);
      if (name === 'confidence') return outputValue(prop(ref(x), 'confidence'), def.type);
      if (name === 'unverified') return flag(prop(ref(x), 'unverified'));
    };
    const map = this.selectionMap(type, setsOf(nodes), (name, n, def) => {
      if (name === 'node') {
        const e = this.names.variable('e');
        return entityById(e, next, () => this.entity(e, getNamedType(def.type), setsOf(n)));
      }
      if (name === 'relationshipType') return outputValue(relType, def.type);
      if (name === 'direction') return directionOf(out);
      const value = fromRelationship(name, n, def);
      if (value !== undefined) needsRelationship = true;
      return value;
    });
    const a = this.names.variable('a');
    const b = this.names.variable('b');
    const relationship = query(
      match(
        step(
          node(a, ['Entity'], [['id', when([[out, here]], next)]]),
          rel(x, null, 'out'),
          node(b, ['Entity'], [['id', when([[out, next]], here)]]),
        ),
        eq(fn('type', ref(x)), relType),
      ),
      With([x], { orderBy: [fn('coalesce', prop(ref(x), 'seedKey'), fn('elementId', ref(x)))] }),
      Return([x]),
    );
    const stepMap = needsRelationship
      ? at(each(x, list([fn('head', collect(relationship))]), { map }), 0)
      : map;
    const count = minus(div(minus(fn('size', ref(t)), num(1)), num(2)), num(1));
    const words = list([fn('split', fn('trim', text), str(' '))]);
    return at(each(t, words, { map: each(s, fn('range', num(0), count), { map: stepMap }) }), 0);
  }

  /** A relationship's period (model.ts periodOf): null when neither end is known. */
  private period(r: string, def: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]) {
    const type = getNamedType(def.type) as GraphQLObjectType;
    const stored: Record<string, string> = {
      from: 'validFrom',
      fromPrecision: 'validFromPrecision',
      to: 'validTo',
      toPrecision: 'validToPrecision',
    };
    const map = this.selectionMap(type, setsOf(nodes), (name, _, field) =>
      stored[name] ? outputValue(prop(ref(r), stored[name]), field.type) : undefined,
    );
    const unknown = and(isNull(prop(ref(r), 'validFrom')), isNull(prop(ref(r), 'validTo')))!;
    return when([[unknown, NULL]], map);
  }
}
