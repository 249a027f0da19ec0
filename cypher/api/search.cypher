// Full-text search across all entities, best first. $query is built from
// the user's words with Lucene's special characters escaped.
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $candidates}) YIELD node, score
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
RETURN labels(node) AS labels, properties(node) AS props, score
ORDER BY score DESC, props.id
LIMIT $limit
