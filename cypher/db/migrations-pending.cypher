// Ids of the migrations recorded in the graph (the caller compares them with
// the files on disk to find the pending ones).
MATCH (m:Migration) RETURN m.id AS id
