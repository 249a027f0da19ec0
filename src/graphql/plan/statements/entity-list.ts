import { label, where, whereClause } from './identifiers';

/** Which filters a top-level list was given (their values travel as parameters). */
export interface EntityListShape {
  text: boolean;
  kinds: boolean;
  unverified: boolean;
  orderBy: 'NAME' | 'CONNECTIONS';
}

/** The conditions of a top-level list over `n` (only the filters given). */
export function listFilters(shape: EntityListShape): (string | false)[] {
  return [
    shape.text &&
      "(toLower(coalesce(n.name, n.title, '')) CONTAINS $text OR toLower(coalesce(n.nativeName, '')) CONTAINS $text OR toLower(coalesce(n.acronym, '')) CONTAINS $text)",
    shape.kinds && 'n.kind IN $kinds',
    shape.unverified && 'n.unverified = $unverified',
  ];
}

/**
 * The page of a top-level list: `n0` the entity and `key` its keyset key,
 * ordered, cut after $after and limited to $limit rows.
 */
export function listPage(name: string, shape: EntityListShape): string {
  const l = label(name);
  const filters = listFilters(shape);
  return shape.orderBy === 'NAME'
    ? `MATCH (n:${l})
  WHERE ${where([...filters, 'n.sortKey > $after'])}
  WITH n AS n0, n.sortKey AS key ORDER BY key LIMIT $limit`
    : // Most connected first: the degree is computed per entity, so this
      // order reads every entity of the label (exempt from the plan check).
      `MATCH (n:${l})${whereClause(filters)}
  WITH n, right('0000000000' + toString(9999999999 - COUNT { (n)--() }), 10) + '\\u0001' + n.sortKey AS key
  WHERE key > $after
  WITH n AS n0, key ORDER BY key LIMIT $limit`;
}

/** The total of a top-level list, as `total` (from the count store without filters). */
export function listTotal(name: string, shape: EntityListShape): string {
  const filters = listFilters(shape);
  return `CALL () {
  MATCH (n:${label(name)})${whereClause(filters)}
  RETURN count(n) AS total
}`;
}

/**
 * A top-level list of one label: a static label, only the filters given, and
 * for name order a keyset page on the stored sortKey, which a range index
 * per label serves in order (`n.sortKey > $after` with '' for the first
 * page keeps the seek; `$after IS NULL OR ...` would scan). Without filters
 * the total comes from the count store.
 *
 * Params: $after (string, '' for the first page), $limit, and $text,
 * $kinds, $unverified where given.
 */
export function entityListStatement(name: string, shape: EntityListShape): string {
  const l = label(name);
  // Each row: its key and the entity's labels and properties.
  const row = (key: string) => `{key: ${key}, labels: labels(n0), props: properties(n0)}`;
  const filters = listFilters(shape);
  const page =
    shape.orderBy === 'NAME'
      ? `  MATCH (n:${l})
  WHERE ${where([...filters, 'n.sortKey > $after'])}
  WITH n AS n0 ORDER BY n0.sortKey LIMIT $limit
  RETURN collect(${row('n0.sortKey')}) AS page`
      : // Most connected first: the degree is computed per entity, so this
        // order reads every entity of the label (exempt from the plan check).
        `  MATCH (n:${l})${whereClause(filters)}
  WITH n, right('0000000000' + toString(9999999999 - COUNT { (n)--() }), 10) + '\\u0001' + n.sortKey AS key
  WHERE key > $after
  WITH n AS n0, key ORDER BY key LIMIT $limit
  RETURN collect(${row('key')}) AS page`;
  return `CALL () {
  MATCH (n:${l})${whereClause(filters)}
  RETURN count(n) AS total
}
CALL () {
${page}
}
RETURN total, page`;
}
