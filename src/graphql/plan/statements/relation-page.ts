import { orderKey, storedPageKey, type PageOrder } from '../../../model';
import {
  and,
  bool,
  call,
  contains,
  count,
  each,
  eq,
  fn,
  ge,
  gt,
  hasLabel,
  isIn,
  isNotNull,
  isNull,
  le,
  lt,
  map,
  match,
  node,
  num,
  or,
  param,
  path,
  plus,
  print,
  prop,
  query,
  rel,
  Return,
  slice,
  step,
  str,
  unwind,
  v,
  With,
  type Clause,
  type Expr,
  type Maybe,
  type Pattern,
} from '../../../cypher';

/** The relationship a field walks: types, direction (null: both) and far-end labels (null: any). */
export interface RelationSpec {
  types: string[] | null;
  direction: 'out' | 'in' | null;
  labels: string[] | null;
}

/** Which filters a relationship field was given (their values travel as parameters). */
export interface RelationShape {
  asOf: boolean;
  /** A date filter with includeUndated: false: relationships with no known start are left out. */
  dated: boolean;
  overlapFrom: boolean;
  overlapTo: boolean;
  text: boolean;
  rules: boolean;
  confidence: boolean;
  unverified: boolean;
  orderBy: PageOrder;
}

/** The filter values of a relationship field (null: not given). */
export interface WalkFilters {
  asOf: unknown;
  /** True when a date filter (asOf, overlaps) leaves out relationships with no period. */
  datedOnly: boolean | null;
  overlapFrom: unknown;
  overlapTo: unknown;
  text: string | null;
  rules: string[] | null;
  confidence: string[] | null;
  unverified: boolean | null;
}

/** Filter values that only change the statement's text (no parameter). */
export const SHAPE_ONLY: ReadonlySet<string> = new Set(['datedOnly']);

/** The shape of a field's filter values: which were given (their values travel as parameters). */
export function shapeOf(f: WalkFilters, orderBy: RelationShape['orderBy']): RelationShape {
  return {
    asOf: f.asOf != null,
    dated: f.datedOnly === true,
    overlapFrom: f.overlapFrom != null,
    overlapTo: f.overlapTo != null,
    text: f.text != null,
    rules: f.rules != null,
    confidence: f.confidence != null,
    unverified: f.unverified != null,
    orderBy,
  };
}

/** No filter given, default order: the shape of a field asked without arguments. */
export const PLAIN_SHAPE: RelationShape = {
  asOf: false,
  dated: false,
  overlapFrom: false,
  overlapTo: false,
  text: false,
  rules: false,
  confidence: false,
  unverified: false,
  orderBy: 'DEFAULT',
};

/** Variable names of one walk: the parent, the relationship, the far end, and the parameters' prefix. */
export interface WalkNames {
  p: string;
  r: string;
  m: string;
  /** Prefix of this walk's parameters ('' for $asOf, 'f1_' for $f1_asOf). */
  param: string;
}

const DEFAULT_NAMES: WalkNames = { p: 'p', r: 'r', m: 'm', param: '' };

/** The keyset key of each order; it doubles as the opaque cursor. */
export function keyExpression(order: RelationShape['orderBy'], { r, m }: WalkNames): Expr {
  return orderKey(order, v(r), v(m));
}

/**
 * The stored page key that serves a page, or null: one type, one direction,
 * no filter, and an order with a stored key (DEFAULT, ID). Other pages
 * (NAME, LATEST, any filter, both directions, several types: the generic
 * relationships field) compute their key per related row and sort the
 * parent's degree, as before. A far-end label filter is applied after the
 * seek: the page reads the parent's relationships of that type in order
 * until it has its rows.
 */
export function indexedKey(spec: RelationSpec, shape: RelationShape): string | null {
  if (!oneTypeUnfiltered(spec, shape) || spec.direction === null) return null;
  return storedPageKey(spec.direction, shape.orderBy);
}

/** One type, one direction, no filter: a page a stored key can serve, a count the degree can. */
export function oneTypeUnfiltered(spec: RelationSpec, shape: RelationShape): boolean {
  const filtered =
    shape.asOf ||
    shape.dated ||
    shape.overlapFrom ||
    shape.overlapTo ||
    shape.text ||
    shape.rules ||
    shape.confidence ||
    shape.unverified;
  return !filtered && spec.direction !== null && spec.types?.length === 1;
}

/**
 * The parent's page of an indexed walk as a relationship index seek: the
 * pattern is not anchored at the parent (anchored, the planner expands the
 * parent's whole degree and filters), the key range names the parent, and
 * the end is checked against the parent (free: the seek already found it). Ordered
 * by the stored key itself, so the index order is the page order and a
 * LIMIT stops the seek.
 */
export function seekPattern(spec: RelationSpec, key: string, n: WalkNames, after: Expr): Clause {
  const { p, r, m } = n;
  const type = spec.types![0]!;
  const anchor = `${r}p`;
  const relationship = rel(r, [type], 'out');
  const pattern =
    spec.direction === 'out'
      ? step(node(anchor), relationship, node(m))
      : step(node(m), relationship, node(anchor));
  const stored = prop(v(r), key);
  const parentId = prop(v(p), 'id');
  // The hint: on a fresh database whose indexes were created empty, the
  // planner was seen to scan the whole index in order and filter the range
  // (DirectedRelationshipIndexScan), reading every relationship of the type
  // before the parent's.
  return match(
    pattern,
    and(
      gt(stored, plus(parentId, str('\u0001'), after)),
      lt(stored, plus(parentId, str('\u0002'))),
      eq(v(anchor), v(p)),
      spec.labels && hasLabel(v(m), spec.labels),
    ),
    { seek: { v: r, type, key } },
  );
}

/** The page's cursor: the stored key without the parent's id (the same key the computed path gives). */
export const cursorOf = (key: string, { p, r }: WalkNames): Expr =>
  fn('substring', prop(v(r), key), plus(fn('size', prop(v(p), 'id')), num(1)));

/**
 * The count of a walk: without a filter or far-end label, the parent's
 * degree for the type and direction, in any order (a degree lookup, no
 * expand; a far-end label or a predicate makes it an expand).
 */
export function countOf(spec: RelationSpec, shape: RelationShape, n: WalkNames): Expr {
  if (oneTypeUnfiltered(spec, shape) && !spec.labels)
    return count(step(node(n.p), rel(null, spec.types, spec.direction!), node(null)));
  return count(query(match(walkPattern(spec, n), and(...walkConditionList(spec, shape, n)))));
}

/** The typed, directed pattern of a walk: (p)-[r:T]->(m). */
export function walkPattern(spec: RelationSpec, { p, r, m }: WalkNames): Pattern {
  return step(node(p), rel(r, spec.types, spec.direction ?? 'both'), node(m));
}

/** The conditions of a walk: far-end labels and only the filters given (false where not). */
export function walkConditionList(
  spec: RelationSpec,
  shape: RelationShape,
  n: WalkNames,
): Maybe<Expr>[] {
  const r = v(n.r);
  const m = v(n.m);
  const $ = (name: string) => param(`${n.param}${name}`);
  const from = prop(r, 'validFrom');
  const to = prop(r, 'validTo');
  return [
    spec.labels && hasLabel(m, spec.labels),
    shape.asOf && and(or(isNull(from), le(from, $('asOf'))), or(isNull(to), ge(to, $('asOf')))),
    shape.dated && isNotNull(from),
    shape.overlapFrom && or(isNull(to), ge(to, $('overlapFrom'))),
    shape.overlapTo && or(isNull(from), le(from, $('overlapTo'))),
    shape.text &&
      contains(
        fn('toLower', fn('coalesce', prop(m, 'name'), prop(m, 'title'), str(''))),
        $('text'),
      ),
    shape.rules && isIn(prop(r, 'rule'), $('rules')),
    shape.confidence && isIn(prop(r, 'confidence'), $('confidence')),
    shape.unverified && eq(fn('coalesce', prop(r, 'unverified'), bool(false)), $('unverified')),
  ];
}

/** A row of the resolvers' page: its key, and the relationship and far end as the driver gives them. */
function pageRow(key: Expr, r: Expr, m: Expr, p: Expr): Expr {
  return map([
    ['key', key],
    ['type', fn('type', r)],
    ['out', eq(fn('startNode', r), p)],
    ['rel', fn('properties', r)],
    ['labels', fn('labels', m)],
    ['node', fn('properties', m)],
  ]);
}

/**
 * One page of a relationship field for many parents at once (one round trip
 * per field and arguments): a typed, directed expand from each parent's id
 * seek (a literal type is pushed into the expand; `type(r) = $t` is not),
 * the far-end labels as a label expression, only the filters given. The
 * page is cut by a keyset key, so inserts skip or repeat nothing. Where a
 * stored page key serves the page (indexedKey), it is a relationship index
 * seek per parent, and the total is the degree where no label filters.
 *
 * Params: $ids, $after ('' for the first page), $limit, and $asOf,
 * $overlapFrom, $overlapTo, $text, $rules, $confidence, $unverified where given
 * (datedOnly is in the statement's text, not a parameter).
 */
export function relationPageStatement(spec: RelationSpec, shape: RelationShape): string {
  const n = DEFAULT_NAMES;
  const [p, r, m] = [v('p'), v('r'), v('m')];
  const parents = [
    unwind(param('ids'), 'pid'),
    match(path(node('p', ['Entity'], [['id', v('pid')]]))),
  ];
  const key = indexedKey(spec, shape);
  if (key)
    return print(
      query(
        ...parents,
        call(
          ['p'],
          query(
            seekPattern(spec, key, n, param('after')),
            With(['r', 'm'], { orderBy: [prop(r, key)], limit: param('limit') }),
            Return([[fn('collect', pageRow(cursorOf(key, n), r, m, p)), 'page']]),
          ),
        ),
        Return(['pid', [countOf(spec, shape, n), 'total'], 'page']),
      ),
    );
  const x = v('x');
  const kept = each('x', v('rows'), { where: gt(prop(x, 'key'), param('after')) });
  return print(
    query(
      ...parents,
      call(
        ['p'],
        query(
          match(walkPattern(spec, n), and(...walkConditionList(spec, shape, n))),
          // A self-loop matches twice when both directions are walked.
          ...(spec.direction === null ? [With(['p', 'r', 'm'], { distinct: true })] : []),
          With(['p', 'r', 'm', [keyExpression(shape.orderBy, n), 'key']], { orderBy: [v('key')] }),
          With([
            'p',
            [
              fn(
                'collect',
                map([
                  ['key', v('key')],
                  ['r', r],
                  ['m', m],
                ]),
              ),
              'rows',
            ],
          ]),
          Return([
            [fn('size', v('rows')), 'total'],
            [
              each('x', slice(kept, num(0), param('limit')), {
                map: pageRow(prop(x, 'key'), prop(x, 'r'), prop(x, 'm'), p),
              }),
              'page',
            ],
          ]),
        ),
      ),
      Return(['pid', 'total', 'page']),
    ),
  );
}
