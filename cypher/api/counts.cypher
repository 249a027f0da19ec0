// Entities per label and relationships per type, from Neo4j's count store
// (no scan); the API keeps the labels and types of the model.
CALL apoc.meta.stats() YIELD labels, relTypesCount
UNWIND keys(labels) AS name
RETURN 'label' AS kind, name, labels[name] AS count
UNION ALL
CALL apoc.meta.stats() YIELD relTypesCount
UNWIND keys(relTypesCount) AS name
RETURN 'type' AS kind, name, relTypesCount[name] AS count
