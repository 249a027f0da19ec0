// Data-quality figures: each the number of rows of one part of a
// data-quality saved query in cypher/queries, with the same predicates
// (a test compares them), so a dashboard figure can be listed in full with
// `npm run cypher -- <query>`. Counting reads every fact by nature.
// $sourceKinds: the stored kinds of Source (each counted on its index).
CALL () {
  // dq-facts-without-source, entity rows with no source
  MATCH (n:Entity) WHERE size(coalesce(n.sourceIds, [])) = 0
  RETURN count(*) AS unsourcedNodes
}
CALL () {
  // dq-facts-without-source, relationship rows
  MATCH (:Entity)-[r]->(:Entity) WHERE size(coalesce(r.sourceIds, [])) = 0
  RETURN count(*) AS unsourcedRelationships
}
CALL () {
  // dq-facts-without-source, rows citing a missing source (looked up by
  // the unique Entity id: a Source-only pattern would scan the label per id)
  MATCH (n:Entity) UNWIND coalesce(n.sourceIds, []) AS sid
  WITH sid WHERE NOT EXISTS { MATCH (s:Entity {id: sid}) WHERE s:Source }
  RETURN count(*) AS missingSourceCitations
}
CALL () {
  // dq-unverified-facts, entity rows
  MATCH (n:Entity) WHERE n.unverified OR n.confidence = 'low'
  RETURN count(*) AS unverifiedNodes
}
CALL () {
  // dq-unverified-facts, relationship rows (derived links left out)
  MATCH (:Entity)-[r]->(:Entity) WHERE (r.unverified OR r.confidence = 'low') AND r.origin <> 'derived'
  RETURN count(*) AS unverifiedRelationships
}
CALL () {
  // dq-pursues-outside-mandate, every row (PURSUES and CIVIL_SOCIETY_ENGAGES)
  MATCH (:State)-[r:PURSUES|CIVIL_SOCIETY_ENGAGES]->(:Priority)<-[:HAS_PRIORITY]-(m:Mandate)
  MATCH (v:Entity {id: r.viaId})
  WITH m,
       CASE
         WHEN v:Project OR v:Presidency THEN v.startDate
         WHEN v:Law THEN v.enacted
         WHEN v:Service THEN v.opened
       END AS viaFrom,
       CASE WHEN v:Project OR v:Presidency THEN v.endDate END AS viaTo
  WHERE viaFrom IS NOT NULL
    AND (viaFrom > coalesce(m.endDate, date('9999-12-31'))
         OR coalesce(viaTo, date('9999-12-31')) < m.startDate)
  RETURN count(*) AS pursuesOutsideMandate
}
CALL () {
  UNWIND $sourceKinds AS kind
  CALL (kind) {
    MATCH (s:Source) WHERE s.kind = kind
    RETURN count(s) AS count
  }
  RETURN collect({kind: kind, count: count}) AS sourcesByKind
}
RETURN unsourcedNodes, unsourcedRelationships, missingSourceCitations, unverifiedNodes,
       unverifiedRelationships, pursuesOutsideMandate, sourcesByKind
