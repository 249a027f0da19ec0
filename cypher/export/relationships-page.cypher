// The relationships leaving one page of entities (in id order, like
// nodes-page.cypher), ordered by type, far end and key so that an export is
// the same every time. Only relationships between entities. Entities
// without one still give a row (type null), so the caller's cursor moves on.
// $asOf (a date, or null): a relationship is kept when it held on that day
// (validFrom <= $asOf <= validTo, a missing end holding; ends are stored as
// the first and last day they cover) and both its ends are kept by the same
// rule as nodes-page.cypher. With $includeUndated false, a relationship with
// no validFrom is left out too (it would hold only because its start is
// unknown), as the API's includeUndated: false.
MATCH (a:Entity)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE $asOf IS NULL
   OR ((r.validFrom IS NULL OR r.validFrom <= $asOf)
       AND (r.validTo IS NULL OR r.validTo >= $asOf)
       AND ($includeUndated OR r.validFrom IS NOT NULL)
       AND coalesce(a.startDate, a.founded, a.established, a.opened, a.enacted, a.adopted, a.published, $asOf) <= $asOf
       AND coalesce(b.startDate, b.founded, b.established, b.opened, b.enacted, b.adopted, b.published, $asOf) <= $asOf)
RETURN a.id AS cursor, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props,
       coalesce(r.seedKey, type(r) + '|' + a.id + '|' + b.id + '|' + coalesce(r.viaId, r.key, '')) AS key
ORDER BY cursor, type, to, key
