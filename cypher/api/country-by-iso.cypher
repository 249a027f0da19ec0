// A state or country by its ISO code (unique per label).
MATCH (n:$($label) {isoCode: $isoCode})
RETURN labels(n) AS labels, properties(n) AS props
