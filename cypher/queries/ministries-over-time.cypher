// name: ministries-over-time
// description: Ministries and agencies responsible for children's issues per state, with the period of each one's responsibility (where known) and the names it carried over time.
// param: isoCode: string = null example "DK" - ISO code of one state; null for all
// returns: state, body, label, name, nativeName, role, from, fromPrecision, to, toPrecision, periodKnown, confidence, unverified, names, sources
// The period is the responsibility's (RESPONSIBLE_FOR_CHILDREN_IN), with
// periodKnown false where the sources give no start (as the API: an
// as-of match before the end holds only because the start is unknown); names are
// the body's KNOWN_AS names in order, each with its own period.
MATCH (b)-[r:RESPONSIBLE_FOR_CHILDREN_IN]->(s:State)
WHERE $isoCode IS NULL OR s.isoCode = $isoCode
CALL (b) {
  OPTIONAL MATCH (b)-[k:KNOWN_AS]->(n:Name)
  WITH k, n
  ORDER BY k.validFrom
  RETURN collect(CASE WHEN n IS NULL THEN null ELSE {name: n.name, nativeName: n.nativeName, from: k.validFrom, to: k.validTo} END) AS names
}
RETURN s.name AS state,
       b.id AS body,
       apoc.text.toUpperCase([l IN labels(b) WHERE l <> 'Entity'][0]) AS label,
       b.name AS name,
       b.nativeName AS nativeName,
       r.role AS role,
       r.validFrom AS from,
       toUpper(r.validFromPrecision) AS fromPrecision,
       r.validTo AS to,
       toUpper(r.validToPrecision) AS toPrecision,
       r.validFrom IS NOT NULL AS periodKnown,
       toUpper(r.confidence) AS confidence,
       coalesce(r.unverified, false) AS unverified,
       names,
       r.sourceIds AS sources
ORDER BY state, from IS NULL, from, body
