// name: members-as-of
// description: Members of the Council of the Baltic Sea States on a given date, with their membership periods.
// param: asOf: date = "2023-01-01" example "2023-01-01" - the date to ask about
// returns: member, label, role, memberFrom, memberTo, sources
MATCH (x:Entity)-[m:MEMBER_OF]->(:Organisation {id: 'org:cbss'})
WHERE (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
RETURN x.name AS member,
       apoc.text.toUpperCase([l IN labels(x) WHERE l <> 'Entity'][0]) AS label,
       m.role AS role,
       m.validFrom AS memberFrom,
       m.validTo AS memberTo,
       m.sourceIds AS sources
ORDER BY label DESC, member
