// name: dq-dangling-periods
// description: Data quality - periods that end before they start, and open-ended periods of relationships to things that have ended.
// returns: fact, from, to, problem
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.validFrom IS NOT NULL AND r.validTo IS NOT NULL AND r.validFrom > r.validTo
  RETURN a.id + ' -' + type(r) + '-> ' + b.id AS fact, r.validFrom AS from, r.validTo AS to, 'ends before it starts' AS problem
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.validFrom IS NOT NULL AND r.validTo IS NULL AND b.endDate IS NOT NULL AND b.endDate < date()
  RETURN a.id + ' -' + type(r) + '-> ' + b.id AS fact, r.validFrom AS from, r.validTo AS to, 'open-ended, but ' + b.id + ' ended ' + toString(b.endDate) AS problem
  UNION ALL
  MATCH (a:Entity)-[r:MEMBER_OF|HELD_PRESIDENCY|HELD_ROLE|MANDATE_OF]->(b:Entity) WHERE r.validFrom IS NULL AND r.validTo IS NULL
  RETURN a.id + ' -' + type(r) + '-> ' + b.id AS fact, null AS from, null AS to, 'a period relationship without any date' AS problem
}
RETURN fact, from, to, problem
ORDER BY problem, fact
