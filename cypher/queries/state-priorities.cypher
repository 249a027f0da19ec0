// name: state-priorities
// description: For each member state, the priorities it pursues by its own action as the sources show it (PURSUES: itself or its state bodies), with the evidence path (project, service, law or presidency), its rule and grade, what set the grade, and its sources. Readings and assumptions are in state-may-pursue; civil society in state-civil-society.
// param: isoCode: string = null example "LT" - ISO code of one state; null lists every state
// returns: state, priority, priorityKind, mandate, via, through, rule, confidence, evidence, gradeReasons, sources, unverified
MATCH (s:State)-[p:PURSUES]->(pr:Priority)
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
