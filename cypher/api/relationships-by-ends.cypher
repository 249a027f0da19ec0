// Stored relationships named by their ends and type (the steps of evidence
// paths), batched: the first of each by seed key, so the answer is stable
// when two relationships of one type join the same ends (two roles).
UNWIND $keys AS k
MATCH (a:Entity {id: k.startId})-[r]->(:Entity {id: k.endId})
WHERE type(r) = k.type
WITH k, r
ORDER BY coalesce(r.seedKey, elementId(r))
WITH k, collect(r)[0] AS r
RETURN k.key AS key, properties(r) AS props
