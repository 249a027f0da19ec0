// Creates or updates seed nodes. Every node carries :Entity (the id key) and
// its own label; its properties become exactly what the seed file says, plus
// the stored keys the API's indexes read (see migration 003): sortKey
// (lower-case name or title, U+0001, id) and acronymKey (lower-case acronym).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:$(row.label)
SET n.sortKey = toLower(coalesce(n.name, n.title, '')) + '\u0001' + n.id,
    n.acronymKey = toLower(n.acronym)
