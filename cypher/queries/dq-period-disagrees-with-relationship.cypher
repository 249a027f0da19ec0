// name: dq-period-disagrees-with-relationship
// description: Data quality - a mandate whose start or end differs from the validity of its own MANDATE_OF relationship, and a body, organisation or office that is PART_OF another from before it was founded or established (expected: no rows).
// returns: fact, nodeFrom, nodeTo, relationshipFrom, relationshipTo, problem
// Dates are compared as stored (an end written "2017" is 2017-12-31, "2017-06"
// is 2017-06-30); a date known on one side and unknown on the other differs.
CALL () {
  MATCH (m:Mandate)-[r:MANDATE_OF]->(b:Entity)
  WHERE NOT coalesce(m.startDate = r.validFrom, m.startDate IS NULL AND r.validFrom IS NULL)
     OR NOT coalesce(m.endDate = r.validTo, m.endDate IS NULL AND r.validTo IS NULL)
  RETURN m.id + ' -MANDATE_OF-> ' + b.id AS fact, m.startDate AS nodeFrom, m.endDate AS nodeTo,
         r.validFrom AS relationshipFrom, r.validTo AS relationshipTo,
         'the mandate and its MANDATE_OF relationship give different periods' AS problem
  UNION ALL
  MATCH (n:Entity)-[r:PART_OF]->(b:Entity)
  WITH n, r, b, coalesce(n.founded, n.established) AS founded
  WHERE founded IS NOT NULL
    AND (r.validFrom < founded OR r.validTo < founded)
  RETURN n.id + ' -PART_OF-> ' + b.id AS fact, founded AS nodeFrom, null AS nodeTo,
         r.validFrom AS relationshipFrom, r.validTo AS relationshipTo,
         'part of ' + b.id + ' before it was founded (' + toString(founded) + ')' AS problem
}
RETURN fact, nodeFrom, nodeTo, relationshipFrom, relationshipTo, problem
ORDER BY fact
