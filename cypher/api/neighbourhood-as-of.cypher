// A bounded subgraph around an entity through the relationships that hold
// on $asOf only: breadth first, one level at a time ($depth 1 to 3), each
// entity once, at most $limit entities (the centre first, then by level,
// each level by id; relationships by start id, type and end id, so the answer
// does not depend on the plan).
// A relationship holds on $asOf when its validFrom is missing or on or
// before it and its validTo is missing or on or after it, the rule of
// relationship filters' asOf (stored starts are the first day and ends the
// last day their precision covers). With $includeUndated false, a
// relationship with no validFrom does not hold: it would match only
// because its start is unknown (by default it holds on any date before its
// end). Entities reachable only through relationships that
// do not hold are not reached.
MATCH (c:Entity {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[r]-(b:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($includeUndated OR r.validFrom IS NOT NULL)
    AND b <> c
  WITH DISTINCT b ORDER BY b.id
  RETURN collect(b) AS level1
}
CALL (c, level1) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($includeUndated OR r.validFrom IS NOT NULL)
    AND b <> c AND NOT b IN level1
  WITH DISTINCT b ORDER BY b.id
  RETURN collect(b) AS level2
}
CALL (c, level1, level2) {
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($includeUndated OR r.validFrom IS NOT NULL)
    AND b <> c AND NOT b IN level1 AND NOT b IN level2
  WITH DISTINCT b ORDER BY b.id
  RETURN collect(b) AS level3
}
WITH ([c] + level1 + level2 + level3)[0..$limit] AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND ($includeUndated OR r.validFrom IS NOT NULL)
    AND b IN kept
  WITH a, r, b ORDER BY a.id, type(r), b.id
  RETURN collect(r) AS relationships
}
RETURN kept AS nodes, relationships AS rels
