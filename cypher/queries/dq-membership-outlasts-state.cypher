// name: dq-membership-outlasts-state
// description: Data quality - a state's membership of a CBSS body that outlasts or starts before the state's CBSS membership, and a CBSS membership that runs on after the member that took over its seat joined (expected: no rows).
// returns: fact, from, to, problem
// A body belongs to the organisation it is PART_OF (up to three steps, e.g.
// a unit of the Secretariat). Dates are days: a membership may end on the
// day a successor joins (the day of the hand-over). An unknown end runs on;
// an unknown start is not compared. A suspension (SUSPENDED_FROM) is not
// checked: a membership continues through a suspension, as the CBSS
// membership itself does, and ends only when the membership ends.
CALL () {
  MATCH (s:State)-[r:MEMBER_OF]->(b:Body)-[:PART_OF*1..3]->(c:Organisation)<-[m:MEMBER_OF]-(s)
  WHERE m.validTo IS NOT NULL AND coalesce(r.validTo, date('9999-12-31')) > m.validTo
  RETURN s.id + ' -MEMBER_OF-> ' + b.id AS fact, r.validFrom AS from, r.validTo AS to,
         'outlasts the membership of ' + c.id + ', which ended ' + toString(m.validTo) AS problem
  UNION ALL
  MATCH (s:State)-[r:MEMBER_OF]->(b:Body)-[:PART_OF*1..3]->(c:Organisation)<-[m:MEMBER_OF]-(s)
  WHERE r.validFrom IS NOT NULL AND m.validFrom IS NOT NULL AND r.validFrom < m.validFrom
  RETURN s.id + ' -MEMBER_OF-> ' + b.id AS fact, r.validFrom AS from, r.validTo AS to,
         'starts before the membership of ' + c.id + ', which began ' + toString(m.validFrom) AS problem
  UNION ALL
  MATCH (later:Entity)-[:SUCCEEDS]->(earlier:Entity)-[m:MEMBER_OF]->(c:Organisation)<-[n:MEMBER_OF]-(later)
  WHERE coalesce(m.validTo, date('9999-12-31')) > coalesce(n.validFrom, date('0001-01-01'))
  RETURN earlier.id + ' -MEMBER_OF-> ' + c.id AS fact, m.validFrom AS from, m.validTo AS to,
         'runs on after ' + later.id + ', which took over the seat, joined' +
         coalesce(' ' + toString(n.validFrom), ' (undated)') AS problem
}
RETURN fact, from, to, problem
ORDER BY fact, problem
