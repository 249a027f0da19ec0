// name: source-supports
// description: Everything a given source supports - the entities and the relationships that cite it.
// param: source: string example "source:seed-004" - id of the source
// returns: kind, fact, quote
CALL () {
  MATCH (n:Entity)
  WHERE $source IN n.sourceIds AND n.id <> $source
  RETURN 'entity' AS kind, n.id AS fact, n.sourceQuotes[apoc.coll.indexOf(n.sourceIds, $source)] AS quote
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE $source IN r.sourceIds
  RETURN 'relationship' AS kind, a.id + ' -' + type(r) + '-> ' + b.id AS fact, r.sourceQuotes[apoc.coll.indexOf(r.sourceIds, $source)] AS quote
}
RETURN kind, fact, quote
ORDER BY kind, fact
