// A top-level list of one label with filters, ordered by a keyset key
// (name, or number of connections) that doubles as the cursor. Name order is
// stable under inserts; connection order moves when degrees change.
CALL () {
  MATCH (n:$($label))
  WHERE ($text IS NULL OR toLower(coalesce(n.name, n.title, '')) CONTAINS $text
         OR toLower(coalesce(n.nativeName, '')) CONTAINS $text OR toLower(coalesce(n.acronym, '')) CONTAINS $text)
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($unverified IS NULL OR n.unverified = $unverified)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:$($label))
  WHERE ($text IS NULL OR toLower(coalesce(n.name, n.title, '')) CONTAINS $text
         OR toLower(coalesce(n.nativeName, '')) CONTAINS $text OR toLower(coalesce(n.acronym, '')) CONTAINS $text)
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($unverified IS NULL OR n.unverified = $unverified)
  WITH n, toLower(coalesce(n.name, n.title, '')) + '\u0001' + n.id AS tail
  WITH n, CASE $orderBy
      WHEN 'CONNECTIONS' THEN right('0000000000' + toString(9999999999 - COUNT { (n)--() }), 10) + '\u0001' + tail
      ELSE tail
    END AS key
  WHERE $after IS NULL OR key > $after
  WITH n, key
  ORDER BY key
  LIMIT $limit
  // collect() yields one row even when the page is empty, so total survives.
  RETURN collect({key: key, labels: labels(n), node: properties(n)}) AS page
}
RETURN total, page
