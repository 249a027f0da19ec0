import { wholeNumber } from './identifiers';

/**
 * Shortest paths between two entities, bounded by maxHops as a literal (a
 * var-length bound cannot be a parameter): the search itself stops at
 * maxHops, instead of walking 8 hops and filtering afterwards. Only
 * `all(r IN rs ...)` stands in the shortest-path predicate: `length(p)` or
 * `none(r IN relationships(p) ...)` there would add an exhaustive fallback.
 *
 * Params: $from, $to, $includeDerived, $limit.
 */
export function pathStatement(maxHops: number): string {
  return `MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[rs*..${wholeNumber(maxHops, 1, 8)}]-(b))
WHERE all(r IN rs WHERE $includeDerived OR coalesce(r.origin, '') <> 'derived')
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)]
RETURN nodes(p) AS nodes, relationships(p) AS rels
LIMIT $limit`;
}
