// Creates or updates seed relationships, identified by their seed key
// (type | from | to | key); properties become exactly what the file says.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {seedKey: row.seedKey}]->(b)
SET r = row.props
