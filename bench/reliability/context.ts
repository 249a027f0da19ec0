/**
 * What the phases share: the server under test, the crashes seen so far (and
 * the restarts that followed them), and the shape of a phase's result.
 */
import type { ApiServer } from './server';
import type { Tally } from './tally';

export interface Target {
  /** The target as the issue states it. */
  name: string;
  /** What was measured, in words and figures. */
  measured: string;
  /** null: not measured in this run (phase skipped or cut short). */
  pass: boolean | null;
}

export interface PhaseResult {
  phase: string;
  tally?: Tally;
  figures: Record<string, number | string | null>;
  targets: Target[];
  notes: string[];
  crashes: number;
  durationMs: number;
}

export interface Crash {
  phase: string;
  atMs: number;
  exit: string;
  /** The API died and its embedded Neo4j kept running. */
  jvmLeftRunning: boolean;
  lastLines: string[];
  /** What was in flight when the process died (truncated). */
  inFlight: string[];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Run {
  readonly crashes: Crash[] = [];
  private recovering: Promise<boolean> | undefined;
  restarts = 0;
  private readonly restartsBy: Record<string, number> = {};
  private recorded: object | undefined;
  readonly started = Date.now();

  constructor(
    readonly server: ApiServer,
    readonly say: (m: string) => void,
    readonly maxRestarts: number,
  ) {}

  crashesIn(phase: string): number {
    return this.crashes.filter((c) => c.phase === phase).length;
  }

  /**
   * Called when a request got no answer: if the API process died, records the
   * crash (with what was in flight) and restarts the server, once for all the
   * requests that noticed. Resolves true when a server is up.
   */
  recover(phase: string, inFlight: Iterable<string>): Promise<boolean> {
    if (this.recovering) return this.recovering;
    if (this.server.alive) return Promise.resolve(true);
    this.recovering ??= (async () => {
      const exit = this.server.exitInfo;
      // One death is one crash, however many phases find the server down afterwards.
      if (exit && exit === this.recorded) return this.restart(phase);
      this.recorded = exit;
      const leftover = this.server.jvmsOnDataDir().length;
      this.crashes.push({
        phase,
        jvmLeftRunning: leftover > 0,
        atMs: Date.now() - this.started,
        exit: exit ? `code ${exit.code} signal ${exit.signal}` : 'unknown',
        lastLines: this.server.lastLines.slice(-8),
        inFlight: [...inFlight]
          .slice(0, 8)
          .map((q) => (q.length > 600 ? `${q.slice(0, 600)}...` : q)),
      });
      this.say(
        `  CRASH in ${phase}: the API exited (${exit ? `code ${exit.code}, signal ${exit.signal}` : '?'})${leftover ? `; its Neo4j was left running (${leftover} JVM)` : ''}`,
      );
      return this.restart(phase);
    })().finally(() => (this.recovering = undefined));
    return this.recovering;
  }

  /** Waits for a restart under way, so requests are not spent on a server that is starting. */
  async settled(): Promise<void> {
    if (this.recovering) await this.recovering;
  }

  private async restart(phase: string): Promise<boolean> {
    // Bounded per phase, so one phase that keeps killing the server does not cost the others.
    if ((this.restartsBy[phase] ?? 0) >= this.maxRestarts) {
      this.say(`  not restarting it again in ${phase} (--max-restarts)`);
      return false;
    }
    this.restartsBy[phase] = (this.restartsBy[phase] ?? 0) + 1;
    this.restarts++;
    await this.server.stop();
    try {
      await this.server.start();
      this.say(`  restarted in ${Math.round(this.server.startMs / 1000)} s`);
      return true;
    } catch (err) {
      this.say(`  could not restart: ${(err as Error).message}`);
      return false;
    }
  }
}

export function target(name: string, pass: boolean | null, measured: string): Target {
  return { name, pass, measured };
}
