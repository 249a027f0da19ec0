import fs from 'node:fs';
import path from 'node:path';
import { cypher, CYPHER_DIR } from '../../src/db/cypher-files';

function cypherFiles(dir = CYPHER_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cypherFiles(full);
    return entry.name.endsWith('.cypher') ? [path.relative(CYPHER_DIR, full)] : [];
  });
}

describe('cypher/ files', () => {
  it('each opens with a comment saying what it does', () => {
    const files = cypherFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const first = fs.readFileSync(path.join(CYPHER_DIR, file), 'utf8').split('\n')[0];
      expect({ file, header: first?.startsWith('// ') }).toEqual({ file, header: true });
    }
  });

  it('the migration bookkeeping, seed check and health statements load as one statement each', () => {
    for (const file of [
      'db/migrations-list.cypher',
      'db/migrations-record.cypher',
      'db/migrations-pending.cypher',
      'seed/check.cypher',
      'api/health.cypher',
    ]) {
      expect(cypher(file)).not.toMatch(/^\s*\/\//m);
    }
  });
});
