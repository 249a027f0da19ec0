// A bounded subgraph around an entity (breadth first, APOC).
MATCH (c:Entity {id: $id})
CALL apoc.path.subgraphAll(c, {maxLevel: $depth, limit: $limit}) YIELD nodes, relationships
RETURN [c] + [x IN nodes WHERE x <> c] AS nodes, relationships AS rels
