// name: fact-sources
// description: The sources behind one entity and behind each of its relationships, with quotes and links.
// param: id: string example "presidency:2019-2020" - id of the entity
// returns: fact, source, title, url, quote, confidence, unverified
MATCH (n:Entity {id: $id})
CALL (n) {
  RETURN n.id AS fact, n.sourceIds AS ids, n.sourceQuotes AS quotes, n.confidence AS confidence, n.unverified AS unverified
  UNION ALL
  MATCH (n)-[r]-(m:Entity)
  RETURN startNode(r).id + ' -' + type(r) + '-> ' + endNode(r).id AS fact, r.sourceIds AS ids, r.sourceQuotes AS quotes, r.confidence AS confidence, r.unverified AS unverified
}
UNWIND range(0, size(ids) - 1) AS i
MATCH (s:Source {id: ids[i]})
RETURN fact, s.id AS source, s.title AS title, s.url AS url, nullif(quotes[i], '') AS quote, toUpper(confidence) AS confidence, unverified
ORDER BY fact = $id DESC, fact, source
