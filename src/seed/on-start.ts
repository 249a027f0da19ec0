import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { seed } from './index';

/** Loads the seed when the graph holds no entities; returns whether it did. */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [row] = await db.read<{ n: number }>(
    cypher('seed/check.cypher'),
    {},
    {
      operation: 'seed.check',
    },
  );
  if ((row?.n ?? 0) > 0) return false;
  logger.info('graph is empty; loading the seed');
  const report = await seed(db);
  logger.info(
    {
      nodes: report.nodes,
      relationships: report.relationships,
      derived: report.derived,
      checksum: report.checksum,
    },
    'seed loaded',
  );
  return true;
}
