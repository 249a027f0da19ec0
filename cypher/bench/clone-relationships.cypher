// Copies of every seed relationship that touches a cloned entity: ends that
// are cloned map to their copy, shared ends (states, priorities, bodies...)
// stay. (apoc.create.relationship rather than a dynamic type in CREATE: the
// latter failed inside Neo4j 5.26 on large batches.)
// The slotted runtime: the default one failed with an internal index error
// on these batches (Neo4j 5.26.19).
CYPHER runtime = slotted
UNWIND $copies AS copy
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.origin = 'seed'
  AND (any(l IN labels(a) WHERE l IN $labels) OR any(l IN labels(b) WHERE l IN $labels))
WITH copy, r,
     CASE WHEN any(l IN labels(a) WHERE l IN $labels) THEN a.id + '~' + toString(copy) ELSE a.id END AS fromId,
     CASE WHEN any(l IN labels(b) WHERE l IN $labels) THEN b.id + '~' + toString(copy) ELSE b.id END AS toId
MATCH (ca:Entity {id: fromId})
MATCH (cb:Entity {id: toId})
CALL apoc.create.relationship(ca, type(r), r {.*, origin: 'synthetic', seedKey: r.seedKey + '~' + toString(copy)}, cb) YIELD rel
RETURN count(rel) AS n
