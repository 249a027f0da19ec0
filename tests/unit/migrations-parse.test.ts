import { splitStatements } from '../../src/db/cypher-files';
import { loadMigrations } from '../../src/db/migrations';

describe('splitStatements', () => {
  it('splits at semicolons that end a line and drops comment lines', () => {
    const text = `// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// b\nCREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y);\n`;
    expect(splitStatements(text)).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y)',
    ]);
  });

  it('keeps semicolons inside a line (e.g. in strings)', () => {
    expect(splitStatements("RETURN 'a;b' AS x;")).toEqual(["RETURN 'a;b' AS x"]);
  });
});

describe('loadMigrations', () => {
  it('reads the project migrations in order, each with a checksum and at least one statement', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    for (const m of migrations) {
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(m.statements.length).toBeGreaterThan(0);
      // Re-running a migration is harmless: schema statements say IF NOT
      // EXISTS; data statements only recompute stored keys (SET, in batches).
      for (const s of m.statements) {
        if (/^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX|RANGE INDEX)/.test(s))
          expect(s).toMatch(/IF NOT EXISTS/);
        else {
          expect(s).toMatch(/^MATCH [\s\S]* SET [\s\S]* IN TRANSACTIONS OF \d+ ROWS$/);
          expect(s).not.toMatch(/\b(CREATE|MERGE|DELETE|REMOVE)\b/);
        }
      }
    }
  });
});
