// Every project's acronym and name with their lookup keys (migration 005):
// read only after project(acronym:) found nothing, to name the closest
// projects in the error.
MATCH (n:Project)
RETURN n.id AS id, n.acronym AS acronym, n.name AS name,
       n.acronymKey AS acronymKey, n.nameKey AS nameKey
