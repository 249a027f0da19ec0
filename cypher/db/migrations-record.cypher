// Records a migration as applied, once all its statements succeeded. MERGE
// keeps the first record when two replicas apply the same migration together.
MERGE (m:Migration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
