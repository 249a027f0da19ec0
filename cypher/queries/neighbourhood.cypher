// name: neighbourhood
// description: The direct neighbours of an entity, with the relationship, its direction and sources.
// param: id: string example "project:promise-3" - id of the entity
// param: limit: integer[0..1000] = 100 example 50 - most rows to return
// returns: direction, relationship, neighbour, neighbourLabel, role, sources
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction,
       type(r) AS relationship,
       m.id AS neighbour,
       apoc.text.toUpperCase([l IN labels(m) WHERE l <> 'Entity'][0]) AS neighbourLabel,
       r.role AS role,
       r.sourceIds AS sources
ORDER BY relationship, neighbour
LIMIT $limit
