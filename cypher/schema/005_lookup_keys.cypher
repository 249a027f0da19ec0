// Lookups that ignore case, spaces, hyphens, underscores and dots
// (project(acronym:), the exact match search ranks first): every entity
// carries
//   acronymKey  its acronym, lower case, without ' ', '-', '_' and '.'
//   nameKey     its name (a source's title), the same way
// The loader writes both on every load; this migration re-keys entities
// loaded before (acronymKey was the lower-case acronym), in batches, and
// indexes both keys across labels and for projects.
CREATE INDEX entity_acronym_key IF NOT EXISTS FOR (n:Entity) ON (n.acronymKey);
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);
CREATE INDEX project_name_key IF NOT EXISTS FOR (n:Project) ON (n.nameKey);
MATCH (n:Entity)
CALL (n) {
  SET n.acronymKey = replace(replace(replace(replace(toLower(n.acronym), ' ', ''), '-', ''), '_', ''), '.', ''),
      n.nameKey = replace(replace(replace(replace(toLower(coalesce(n.name, n.title)), ' ', ''), '-', ''), '_', ''), '.', '')
} IN TRANSACTIONS OF 5000 ROWS;
