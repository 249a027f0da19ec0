// (State)-[:PURSUES]->(Priority): which states pursue which priorities, and
// why. Derived from curated facts along four kinds of evidence path; one
// relationship per state, priority and the project, service, law or
// presidency it goes through. Re-derived from scratch on every load.
MATCH (:State)-[old:PURSUES]->(:Priority)
WHERE old.origin = 'derived'
DELETE old;

CALL () {
  // A body of the state (ministry, agency, ombudsperson, service or
  // organisation based there) takes part in a project that addresses it.
  MATCH path = (s:State)<-[:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]-()-[:PARTNER_IN]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'project' AS kind, 'body-partner-in-project' AS rule, path
  UNION
  // The state is a pilot country of a project that addresses it.
  MATCH path = (s:State)-[:PILOT_COUNTRY_OF]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'project' AS kind, 'pilot-country' AS rule, path
  UNION
  // A national service in the state addresses it (e.g. a Barnahus).
  MATCH path = (s:State)<-[:LOCATED_IN]-(via:Service)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'service' AS kind, 'national-service' AS rule, path
  UNION
  // A law of the state addresses it (e.g. a corporal punishment ban).
  MATCH path = (s:State)<-[:APPLIES_IN]-(via:Law)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'law' AS kind, 'law' AS rule, path
  UNION
  // The state's presidency declared it a priority.
  MATCH path = (s:State)-[:HELD_PRESIDENCY]->(via:Presidency)-[:DECLARED_PRIORITY]->(pr:Priority)
  RETURN s, pr, via, 'presidency' AS kind, 'presidency' AS rule, path
}
WITH s, pr, via, kind, rule, path
ORDER BY s.id, pr.id, via.id, [n IN nodes(path) | n.id]
WITH s, pr, via, kind, collect(path) AS paths, collect(rule) AS rules
WITH s, pr, via, kind, paths, rules,
     reduce(acc = [], p IN paths | acc + reduce(a = [], r IN relationships(p) | a + r.sourceIds)) AS allSources
CREATE (s)-[r:PURSUES]->(pr)
SET r.origin = 'derived',
    r.via = kind,
    r.viaId = via.id,
    r.viaName = via.name,
    // The rule of each evidence path (in the order of evidence); the link's
    // rule is its first path's.
    r.rules = rules,
    r.rule = rules[0],
    r.evidencePath = [n IN nodes(paths[0]) | n.id],
    r.evidence = [p IN paths |
      reduce(text = nodes(p)[0].id, i IN range(0, size(relationships(p)) - 1) |
        text
        + CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i]
            THEN ' -' + type(relationships(p)[i]) + '-> '
            ELSE ' <-' + type(relationships(p)[i]) + '- ' END
        + nodes(p)[i + 1].id)],
    r.pathCount = size(paths),
    r.sourceIds = reduce(acc = [], id IN allSources | CASE WHEN id IN acc THEN acc ELSE acc + id END),
    // Unverified only when every path rests on an unverified fact.
    r.unverified = all(p IN paths WHERE any(x IN relationships(p) WHERE x.unverified))
RETURN count(r) AS derived;
