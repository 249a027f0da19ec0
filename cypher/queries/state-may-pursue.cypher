// name: state-may-pursue
// description: For each member state, the priorities it may pursue (MAY_PURSUE: the PURSUES rules found state action, but a step of the best evidence path is a curator's reading or an assumption rather than shown by the sources), never counted as pursuing; with the evidence path, its grade, the reasons that name the step, and its sources.
// param: isoCode: string = null example "SE" - ISO code of one state; null lists every state
// returns: state, priority, priorityKind, mandate, via, through, rule, confidence, evidence, gradeReasons, sources, unverified
MATCH (s:State)-[p:MAY_PURSUE]->(pr:Priority)
WHERE $isoCode IS NULL OR s.isoCode = $isoCode
OPTIONAL MATCH (m:Mandate)-[:HAS_PRIORITY]->(pr)
WITH s, p, pr, collect(m.name) AS mandates
RETURN s.name AS state,
       pr.name AS priority,
       toUpper(pr.kind) AS priorityKind,
       head(mandates) AS mandate,
       p.via AS via,
       p.viaName AS through,
       toUpper(replace(p.rule, '-', '_')) AS rule,
       toUpper(p.confidence) AS confidence,
       p.evidence AS evidence,
       p.evidenceGradeReasons AS gradeReasons,
       p.sourceIds AS sources,
       p.unverified AS unverified
ORDER BY state, mandate, priority, via, through
