import type { Database } from '../db/database';
import type { Logger } from '../logger';

/**
 * Loads the seed when the graph holds no entities. Until the seed loader
 * exists this reports that nothing was loaded.
 */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [row] = await db.read<{ n: number }>(
    'MATCH (n:Entity) RETURN count(n) AS n',
    {},
    { operation: 'seed.check' },
  );
  if ((row?.n ?? 0) > 0) return false;
  logger.info('graph is empty; no seed loader is installed yet');
  return false;
}
