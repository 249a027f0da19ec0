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
  // dq-pursues-outside-mandate, every row (PURSUES, MAY_PURSUE and CIVIL_SOCIETY_ENGAGES)
  MATCH (:State)-[r:PURSUES|MAY_PURSUE|CIVIL_SOCIETY_ENGAGES]->(:Priority)<-[:HAS_PRIORITY]-(m:Mandate)
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
  // dq-membership-outlasts-state, every row
  CALL () {
    MATCH (s:State)-[r:MEMBER_OF]->(:Body)-[:PART_OF*1..3]->(:Organisation)<-[m:MEMBER_OF]-(s)
    WHERE m.validTo IS NOT NULL AND coalesce(r.validTo, date('9999-12-31')) > m.validTo
    RETURN 1 AS row
    UNION ALL
    MATCH (s:State)-[r:MEMBER_OF]->(:Body)-[:PART_OF*1..3]->(:Organisation)<-[m:MEMBER_OF]-(s)
    WHERE r.validFrom IS NOT NULL AND m.validFrom IS NOT NULL AND r.validFrom < m.validFrom
    RETURN 1 AS row
    UNION ALL
    MATCH (later:Entity)-[:SUCCEEDS]->(:Entity)-[m:MEMBER_OF]->(:Organisation)<-[n:MEMBER_OF]-(later)
    WHERE coalesce(m.validTo, date('9999-12-31')) > coalesce(n.validFrom, date('0001-01-01'))
    RETURN 1 AS row
  }
  RETURN count(*) AS membershipOutlastsState
}
CALL () {
  // dq-period-disagrees-with-relationship, every row
  CALL () {
    MATCH (m:Mandate)-[r:MANDATE_OF]->(:Entity)
    WHERE NOT coalesce(m.startDate = r.validFrom, m.startDate IS NULL AND r.validFrom IS NULL)
       OR NOT coalesce(m.endDate = r.validTo, m.endDate IS NULL AND r.validTo IS NULL)
    RETURN 1 AS row
    UNION ALL
    MATCH (n:Entity)-[r:PART_OF]->(:Entity)
    WITH r, coalesce(n.founded, n.established) AS founded
    WHERE founded IS NOT NULL
      AND (r.validFrom < founded OR r.validTo < founded)
    RETURN 1 AS row
  }
  RETURN count(*) AS periodDisagreesWithRelationship
}
CALL () {
  // dq-overlapping-mandates, every row
  MATCH (a:Mandate)-[:MANDATE_OF]->(:Entity)<-[:MANDATE_OF]-(z:Mandate)
  WHERE a.startDate IS NOT NULL AND z.startDate IS NOT NULL
    AND (a.startDate < z.startDate OR (a.startDate = z.startDate AND a.id < z.id))
    AND z.startDate <= coalesce(a.endDate, date('9999-12-31'))
  RETURN count(*) AS overlappingMandates
}
CALL () {
  // dq-general-knowledge-not-unverified, every row
  CALL () {
    MATCH (n:Entity)
    WHERE toLower(n.note) CONTAINS 'from general knowledge' AND NOT coalesce(n.unverified, false)
    RETURN 1 AS row
    UNION ALL
    MATCH (:Entity)-[r]->(:Entity)
    WHERE toLower(r.note) CONTAINS 'from general knowledge' AND NOT coalesce(r.unverified, false)
    RETURN 1 AS row
  }
  RETURN count(*) AS generalKnowledgeNotUnverified
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
       unverifiedRelationships, pursuesOutsideMandate, membershipOutlastsState,
       periodDisagreesWithRelationship, overlappingMandates, generalKnowledgeNotUnverified,
       sourcesByKind
