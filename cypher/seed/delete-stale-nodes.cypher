// Seed nodes whose record left the files. Nodes from elsewhere (origin other
// than 'seed') are left alone.
MATCH (n:Entity)
WHERE n.origin = 'seed' AND NOT n.id IN $ids
DETACH DELETE n
RETURN count(*) AS deleted
