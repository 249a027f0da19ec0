import type {
  BinaryOperator,
  Clause,
  Expr,
  Item,
  NodePattern,
  Order,
  Pattern,
  Query,
  RelationshipPattern,
} from './ast';

/**
 * Short constructors for the tree (ast.ts), so that a statement reads close
 * to the Cypher it prints. Conditions given as `false`, `null` or
 * `undefined` are left out, and a clause whose conditions are all left out
 * has no WHERE at all.
 */

export type Maybe<T> = T | false | null | undefined;

const present = <T>(items: readonly Maybe<T>[]): T[] =>
  items.filter((i): i is T => i !== false && i !== null && i !== undefined);

// Values.
export const v = (name: string): Expr => ({ k: 'var', name });
export const param = (name: string): Expr => ({ k: 'param', name });
export const str = (value: string): Expr => ({ k: 'string', value });
export const num = (value: number): Expr => ({ k: 'number', value });
export const bool = (value: boolean): Expr => ({ k: 'boolean', value });
export const NULL: Expr = { k: 'null' };
export const prop = (of: Expr, key: string): Expr => ({ k: 'property', of, key });
export const at = (of: Expr, index: Expr | number): Expr => ({
  k: 'index',
  of,
  index: typeof index === 'number' ? num(index) : index,
});
export const slice = (of: Expr, from: Expr | null, to: Expr | null): Expr => ({
  k: 'slice',
  of,
  from,
  to,
});
export const map = (entries: readonly (readonly [string, Expr])[]): Expr => ({ k: 'map', entries });
export const list = (items: readonly Expr[]): Expr => ({ k: 'list', items });
export const strings = (values: readonly string[]): Expr => list(values.map(str));
export const fn = (name: string, ...args: Expr[]): Expr => ({ k: 'function', name, args });
/** `count(*)`: the number of rows. */
export const countRows: Expr = fn('count', { k: 'rows' });

// Operators.
const binary =
  (op: BinaryOperator) =>
  (left: Expr, right: Expr): Expr => ({ k: 'binary', op, left, right });
export const eq = binary('=');
export const ne = binary('<>');
export const lt = binary('<');
export const gt = binary('>');
export const le = binary('<=');
export const ge = binary('>=');
export const isIn = binary('IN');
export const contains = binary('CONTAINS');
export const endsWith = binary('ENDS WITH');
export const matches = binary('=~');
export const minus = binary('-');
export const times = binary('*');
export const div = binary('/');

/** `a + b + c` (a string concatenation or a sum), left to right. */
export function plus(...items: Expr[]): Expr {
  if (items.length === 0) throw new Error('plus() needs an operand');
  return items.slice(1).reduce((left, right) => binary('+')(left, right), items[0]!);
}

/**
 * The conditions that apply joined by AND (an AND among them spliced in, a
 * literal true left out); null when none does.
 */
export function and(...items: Maybe<Expr>[]): Expr | null {
  const p = present(items)
    .flatMap((i) => (i.k === 'and' ? i.items : [i]))
    .filter((i) => !(i.k === 'boolean' && i.value));
  if (p.length <= 1) return p[0] ?? null;
  return { k: 'and', items: p };
}

/** The conditions that apply joined by OR (an OR among them spliced in); null when none does. */
export function or(...items: Maybe<Expr>[]): Expr | null {
  const p = present(items).flatMap((i) => (i.k === 'or' ? i.items : [i]));
  if (p.length <= 1) return p[0] ?? null;
  return { k: 'or', items: p };
}

export const not = (of: Expr): Expr => ({ k: 'not', of });
export const isNull = (of: Expr): Expr => ({ k: 'isNull', of, negated: false });
export const isNotNull = (of: Expr): Expr => ({ k: 'isNull', of, negated: true });
export const hasLabel = (of: Expr, labels: readonly string[]): Expr => ({
  k: 'hasLabel',
  of,
  labels,
});

/** `CASE WHEN ... THEN ... [ELSE ...] END`. */
export function when(
  branches: readonly (readonly [Expr, Expr])[],
  otherwise: Expr | null = null,
): Expr {
  return { k: 'case', branches, otherwise };
}

/** `[x IN list WHERE c | e]`. */
export function each(x: string, of: Expr, body: { where?: Maybe<Expr>; map?: Expr } = {}): Expr {
  return { k: 'comprehension', v: x, list: of, where: body.where || null, map: body.map ?? null };
}

export const all = (x: string, of: Expr, where: Expr): Expr => ({
  k: 'all',
  v: x,
  list: of,
  where,
});

export const reduce = (acc: string, init: Expr, x: string, of: Expr, body: Expr): Expr => ({
  k: 'reduce',
  acc,
  init,
  v: x,
  list: of,
  map: body,
});

export const collect = (body: Query): Expr => ({ k: 'subquery', kind: 'COLLECT', body });
export const count = (body: Query | Pattern): Expr => ({ k: 'subquery', kind: 'COUNT', body });
export const exists = (body: Query | Pattern): Expr => ({ k: 'subquery', kind: 'EXISTS', body });

// Patterns.
export function node(
  name: string | null,
  labels: readonly string[] = [],
  props: readonly (readonly [string, Expr])[] = [],
): NodePattern {
  return { v: name, labels, props };
}

export function rel(
  name: string | null,
  types: readonly string[] | null,
  direction: 'out' | 'in' | 'both',
  maxHops: number | null = null,
): RelationshipPattern {
  return { v: name, types: types ?? [], direction, maxHops };
}

/** A path: a node, then relationships and nodes in turn. */
export function path(
  start: NodePattern,
  ...steps: (readonly [RelationshipPattern, NodePattern])[]
): Pattern {
  return { k: 'pattern', start, steps, path: null, shortest: null };
}

/** One relationship step: `(a)-[r]->(b)`. */
export const step = (
  start: NodePattern,
  relationship: RelationshipPattern,
  end: NodePattern,
): Pattern => path(start, [relationship, end]);

// Clauses.
export function match(
  pattern: Pattern,
  where: Maybe<Expr> = null,
  more: { optional?: boolean; seek?: { v: string; type: string; key: string } } = {},
): Clause {
  return {
    k: 'match',
    optional: more.optional ?? false,
    pattern,
    seek: more.seek ?? null,
    where: where || null,
  };
}

export const optionalMatch = (pattern: Pattern, where: Maybe<Expr> = null): Clause =>
  match(pattern, where, { optional: true });

/** A projected item: a variable by its name, or an expression with its name. */
export type ItemSpec = string | readonly [Expr, string | null];

const items = (specs: readonly ItemSpec[]): Item[] =>
  specs.map((s) => (typeof s === 'string' ? [v(s), null] : [s[0], s[1]]));

export interface Projection {
  distinct?: boolean;
  orderBy?: readonly (Expr | Order)[];
  limit?: Expr | null;
  where?: Maybe<Expr>;
}

function project(kind: 'with' | 'return', specs: readonly ItemSpec[], more: Projection): Clause {
  // `WITH ... LIMIT n WHERE c` filters the rows the limit kept: a page cut
  // that way would come up short, so the two are separate WITHs.
  if (more.limit && more.where) throw new Error('a WHERE and a LIMIT in one projection');
  return {
    k: kind,
    distinct: more.distinct ?? false,
    items: items(specs),
    paging: {
      orderBy: (more.orderBy ?? []).map((o) =>
        'by' in o ? (o as Order) : { by: o as Expr, descending: false },
      ),
      limit: more.limit ?? null,
    },
    where: more.where || null,
  };
}

export const With = (specs: readonly ItemSpec[], more: Projection = {}): Clause =>
  project('with', specs, more);
export const Return = (specs: readonly ItemSpec[], more: Projection = {}): Clause =>
  project('return', specs, more);
export const unwind = (of: Expr, as: string): Clause => ({ k: 'unwind', list: of, as });

export function call(
  imports: readonly string[],
  body: Query,
  more: { optional?: boolean; batch?: number } = {},
): Clause {
  return { k: 'call', optional: more.optional ?? false, imports, body, batch: more.batch ?? null };
}

export const setMerge = (name: string, value: Expr): Clause => ({
  k: 'setMerge',
  v: name,
  map: value,
});

// Queries.
export const query = (...clauses: Clause[]): Query => ({ k: 'query', clauses });
export const union = (members: readonly Query[], all = false): Query =>
  members.length === 1 ? members[0]! : { k: 'union', all, members };
export const file = (name: string, text: string): Query => ({ k: 'file', name, text });
