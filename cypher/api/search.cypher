// Full-text search across all entities: exact matches first, then by score.
// An exact match is an entity whose acronym or name (a source's title)
// equals the text ignoring case, spaces, hyphens, underscores and dots
// ($exact, as the stored acronymKey and nameKey: one index seek each), so
// it comes first however many entities merely mention the words. $query is
// built from the user's words with Lucene's special characters escaped.
CALL () {
  MATCH (node:Entity) WHERE node.acronymKey = $exact
  RETURN node, 1 AS exact, 0.0 AS score
  UNION ALL
  MATCH (node:Entity) WHERE node.nameKey = $exact
  RETURN node, 1 AS exact, 0.0 AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $candidates}) YIELD node, score
  RETURN node, 0 AS exact, score
}
WITH node, max(exact) AS exact, max(score) AS score
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
RETURN node, score
ORDER BY exact DESC, score DESC, node.id
LIMIT $limit
