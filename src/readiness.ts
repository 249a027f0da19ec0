/** What /readyz reports besides database reachability; set by the bootstrap loop. */
export class Readiness {
  migrated = false;
  seeded = false;
  lastError: string | undefined;
}
