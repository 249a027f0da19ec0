// name: shortest-path
// description: The shortest path between two entities, step by step, with each step's sources (derived PURSUES and CIVIL_SOCIETY_ENGAGES links skipped).
// param: from: string example "person:olivia-lind-haldorsson" - id of the first entity
// param: to: string example "project:promise-barnahus-network" - id of the second entity
// returns: step, start, relationship, end, sources
// Equal ends are a path of no steps: the row is dropped before shortestPath,
// which refuses a start that is its end. The derived links are left out of
// the search itself (all(r IN rs ...)), not filtered from its one result.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WHERE a <> b
MATCH p = shortestPath((a)-[rs*..8]-(b))
WHERE all(r IN rs WHERE coalesce(r.origin, '') <> 'derived')
UNWIND range(0, length(p) - 1) AS i
WITH i, relationships(p)[i] AS r
RETURN i + 1 AS step,
       startNode(r).id AS start,
       type(r) AS relationship,
       endNode(r).id AS end,
       r.sourceIds AS sources
ORDER BY step
