import type { Database } from '../db/database';
import type { Logger } from '../logger';

/** Everything a resolver may use; built fresh for every request. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  /** Database handle that counts this request's round trips. */
  db: Database;
  stats: { roundTrips: number };
}

export function createContext(root: Database, logger: Logger, requestId: string): GraphQLContext {
  const stats = { roundTrips: 0 };
  return {
    requestId,
    logger,
    db: root.withObserver(() => {
      stats.roundTrips += 1;
    }),
    stats,
  };
}
