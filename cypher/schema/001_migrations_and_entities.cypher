// Bookkeeping for schema migrations, and the key every graph entity shares.
// Every statement is idempotent (IF NOT EXISTS), so a re-run is harmless.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
