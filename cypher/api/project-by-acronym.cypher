// A project by acronym or exact name, case-insensitive, through the stored
// keys' indexes (acronymKey, and the name part of sortKey as a prefix); a
// series wins over its phases when both carry the acronym.
CALL () {
  MATCH (n:Project) WHERE n.acronymKey = $key
  RETURN n
  UNION
  MATCH (n:Project) WHERE n.sortKey STARTS WITH $key + '\u0001'
  RETURN n
}
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY CASE n.kind WHEN 'series' THEN 0 ELSE 1 END, n.id
LIMIT 1
