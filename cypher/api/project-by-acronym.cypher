// A project by acronym or exact name, case-insensitive; a series wins over
// its phases when both carry the acronym.
MATCH (n:Project)
WHERE toLower(n.acronym) = $key OR toLower(n.name) = $key
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY CASE n.kind WHEN 'series' THEN 0 ELSE 1 END, n.id
LIMIT 1
