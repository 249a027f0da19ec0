// name: meetings-with-messages
// description: Expert Group meetings in date order, with their place, presidency and the take-home messages adopted at them.
// returns: startDate, startDatePrecision, meeting, place, presidency, messages, adopted
MATCH (m:Meeting)
OPTIONAL MATCH (msg:Message)-[:ADOPTED_AT]->(m)
OPTIONAL MATCH (m)-[:DURING]->(p:Presidency)
OPTIONAL MATCH (doc:Mandate)-[:ADOPTED_AT]->(m)
WITH m, collect(DISTINCT msg.text) AS messages, collect(DISTINCT p.name) AS presidencies, collect(DISTINCT doc.name) AS adopted
RETURN m.startDate AS startDate,
       toUpper(m.startDatePrecision) AS startDatePrecision,
       m.name AS meeting,
       m.place AS place,
       head(presidencies) AS presidency,
       messages,
       adopted
ORDER BY startDate
