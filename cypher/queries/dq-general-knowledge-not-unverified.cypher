// name: dq-general-knowledge-not-unverified
// description: Data quality - facts whose note says they come from general knowledge (no listed source confirms them) but that are not flagged unverified (expected: no rows).
// returns: kind, fact, note
// The seed's convention (docs/model.md): a fact taken from general knowledge
// says "from general knowledge" in its note and carries unverified: true;
// general knowledge that was left out is noted as "GK-unverified and left out".
CALL () {
  MATCH (n:Entity)
  WHERE toLower(n.note) CONTAINS 'from general knowledge' AND NOT coalesce(n.unverified, false)
  RETURN 'entity' AS kind, n.id AS fact, n.note AS note
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE toLower(r.note) CONTAINS 'from general knowledge' AND NOT coalesce(r.unverified, false)
  RETURN 'relationship' AS kind, a.id + ' -' + type(r) + '-> ' + b.id AS fact, r.note AS note
}
RETURN kind, fact, note
ORDER BY kind, fact
