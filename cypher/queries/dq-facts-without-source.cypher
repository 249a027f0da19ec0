// name: dq-facts-without-source
// description: Data quality - entities and relationships that name no source, or a source that does not exist.
// returns: kind, fact, problem
CALL () {
  MATCH (n:Entity) WHERE size(coalesce(n.sourceIds, [])) = 0
  RETURN 'entity' AS kind, n.id AS fact, 'no source' AS problem
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity) WHERE size(coalesce(r.sourceIds, [])) = 0
  RETURN 'relationship' AS kind, a.id + ' -' + type(r) + '-> ' + b.id AS fact, 'no source' AS problem
  UNION ALL
  MATCH (n:Entity) UNWIND coalesce(n.sourceIds, []) AS sid
  WITH n, sid WHERE NOT EXISTS { MATCH (:Source {id: sid}) }
  RETURN 'entity' AS kind, n.id AS fact, 'cites missing ' + sid AS problem
}
RETURN kind, fact, problem
ORDER BY kind, fact
