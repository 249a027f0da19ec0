/** What /readyz reports besides database reachability; set by the bootstrap loop. */
export class Readiness {
  migrated = false;
  /** The seed step ran (loaded the seed, or found the graph already populated). */
  seedChecked = false;
  seeded = false;
  lastError: string | undefined;
  /** The embedded Neo4j's supervision state (running, restarting, gave-up), when there is one. */
  neo4j: (() => string) | undefined;
}
