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
import { labelExpression } from './statements/identifiers';
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
import { cursorExpression, enumName, literal, mapOf, Names, outputValue, whereOf } from './cypher';
import { Selections, setsOf, Unplannable } from './selection';

/** Where an abstract edge's __typename goes, filled in once its branches are known (anyEdge). */
const TYPENAME = '\u0000typename\u0000';

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
const ownLabel = (v: string) => `[l IN labels(${v}) WHERE l <> 'Entity'][0]`;

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
   * same text (alternatives of abstract positions repeat far ends often:
   * without it a nested generic field is planned once per type per level).
   */
  entity(v: string, type: GraphQLNamedType, sets: readonly SelectionSetNode[]): string {
    const key = `${v}\u0000${type.name}\u0000${this.names.position}\u0000${sets.map((x) => this.idOf(x)).join(',')}`;
    const hit = this.built.get(key);
    if (hit) {
      this.names.skipTo(hit.end);
      return hit.text;
    }
    const text = this.entityMap(v, type, sets);
    this.built.set(key, { text, end: this.names.position });
    return text;
  }

  private readonly built = new Map<string, { text: string; end: number }>();
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

  private entityMap(v: string, type: GraphQLNamedType, sets: readonly SelectionSetNode[]): string {
    const possible = this.selections.possible(type);
    if (!isAbstractType(type)) return this.objectMap(v, possible[0]!, sets, false);
    // Types that select the same fields share one map (typically: all but the fragments' own).
    const groups = new Map<string, string[]>();
    const texts = this.names.alike(possible, (t) => this.objectMap(v, t, sets, true));
    possible.forEach((t, i) => groups.set(texts[i]!, [...(groups.get(texts[i]!) ?? []), t.name]));
    if (groups.size === 1) return [...groups.keys()][0]!;
    const branches = [...groups].map(
      ([text, labels]) => `WHEN ${labelExpression(v, labels)} THEN ${text}`,
    );
    return `CASE ${branches.join(' ')} END`;
  }

  private objectMap(
    v: string,
    t: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    abstract: boolean,
  ): string {
    const spec = this.model.labels[t.name];
    if (!spec) throw new Unplannable(`${t.name} is not a label of the model`);
    const entries: [string, string][] = [];
    for (const [key, nodes] of this.selections.fields(t, sets)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        entries.push([key, abstract ? ownLabel(v) : literal(t.name)]);
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
    return mapOf(entries);
  }

  private entityField(
    v: string,
    t: GraphQLObjectType,
    name: string,
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    abstract: boolean,
  ): string {
    switch (name) {
      case 'label':
        return abstract ? outputValue(ownLabel(v), def.type) : enumName(def.type, t.name);
      case 'sources':
        return this.sources(v, def, nodes);
      case 'unverified':
        return `coalesce(${v}.unverified = true, false)`;
      case 'connectionCount':
        return `COUNT { (${v})--() }`;
      case 'name':
        // A source's name is its name or else its title (resolvers/entities.ts).
        if (t.name === 'Source') return `coalesce(${v}.name, ${v}.title)`;
    }
    const properties = this.model.labels[t.name]?.properties ?? {};
    // A date property's precision is stored beside it (foundedPrecision).
    const precisionOf = name.endsWith('Precision') ? name.slice(0, -'Precision'.length) : null;
    const property =
      COMMON_PROPERTIES.has(name) ||
      properties[name] ||
      (precisionOf !== null && properties[precisionOf]?.type === 'date');
    if (!property) throw new Unplannable(`${t.name}.${name} is computed by its resolver`);
    return outputValue(`${v}.\`${name}\``, def.type);
  }

  /** A node's or relationship's sources, from its parallel sourceIds / sourceQuotes lists. */
  sources(v: string, def: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): string {
    const refType = getNamedType(def.type) as GraphQLObjectType;
    const i = this.names.variable('i');
    const map = this.selectionMap(refType, setsOf(nodes), (name, n) => {
      if (name === 'quote')
        return `CASE WHEN ${v}.sourceQuotes[${i}] <> '' THEN ${v}.sourceQuotes[${i}] END`;
      if (name === 'source') return this.source(`${v}.sourceIds[${i}]`, n);
    });
    return `[${i} IN range(0, size(coalesce(${v}.sourceIds, [])) - 1) | ${map}]`;
  }

  /** The source a reference names: its id alone needs no read. */
  private source(id: string, nodes: readonly FieldNode[]): string {
    const type = this.selections.schema.getType('Source') as GraphQLObjectType;
    const fields = this.selections.fields(type, setsOf(nodes));
    const onlyId = [...fields.values()].every((n) =>
      ['id', '__typename'].includes(n[0]!.name.value),
    );
    if (onlyId)
      return mapOf(
        [...fields].map(([key, n]) => [key, n[0]!.name.value === 'id' ? id : literal('Source')]),
      );
    const s = this.names.variable('s');
    return `head(COLLECT { MATCH (${s}:Entity {id: ${id}}) RETURN ${this.entity(s, type, setsOf(nodes))} })`;
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
  ): string {
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
    const after = `$${prefix}after`;
    const limit = `$${prefix}limit`;
    const stored = indexedKey(spec, shape);
    const match = `MATCH ${walkPattern(spec, names)}${whereOf(walkConditionList(spec, shape, names))}`;
    // Both directions: a self-loop matches twice (relation-page.ts does the same).
    const distinct = spec.direction === null ? `\n  WITH DISTINCT ${r}, ${m}` : '';
    // The page: a seek on the stored key where one serves it, else the
    // key computed per related row (pages with filters or by NAME / LATEST).
    const page = stored
      ? `${seekPattern(spec, stored, names, after)}
  WITH ${r}, ${m} ORDER BY ${r}.${stored} LIMIT ${limit}
  WITH ${r}, ${m}, ${cursorOf(stored, names)} AS ${k}`
      : `${match}${distinct}
  WITH ${r}, ${m}, ${keyExpression(shape.orderBy, names)} AS ${k}
  WHERE ${k} > ${after}
  WITH ${r}, ${m}, ${k} ORDER BY ${k} LIMIT ${limit}`;
    const edge = (
      type: GraphQLObjectType | GraphQLInterfaceType,
      sets: readonly SelectionSetNode[],
    ) =>
      field
        ? this.edgeMap(names, k, type as GraphQLObjectType, sets, field)
        : this.anyEdge(names, k, type, sets, `startNode(${r}) = ${v}`, edgeTypeName, spec);

    const returned = getNamedType(def.type) as GraphQLObjectType;
    if (!many) return `head(COLLECT {\n  ${page}\n  RETURN ${edge(returned, setsOf(nodes))}\n})`;

    const count =
      oneTypeUnfiltered(spec, shape) && !spec.labels
        ? countOf(spec, shape, names)
        : `COUNT { ${match}${distinct ? ` RETURN DISTINCT ${r}` : ''} }`;
    return this.connection(returned, nodes, { page, k, first: `$${prefix}first`, count, edge });
  }

  /**
   * The entities that cite a source (api/source-cited-by.cypher): by id,
   * the id their keyset key. Provenance is stored as id lists on each fact,
   * so this reads every entity's list (a CITES relationship would index it).
   */
  private citedBy(v: string, parent: GraphQLObjectType, nodes: FieldNode[]): string {
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
    const match = `MATCH (${c}:Entity) WHERE ${v}.id IN ${c}.sourceIds AND ${c}.id <> ${v}.id`;
    const page = `${match}
  WITH ${c}, ${c}.id AS ${k}
  WHERE ${k} > $${prefix}after
  WITH ${c}, ${k} ORDER BY ${k} LIMIT $${prefix}limit`;
    return this.connection(getNamedType(def.type) as GraphQLObjectType, nodes, {
      page,
      k,
      first: `$${prefix}first`,
      count: `COUNT { ${match} }`,
      edge: (edgeType, sets) => this.entityEdge(edgeType, sets, c, k),
    });
  }

  /** An edge of a page of entities: its cursor from the keyset key `k`, its node in `v`. */
  entityEdge(
    edgeType: GraphQLObjectType | GraphQLInterfaceType,
    sets: readonly SelectionSetNode[],
    v: string,
    k: string,
  ): string {
    const type = this.selections.possible(edgeType)[0]!;
    return this.selectionMap(type, sets, (name, n, field) => {
      if (name === 'cursor') return cursorExpression(k);
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
      page: string;
      k: string;
      first: string;
      count: string;
      /** The edge map; `type` is the edges' type, abstract for the generic relationships field. */
      edge: (
        type: GraphQLObjectType | GraphQLInterfaceType,
        sets: readonly SelectionSetNode[],
      ) => string;
    },
  ): string {
    const rows = this.names.variable('rows');
    const x = this.names.variable('x');
    const { first } = c;
    const rowEntries: [string, string][] = [];
    let needsRows = false;
    let needsKey = false;
    const entries: [string, string][] = [];
    for (const [key, n] of this.selections.fields(returned, setsOf(nodes))) {
      const name = n[0]!.name.value;
      if (name === '__typename') entries.push([key, literal(returned.name)]);
      else if (name === 'totalCount') entries.push([key, c.count]);
      else if (name === 'edges') {
        const edgeType = getNamedType(returned.getFields().edges!.type) as
          GraphQLObjectType | GraphQLInterfaceType;
        const column = `e${rowEntries.length}`;
        rowEntries.push([column, c.edge(edgeType, setsOf(n))]);
        needsRows = true;
        if (this.selections.possible(edgeType).some((t) => this.selects(t, n, 'cursor')))
          needsKey = true;
        entries.push([key, `[${x} IN ${rows}[0..${first}] | ${x}.${column}]`]);
      } else if (name === 'pageInfo') {
        needsRows = true;
        const info = this.selections.objectField(returned, 'pageInfo');
        const infoEntries: [string, string][] = [];
        for (const [ik, inodes] of this.selections.fields(info, setsOf(n))) {
          const iname = inodes[0]!.name.value;
          if (iname === '__typename') infoEntries.push([ik, literal(info.name)]);
          else if (iname === 'hasNextPage') infoEntries.push([ik, `size(${rows}) > ${first}`]);
          else if (iname === 'endCursor') {
            needsKey = true;
            infoEntries.push([
              ik,
              `CASE WHEN ${first} > 0 AND size(${rows}) > 0 THEN ${cursorExpression(`last(${rows}[0..${first}]).k`)} END`,
            ]);
          } else throw new Unplannable(`PageInfo.${iname}`);
        }
        entries.push([key, mapOf(infoEntries)]);
      } else throw new Unplannable(`${returned.name}.${name}`);
    }
    if (!needsRows) return mapOf(entries);
    if (needsKey) rowEntries.unshift(['k', c.k]);
    return `[${rows} IN [COLLECT {
  ${c.page}
  RETURN ${mapOf(rowEntries)}
}] | ${mapOf(entries)}][0]`;
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
    ) => string | undefined,
  ): string {
    const entries: [string, string][] = [];
    for (const [key, n] of this.selections.fields(type, sets)) {
      const name = n[0]!.name.value;
      const field = type.getFields()[name];
      const value = name === '__typename' ? literal(type.name) : field && build(name, n, field);
      if (value === undefined) throw new Unplannable(`${type.name}.${name}`);
      entries.push([key, value]);
    }
    return mapOf(entries);
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
  ): string {
    const field: FieldSpec = { relationship, direction: 'out', description: '' };
    return this.edgeMap({ p: '', param: '', ...names }, '', type, sets, field);
  }

  /**
   * A relationship in `r` seen from its start, `m` its end, at a position
   * of the Relationship interface (a path or subgraph step): each type is
   * its own link object (resolvers' linkOrEdgeTypeOf).
   */
  anyLink(names: { r: string; m: string }, sets: readonly SelectionSetNode[]): string {
    const type = this.selections.schema.getType('Relationship') as GraphQLInterfaceType;
    // Seen from its start: the out direction's link types only.
    const outLink = (t: string, d: 'out' | 'in') => (d === 'out' ? linkTypeName(t, d) : '');
    return this.anyEdge({ p: '', param: '', ...names }, '', type, sets, 'true', outLink);
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
    out: string,
    objectName: (type: string, direction: 'out' | 'in') => string,
    walked: RelationSpec = { types: null, direction: null, labels: null },
  ): string {
    const possible = new Set(this.selections.possible(abstract).map((t) => t.name));
    const typeNames: [string, string][] = [];
    // Entries (as text) → the types they serve, per direction.
    const groups = new Map<string, { entries: [string, string][]; out: string[]; in: string[] }>();
    const candidates: { object: GraphQLObjectType; field: FieldSpec }[] = [];
    for (const relationship of walked.types ?? Object.keys(this.model.relationships))
      for (const direction of ['out', 'in'] as const) {
        const name = objectName(relationship, direction);
        const object = this.selections.schema.getType(name);
        if (!isObjectType(object) || !possible.has(name)) continue;
        if (walked.direction !== null && walked.direction !== direction) continue;
        typeNames.push([`${relationship}|${direction === 'out' ? 'OUT' : 'IN'}`, literal(name)]);
        candidates.push({ object, field: { relationship, direction, description: '' } });
      }
    const built = this.names.alike(candidates, ({ object, field }) =>
      this.edgeEntries(names, k, object, sets, field, { out }),
    );
    candidates.forEach(({ field }, i) => {
      const entries = built[i]!;
      const text = JSON.stringify(entries);
      const group = groups.get(text) ?? { entries, out: [], in: [] };
      group[field.direction].push(field.relationship);
      groups.set(text, group);
    });
    const typename = `${mapOf(typeNames)}[type(${names.r}) + '|' + CASE WHEN ${out} THEN 'OUT' ELSE 'IN' END]`;
    const fill = (entries: [string, string][]) =>
      entries.map(([key, text]): [string, string] => [key, text === TYPENAME ? typename : text]);
    // What every type shows alike is written once; what some types add
    // (a fragment's fields) is merged in by type, the group serving the
    // most types as the ELSE. Key order is restored from the document.
    const ordered = [...groups.values()].sort(
      (a, b) => b.out.length + b.in.length - (a.out.length + a.in.length),
    );
    if (ordered.length === 0) throw new Unplannable(`${abstract.name} has no type here`);
    const shared = ordered[0]!.entries.filter(([key, text]) =>
      ordered.every((g) => g.entries.some(([k2, t2]) => k2 === key && t2 === text)),
    );
    const own = (g: (typeof ordered)[number]) =>
      g.entries.filter(([key]) => !shared.some(([k2]) => k2 === key));
    if (ordered.every((g) => own(g).length === 0)) return mapOf(fill(shared));
    const isType = (types: string[]) => `type(${names.r}) IN [${types.map(literal).join(', ')}]`;
    const when = ({ out: o, in: i }: { out: string[]; in: string[] }) => {
      const both = o.filter((t) => i.includes(t));
      const outOnly = o.filter((t) => !both.includes(t));
      const inOnly = i.filter((t) => !both.includes(t));
      return [
        both.length && isType(both),
        outOnly.length && `(${isType(outOnly)} AND ${out})`,
        inOnly.length && `(${isType(inOnly)} AND NOT (${out}))`,
      ]
        .filter(Boolean)
        .join(' OR ');
    };
    const branches = ordered.slice(1).map((g) => `WHEN ${when(g)} THEN ${mapOf(fill(own(g)))}`);
    return `apoc.map.merge(${mapOf(fill(shared))}, CASE ${branches.join(' ')} ELSE ${mapOf(fill(own(ordered[0]!)))} END)`;
  }

  /** An edge of a page or a single link, as the API shows a relationship from the asking end. */
  private edgeMap(
    names: WalkNames,
    k: string,
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    field: FieldSpec,
  ): string {
    return mapOf(this.edgeEntries(names, k, type, sets, field));
  }

  private edgeEntries(
    { r, m }: WalkNames,
    k: string,
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    field: FieldSpec,
    any?: { out: string },
  ): [string, string][] {
    const rel = this.model.relationships[field.relationship];
    if (!rel) throw new Unplannable(`${field.relationship} is not in the model`);
    const entries: [string, string][] = [];
    for (const [key, nodes] of this.selections.fields(type, sets)) {
      const name = nodes[0]!.name.value;
      const def = type.getFields()[name];
      if (name === '__typename') entries.push([key, any ? TYPENAME : literal(type.name)]);
      else if (!def) throw new Unplannable(`${type.name}.${name} is not in the schema`);
      else if (any && name === 'type') entries.push([key, outputValue(`type(${r})`, def.type)]);
      else if (any && name === 'direction')
        entries.push([key, `CASE WHEN ${any.out} THEN 'OUT' ELSE 'IN' END`]);
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
  ): string {
    switch (name) {
      case 'cursor':
        return cursorExpression(k);
      case 'type':
        return enumName(def.type, field.relationship);
      case 'direction':
        return enumName(def.type, field.direction === 'out' ? 'OUT' : 'IN');
      case 'node':
        return this.entity(m, getNamedType(def.type), setsOf(nodes));
      case 'period':
        return this.period(r, def, nodes);
      case 'periodKnown':
        return `${r}.validFrom IS NOT NULL`;
      case 'sources':
        return this.sources(r, def, nodes);
      case 'unverified':
        return `coalesce(${r}.unverified = true, false)`;
      case 'derived':
        return `coalesce(${r}.origin = 'derived', false)`;
      case 'confidence':
      case 'note':
        return outputValue(`${r}.${name}`, def.type);
      case 'rule':
        // Stored on every derived link (migration 004 backfilled older ones).
        if (rel.derived && isEnumType(getNamedType(def.type)))
          return outputValue(`${r}.rule`, def.type);
        break;
      case 'evidence':
        if (rel.derived) return this.evidence(r, def, nodes);
    }
    if (!rel.properties[name]) throw new Unplannable(`${type.name}.${name} is computed`);
    return outputValue(`${r}.\`${name}\``, def.type);
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
    const map = this.selectionMap(pathType, setsOf(nodes), (name, n, { type }) => {
      if (name === 'rule') return outputValue(`${r}.rules[${j}]`, type);
      if (name === 'confidence') return outputValue(`${r}.evidenceConfidence[${j}]`, type);
      if (name === 'unverified') return `coalesce(${r}.evidenceUnverified[${j}] = true, false)`;
      if (name === 'gradeReasons') return this.gradeReasons(r, j, type, n);
      if (name === 'period') return this.pathPeriod(r, j, type, n);
      if (name === 'steps') return this.steps(`${r}.evidence[${j}]`, type, n);
    });
    return `[${j} IN range(0, size(coalesce(${r}.evidence, [])) - 1) | ${map}]`;
  }

  private gradeReasons(r: string, j: string, listType: GraphQLOutputType, nodes: FieldNode[]) {
    const type = getNamedType(listType) as GraphQLObjectType;
    const g = this.names.variable('g');
    const map = this.selectionMap(type, setsOf(nodes), (name, _, field) =>
      ['code', 'cap', 'step', 'text'].includes(name)
        ? outputValue(`${g}.${name}`, field.type)
        : undefined,
    );
    return `[${g} IN apoc.convert.fromJsonList(coalesce(${r}.evidenceGradeReasons[${j}], '[]')) | ${map}]`;
  }

  /** A path's period from its stored "from/to" text: null when neither end is a date. */
  private pathPeriod(r: string, j: string, type: GraphQLOutputType, nodes: FieldNode[]) {
    const periodType = getNamedType(type) as GraphQLObjectType;
    const ps = this.names.variable('ps');
    const pp = this.names.variable('pp');
    const isDate = (e: string) => `coalesce(${e} =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}', false)`;
    const end = (i: number) => `CASE WHEN ${isDate(`${ps}[${i}]`)} THEN ${ps}[${i}] END`;
    const precision = (i: number, t: GraphQLOutputType) =>
      `CASE WHEN ${isDate(`${ps}[${i}]`)} AND coalesce(${pp}[${i}], '') <> '' THEN ${outputValue(`${pp}[${i}]`, t)} END`;
    const map = this.selectionMap(periodType, setsOf(nodes), (name, _, { type: t }) => {
      if (name === 'from') return end(0);
      if (name === 'to') return end(1);
      if (name === 'fromPrecision') return precision(0, t);
      if (name === 'toPrecision') return precision(1, t);
    });
    return `[${ps} IN [split(coalesce(${r}.evidencePeriods[${j}], ''), '/')] | [${pp} IN [split(coalesce(${r}.evidencePeriodPrecisions[${j}], ''), '/')] | CASE WHEN ${isDate(`${ps}[0]`)} OR ${isDate(`${ps}[1]`)} THEN ${map} END][0]][0]`;
  }

  /** The steps of a path stored as text: node, arrow, node, ... (evidence.ts parseEvidencePath). */
  private steps(text: string, listType: GraphQLOutputType, nodes: FieldNode[]) {
    const type = getNamedType(listType) as GraphQLObjectType;
    const t = this.names.variable('t');
    const s = this.names.variable('s');
    const x = this.names.variable('x');
    const here = `${t}[2 * ${s}]`;
    const arrow = `${t}[2 * ${s} + 1]`;
    const next = `${t}[2 * ${s} + 2]`;
    const out = `${arrow} ENDS WITH '>'`;
    const relType = `replace(replace(replace(${arrow}, '<-', ''), '->', ''), '-', '')`;
    let needsRelationship = false;
    // The fields read from the step's relationship, found by its ends and type.
    const fromRelationship = (
      name: string,
      n: FieldNode[],
      def: GraphQLField<unknown, unknown>,
    ) => {
      if (name === 'period') return this.period(x, def, n);
      if (name === 'sources') return this.sources(x, def, n);
      if (name === 'confidence') return outputValue(`${x}.confidence`, def.type);
      if (name === 'unverified') return `coalesce(${x}.unverified = true, false)`;
    };
    const map = this.selectionMap(type, setsOf(nodes), (name, n, def) => {
      if (name === 'node') {
        const e = this.names.variable('e');
        return `head(COLLECT { MATCH (${e}:Entity {id: ${next}}) RETURN ${this.entity(e, getNamedType(def.type), setsOf(n))} })`;
      }
      if (name === 'relationshipType') return outputValue(relType, def.type);
      if (name === 'direction') return `CASE WHEN ${out} THEN 'OUT' ELSE 'IN' END`;
      const value = fromRelationship(name, n, def);
      if (value !== undefined) needsRelationship = true;
      return value;
    });
    const a = this.names.variable('a');
    const b = this.names.variable('b');
    const step = needsRelationship
      ? `[${x} IN [head(COLLECT {
    MATCH (${a}:Entity {id: CASE WHEN ${out} THEN ${here} ELSE ${next} END})-[${x}]->(${b}:Entity {id: CASE WHEN ${out} THEN ${next} ELSE ${here} END})
    WHERE type(${x}) = ${relType}
    WITH ${x} ORDER BY coalesce(${x}.seedKey, elementId(${x}))
    RETURN ${x}
  })] | ${map}][0]`
      : map;
    return `[${t} IN [split(trim(${text}), ' ')] | [${s} IN range(0, (size(${t}) - 1) / 2 - 1) | ${step}]][0]`;
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
      stored[name] ? outputValue(`${r}.${stored[name]}`, field.type) : undefined,
    );
    return `CASE WHEN ${r}.validFrom IS NULL AND ${r}.validTo IS NULL THEN null ELSE ${map} END`;
  }
}
