import { cypher } from '../db/cypher-files';
import type { Database } from '../db/database';
import type { Readiness } from '../readiness';

/** How long a dataset version read from the graph is reused (milliseconds). */
export const DATASET_VERSION_TTL_MS = 10_000;

/**
 * The dataset version the graph records (cypher/api/dataset.cypher): its
 * content checksum, or, for a graph loaded before content checksums, the
 * files checksum and load time; "none" for a graph never loaded from the
 * seed. Persisted GET responses are tagged with it, so it is read on
 * every such request: kept in memory for `ttlMs`, and never kept while the
 * start-up seed check may still be loading (a load then changes it). A
 * load by another process is seen within `ttlMs`. A failed read is not
 * kept (the next request asks again).
 */
export class DatasetVersion {
  private cached: { value: string; at: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly db: Database,
    private readonly readiness: Pick<Readiness, 'seedChecked'>,
    private readonly ttlMs = DATASET_VERSION_TTL_MS,
  ) {}

  async get(): Promise<string> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.value;
    this.pending ??= this.read().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async read(): Promise<string> {
    const seedChecked = this.readiness.seedChecked;
    const [row] = await this.db.read<{
      filesChecksum: string;
      checksum: string | null;
      loadedAt: string;
    }>(cypher('api/dataset.cypher'), {}, { operation: 'persisted.datasetVersion' });
    const value = !row ? 'none' : (row.checksum ?? `files:${row.filesChecksum}:${row.loadedAt}`);
    if (seedChecked && this.ttlMs > 0) this.cached = { value, at: Date.now() };
    return value;
  }
}
