// name: corporal-punishment-bans
// description: Bans on corporal punishment of children, in the order they were enacted.
// returns: enacted, enactedPrecision, state, law, sources
MATCH (l:Law {kind: 'corporal-punishment-ban'})-[:APPLIES_IN]->(s)
RETURN l.enacted AS enacted,
       toUpper(l.enactedPrecision) AS enactedPrecision,
       s.name AS state,
       l.name AS law,
       l.sourceIds AS sources
ORDER BY enacted, state
