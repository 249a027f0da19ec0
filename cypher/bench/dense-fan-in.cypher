// A dense parent for the deep-page scenarios: $count more projects address
// the priority $priority, each a copy (id "<id>~dense-<copy>-<i>") of the
// first seed project that addresses it, with that one ADDRESSES relationship
// and nothing else. Nothing derived reads them (a PURSUES path also needs a
// partner, coordinator or pilot country), so they weigh only on the pages
// of that priority's projects: at 10x page 50 is rows 981-1,000 of over 1,000.
MATCH (pr:Priority {id: $priority})<-[a:ADDRESSES]-(t:Project {origin: 'seed'})
WITH pr, a, t ORDER BY t.id LIMIT 1
UNWIND $tags AS tag
CREATE (n:Entity:Project)
SET n = t {
      .*,
      id: t.id + '~' + tag,
      name: t.name + ' ' + tag,
      origin: 'synthetic',
      // The stored keys of migrations 003 and 005, for the copy's own name and id.
      sortKey: toLower(t.name + ' ' + tag) + '\u0001' + t.id + '~' + tag,
      nameKey: replace(replace(replace(replace(toLower(t.name + ' ' + tag), ' ', ''), '-', ''), '_', ''), '.', '')
    }
CREATE (n)-[r:ADDRESSES]->(pr)
SET r = a {.*, origin: 'synthetic', seedKey: a.seedKey + '~' + tag}
RETURN count(r) AS n
