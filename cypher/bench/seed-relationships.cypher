// The seed relationships that touch an entity of a cloned label, with what
// the clone needs: type, properties, ends, and which ends are cloned.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.origin = 'seed'
  AND (any(l IN labels(a) WHERE l IN $labels) OR any(l IN labels(b) WHERE l IN $labels))
RETURN type(r) AS type, properties(r) AS props,
       a.id AS from, any(l IN labels(a) WHERE l IN $labels) AS fromCloned,
       b.id AS to, any(l IN labels(b) WHERE l IN $labels) AS toCloned
