/**
 * Phase e: SIGTERM to the server's whole process group (as a terminal's
 * Ctrl-C or a service manager sends it) with requests in flight. Every one
 * of them must be answered 200, and no JVM may be left afterwards.
 */
import { sleep, target, type PhaseResult, type Run } from './context';
import { graphql } from './http';
import { Tally } from './tally';

export interface SigtermOptions {
  inFlight: number;
  /** How long after sending the requests the signal goes. */
  delayMs: number;
  exitMaxMs: number;
}

export const HEAVY_QUERY =
  '{ neighbourhood(id: "state:LT", depth: 2, limit: 500) { nodes { id label } truncated } }';

export async function sigtermPhase(run: Run, o: SigtermOptions): Promise<PhaseResult> {
  const started = Date.now();
  const tally = new Tally();
  const jvmBefore = run.server.jvmPid();
  let signalAt = 0;
  let answeredBeforeSignal = 0;
  const requests = Array.from({ length: o.inFlight }, async () => {
    const out = await graphql(run.server.base, { query: HEAVY_QUERY }, 60_000);
    if (!signalAt) answeredBeforeSignal++;
    const ok = out.status === 200 && out.codes.length === 0;
    tally.add(out, HEAVY_QUERY, ok ? undefined : `not answered 200 (${out.status || out.error})`);
    return ok;
  });
  await sleep(o.delayMs);
  signalAt = Date.now();
  run.server.signalGroup('SIGTERM');
  run.say(
    `  SIGTERM to the process group with ${o.inFlight - answeredBeforeSignal} of ${o.inFlight} requests unanswered`,
  );
  const answered = (await Promise.all(requests)).filter(Boolean).length;
  const exited = await run.server.waitExit(o.exitMaxMs);
  const exitMs = exited ? Date.now() - signalAt : null;
  // Give a JVM that is still stopping a moment before counting it as left behind.
  let left = run.server.jvmsOnDataDir();
  for (let i = 0; i < 50 && left.length; i++) {
    await sleep(200);
    left = run.server.jvmsOnDataDir();
  }
  if (left.length) run.server.killLeftoverJvm();
  if (!exited) await run.server.stop();
  const info = run.server.exitInfo;
  return {
    phase: 'e. SIGTERM to the process group under load',
    tally,
    figures: {
      inFlight: o.inFlight,
      answeredBeforeSignal,
      answered200: answered,
      exitMs,
      exitCode: info?.code ?? null,
      jvmBefore: jvmBefore ?? null,
      jvmsLeft: left.length,
    },
    targets: [
      target(
        'SIGTERM to the process group: 0 failed in-flight requests',
        answered === o.inFlight,
        `${answered} of ${o.inFlight} answered 200 (${answeredBeforeSignal} before the signal)`,
      ),
      target(
        'SIGTERM to the process group: no JVM left, exit 0',
        left.length === 0 && info?.code === 0,
        `${left.length} JVM left, exit ${info ? `code ${info.code} signal ${info.signal}` : 'none'}${exitMs !== null ? ` after ${exitMs} ms` : ''}`,
      ),
    ],
    notes: [],
    crashes: 0,
    durationMs: Date.now() - started,
  };
}
