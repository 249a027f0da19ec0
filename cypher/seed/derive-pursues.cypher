// (State)-[:PURSUES]->(Priority): which states pursue which priorities, and
// why, by the rules in docs/model.md ("Derived PURSUES links"). One
// relationship per state, priority and the project, service, law or
// presidency it goes through. Re-derived from scratch on every load.
//
// Each evidence path is dated (the partnership or role where the fact gives
// a period, else the project's, the service's opening, the law's enactment,
// the presidency's term) and must overlap the period of the mandate that
// holds the priority; a path whose start is unknown stays, unverified. Its
// confidence is the lowest of its steps' (a step without one is high), and a
// partner that is not a state body caps it at low.
MATCH (:State)-[old:PURSUES]->(:Priority)
WHERE old.origin = 'derived'
DELETE old;

CALL () {
  // A state body takes part in a project that addresses the priority, or
  // coordinates it: a ministry, agency or ombudsperson institution tied to
  // the state (responsible for children in it, its ombudsperson, or based in
  // it), or, based in the state, a service not run by a non-governmental
  // organisation or a government body.
  MATCH path = (s:State)<-[tie:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]-(body)-[p:PARTNER_IN]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE body:Ministry OR body:Agency OR body:OmbudspersonInstitution
     OR (tie:LOCATED_IN AND body:Service AND coalesce(body.operatorKind, '') <> 'non-governmental' AND NOT EXISTS {
           (body)-[:OPERATED_BY]->(o:Organisation)
           WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'] })
     OR (tie:LOCATED_IN AND body:Organisation AND body.kind = 'government-body')
  RETURN s, pr, via, 'project' AS kind, 'body-partner-in-project' AS rule, path,
         p AS role, via.startDate AS viaFrom, via.endDate AS viaTo,
         false AS weak
  UNION
  MATCH path = (s:State)<-[tie:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]-(body)<-[p:COORDINATED_BY]-(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE body:Ministry OR body:Agency OR body:OmbudspersonInstitution
     OR (tie:LOCATED_IN AND body:Organisation AND body.kind = 'government-body')
  RETURN s, pr, via, 'project' AS kind, 'body-partner-in-project' AS rule, path,
         p AS role, via.startDate AS viaFrom, via.endDate AS viaTo,
         false AS weak
  UNION
  // A non-governmental partner based in the state (NGO, university,
  // foundation, network, provider, or a service one of them runs) takes part:
  // weaker evidence, at most low. International organisations do not stand
  // for the state they sit in.
  MATCH path = (s:State)<-[:LOCATED_IN]-(org)-[p:PARTNER_IN]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE (org:Organisation AND org.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'])
     OR (org:Service AND (org.operatorKind = 'non-governmental' OR EXISTS {
           (org)-[:OPERATED_BY]->(o:Organisation)
           WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'] }))
  RETURN s, pr, via, 'project' AS kind, 'partner-in-state' AS rule, path,
         p AS role, via.startDate AS viaFrom, via.endDate AS viaTo,
         true AS weak
  UNION
  // The state is a pilot country of a project that addresses it.
  MATCH path = (s:State)-[p:PILOT_COUNTRY_OF]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'project' AS kind, 'pilot-country' AS rule, path,
         p AS role, via.startDate AS viaFrom, via.endDate AS viaTo,
         false AS weak
  UNION
  // A national service in the state addresses it (e.g. a Barnahus), from its
  // opening on; at most low when a non-governmental organisation runs it.
  MATCH path = (s:State)<-[:LOCATED_IN]-(via:Service)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'service' AS kind, 'national-service' AS rule, path,
         null AS role, via.opened AS viaFrom, null AS viaTo,
         coalesce(via.operatorKind = 'non-governmental', false) OR EXISTS {
           (via)-[:OPERATED_BY]->(o:Organisation)
           WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other']
         } AS weak
  UNION
  // A law of the state addresses it (e.g. a corporal punishment ban), from its enactment on.
  MATCH path = (s:State)<-[:APPLIES_IN]-(via:Law)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'law' AS kind, 'law' AS rule, path,
         null AS role, via.enacted AS viaFrom, null AS viaTo, false AS weak
  UNION
  // The state's presidency declared it a priority, during its term.
  MATCH path = (s:State)-[:HELD_PRESIDENCY]->(via:Presidency)-[:DECLARED_PRIORITY]->(pr:Priority)
  RETURN s, pr, via, 'presidency' AS kind, 'presidency' AS rule, path,
         null AS role, via.startDate AS viaFrom, via.endDate AS viaTo, false AS weak
}
// The path's period: the partnership or role where the fact gives one, else
// the project's (or the service's, law's, presidency's own dates).
WITH s, pr, via, kind, rule, path, weak,
     CASE WHEN role.validFrom IS NULL AND role.validTo IS NULL THEN viaFrom ELSE role.validFrom END AS pathFrom,
     CASE WHEN role.validFrom IS NULL AND role.validTo IS NULL THEN viaTo ELSE role.validTo END AS pathTo
// The mandate that holds the priority gives the period the path must overlap.
OPTIONAL MATCH (m:Mandate)-[:HAS_PRIORITY]->(pr)
WITH s, pr, via, kind, rule, path, pathFrom, pathTo, weak,
     min(m.startDate) AS mandateFrom, max(coalesce(m.endDate, date('9999-12-31'))) AS mandateTo
WHERE pathFrom IS NULL
   OR ((mandateTo IS NULL OR pathFrom <= mandateTo)
       AND (mandateFrom IS NULL OR coalesce(pathTo, date('9999-12-31')) >= mandateFrom))
WITH s, pr, via, kind, rule, path, pathFrom, pathTo,
     // 0 high, 1 medium, 2 low: the lowest of the steps, capped for weak evidence.
     reduce(rank = CASE WHEN weak THEN 2 ELSE 0 END, r IN relationships(path) |
       CASE
         WHEN r.confidence = 'low' THEN 2
         WHEN r.confidence = 'medium' AND rank < 1 THEN 1
         ELSE rank
       END) AS rank,
     pathFrom IS NULL OR any(r IN relationships(path) WHERE coalesce(r.unverified, false)) AS pathUnverified,
     // The path as text: ids and arrows, which also breaks ties between
     // paths through the same nodes by different relationship types.
     reduce(text = nodes(path)[0].id, i IN range(0, size(relationships(path)) - 1) |
       text
       + CASE WHEN startNode(relationships(path)[i]) = nodes(path)[i]
           THEN ' -' + type(relationships(path)[i]) + '-> '
           ELSE ' <-' + type(relationships(path)[i]) + '- ' END
       + nodes(path)[i + 1].id) AS text
// Best paths first: by confidence, verified before unverified, a state
// body's own tie to the state (responsible for, ombudsperson for) before
// mere location, then by text.
ORDER BY s.id, pr.id, via.id, rank, pathUnverified,
         type(relationships(path)[0]) = 'LOCATED_IN', text
WITH s, pr, via, kind,
     collect({
       rule: rule, text: text, rank: rank, unverified: pathUnverified,
       nodes: [n IN nodes(path) | n.id],
       period: coalesce(toString(pathFrom), '') + '/' + coalesce(toString(pathTo), ''),
       sources: reduce(a = [], r IN relationships(path) | a + coalesce(r.sourceIds, []))
     }) AS ordered
// Paths through the same nodes by parallel relationships (an ombudsperson
// office both OMBUDSPERSON_FOR and LOCATED_IN its state) are one piece of
// evidence: the best of them is kept, with the sources of all.
WITH s, pr, via, kind,
     reduce(acc = [], p IN ordered |
       CASE WHEN any(q IN acc WHERE q.nodes = p.nodes) THEN acc ELSE acc + p END) AS kept, ordered
WITH s, pr, via, kind,
     [k IN kept | k {.*, sources: reduce(a = [], q IN ordered | CASE WHEN q.nodes = k.nodes THEN a + q.sources ELSE a END)}] AS paths
WITH s, pr, via, kind, paths,
     reduce(acc = [], p IN paths | acc + p.sources) AS allSources
CREATE (s)-[r:PURSUES]->(pr)
SET r.origin = 'derived',
    r.via = kind,
    r.viaId = via.id,
    r.viaName = via.name,
    // Per evidence path, in the same order: rule, text, period, confidence, unverified.
    r.rules = [p IN paths | p.rule],
    r.evidence = [p IN paths | p.text],
    r.evidencePeriods = [p IN paths | p.period],
    r.evidenceConfidence = [p IN paths | ['high', 'medium', 'low'][p.rank]],
    r.evidenceUnverified = [p IN paths | p.unverified],
    // The link: its best path's rule and confidence; unverified only when every path is.
    r.rule = paths[0].rule,
    r.confidence = ['high', 'medium', 'low'][paths[0].rank],
    r.unverified = all(p IN paths WHERE p.unverified),
    r.pathCount = size(paths),
    r.sourceIds = reduce(acc = [], id IN allSources | CASE WHEN id IN acc THEN acc ELSE acc + id END)
RETURN count(r) AS derived;
