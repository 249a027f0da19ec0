// A member state by its ISO code (unique index seek).
MATCH (n:State {isoCode: $isoCode})
RETURN labels(n) AS labels, properties(n) AS props
