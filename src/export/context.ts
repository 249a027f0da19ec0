import { loadModel } from '../model';

/** Where the project's own terms and ids live. No domain is claimed: URNs, resolvable through this project's context only. */
export const VOCAB = 'urn:cbss-car:vocab:';
export const ID_BASE = 'urn:cbss-car:';

/** schema.org types for labels where one fits; every entity is also typed with its own label. */
const SCHEMA_TYPES: Record<string, string> = {
  Person: 'schema:Person',
  Organisation: 'schema:Organization',
  Body: 'schema:Organization',
  Ministry: 'schema:GovernmentOrganization',
  Agency: 'schema:GovernmentOrganization',
  OmbudspersonInstitution: 'schema:GovernmentOrganization',
  State: 'schema:Country',
  Country: 'schema:Country',
  Project: 'schema:Project',
  Event: 'schema:Event',
  Meeting: 'schema:Event',
  Law: 'schema:Legislation',
  Output: 'schema:CreativeWork',
  Source: 'schema:CreativeWork',
  Service: 'schema:GovernmentService',
};

export const schemaTypeOf = (label: string): string | undefined => SCHEMA_TYPES[label];

/**
 * The JSON-LD @context of the exports, served at /export/context.jsonld and
 * embedded in every JSON-LD export (so no processor fetches anything):
 *  - entities are the IRIs urn:cbss-car:<id> (state:LT is
 *    urn:cbss-car:state:LT), with the graph's id as schema:identifier;
 *    relationships are urn:cbss-car:rel:<its key, percent-encoded>;
 *  - labels and relationship types are classes and properties of the
 *    project's vocabulary (urn:cbss-car:vocab:), which is also @vocab, so
 *    no property is dropped by expansion;
 *  - schema.org terms where they fit (name, description, url, dates,
 *    validFrom/validThrough for periods);
 *  - PROV-O for provenance: prov:wasDerivedFrom names each source, and a
 *    prov:qualifiedDerivation per source carries its quote;
 *  - a relationship is a resource of its own (car:Relationship, an
 *    rdf:Statement): rdf:subject, rdf:predicate, rdf:object, with its
 *    period, confidence and sources on it; and also the direct triple
 *    <from> car:TYPE <to>, so each relationship type is a term whose
 *    values are IRIs;
 *  - lists whose order pairs them with another list (the evidence of
 *    PURSUES, MAY_PURSUE and CIVIL_SOCIETY_ENGAGES) are @list.
 */
export function exportContext(): Record<string, unknown> {
  const model = loadModel();
  const ctx: Record<string, unknown> = {
    '@version': 1.1,
    '@vocab': VOCAB,
    car: VOCAB,
    schema: 'https://schema.org/',
    prov: 'http://www.w3.org/ns/prov#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    dcterms: 'http://purl.org/dc/terms/',
    identifier: 'schema:identifier',
    name: 'schema:name',
    description: 'schema:description',
    title: 'dcterms:title',
    url: { '@id': 'schema:url', '@type': '@id' },
    startDate: 'schema:startDate',
    endDate: 'schema:endDate',
    founded: 'schema:foundingDate',
    published: 'schema:datePublished',
    validFrom: 'schema:validFrom',
    validTo: 'schema:validThrough',
    place: 'schema:location',
    nationality: 'schema:nationality',
    isbn: 'schema:isbn',
    text: 'schema:text',
    version: 'schema:version',
    dateCreated: 'schema:dateCreated',
    dateModified: 'schema:dateModified',
    wasDerivedFrom: { '@id': 'prov:wasDerivedFrom', '@type': '@id' },
    qualifiedDerivation: { '@id': 'prov:qualifiedDerivation' },
    entity: { '@id': 'prov:entity', '@type': '@id' },
    Derivation: 'prov:Derivation',
    quote: 'car:quote',
    subject: { '@id': 'rdf:subject', '@type': '@id' },
    predicate: { '@id': 'rdf:predicate', '@type': '@vocab' },
    object: { '@id': 'rdf:object', '@type': '@id' },
    Relationship: 'car:Relationship',
    Dataset: 'schema:Dataset',
    formerNames: { '@id': 'car:formerNames', '@container': '@set' },
    rules: { '@id': 'car:rules', '@container': '@list' },
    evidence: { '@id': 'car:evidence', '@container': '@list' },
    evidencePeriods: { '@id': 'car:evidencePeriods', '@container': '@list' },
    evidenceConfidence: { '@id': 'car:evidenceConfidence', '@container': '@list' },
    evidenceUnverified: { '@id': 'car:evidenceUnverified', '@container': '@list' },
    evidencePeriodPrecisions: { '@id': 'car:evidencePeriodPrecisions', '@container': '@list' },
    evidenceGradeReasons: { '@id': 'car:evidenceGradeReasons', '@container': '@list' },
    actorIds: { '@id': 'car:actorIds', '@container': '@set' },
  };
  for (const label of Object.keys(model.labels)) {
    ctx[label] = `car:${label}`;
  }
  for (const type of Object.keys(model.relationships))
    ctx[type] = { '@id': `car:${type}`, '@type': '@id' };
  return ctx;
}
