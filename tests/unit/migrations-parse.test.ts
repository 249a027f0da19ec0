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
      for (const s of m.statements) expect(s).toMatch(/IF NOT EXISTS/);
    }
  });
});
