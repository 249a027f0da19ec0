// One page of a relationship field for many entities at once (one round
// trip per field and arguments, whatever the number of parents). Edges are
// ordered by a string key that is also the keyset cursor, so a page never
// depends on an offset: inserting data skips or repeats nothing. Key parts
// are joined with U+0001, below every character of a name or id, so that
// "promise" sorts before "promise-3" as it does compared on its own.
UNWIND $ids AS pid
MATCH (p:Entity {id: pid})
CALL (p) {
  MATCH (p)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = p))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
    AND ($overlapFrom IS NULL OR r.validTo IS NULL OR r.validTo >= $overlapFrom)
    AND ($overlapTo IS NULL OR r.validFrom IS NULL OR r.validFrom <= $overlapTo)
    AND ($text IS NULL OR toLower(coalesce(m.name, m.title, '')) CONTAINS $text)
    // Filters of derived links (PursuesFilter).
    AND ($rules IS NULL OR r.rule IN $rules)
    AND ($confidence IS NULL OR r.confidence IN $confidence)
    AND ($unverified IS NULL OR coalesce(r.unverified, false) = $unverified)
  // A self-loop matches twice in an undirected pattern.
  WITH DISTINCT p, r, m
  WITH p, r, m,
       toLower(coalesce(m.name, m.title, '')) + '\u0001' + m.id + '\u0001' + coalesce(r.seedKey, r.viaId, elementId(r)) AS tail,
       coalesce(r.validFrom, m.startDate, m.opened, m.enacted, m.published, m.adopted) AS dated
  WITH p, r, m, CASE $orderBy
      WHEN 'NAME' THEN tail
      WHEN 'ID' THEN m.id + '\u0001' + coalesce(r.seedKey, r.viaId, elementId(r))
      WHEN 'LATEST' THEN
        right('00000000' + toString(99999999 - toInteger(replace(toString(coalesce(dated, date('0001-01-01'))), '-', ''))), 8) + '\u0001' + tail
      ELSE
        right('000000' + toString(coalesce(r.order, 999999)), 6) + '\u0001' + coalesce(toString(dated), '9999-99-99') + '\u0001' + tail
    END AS key
  ORDER BY key
  WITH p, collect({key: key, r: r, m: m}) AS rows
  RETURN size(rows) AS total,
         [x IN [x IN rows WHERE $after IS NULL OR x.key > $after][0..$limit] |
           {key: x.key, type: type(x.r), out: startNode(x.r) = p, rel: properties(x.r), labels: labels(x.m), node: properties(x.m)}] AS page
}
RETURN pid, total, page
