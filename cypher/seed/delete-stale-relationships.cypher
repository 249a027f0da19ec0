// Seed relationships whose record left the files (or whose ends changed).
MATCH (:Entity)-[r]->(:Entity)
WHERE r.origin = 'seed' AND NOT r.seedKey IN $keys
DELETE r
RETURN count(*) AS deleted
