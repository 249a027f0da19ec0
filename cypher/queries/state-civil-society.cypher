// name: state-civil-society
// description: For each member state, the priorities its civil society engages in (CIVIL_SOCIETY_ENGAGES: NGOs, universities, foundations, networks, private providers and the services they run), never counted as the state pursuing them; with the organisations or services, the evidence path, its grade and what set it, and its sources.
// param: isoCode: string = null example "PL" - ISO code of one state; null lists every state
// returns: state, priority, mandate, via, through, actors, rule, confidence, evidence, gradeReasons, sources, unverified
MATCH (s:State)-[c:CIVIL_SOCIETY_ENGAGES]->(pr:Priority)
WHERE $isoCode IS NULL OR s.isoCode = $isoCode
OPTIONAL MATCH (m:Mandate)-[:HAS_PRIORITY]->(pr)
WITH s, c, pr, collect(m.name) AS mandates
RETURN s.name AS state,
       pr.name AS priority,
       head(mandates) AS mandate,
       c.via AS via,
       c.viaName AS through,
       c.actorIds AS actors,
       c.rule AS rule,
       c.confidence AS confidence,
       c.evidence AS evidence,
       c.evidenceGradeReasons AS gradeReasons,
       c.sourceIds AS sources,
       c.unverified AS unverified
ORDER BY state, mandate, priority, via, through
