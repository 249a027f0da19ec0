// Query.health: the Neo4j version and edition, and the ids of the applied
// schema migrations in order.
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
CALL {
  OPTIONAL MATCH (m:Migration)
  WITH m ORDER BY m.id
  RETURN collect(m.id) AS migrations
}
RETURN versions[0] AS version, edition, migrations
