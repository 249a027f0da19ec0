import { orderKey, storedPageKey, type PageOrder } from '../../../model';
import { labelExpression, relationshipType, where, whereClause } from './identifiers';

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
export function keyExpression(order: RelationShape['orderBy'], { r, m }: WalkNames): string {
  return orderKey(order, r, m);
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
export function seekPattern(spec: RelationSpec, key: string, n: WalkNames, after: string): string {
  const { p, r, m } = n;
  const type = relationshipType(spec.types![0]!);
  const pattern =
    spec.direction === 'out' ? `(${r}p)-[${r}:${type}]->(${m})` : `(${m})-[${r}:${type}]->(${r}p)`;
  // The hint: on a fresh database whose indexes were created empty, the
  // planner was seen to scan the whole index in order and filter the range
  // (DirectedRelationshipIndexScan), reading every relationship of the type
  // before the parent's.
  return `MATCH ${pattern}
  USING INDEX SEEK ${r}:${type}(${key})
  WHERE ${where([
    `${r}.${key} > ${p}.id + '\\u0001' + ${after}`,
    `${r}.${key} < ${p}.id + '\\u0002'`,
    `${r}p = ${p}`,
    spec.labels && labelExpression(m, spec.labels),
  ])}`;
}

/** The page's cursor: the stored key without the parent's id (the same key the computed path gives). */
export const cursorOf = (key: string, { p, r }: WalkNames): string =>
  `substring(${r}.${key}, size(${p}.id) + 1)`;

/**
 * The count of a walk: without a filter or far-end label, the parent's
 * degree for the type and direction, in any order (a degree lookup, no
 * expand; a far-end label or a predicate makes it an expand).
 */
export function countOf(spec: RelationSpec, shape: RelationShape, n: WalkNames): string {
  if (oneTypeUnfiltered(spec, shape) && !spec.labels) {
    const type = `:${relationshipType(spec.types![0]!)}`;
    return spec.direction === 'out'
      ? `COUNT { (${n.p})-[${type}]->() }`
      : `COUNT { (${n.p})<-[${type}]-() }`;
  }
  return `COUNT { MATCH ${walkPattern(spec, n)}${whereClause(walkConditionList(spec, shape, n), ' ')} }`;
}

/** The typed, directed pattern of a walk: (p)-[r:T]->(m). */
export function walkPattern(spec: RelationSpec, { p, r, m }: WalkNames): string {
  const types = spec.types ? `:${spec.types.map(relationshipType).join('|')}` : '';
  if (spec.direction === 'out') return `(${p})-[${r}${types}]->(${m})`;
  if (spec.direction === 'in') return `(${p})<-[${r}${types}]-(${m})`;
  return `(${p})-[${r}${types}]-(${m})`;
}

/** The conditions of a walk: far-end labels and only the filters given (false where not). */
export function walkConditionList(
  spec: RelationSpec,
  shape: RelationShape,
  n: WalkNames,
): (string | false | null)[] {
  const { r, m } = n;
  const $ = (name: string) => `$${n.param}${name}`;
  return [
    spec.labels && labelExpression(m, spec.labels),
    shape.asOf &&
      `(${r}.validFrom IS NULL OR ${r}.validFrom <= ${$('asOf')}) AND (${r}.validTo IS NULL OR ${r}.validTo >= ${$('asOf')})`,
    shape.dated && `${r}.validFrom IS NOT NULL`,
    shape.overlapFrom && `(${r}.validTo IS NULL OR ${r}.validTo >= ${$('overlapFrom')})`,
    shape.overlapTo && `(${r}.validFrom IS NULL OR ${r}.validFrom <= ${$('overlapTo')})`,
    shape.text && `toLower(coalesce(${m}.name, ${m}.title, '')) CONTAINS ${$('text')}`,
    shape.rules && `${r}.rule IN ${$('rules')}`,
    shape.confidence && `${r}.confidence IN ${$('confidence')}`,
    shape.unverified && `coalesce(${r}.unverified, false) = ${$('unverified')}`,
  ];
}

/** The WHERE clause of a walk, after `before`: far-end labels and only the filters given (none: no WHERE). */
export function walkConditions(
  spec: RelationSpec,
  shape: RelationShape,
  n: WalkNames,
  before?: string,
): string {
  return whereClause(walkConditionList(spec, shape, n), before);
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
  const key = indexedKey(spec, shape);
  if (key)
    return `UNWIND $ids AS pid
MATCH (p:Entity {id: pid})
CALL (p) {
  ${seekPattern(spec, key, n, '$after')}
  WITH r, m ORDER BY r.${key} LIMIT $limit
  RETURN collect({key: ${cursorOf(key, n)}, type: type(r), out: startNode(r) = p, rel: properties(r), labels: labels(m), node: properties(m)}) AS page
}
RETURN pid, ${countOf(spec, shape, n)} AS total, page`;
  return `UNWIND $ids AS pid
MATCH (p:Entity {id: pid})
CALL (p) {
  MATCH ${walkPattern(spec, n)}${walkConditions(spec, shape, n)}
  ${spec.direction === null ? '// A self-loop matches twice when both directions are walked.\n  WITH DISTINCT p, r, m\n  ' : ''}WITH p, r, m, ${keyExpression(shape.orderBy, n)} AS key
  ORDER BY key
  WITH p, collect({key: key, r: r, m: m}) AS rows
  RETURN size(rows) AS total,
         [x IN [x IN rows WHERE x.key > $after][0..$limit] |
           {key: x.key, type: type(x.r), out: startNode(x.r) = p, rel: properties(x.r), labels: labels(x.m), node: properties(x.m)}] AS page
}
RETURN pid, total, page`;
}
