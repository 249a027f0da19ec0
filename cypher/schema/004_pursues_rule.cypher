// The rule of every derived PURSUES link as a property of its own, so that a
// page of links with their rule reads one short property instead of the
// evidence text. The loader stores it on every derivation; links derived
// before it did get their first path's rule, read from the path's shape
// (the same rules as ruleOfPath in the API).
MATCH ()-[r:PURSUES]->()
WHERE r.rule IS NULL AND size(coalesce(r.evidence, [])) > 0
CALL (r) {
  WITH r, split(trim(r.evidence[0]), ' ') AS t
  SET r.rule = CASE
    WHEN t[1] CONTAINS 'PILOT_COUNTRY_OF' THEN 'pilot-country'
    WHEN t[1] CONTAINS 'HELD_PRESIDENCY' THEN 'presidency'
    WHEN t[1] CONTAINS 'APPLIES_IN' THEN 'law'
    WHEN t[3] CONTAINS 'PARTNER_IN' THEN 'body-partner-in-project'
    WHEN t[1] CONTAINS 'LOCATED_IN' AND t[3] CONTAINS 'ADDRESSES' THEN 'national-service'
  END
} IN TRANSACTIONS OF 5000 ROWS;
