// The migrations recorded in the graph, with the checksum of the file each
// was applied from (a changed file is refused).
MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum
