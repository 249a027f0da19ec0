// name: ministries-over-time
// description: Ministries and agencies responsible for children's issues per state, with the names they carried over time.
// param: isoCode: string = null example "DK" - ISO code of one state; null for all
// returns: state, body, type, name, nativeName, from, to, sources
MATCH (b)-[:RESPONSIBLE_FOR_CHILDREN_IN]->(s:State)
WHERE $isoCode IS NULL OR s.isoCode = $isoCode
OPTIONAL MATCH (b)-[k:KNOWN_AS]->(n:Name)
RETURN s.name AS state,
       b.id AS body,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS type,
       coalesce(n.name, b.name) AS name,
       coalesce(n.nativeName, b.nativeName) AS nativeName,
       k.validFrom AS from,
       k.validTo AS to,
       coalesce(k.sourceIds, b.sourceIds) AS sources
ORDER BY state, body, from
