// name: presidencies-and-chairs
// description: CBSS presidencies in order, with the state that held each and whether it also chaired the Expert Group.
// param: from: date = null example "2011-07-01" - first term start to include; null for all
// returns: term, presidency, state, start, end, chairedExpertGroup, sources
MATCH (s:State)-[h:HELD_PRESIDENCY]->(p:Presidency)
WHERE $from IS NULL OR p.startDate >= $from
OPTIONAL MATCH (s)-[c:CHAIRED]->(:Body {id: 'body:eg-car'})
  WHERE c.validFrom <= p.endDate AND (c.validTo IS NULL OR c.validTo >= p.startDate)
RETURN p.term AS term,
       p.name AS presidency,
       s.name AS state,
       p.startDate AS start,
       p.endDate AS end,
       count(c) > 0 AS chairedExpertGroup,
       h.sourceIds AS sources
ORDER BY start
