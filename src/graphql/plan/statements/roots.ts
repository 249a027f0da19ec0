import { label } from './identifiers';

/** How a root field finds its one entity. */
export type RootLookup =
  | { by: 'id'; label: string | null }
  | { by: 'isoCode'; label: 'State' | 'Country' }
  | { by: 'acronym' };

/**
 * The clause that binds a root field's entity to n0, index-backed: the
 * unique id, the unique ISO code of its label, or a project's stored
 * acronym or name key (lookup-key.ts: case, spaces, hyphens, underscores
 * and dots ignored; a series wins over its phases when both match).
 *
 * Params: $id, $isoCode or $key.
 */
export function rootClause(lookup: RootLookup): string {
  switch (lookup.by) {
    case 'id':
      return `MATCH (n0:Entity {id: $id})${lookup.label ? ` WHERE n0:${label(lookup.label)}` : ''}`;
    case 'isoCode':
      return `MATCH (n0:${label(lookup.label)} {isoCode: $isoCode})`;
    case 'acronym':
      return `CALL () {
  MATCH (n:Project) WHERE n.acronymKey = $key
  RETURN n
  UNION
  MATCH (n:Project) WHERE n.nameKey = $key
  RETURN n
}
WITH n AS n0
ORDER BY CASE n0.kind WHEN 'series' THEN 0 ELSE 1 END, n0.id
LIMIT 1`;
  }
}

/** The resolvers' statement for a root field that finds one entity: its labels and properties. */
export function rootStatement(lookup: RootLookup): string {
  return `${rootClause(lookup)}
RETURN labels(n0) AS labels, properties(n0) AS props`;
}
