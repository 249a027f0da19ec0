// name: heads-of-unit
// description: Heads of the Children at Risk Unit over time, with their periods and sources. A hand-over known only to a presidency year is a row of its own for both heads, flagged unverified.
// returns: person, role, from, fromPrecision, to, toPrecision, unverified, sources, note
MATCH (p:Person)-[r:HELD_ROLE]->(:Body {id: 'body:car-unit'})
WHERE toLower(r.role) CONTAINS 'head'
RETURN p.name AS person,
       r.role AS role,
       r.validFrom AS from,
       toUpper(r.validFromPrecision) AS fromPrecision,
       r.validTo AS to,
       toUpper(r.validToPrecision) AS toPrecision,
       coalesce(r.unverified, false) AS unverified,
       r.sourceIds AS sources,
       r.note AS note
ORDER BY from, unverified DESC, person
