// Whether the graph holds any entity yet: the seed is loaded on start only
// when this count is 0.
MATCH (n:Entity) RETURN count(n) AS n LIMIT 1
