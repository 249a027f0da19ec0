// Creates or updates seed nodes. Every node carries :Entity (the id key) and
// its own label; its properties become exactly what the seed file says.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:$(row.label)
