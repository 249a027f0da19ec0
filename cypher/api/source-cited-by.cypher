// Entities citing each source, in id order, batched over sources.
UNWIND $ids AS sid
CALL (sid) {
  MATCH (n:Entity) WHERE sid IN n.sourceIds AND n.id <> sid
  WITH n ORDER BY n.id
  // Not named "all": that would parse as the all() predicate function.
  WITH collect(n) AS citing
  RETURN size(citing) AS total,
         [x IN [x IN citing WHERE $after IS NULL OR x.id > $after][0..$limit] | {key: x.id, labels: labels(x), node: properties(x)}] AS page
}
RETURN sid AS pid, total, page
