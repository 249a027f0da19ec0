import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { seed } from './index';
import { seedFilesChecksum } from './version';

/**
 * Loads the seed when the graph holds no entities, or when the seed files
 * (facts or derivation rules) differ from those of the last load, so that a
 * user who pulls a new version gets its facts; the loader converges and
 * leaves facts from elsewhere alone. Returns whether it loaded.
 */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [row] = await db.read<{ n: number }>(
    cypher('seed/check.cypher'),
    {},
    {
      operation: 'seed.check',
    },
  );
  const [dataset] = await db.read<{ filesChecksum: string | null }>(
    cypher('api/dataset.cypher'),
    {},
    { operation: 'seed.dataset' },
  );
  const files = seedFilesChecksum();
  if ((row?.n ?? 0) > 0 && dataset?.filesChecksum === files) return false;
  logger.info(
    (row?.n ?? 0) === 0
      ? 'graph is empty; loading the seed'
      : 'the seed files changed since the last load; reloading the seed',
  );
  const report = await seed(db);
  logger.info(
    {
      nodes: report.nodes,
      relationships: report.relationships,
      derived: report.derived,
      mayPursue: report.mayPursue,
      civilSociety: report.civilSociety,
      checksum: report.checksum,
    },
    'seed loaded',
  );
  return true;
}
