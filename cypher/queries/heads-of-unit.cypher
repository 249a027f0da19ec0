// name: heads-of-unit
// description: Heads of the Children at Risk Unit over time, with their periods and sources.
// returns: person, role, from, fromPrecision, to, toPrecision, sources, note
MATCH (p:Person)-[r:HELD_ROLE]->(:Body {id: 'body:car-unit'})
WHERE toLower(r.role) CONTAINS 'head'
RETURN p.name AS person,
       r.role AS role,
       r.validFrom AS from,
       r.validFromPrecision AS fromPrecision,
       r.validTo AS to,
       r.validToPrecision AS toPrecision,
       r.sourceIds AS sources,
       r.note AS note
ORDER BY from
