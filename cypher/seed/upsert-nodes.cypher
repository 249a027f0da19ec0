// Creates or updates seed nodes. Every node carries :Entity (the id key) and
// its own label; its properties become exactly what the seed file says, plus
// the stored keys the API's indexes read (see migrations 003 and 005):
// sortKey (lower-case name or title, U+0001, id), and acronymKey and nameKey
// (the acronym, and the name or title, lower case without ' ', '-', '_', '.').
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:$(row.label)
SET n.sortKey = toLower(coalesce(n.name, n.title, '')) + '\u0001' + n.id,
    n.acronymKey = replace(replace(replace(replace(toLower(n.acronym), ' ', ''), '-', ''), '_', ''), '.', ''),
    n.nameKey = replace(replace(replace(replace(toLower(coalesce(n.name, n.title)), ' ', ''), '-', ''), '_', ''), '.', '')
