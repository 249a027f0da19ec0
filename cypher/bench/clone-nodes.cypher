// Copies of every seed entity of the cloned labels, one set per copy number.
// The copy gets its new id together with its properties (the id is a unique
// key, checked as soon as it is set). (apoc.create.node rather than dynamic
// labels in SET: the latter failed inside Neo4j 5.26 on large batches.)
// The slotted runtime: the default one failed with an internal index error
// on these batches (Neo4j 5.26.19).
CYPHER runtime = slotted
UNWIND $copies AS copy
MATCH (n:Entity)
WHERE n.origin = 'seed' AND any(l IN labels(n) WHERE l IN $labels)
CALL apoc.create.node(labels(n), n {
      .*,
      id: n.id + '~' + toString(copy),
      name: CASE WHEN n.name IS NULL THEN null ELSE n.name + ' #' + toString(copy) END,
      origin: 'synthetic',
      // The stored keys of migrations 003 and 005, for the copy's own name and id.
      sortKey: toLower(coalesce(CASE WHEN n.name IS NULL THEN null ELSE n.name + ' #' + toString(copy) END, n.title, '')) + '\u0001' + n.id + '~' + toString(copy),
      nameKey: replace(replace(replace(replace(toLower(coalesce(CASE WHEN n.name IS NULL THEN null ELSE n.name + ' #' + toString(copy) END, n.title)), ' ', ''), '-', ''), '_', ''), '.', ''),
      sourceIds: [s IN n.sourceIds | CASE WHEN s = n.id THEN n.id + '~' + toString(copy) ELSE s END],
      startDate: CASE WHEN n.startDate IS NULL THEN null ELSE n.startDate + duration({days: (copy * 7 + $seed) % 29}) END
    }) YIELD node
RETURN count(node) AS n
