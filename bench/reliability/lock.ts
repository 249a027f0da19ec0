/**
 * Phase f: a second server started on the same data folder (the same
 * environment, as a second `npm start` in the same checkout) must refuse with
 * a clear message and exit non-zero, while the first keeps serving.
 */
import { sleep, target, type PhaseResult, type Run } from './context';
import { graphql } from './http';
import { LOAD_QUERY } from './load';
import { Tally } from './tally';

export interface LockOptions {
  exitMaxMs: number;
}

export async function lockPhase(run: Run, o: LockOptions): Promise<PhaseResult> {
  const started = Date.now();
  const tally = new Tally();
  const jvmBefore = run.server.jvmPid();
  const second = run.server.spawnProcess(run.server.env());
  let output = '';
  second.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exit: { code: number | null; signal: string | null } | undefined;
  second.on('exit', (code, signal) => (exit = { code, signal }));

  // Poll the first server the whole time, and a little after.
  let failedStreakMs = 0;
  let longestStreakMs = 0;
  let streakStart = 0;
  let after = 0;
  while (Date.now() - started < o.exitMaxMs && (!exit || after < 10)) {
    if (exit) after++;
    const out = await graphql(run.server.base, { query: LOAD_QUERY }, 10_000);
    const ok = out.status === 200 && out.codes.length === 0;
    tally.add(
      out,
      LOAD_QUERY,
      ok ? undefined : `first server failed (${out.status || out.error} ${out.codes.join(',')})`,
    );
    if (!ok) {
      streakStart ||= Date.now();
      failedStreakMs = Date.now() - streakStart;
      longestStreakMs = Math.max(longestStreakMs, failedStreakMs);
    } else streakStart = 0;
    await sleep(200);
  }
  const exitedMs = exit ? Date.now() - started : null;
  if (!exit && second.pid) {
    try {
      process.kill(-second.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  // A JVM the second server started (or restarted) on the folder is not the first's: stop it.
  const jvmAfter = run.server.jvmPid();
  for (const pid of run.server.jvmsOnDataDir())
    if (pid !== jvmAfter && pid !== jvmBefore) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  const message = output.trim().split('\n').slice(-3).join(' | ');
  // A refusal names the lock or the server already running, not a start-up failure.
  const clear = /lock|in use|already running|another (server|instance|process)/i.test(output);
  return {
    phase: 'f. locked database at start-up',
    tally,
    figures: {
      secondExitCode: exit?.code ?? null,
      secondExitMs: exitedMs,
      firstFailed: tally.failures,
      firstLongestFailureStreakMs: longestStreakMs,
      jvmBefore: jvmBefore ?? null,
      jvmAfter: jvmAfter ?? null,
    },
    targets: [
      target(
        'lock: the second server refuses with a clear message and exits non-zero',
        exit !== undefined && exit.code !== 0 && exit.code !== null && clear,
        `${exit ? `exit ${exit.code ?? exit.signal} after ${exitedMs} ms` : `still running after ${o.exitMaxMs} ms (killed)`}: "${message.slice(0, 300)}"`,
      ),
      target(
        'lock: the first keeps serving (no failure streak, same JVM)',
        tally.failures === 0 && jvmBefore === jvmAfter,
        `${tally.failures} of ${tally.requests} polls failed (longest streak ${longestStreakMs} ms); JVM ${jvmBefore} -> ${jvmAfter ?? 'none'}`,
      ),
    ],
    notes: [],
    crashes: 0,
    durationMs: Date.now() - started,
  };
}
