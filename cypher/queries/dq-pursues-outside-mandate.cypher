// name: dq-pursues-outside-mandate
// description: Data quality: derived PURSUES and CIVIL_SOCIETY_ENGAGES links whose project, presidency, law or service was not active at any time during the mandate that holds the priority (expected: no rows).
// returns: relationship, state, priority, mandate, via, viaFrom, viaTo, mandateFrom, mandateTo
// Written apart from the derivation: it reads the entity the link goes
// through and its own dates, not the periods the derivation stored.
MATCH (s:State)-[r:PURSUES|MAY_PURSUE|CIVIL_SOCIETY_ENGAGES]->(p:Priority)<-[:HAS_PRIORITY]-(m:Mandate)
MATCH (v:Entity {id: r.viaId})
WITH r, s, p, m, v,
     CASE
       WHEN v:Project OR v:Presidency THEN v.startDate
       WHEN v:Law THEN v.enacted
       WHEN v:Service THEN v.opened
     END AS viaFrom,
     CASE WHEN v:Project OR v:Presidency THEN v.endDate END AS viaTo
WHERE viaFrom IS NOT NULL
  AND (viaFrom > coalesce(m.endDate, date('9999-12-31'))
       OR coalesce(viaTo, date('9999-12-31')) < m.startDate)
RETURN type(r) AS relationship, s.id AS state, p.id AS priority, m.id AS mandate, v.id AS via,
       viaFrom, viaTo, m.startDate AS mandateFrom, m.endDate AS mandateTo
ORDER BY relationship, state, priority, via
