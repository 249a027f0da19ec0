// name: dq-unverified-facts
// description: Data quality - facts flagged unverified or of low confidence, for review.
// returns: kind, fact, unverified, confidence, note
CALL () {
  MATCH (n:Entity) WHERE n.unverified OR n.confidence = 'low'
  RETURN 'entity' AS kind, n.id AS fact, n.unverified AS unverified, n.confidence AS confidence, n.note AS note
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity) WHERE (r.unverified OR r.confidence = 'low') AND r.origin <> 'derived'
  RETURN 'relationship' AS kind, a.id + ' -' + type(r) + '-> ' + b.id AS fact, r.unverified AS unverified, r.confidence AS confidence, r.note AS note
}
RETURN kind, fact, unverified, toUpper(confidence) AS confidence, note
ORDER BY kind, fact
