/**
 * CPU time of a process from /proc, so the benchmark can say where a request's
 * time goes (the API's Node process, Neo4j's JVM, the load generator). Linux
 * only: elsewhere every reading is undefined and the report shows a dash.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux we run on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far, or undefined if it cannot be read. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds per request between two readings, or undefined when either is missing. */
export function msPerRequest(
  before: number | undefined,
  after: number | undefined,
  requests: number,
): number | undefined {
  if (before === undefined || after === undefined || requests <= 0) return undefined;
  return ((after - before) * 1000) / requests;
}
