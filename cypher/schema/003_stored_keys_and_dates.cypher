// Stored keys for index-backed lookups and keyset pages, and the date
// indexes the timeline was missing. Every entity carries
//   sortKey     toLower(name, or title for sources) + U+0001 + id: the order of
//               lists by name, unique, and the keyset cursor (U+0001 sorts below
//               every character of a name, so "promise" comes before "promise-3")
//   acronymKey  toLower(acronym), where there is an acronym
// The loader writes both on every load; this migration backfills them in
// databases loaded before (an old .neo4j folder, Aura), in batches.
CREATE INDEX source_sort_key IF NOT EXISTS FOR (n:Source) ON (n.sortKey);
CREATE INDEX country_sort_key IF NOT EXISTS FOR (n:Country) ON (n.sortKey);
CREATE INDEX state_sort_key IF NOT EXISTS FOR (n:State) ON (n.sortKey);
CREATE INDEX organisation_sort_key IF NOT EXISTS FOR (n:Organisation) ON (n.sortKey);
CREATE INDEX body_sort_key IF NOT EXISTS FOR (n:Body) ON (n.sortKey);
CREATE INDEX ministry_sort_key IF NOT EXISTS FOR (n:Ministry) ON (n.sortKey);
CREATE INDEX agency_sort_key IF NOT EXISTS FOR (n:Agency) ON (n.sortKey);
CREATE INDEX name_sort_key IF NOT EXISTS FOR (n:Name) ON (n.sortKey);
CREATE INDEX ombudsperson_institution_sort_key IF NOT EXISTS FOR (n:OmbudspersonInstitution) ON (n.sortKey);
CREATE INDEX presidency_sort_key IF NOT EXISTS FOR (n:Presidency) ON (n.sortKey);
CREATE INDEX mandate_sort_key IF NOT EXISTS FOR (n:Mandate) ON (n.sortKey);
CREATE INDEX priority_sort_key IF NOT EXISTS FOR (n:Priority) ON (n.sortKey);
CREATE INDEX project_sort_key IF NOT EXISTS FOR (n:Project) ON (n.sortKey);
CREATE INDEX programme_sort_key IF NOT EXISTS FOR (n:Programme) ON (n.sortKey);
CREATE INDEX output_sort_key IF NOT EXISTS FOR (n:Output) ON (n.sortKey);
CREATE INDEX service_sort_key IF NOT EXISTS FOR (n:Service) ON (n.sortKey);
CREATE INDEX law_sort_key IF NOT EXISTS FOR (n:Law) ON (n.sortKey);
CREATE INDEX instrument_sort_key IF NOT EXISTS FOR (n:Instrument) ON (n.sortKey);
CREATE INDEX meeting_sort_key IF NOT EXISTS FOR (n:Meeting) ON (n.sortKey);
CREATE INDEX event_sort_key IF NOT EXISTS FOR (n:Event) ON (n.sortKey);
CREATE INDEX message_sort_key IF NOT EXISTS FOR (n:Message) ON (n.sortKey);
CREATE INDEX person_sort_key IF NOT EXISTS FOR (n:Person) ON (n.sortKey);
CREATE INDEX project_acronym_key IF NOT EXISTS FOR (n:Project) ON (n.acronymKey);
// Filters of the top-level lists: kinds and the unverified flag, per label.
CREATE INDEX ombudsperson_institution_kind IF NOT EXISTS FOR (n:OmbudspersonInstitution) ON (n.kind);
CREATE INDEX project_kind IF NOT EXISTS FOR (n:Project) ON (n.kind);
CREATE INDEX output_kind IF NOT EXISTS FOR (n:Output) ON (n.kind);
CREATE INDEX service_kind IF NOT EXISTS FOR (n:Service) ON (n.kind);
CREATE INDEX law_kind IF NOT EXISTS FOR (n:Law) ON (n.kind);
CREATE INDEX instrument_kind IF NOT EXISTS FOR (n:Instrument) ON (n.kind);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX source_unverified IF NOT EXISTS FOR (n:Source) ON (n.unverified);
CREATE INDEX country_unverified IF NOT EXISTS FOR (n:Country) ON (n.unverified);
CREATE INDEX state_unverified IF NOT EXISTS FOR (n:State) ON (n.unverified);
CREATE INDEX organisation_unverified IF NOT EXISTS FOR (n:Organisation) ON (n.unverified);
CREATE INDEX body_unverified IF NOT EXISTS FOR (n:Body) ON (n.unverified);
CREATE INDEX ministry_unverified IF NOT EXISTS FOR (n:Ministry) ON (n.unverified);
CREATE INDEX agency_unverified IF NOT EXISTS FOR (n:Agency) ON (n.unverified);
CREATE INDEX name_unverified IF NOT EXISTS FOR (n:Name) ON (n.unverified);
CREATE INDEX ombudsperson_institution_unverified IF NOT EXISTS FOR (n:OmbudspersonInstitution) ON (n.unverified);
CREATE INDEX presidency_unverified IF NOT EXISTS FOR (n:Presidency) ON (n.unverified);
CREATE INDEX mandate_unverified IF NOT EXISTS FOR (n:Mandate) ON (n.unverified);
CREATE INDEX priority_unverified IF NOT EXISTS FOR (n:Priority) ON (n.unverified);
CREATE INDEX project_unverified IF NOT EXISTS FOR (n:Project) ON (n.unverified);
CREATE INDEX programme_unverified IF NOT EXISTS FOR (n:Programme) ON (n.unverified);
CREATE INDEX output_unverified IF NOT EXISTS FOR (n:Output) ON (n.unverified);
CREATE INDEX service_unverified IF NOT EXISTS FOR (n:Service) ON (n.unverified);
CREATE INDEX law_unverified IF NOT EXISTS FOR (n:Law) ON (n.unverified);
CREATE INDEX instrument_unverified IF NOT EXISTS FOR (n:Instrument) ON (n.unverified);
CREATE INDEX meeting_unverified IF NOT EXISTS FOR (n:Meeting) ON (n.unverified);
CREATE INDEX event_unverified IF NOT EXISTS FOR (n:Event) ON (n.unverified);
CREATE INDEX message_unverified IF NOT EXISTS FOR (n:Message) ON (n.unverified);
CREATE INDEX person_unverified IF NOT EXISTS FOR (n:Person) ON (n.unverified);
CREATE INDEX mandate_adopted IF NOT EXISTS FOR (n:Mandate) ON (n.adopted);
CREATE INDEX project_end IF NOT EXISTS FOR (n:Project) ON (n.endDate);
CREATE INDEX output_published IF NOT EXISTS FOR (n:Output) ON (n.published);
MATCH (n:Entity)
CALL (n) {
  SET n.sortKey = toLower(coalesce(n.name, n.title, '')) + '\u0001' + n.id,
      n.acronymKey = toLower(n.acronym)
} IN TRANSACTIONS OF 5000 ROWS;
