import { labelExpression, relationshipType, where } from './identifiers';

/** The relationship a field walks: types, direction (null: both) and far-end labels (null: any). */
export interface RelationSpec {
  types: string[] | null;
  direction: 'out' | 'in' | null;
  labels: string[] | null;
}

/** Which filters a relationship field was given (their values travel as parameters). */
export interface RelationShape {
  asOf: boolean;
  overlapFrom: boolean;
  overlapTo: boolean;
  text: boolean;
  rules: boolean;
  confidence: boolean;
  unverified: boolean;
  orderBy: 'DEFAULT' | 'NAME' | 'LATEST' | 'ID';
}

/** No filter given, default order: the shape of a field asked without arguments. */
export const PLAIN_SHAPE: RelationShape = {
  asOf: false,
  overlapFrom: false,
  overlapTo: false,
  text: false,
  rules: false,
  confidence: false,
  unverified: false,
  orderBy: 'DEFAULT',
};

const TAIL = "m.sortKey + '\\u0001' + coalesce(r.seedKey, r.viaId, elementId(r))";
const DATED = 'coalesce(r.validFrom, m.startDate, m.opened, m.enacted, m.published, m.adopted)';

/** The keyset key of each order; it doubles as the opaque cursor. */
const KEYS: Record<RelationShape['orderBy'], string> = {
  NAME: TAIL,
  ID: "m.id + '\\u0001' + coalesce(r.seedKey, r.viaId, elementId(r))",
  LATEST: `right('00000000' + toString(99999999 - toInteger(replace(toString(coalesce(${DATED}, date('0001-01-01'))), '-', ''))), 8) + '\\u0001' + ${TAIL}`,
  DEFAULT: `right('000000' + toString(coalesce(r.order, 999999)), 6) + '\\u0001' + coalesce(toString(${DATED}), '9999-99-99') + '\\u0001' + ${TAIL}`,
};

function pattern(spec: RelationSpec): string {
  const types = spec.types ? `:${spec.types.map(relationshipType).join('|')}` : '';
  if (spec.direction === 'out') return `(p)-[r${types}]->(m)`;
  if (spec.direction === 'in') return `(p)<-[r${types}]-(m)`;
  return `(p)-[r${types}]-(m)`;
}

/**
 * One page of a relationship field for many parents at once (one round trip
 * per field and arguments): a typed, directed expand from each parent's id
 * seek (a literal type is pushed into the expand; `type(r) = $t` is not),
 * the far-end labels as a label expression, only the filters given. The
 * page is cut by a keyset key, so inserts skip or repeat nothing.
 *
 * Params: $ids, $after ('' for the first page), $limit, and $asOf,
 * $overlapFrom, $overlapTo, $text, $rules, $confidence, $unverified where given.
 */
export function relationPageStatement(spec: RelationSpec, shape: RelationShape): string {
  const filters = [
    spec.labels && labelExpression('m', spec.labels),
    shape.asOf &&
      '(r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)',
    shape.overlapFrom && '(r.validTo IS NULL OR r.validTo >= $overlapFrom)',
    shape.overlapTo && '(r.validFrom IS NULL OR r.validFrom <= $overlapTo)',
    shape.text && "toLower(coalesce(m.name, m.title, '')) CONTAINS $text",
    shape.rules && 'r.rule IN $rules',
    shape.confidence && 'r.confidence IN $confidence',
    shape.unverified && 'coalesce(r.unverified, false) = $unverified',
  ];
  return `UNWIND $ids AS pid
MATCH (p:Entity {id: pid})
CALL (p) {
  MATCH ${pattern(spec)}
  WHERE ${where(filters)}
  ${spec.direction === null ? '// A self-loop matches twice when both directions are walked.\n  WITH DISTINCT p, r, m\n  ' : ''}WITH p, r, m, ${KEYS[shape.orderBy]} AS key
  ORDER BY key
  WITH p, collect({key: key, r: r, m: m}) AS rows
  RETURN size(rows) AS total,
         [x IN [x IN rows WHERE x.key > $after][0..$limit] |
           {key: x.key, type: type(x.r), out: startNode(x.r) = p, rel: properties(x.r), labels: labels(x.m), node: properties(x.m)}] AS page
}
RETURN pid, total, page`;
}
