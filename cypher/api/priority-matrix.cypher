// States x priorities of one mandate, with the PURSUES evidence per cell and,
// apart, the MAY_PURSUE and the CIVIL_SOCIETY_ENGAGES evidence.
MATCH (m:Mandate {id: $mandate})
OPTIONAL MATCH (m)-[h:HAS_PRIORITY]->(pr:Priority)
WITH m, pr ORDER BY h.order, pr.name
WITH m, collect(pr) AS priorities
MATCH (s:State)
WITH m, priorities, s ORDER BY s.name
WITH m, priorities, collect(s) AS states
RETURN properties(m) AS mandate,
       [p IN priorities | properties(p)] AS priorities,
       [s IN states | properties(s)] AS states,
       [s IN states | [p IN priorities | [(s)-[r:PURSUES]->(p) | properties(r)]]] AS cells,
       [s IN states | [p IN priorities | [(s)-[r:MAY_PURSUE]->(p) | properties(r)]]] AS mayPursue,
       [s IN states | [p IN priorities | [(s)-[r:CIVIL_SOCIETY_ENGAGES]->(p) | properties(r)]]] AS civilSociety
