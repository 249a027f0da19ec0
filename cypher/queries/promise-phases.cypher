// name: promise-phases
// description: The phases of the PROMISE series in order, with their dates and coordinators.
// param: series: string = "project:promise" example "project:promise" - id of the project series
// returns: order, phase, start, end, coordinators, sources
MATCH (phase:Project)-[o:PHASE_OF]->(:Project {id: $series})
OPTIONAL MATCH (phase)-[:COORDINATED_BY]->(c)
WITH o, phase, collect(c.name) AS coordinators
RETURN o.order AS order,
       phase.name AS phase,
       phase.startDate AS start,
       phase.endDate AS end,
       coordinators,
       phase.sourceIds AS sources
ORDER BY order, start
