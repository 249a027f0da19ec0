// What each list field can return at most, for the cost model
// (src/graphql/list-bounds.ts): entities per label from the count store, and
// per relationship type and direction the most relationships of that type one
// entity has ('type>' outgoing, '<type' incoming), and the most relationships
// of any type one entity has ('*'). The degrees read every relationship once:
// the API reads them at most every LIST_BOUNDS_TTL_MS, never per request.
CALL apoc.meta.stats() YIELD labels
UNWIND keys(labels) AS name
RETURN 'label' AS kind, name, labels[name] AS bound
UNION ALL
MATCH (a:Entity)-[r]->()
WITH a, type(r) AS type, count(*) AS degree
RETURN 'degree' AS kind, type + '>' AS name, max(degree) AS bound
UNION ALL
MATCH (b:Entity)<-[r]-()
WITH b, type(r) AS type, count(*) AS degree
RETURN 'degree' AS kind, '<' + type AS name, max(degree) AS bound
UNION ALL
MATCH (n:Entity)
RETURN 'degree' AS kind, '*' AS name, coalesce(max(COUNT { (n)--() }), 0) AS bound
