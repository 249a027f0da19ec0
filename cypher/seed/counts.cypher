// Entities per label and relationships per type, for the loader's report.
CALL () {
  MATCH (n:Entity)
  UNWIND labels(n) AS name
  WITH name WHERE name <> 'Entity'
  RETURN 'label' AS kind, name, count(*) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity)
  RETURN 'type' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, name
