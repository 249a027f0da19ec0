// What the seed checksum covers: every entity and relationship the seed
// loaded or derived, with all properties, in a stable order. Facts from
// elsewhere (curation) are not part of it.
CALL () {
  MATCH (n:Entity) WHERE n.origin = 'seed'
  RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.origin IN ['seed', 'derived']
  // A loaded fact's seedKey is already TYPE|from|to|key; a derived link is
  // told apart by the node it goes through.
  RETURN coalesce(r.seedKey, type(r) + '|' + a.id + '|' + b.id + '|' + coalesce(r.viaId, elementId(r))) AS key,
         [type(r)] AS labels, properties(r) AS props
}
RETURN key, labels, props
ORDER BY key
