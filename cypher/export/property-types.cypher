// The property keys of entities and relationships with their stored types
// (Neo4j's own schema procedures), so that an export can declare typed
// columns and attribute keys before its first row. Types are the
// procedures' names: String, Long, Double, Boolean, Date, DateTime,
// StringArray, BooleanArray, ...
CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes
WITH 'node' AS kind, propertyName, propertyTypes
WHERE propertyName IS NOT NULL AND 'Entity' IN nodeLabels
RETURN kind, propertyName AS name, collect(DISTINCT propertyTypes) AS types
UNION ALL
CALL db.schema.relTypeProperties() YIELD propertyName, propertyTypes
WITH 'relationship' AS kind, propertyName, propertyTypes
WHERE propertyName IS NOT NULL
RETURN kind, propertyName AS name, collect(DISTINCT propertyTypes) AS types
