// name: shortest-path
// description: The shortest path between two entities, step by step, with each step's sources (derived PURSUES links skipped).
// param: from: string example "person:olivia-lind-haldorsson" - id of the first entity
// param: to: string example "project:promise-barnahus-network" - id of the second entity
// returns: step, start, relationship, end, sources
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE none(r IN relationships(p) WHERE r.origin = 'derived')
UNWIND range(0, length(p) - 1) AS i
WITH i, relationships(p)[i] AS r
RETURN i + 1 AS step,
       startNode(r).id AS start,
       type(r) AS relationship,
       endNode(r).id AS end,
       r.sourceIds AS sources
ORDER BY step
