/**
 * The two ways the runner loads a contestant: a throughput run (autocannon,
 * several connections, every response body checked) and a latency run (one
 * connection, one request after another, each timed in nanoseconds).
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { cpuSeconds, msPerRequest } from './cpu';
import type { LatencyRun, Run } from './report';
import { latencyMicros } from './stats';

/** Processes whose CPU a run reads: the contestant's Node server and Neo4j's JVM. */
export interface CpuProbe {
  server: number | undefined;
  neo4j: number | undefined;
}

/** Why a response body is not the expected answer, or null when it is (answers.ts). */
export type BodyCheck = (body: string) => string | null;

function tally(failures: Record<string, number>, reason: string): void {
  failures[reason] = (failures[reason] ?? 0) + 1;
}

export async function throughputRun(
  url: string,
  requestBody: unknown,
  duration: number,
  connections: number,
  check: BodyCheck,
  probe: CpuProbe = { server: undefined, neo4j: undefined },
): Promise<Run> {
  const failureReasons: Record<string, number> = {};
  const server0 = cpuSeconds(probe.server);
  const neo4j0 = cpuSeconds(probe.neo4j);
  const loader0 = process.cpuUsage();
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(requestBody),
    connections,
    duration,
    // Every 2xx body: a 200 carrying GraphQL `errors`, or an answer other
    // than the one checked before timing, is a failure, not a request served.
    verifyBody: (body) => {
      const reason = check(typeof body === 'string' ? body : (body?.toString('utf8') ?? ''));
      if (reason) tally(failureReasons, reason);
      return reason === null;
    },
  });
  if (result.non2xx) failureReasons['non-2xx status'] = result.non2xx;
  if (result.errors) failureReasons['connection errors and timeouts'] = result.errors;
  const requests = result.requests.total;
  return {
    // Responses over the run's own elapsed time, not a mean of 1-second samples.
    requestsPerSecond: requests / result.duration,
    requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.mismatches + result.non2xx + result.errors,
    failureReasons,
    cpuMsPerRequest: {
      server: msPerRequest(server0, cpuSeconds(probe.server), requests),
      neo4j: msPerRequest(neo4j0, cpuSeconds(probe.neo4j), requests),
      loadGenerator: (() => {
        const used = process.cpuUsage(loader0);
        return msPerRequest(0, (used.user + used.system) / 1e6, requests);
      })(),
    },
  };
}

/**
 * One keep-alive connection, one request at a time for `duration` seconds,
 * each timed with process.hrtime.bigint() from sending to the body's last
 * byte: the latency of a request on an otherwise idle server, in µs.
 */
export async function latencyRun(
  url: string,
  requestBody: unknown,
  duration: number,
  check: BodyCheck,
): Promise<LatencyRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const payload = Buffer.from(JSON.stringify(requestBody));
  const target = new URL(url);
  const samples: bigint[] = [];
  const failureReasons: Record<string, number> = {};
  let failures = 0;
  const once = () =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  try {
    const end = process.hrtime.bigint() + BigInt(Math.round(duration * 1e9));
    for (;;) {
      const t0 = process.hrtime.bigint();
      if (t0 >= end) break;
      const res = await once();
      samples.push(process.hrtime.bigint() - t0);
      const reason = res.status === 200 ? check(res.body) : `status ${res.status}`;
      if (reason) {
        failures += 1;
        tally(failureReasons, reason);
      }
    }
  } finally {
    agent.destroy();
  }
  return { requests: samples.length, ...latencyMicros(samples), failures, failureReasons };
}
