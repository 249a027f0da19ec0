// name: ombudspersons-by-state
// description: Children's ombudsperson institutions per state, and the bodies that fill the role where there is none.
// param: isoCode: string = null example "DE" - ISO code of one state; null for all
// returns: state, institution, nativeName, kind, established, legalBasis, confidence, sources
MATCH (o:OmbudspersonInstitution)-[r:OMBUDSPERSON_FOR]->(s:State)
WHERE $isoCode IS NULL OR s.isoCode = $isoCode
RETURN s.name AS state,
       o.name AS institution,
       o.nativeName AS nativeName,
       apoc.text.toUpperCase(o.kind) AS kind,
       o.established AS established,
       o.legalBasis AS legalBasis,
       toUpper(o.confidence) AS confidence,
       o.sourceIds AS sources
ORDER BY state, kind, institution
