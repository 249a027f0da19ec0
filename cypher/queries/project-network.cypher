// name: project-network
// description: Partners, coordinators, funders and pilot countries of one project, with roles and sources.
// param: project: string example "project:promise-1" - id of the project
// returns: relation, name, label, role, from, to, sources
MATCH (p:Project {id: $project})
CALL (p) {
  MATCH (x)-[r:PARTNER_IN]->(p) RETURN 'partner' AS relation, x, r
  UNION ALL
  MATCH (p)-[r:COORDINATED_BY]->(x) RETURN 'coordinator' AS relation, x, r
  UNION ALL
  MATCH (p)-[r:FUNDED_BY]->(x) RETURN 'funder' AS relation, x, r
  UNION ALL
  MATCH (x)-[r:PILOT_COUNTRY_OF]->(p) RETURN 'pilot country' AS relation, x, r
}
RETURN relation,
       x.name AS name,
       apoc.text.toUpperCase([l IN labels(x) WHERE l <> 'Entity'][0]) AS label,
       r.role AS role,
       r.validFrom AS from,
       r.validTo AS to,
       r.sourceIds AS sources
ORDER BY relation, name
