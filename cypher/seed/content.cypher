// Everything the checksum covers: every entity and every relationship
// between entities, with all properties, in a stable order.
CALL () {
  MATCH (n:Entity)
  RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  RETURN type(r) + '|' + a.id + '|' + b.id + '|' + coalesce(r.seedKey, r.viaId, elementId(r)) AS key, [type(r)] AS labels, properties(r) AS props
}
RETURN key, labels, props
ORDER BY key
