// name: barnahus-spread
// description: The spread of Barnahus-type services over time, in order of opening.
// returns: opened, openedPrecision, service, nativeName, place, country, sources
MATCH (s:Service {kind: 'barnahus'})
OPTIONAL MATCH (s)-[:LOCATED_IN]->(c)
RETURN s.opened AS opened,
       toUpper(s.openedPrecision) AS openedPrecision,
       s.name AS service,
       s.nativeName AS nativeName,
       s.place AS place,
       c.name AS country,
       s.sourceIds AS sources
ORDER BY opened IS NULL, opened, service
