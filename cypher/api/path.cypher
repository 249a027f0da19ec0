// Shortest paths between two entities. The search bound is fixed at 8 hops
// (a literal in Cypher); $maxHops narrows it. Derived PURSUES shortcuts are
// skipped unless asked for, so paths show the facts themselves.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE length(p) <= $maxHops AND ($includeDerived OR none(r IN relationships(p) WHERE r.origin = 'derived'))
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)]
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels
LIMIT $limit
