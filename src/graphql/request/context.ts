import type { Database } from '../../db/database';
import type { Logger } from '../../logger';
import { Loaders } from '../loaders';

/** Everything a resolver may use; built fresh for every request. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  /** Database handle that counts this request's round trips. */
  db: Database;
  /** Per-request DataLoaders (batching and caching live for one request only). */
  loaders: Loaders;
  stats: {
    roundTrips: number;
    cost?: number;
    /** Whether the variables fit their types: set once per request by the cost plugin (limits.ts). */
    variablesFit?: boolean;
  };
}

export function createContext(root: Database, logger: Logger, requestId: string): GraphQLContext {
  const stats: GraphQLContext['stats'] = { roundTrips: 0 };
  const db = root.withObserver(() => {
    stats.roundTrips += 1;
  });
  return { requestId, logger, db, loaders: new Loaders(db), stats };
}
