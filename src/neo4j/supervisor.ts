import type { Logger } from '../logger';
import { sleep } from '../util/sleep';
import type { EmbeddedNeo4j } from './embedded';

export type SupervisedState = 'running' | 'restarting' | 'gave-up' | 'stopped';

export interface SupervisorOptions {
  /** Crashes within `windowMs` after which the supervisor stops restarting. */
  maxCrashes: number;
  windowMs: number;
  /** Wait before the first restart; doubled after each crash, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_SUPERVISION: SupervisorOptions = {
  maxCrashes: 5,
  windowMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/**
 * Keeps the embedded Neo4j alive: when its JVM dies (a crash, an
 * out-of-memory exit, someone killing it), restarts it with backoff and says
 * so in the log and in /readyz. After `maxCrashes` deaths within `windowMs`
 * it gives up with a clear message rather than looping: something is wrong
 * that restarting will not fix (the log of Neo4j says what).
 */
export class Neo4jSupervisor {
  state: SupervisedState = 'running';
  private crashes: number[] = [];
  /** Told as soon as the JVM has exited unexpectedly (requests waiting on it can end now). */
  onDown: ((reason: string) => void) | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly neo4j: EmbeddedNeo4j,
    private readonly logger: Logger,
    private readonly opts: SupervisorOptions = DEFAULT_SUPERVISION,
  ) {
    neo4j.onUnexpectedExit = (info) => {
      // crashed() sets the state before its first wait, so knownDown says why.
      void this.crashed(info);
      this.onDown?.(this.knownDown ?? 'the embedded Neo4j stopped');
    };
  }

  /** What /readyz shows: the state and, after crashes, how many in the window. */
  get report(): string {
    return this.crashes.length ? `${this.state} (${this.crashes.length} crash(es))` : this.state;
  }

  /** Why the database cannot answer now (its JVM is down), or undefined while it may. */
  get knownDown(): string | undefined {
    if (this.state === 'restarting') return 'the embedded Neo4j stopped and is being restarted';
    if (this.state === 'gave-up')
      return 'the embedded Neo4j died too often and is not restarted (see its log)';
    return undefined;
  }

  stop(): void {
    this.state = 'stopped';
    this.abort.abort();
    this.neo4j.onUnexpectedExit = undefined;
  }

  private async crashed(info: { code: number | null; signal: NodeJS.Signals | null }) {
    if (this.abort.signal.aborted) return;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < this.opts.windowMs), now];
    if (this.crashes.length > this.opts.maxCrashes) {
      this.state = 'gave-up';
      this.logger.error(
        { ...info, crashes: this.crashes.length, log: this.neo4j.userLog },
        `the embedded Neo4j died ${this.crashes.length} times in ${Math.round(this.opts.windowMs / 60_000)} minutes; not restarting it again (see its log)`,
      );
      return;
    }
    const delayMs = Math.min(
      this.opts.baseDelayMs * 2 ** (this.crashes.length - 1),
      this.opts.maxDelayMs,
    );
    this.state = 'restarting';
    this.logger.warn(
      { ...info, restartInMs: delayMs },
      'the embedded Neo4j stopped; restarting it',
    );
    try {
      await sleep(delayMs, this.abort.signal);
      if (this.abort.signal.aborted) return;
      await this.neo4j.start();
      if (this.abort.signal.aborted) return;
      this.state = 'running';
      this.logger.info({ crashes: this.crashes.length }, 'the embedded Neo4j is running again');
    } catch (err) {
      if (this.abort.signal.aborted) return;
      // A failed start counts as another crash: back off further or give up.
      this.logger.error({ err }, 'restarting the embedded Neo4j failed');
      await this.crashed({ code: null, signal: null });
    }
  }
}
