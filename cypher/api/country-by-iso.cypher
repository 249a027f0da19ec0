// A non-member country by its ISO code (unique index seek).
MATCH (n:Country {isoCode: $isoCode})
RETURN labels(n) AS labels, properties(n) AS props
