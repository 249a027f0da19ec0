import { fork, type ChildProcess } from 'node:child_process';
import { stopNeo4jOf } from '../neo4j/embedded';
import { sleep } from '../util/sleep';
import { EXIT_FATAL, isApiMessage } from './protocol';

/**
 * `npm start` is this small process; the API runs in a child process.
 *
 * Why: a JavaScript signal handler cannot run while the API's event loop is
 * frozen (a long compilation, a huge result), and a process that dies of heap
 * exhaustion runs no cleanup at all. This process does no request work, so it
 * always answers signals: it forwards a stop to the API, waits for its
 * drain, kills it after a grace period if it does not answer, and makes sure
 * the embedded Neo4j is stopped; an unexpected death of the API is followed
 * by a bounded number of restarts with backoff, then a non-zero exit.
 *
 * Who owns the JVM: the API child starts and stops Neo4j (src/server.ts),
 * as it did before this supervisor existed. That keeps the order "drain the
 * requests, close the driver, then stop Neo4j" inside one process, and the
 * JVM's own supervision (restart after a crash, its state in /readyz) next to
 * the driver that depends on it. The supervisor steps in only when the child
 * cannot: it stops the JVM the dead or hung child left, found through the pid
 * file that records the child as its owner (never a Neo4j of anyone else).
 *
 * Process groups: the child is detached (a process group of its own) and its
 * JVM likewise, so a signal to the terminal's or the service's group
 * (Ctrl-C, `kill -- -pgid`) reaches only this process and npm, and the API
 * receives exactly one stop, from here.
 */
export interface ApiSupervisorOptions {
  /** The API process's script (dist/src/api-main.js). */
  script: string;
  /** The embedded Neo4j's data folder, or undefined with NEO4J_URI. */
  dataDir: string | undefined;
  say: (message: string) => void;
  /** Restarts allowed within `windowMs`; one more crash ends `npm start` non-zero. */
  maxRestarts: number;
  windowMs: number;
  /** Wait before the first restart; doubled after each crash, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long the API may take to acknowledge a stop before it is taken for frozen. */
  ackTimeoutMs: number;
  /** How long the API may take to drain and stop its Neo4j before it is killed. */
  stopGraceMs: number;
}

export const DEFAULT_API_SUPERVISION: Omit<ApiSupervisorOptions, 'script' | 'dataDir' | 'say'> = {
  maxRestarts: 3,
  windowMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  // Generous for a loaded machine: an event loop that is merely slow answers
  // well within this; a frozen one never does.
  ackTimeoutMs: 10_000,
  // The HTTP drain (bounded by the request timeout) plus Neo4j's own stop
  // grace (60 s, src/neo4j/embedded.ts) fit inside this.
  stopGraceMs: 150_000,
};

/** "exit code 70", "signal SIGABRT" (V8 aborts on heap exhaustion). */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGABRT') return 'signal SIGABRT (Node aborted, e.g. out of heap memory)';
  if (signal === 'SIGKILL') return 'signal SIGKILL (killed, e.g. by the out-of-memory killer)';
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

export class ApiSupervisor {
  private child: ChildProcess | undefined;
  private stopRequested = false;
  private firstSignalAt = 0;
  private hard = false;
  private forcedKill = false;
  private crashes: number[] = [];
  private readonly abort = new AbortController();
  private ackTimer: NodeJS.Timeout | undefined;
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: ApiSupervisorOptions) {}

  /** Runs the API until it is stopped or gives up; resolves with the exit code for `npm start`. */
  async run(): Promise<number> {
    while (!this.stopRequested) {
      const child = fork(this.opts.script, [], {
        detached: true,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      this.child = child;
      child.on('message', (m: unknown) => {
        // Draining has begun: the event loop runs, so only the overall grace applies.
        if (isApiMessage(m) && m.type === 'stopping') clearTimeout(this.ackTimer);
      });
      const { code, signal } = await new Promise<{
        code: number | null;
        signal: NodeJS.Signals | null;
      }>((resolve) => child.once('exit', (c, s) => resolve({ code: c, signal: s })));
      this.child = undefined;
      clearTimeout(this.ackTimer);
      clearTimeout(this.graceTimer);
      const leftover =
        this.opts.dataDir && child.pid !== undefined
          ? await stopNeo4jOf(this.opts.dataDir, child.pid, this.hard)
          : undefined;
      if (leftover !== undefined)
        this.opts.say(`Stopped the Neo4j (pid ${leftover}) the API process left behind.`);

      if (this.stopRequested) return code === 0 && !this.forcedKill ? 0 : 1;
      // Stopped from outside (a signal to the API process itself): honour it.
      if (code === 0) return 0;
      // The child said why (configuration, credentials, a busy port): restarting cannot help.
      if (code === EXIT_FATAL) return EXIT_FATAL;

      const now = Date.now();
      this.crashes = [...this.crashes.filter((t) => now - t < this.opts.windowMs), now];
      const reason = describeExit(code, signal);
      if (this.crashes.length > this.opts.maxRestarts) {
        this.opts.say(
          `The API process died (${reason}) ${this.crashes.length} times within ${Math.round(this.opts.windowMs / 60_000)} minutes; not restarting it again.`,
        );
        return EXIT_FATAL;
      }
      const delayMs = Math.min(
        this.opts.baseDelayMs * 2 ** (this.crashes.length - 1),
        this.opts.maxDelayMs,
      );
      this.opts.say(
        `The API process died (${reason}); restarting it in ${Math.round(delayMs / 1000)} s (restart ${this.crashes.length} of at most ${this.opts.maxRestarts}).`,
      );
      await sleep(delayMs, this.abort.signal);
    }
    return 0;
  }

  /** SIGTERM / SIGINT: a graceful stop; a second signal well after the first stops hard. */
  signal(name: string): void {
    const now = Date.now();
    if (this.stopRequested) {
      // npm forwards the terminal's Ctrl-C, so one keypress can arrive twice;
      // only a signal well after the first one means "stop now".
      if (now - this.firstSignalAt < 2_000) return;
      this.opts.say('Second signal: stopping the API and Neo4j hard.');
      this.kill(true);
      return;
    }
    this.stopRequested = true;
    this.firstSignalAt = now;
    this.abort.abort();
    this.opts.say(`${name} received: draining requests and stopping...`);
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    this.ackTimer = setTimeout(() => {
      this.opts.say(
        `The API process did not answer the stop within ${Math.round(this.opts.ackTimeoutMs / 1000)} s (busy or frozen): killing it.`,
      );
      this.kill(false);
    }, this.opts.ackTimeoutMs);
    this.graceTimer = setTimeout(() => {
      this.opts.say(
        `The API process did not stop within ${Math.round(this.opts.stopGraceMs / 1000)} s: killing it.`,
      );
      this.kill(false);
    }, this.opts.stopGraceMs);
  }

  /** SIGKILL for the API; its Neo4j is then stopped from here (hard: SIGKILL too). */
  private kill(hard: boolean): void {
    this.hard ||= hard;
    this.forcedKill = true;
    this.child?.kill('SIGKILL');
  }
}
