// Run once on a graph imported from a CSV export (docs/exports.md).
// neo4j-admin import reads an empty list field as no property at all, so a
// fact that cites one source without a quote (sourceQuotes [""]) comes back
// without sourceQuotes. Every seed fact has one quote per source ("" where
// there is none); derived links (origin 'derived') carry no quotes.
CALL () {
  MATCH (n:Entity)
  WHERE n.sourceQuotes IS NULL AND size(n.sourceIds) = 1 AND n.origin <> 'derived'
  SET n.sourceQuotes = ['']
  RETURN count(*) AS nodes
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE r.sourceQuotes IS NULL AND size(r.sourceIds) = 1 AND r.origin <> 'derived'
  SET r.sourceQuotes = ['']
  RETURN count(*) AS relationships
}
RETURN nodes, relationships
