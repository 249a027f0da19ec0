// A bounded subgraph around an entity (breadth first, APOC).
MATCH (c:Entity {id: $id})
CALL apoc.path.subgraphAll(c, {maxLevel: $depth, limit: $limit}) YIELD nodes, relationships
WITH c, nodes, relationships
RETURN [n IN [c] + [x IN nodes WHERE x <> c] | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels
