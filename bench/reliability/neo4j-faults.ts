/**
 * Phase d: the embedded Neo4j killed (SIGKILL), paused (SIGSTOP, SIGCONT
 * after a while) and restarted (SIGTERM to the JVM) while a steady load
 * runs. Measures the time to the first typed error, the time until queries
 * succeed again and how /readyz answers meanwhile.
 */
import { sleep, target, type PhaseResult, type Run, type Target } from './context';
import { graphql, request } from './http';
import { LOAD_QUERY } from './load';
import { serverFault, Tally } from './tally';

export interface FaultOptions {
  workers: number;
  pauseMs: number;
  recoveryMaxMs: number;
  hangMs: number;
}

interface Event {
  sentAt: number;
  at: number;
  status: number;
  codes: string[];
  retryAfter: string | null;
}

/** A steady load of small database queries, recording when each answer came and what it said. */
class SteadyLoad {
  readonly events: Event[] = [];
  private running = true;
  private readonly workers: Promise<void>[];
  constructor(
    private readonly run: Run,
    workers: number,
    readonly tally: Tally,
    hangMs: number,
  ) {
    this.workers = Array.from({ length: workers }, async () => {
      while (this.running) {
        const sentAt = Date.now();
        const out = await graphql(run.server.base, { query: LOAD_QUERY }, hangMs + 5_000);
        this.events.push({
          sentAt,
          at: Date.now(),
          status: out.status,
          codes: out.codes,
          retryAfter: out.headers?.get('retry-after') ?? null,
        });
        tally.add(out, LOAD_QUERY, serverFault(out, hangMs));
        if (out.status === 0) await sleep(100);
      }
    });
  }
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }
  firstAfter(t0: number, match: (e: Event) => boolean): Event | undefined {
    return this.events.filter((e) => e.at >= t0 && match(e)).sort((a, b) => a.at - b.at)[0];
  }
  /** Waits until a request sent after `since` succeeds; returns when its answer came. */
  async successSentAfter(since: number, maxMs: number): Promise<number | undefined> {
    const end = Date.now() + maxMs;
    while (Date.now() < end) {
      const ok = this.events.find(
        (e) => e.sentAt >= since && e.status === 200 && e.codes.length === 0,
      );
      if (ok) return ok.at;
      await sleep(100);
    }
    return undefined;
  }
}

const ok = (e: Event) => e.status === 200 && e.codes.length === 0;
const typed = (codes: string[]) => (e: Event) => e.codes.some((c) => codes.includes(c));

async function waitReady(run: Run, maxMs: number): Promise<boolean> {
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    if ((await request(run.server.base, { path: '/readyz' }, 2_000)).status === 200) return true;
    await sleep(250);
  }
  return false;
}

export async function neo4jFaultsPhase(run: Run, o: FaultOptions): Promise<PhaseResult> {
  const started = Date.now();
  const tally = new Tally();
  const figures: PhaseResult['figures'] = {};
  const targets: Target[] = [];
  const notes: string[] = [];
  const say = run.say;

  // Killed.
  let jvm = run.server.jvmPid();
  if (!jvm) {
    notes.push('no embedded JVM (NEO4J_URI set or pid file missing): phase skipped');
    return {
      phase: 'd. Neo4j killed / paused / restarted',
      figures,
      targets,
      notes,
      crashes: 0,
      durationMs: 0,
    };
  }
  let load = new SteadyLoad(run, o.workers, tally, o.hangMs);
  await sleep(2_000);
  let t0 = Date.now();
  process.kill(jvm, 'SIGKILL');
  say(`  killed the JVM (pid ${jvm})`);
  let error = await (async () => {
    const end = t0 + o.recoveryMaxMs;
    while (Date.now() < end) {
      const e = load.firstAfter(t0, typed(['DATABASE_UNAVAILABLE']));
      if (e) return e;
      await sleep(50);
    }
    return undefined;
  })();
  let recovered = error ? await load.successSentAfter(error.at, o.recoveryMaxMs) : undefined;
  await load.stop();
  const killTyped = error ? error.at - t0 : null;
  const killRecovery = recovered ? recovered - t0 : null;
  figures.killTypedErrorMs = killTyped;
  figures.killRetryAfter = error?.retryAfter ?? null;
  figures.killRecoveryMs = killRecovery;
  targets.push(
    target(
      'killed Neo4j: typed DATABASE_UNAVAILABLE within 1 s',
      killTyped !== null && killTyped <= 1_000,
      killTyped === null ? 'none' : `${killTyped} ms (Retry-After ${error?.retryAfter ?? 'none'})`,
    ),
  );
  targets.push(
    target(
      'killed Neo4j: queries succeed again within 30 s',
      killRecovery !== null && killRecovery <= 30_000,
      killRecovery === null ? `not within ${o.recoveryMaxMs} ms` : `${killRecovery} ms`,
    ),
  );

  // Paused.
  if (!(await waitReady(run, o.recoveryMaxMs))) notes.push('not ready before the pause');
  jvm = run.server.jvmPid();
  if (jvm) {
    load = new SteadyLoad(run, o.workers, tally, o.hangMs);
    await sleep(2_000);
    t0 = Date.now();
    process.kill(jvm, 'SIGSTOP');
    say(`  paused the JVM (pid ${jvm}) for ${o.pauseMs} ms`);
    let readySlowest = 0;
    let readyPolls = 0;
    try {
      while (Date.now() - t0 < o.pauseMs) {
        const r = await request(run.server.base, { path: '/readyz' }, 10_000);
        readyPolls++;
        readySlowest = Math.max(readySlowest, Math.round(r.status ? r.ms : 10_000));
        await sleep(1_000);
      }
    } finally {
      process.kill(jvm, 'SIGCONT');
    }
    const resumed = Date.now();
    error = load.firstAfter(t0, typed(['DATABASE_UNAVAILABLE', 'TIMEOUT']));
    recovered = await load.successSentAfter(resumed, o.recoveryMaxMs);
    await load.stop();
    const pauseTyped = error ? error.at - t0 : null;
    figures.pauseTypedErrorMs = pauseTyped;
    figures.pauseTypedErrorCode = error?.codes.join(',') ?? null;
    figures.pauseReadyzSlowestMs = readySlowest;
    figures.pauseRecoveryAfterResumeMs = recovered ? recovered - resumed : null;
    targets.push(
      target(
        `paused Neo4j: a typed error within the ${o.pauseMs} ms pause`,
        pauseTyped !== null,
        pauseTyped === null ? 'none' : `${pauseTyped} ms (${error?.codes.join(',')})`,
      ),
    );
    targets.push(
      target(
        // 2 s for the server's own bound, 250 ms for the round trip on a busy machine.
        'paused Neo4j: /readyz answers within 2 s (+250 ms)',
        readyPolls > 0 && readySlowest <= 2_250,
        `slowest of ${readyPolls}: ${readySlowest} ms`,
      ),
    );
  }

  // Restarted: a clean stop of the JVM (SIGTERM) that the API did not ask for.
  if (!(await waitReady(run, o.recoveryMaxMs))) notes.push('not ready before the restart');
  jvm = run.server.jvmPid();
  if (jvm) {
    load = new SteadyLoad(run, o.workers, tally, o.hangMs);
    await sleep(2_000);
    t0 = Date.now();
    process.kill(jvm, 'SIGTERM');
    say(`  stopped the JVM (pid ${jvm}, SIGTERM)`);
    const end = t0 + o.recoveryMaxMs;
    while (Date.now() < end && !load.firstAfter(t0, (e) => !ok(e))) await sleep(100);
    error = load.firstAfter(t0, (e) => !ok(e));
    recovered = await load.successSentAfter(error ? error.at : t0, o.recoveryMaxMs);
    await load.stop();
    figures.restartFirstErrorMs = error ? error.at - t0 : null;
    figures.restartFirstErrorCodes = error ? `${error.status} ${error.codes.join(',')}` : null;
    figures.restartRecoveryMs = recovered ? recovered - t0 : null;
    targets.push(
      target(
        'restarted Neo4j: queries succeed again within 30 s',
        recovered !== undefined && recovered - t0 <= 30_000,
        recovered ? `${recovered - t0} ms` : 'not recovered',
      ),
    );
  }
  if (!run.server.alive) await run.recover('neo4j-faults', ['(steady load)']);
  const crashes = run.crashesIn('neo4j-faults');
  const other5xx = tally.count((s) => s >= 500 && s !== 503);
  targets.push(
    target(
      'Neo4j faults: 0 crashes, 0 INTERNAL',
      crashes === 0 && !tally.byCode.INTERNAL,
      `${crashes} crashes, ${tally.byCode.INTERNAL ?? 0} INTERNAL, ${other5xx} 5xx other than 503`,
    ),
  );
  return {
    phase: 'd. Neo4j killed / paused / restarted',
    tally,
    figures,
    targets,
    notes,
    crashes,
    durationMs: Date.now() - started,
  };
}
