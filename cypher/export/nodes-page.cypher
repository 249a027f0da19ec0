// One page of entities for an export, in id order (a range seek on the
// Entity.id index, so a page costs the same on any size of graph).
// $asOf (a date, or null for everything): entities that began after it are
// left out. An entity begins on the first of its dated properties below;
// entities without one (states, people, sources, ...) are always kept.
MATCH (n:Entity)
WHERE n.id > $after
  AND ($asOf IS NULL
       OR coalesce(n.startDate, n.founded, n.established, n.opened, n.enacted, n.adopted, n.published) IS NULL
       OR coalesce(n.startDate, n.founded, n.established, n.opened, n.enacted, n.adopted, n.published) <= $asOf)
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props
