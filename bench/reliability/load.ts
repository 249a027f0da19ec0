/**
 * Phase g: 300 connections for 30 s (autocannon) on one small GraphQL query,
 * with /healthz polled throughout. Excess load may get fast 503s; no request
 * may wait 10 s for an answer, and /healthz must keep answering.
 */
import autocannon from 'autocannon';
import { sleep, target, type PhaseResult, type Run } from './context';
import { request } from './http';

export interface LoadOptions {
  connections: number;
  durationS: number;
  clientTimeoutS: number;
  /** /healthz must answer within this long, every time it is asked. */
  healthzMs: number;
}

export const LOAD_QUERY = '{ state(isoCode: "LT") { id name } }';

export async function loadPhase(run: Run, o: LoadOptions): Promise<PhaseResult> {
  const started = Date.now();
  let polling = true;
  const health = { polls: 0, failed: 0, slowestMs: 0 };
  const poller = (async () => {
    while (polling) {
      const out = await request(run.server.base, { path: '/healthz' }, o.healthzMs);
      health.polls++;
      health.slowestMs = Math.max(health.slowestMs, Math.round(out.ms));
      if (out.status !== 200) health.failed++;
      await sleep(250);
    }
  })();
  const result = await autocannon({
    url: `${run.server.base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOAD_QUERY }),
    connections: o.connections,
    duration: o.durationS,
    timeout: o.clientTimeoutS,
  });
  polling = false;
  await poller;
  if (!run.server.alive)
    await run.recover('load', [`${o.connections} connections of ${LOAD_QUERY}`]);
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = stat.count ?? 0;
  const other5xx = Object.entries(statuses)
    .filter(([code]) => Number(code) >= 500 && code !== '503')
    .reduce((n, [, c]) => n + c, 0);
  const crashes = run.crashesIn('load');
  return {
    phase: `g. ${o.connections} connections for ${o.durationS} s`,
    figures: {
      requests: result.requests.total,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statuses: JSON.stringify(statuses),
      healthzPolls: health.polls,
      healthzFailed: health.failed,
      healthzSlowestMs: health.slowestMs,
    },
    targets: [
      target(
        `load: no client timeout at ${o.clientTimeoutS} s`,
        result.timeouts === 0 && result.latency.max < o.clientTimeoutS * 1000,
        `${result.timeouts} timeouts, max ${result.latency.max} ms`,
      ),
      target(
        'load: no 5xx other than 503, no connection errors',
        other5xx === 0 && result.errors === 0,
        `${other5xx} 5xx, ${result.errors} errors`,
      ),
      target(
        `load: /healthz answering throughout (within ${o.healthzMs} ms)`,
        health.failed === 0,
        `${health.polls - health.failed} of ${health.polls}, slowest ${health.slowestMs} ms`,
      ),
      target('load: 0 crashes', crashes === 0, `${crashes}`),
    ],
    notes: [],
    crashes,
    durationMs: Date.now() - started,
  };
}
