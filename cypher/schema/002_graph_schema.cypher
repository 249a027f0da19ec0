// Keys, lookups, date ranges and full-text search for the knowledge graph.
// Every entity has :Entity and a unique id (001); natural keys are unique too.
CREATE CONSTRAINT state_iso_code IF NOT EXISTS FOR (n:State) REQUIRE n.isoCode IS UNIQUE;
CREATE CONSTRAINT country_iso_code IF NOT EXISTS FOR (n:Country) REQUIRE n.isoCode IS UNIQUE;
CREATE CONSTRAINT presidency_term IF NOT EXISTS FOR (n:Presidency) REQUIRE n.term IS UNIQUE;

// Lookups by name, acronym and kind.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_origin IF NOT EXISTS FOR (n:Entity) ON (n.origin);
CREATE INDEX project_acronym IF NOT EXISTS FOR (n:Project) ON (n.acronym);
CREATE INDEX organisation_acronym IF NOT EXISTS FOR (n:Organisation) ON (n.acronym);
CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind);
CREATE INDEX priority_kind IF NOT EXISTS FOR (n:Priority) ON (n.kind);
CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind);

// Date ranges for timelines and "as of" questions.
CREATE INDEX meeting_start IF NOT EXISTS FOR (n:Meeting) ON (n.startDate);
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX presidency_start IF NOT EXISTS FOR (n:Presidency) ON (n.startDate);
CREATE INDEX project_start IF NOT EXISTS FOR (n:Project) ON (n.startDate);
CREATE INDEX service_opened IF NOT EXISTS FOR (n:Service) ON (n.opened);
CREATE INDEX law_enacted IF NOT EXISTS FOR (n:Law) ON (n.enacted);
CREATE INDEX member_of_period IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.validFrom, r.validTo);
CREATE INDEX held_presidency_period IF NOT EXISTS FOR ()-[r:HELD_PRESIDENCY]-() ON (r.validFrom, r.validTo);
CREATE INDEX held_role_period IF NOT EXISTS FOR ()-[r:HELD_ROLE]-() ON (r.validFrom, r.validTo);

// Provenance and derivation bookkeeping.
CREATE INDEX pursues_via IF NOT EXISTS FOR ()-[r:PURSUES]-() ON (r.via);

// Full-text search over names, native names, acronyms and descriptions.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
  FOR (n:Entity) ON EACH [n.name, n.nativeName, n.acronym, n.fullName, n.description, n.text, n.title]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
