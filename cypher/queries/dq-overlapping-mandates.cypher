// name: dq-overlapping-mandates
// description: Data quality - two mandates of one body in force on the same day (expected: no rows; a mandate ends before the next one starts).
// returns: body, earlier, earlierFrom, earlierTo, later, laterFrom, laterTo
// Periods are the mandates' own startDate and endDate, both days included;
// an unknown end runs on. Mandates without a start are not compared.
MATCH (a:Mandate)-[:MANDATE_OF]->(b:Entity)<-[:MANDATE_OF]-(z:Mandate)
WHERE a.startDate IS NOT NULL AND z.startDate IS NOT NULL
  AND (a.startDate < z.startDate OR (a.startDate = z.startDate AND a.id < z.id))
  AND z.startDate <= coalesce(a.endDate, date('9999-12-31'))
RETURN b.id AS body, a.id AS earlier, a.startDate AS earlierFrom, a.endDate AS earlierTo,
       z.id AS later, z.startDate AS laterFrom, z.endDate AS laterTo
ORDER BY body, earlierFrom, later
