/**
 * `npm run reliability [-- --quick] [--phases ...]`: the reliability suite
 * against the built server as a black box (see docs/reliability.md). Prints a
 * table of figures and every target with PASS or FAIL, writes the same as
 * JSON and exits non-zero when a target is missed.
 */
import { formatTable, formatTargets, table, writeReport } from './report';
import { parseOptions, USAGE } from './options';
import { runSuite, serverFor } from './suite';

const say = (m: string) => process.stderr.write(`${m}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    say(USAGE);
    return;
  }
  const o = parseOptions(argv);
  const server = serverFor(o);
  // Ctrl-C stops the server under test and anything it started, and resumes a paused JVM first.
  const abort = () => {
    say('Interrupted: stopping the server under test...');
    for (const pid of server.jvmsOnDataDir()) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    void server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const report = await runSuite(o, say, server);
  writeReport(o.out, report);
  process.stdout.write(
    `\nReliability suite at ${report.commit}, seed ${o.seed}, ${report.durationS} s\n\n`,
  );
  process.stdout.write(
    `${formatTable(table(report.phases))}\n\n${formatTargets(report.targets)}\n`,
  );
  for (const c of report.crashes)
    process.stdout.write(
      `\nCrash in ${c.phase} at ${Math.round(c.atMs / 1000)} s (${c.exit}); in flight:\n  ${c.inFlight.join('\n  ')}\n  last lines: ${c.lastLines.join(' | ')}\n`,
    );
  process.stdout.write(
    `\n${report.passed ? 'All targets met.' : 'Targets missed.'} Report: ${o.out}\n`,
  );
  process.exitCode = report.passed ? 0 : 1;
}

main().catch((err: unknown) => {
  say(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(2);
});
