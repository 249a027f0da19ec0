/**
 * Runs the chosen phases against one server under test, in an order where
 * the destructive ones come last (the lock and Neo4j faults, then SIGTERM,
 * which ends the server), and returns the report.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { graphChecksum } from './checksum';
import { Run, sleep, target, type PhaseResult, type Target } from './context';
import { cypherPhase } from './cypher';
import { fuzzPhase } from './fuzz';
import { request } from './http';
import { loadPhase } from './load';
import { lockPhase } from './lock';
import { malformedPhase } from './malformed';
import { neo4jFaultsPhase } from './neo4j-faults';
import type { Phase, SuiteOptions } from './options';
import type { Report } from './report';
import { rssPhase } from './rss';
import { ApiServer } from './server';
import { sigtermPhase } from './sigterm';

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

function logLines(file: string): number {
  try {
    let n = 0;
    for (const byte of fs.readFileSync(file)) if (byte === 10) n++;
    return n;
  } catch {
    return 0;
  }
}

/** Up and ready, restarting a dead server; false when that fails. */
async function ensureReady(run: Run, phase: string): Promise<boolean> {
  if (!run.server.alive && !(await run.recover(`before ${phase}`, ['(between phases)'])))
    return false;
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if ((await request(run.server.base, { path: '/readyz' }, 2_000)).status === 200) return true;
    await sleep(500);
  }
  return false;
}

export function serverFor(o: SuiteOptions): ApiServer {
  fs.mkdirSync(o.dataDir, { recursive: true });
  return new ApiServer({
    port: o.port,
    neo4jUri: o.neo4jUri,
    boltPort: o.boltPort,
    httpPort: o.httpPort,
    dataDir: o.dataDir,
    password: o.password,
    analystToken: o.analystToken,
    heapMb: o.heapMb,
    logFile: path.join(o.dataDir, 'reliability-server.log'),
  });
}

export async function runSuite(
  o: SuiteOptions,
  say: (m: string) => void,
  server = serverFor(o),
): Promise<Report> {
  const startedAt = new Date();
  const run = new Run(server, say, o.maxRestarts);
  const phases: PhaseResult[] = [];
  const graph: Report['graph'] = { before: null, after: null };
  const budgetMs = o.phaseBudgetS * 1000;
  const steps: Record<Phase, () => Promise<PhaseResult>> = {
    a: () =>
      fuzzPhase(run, {
        count: o.fuzz,
        concurrency: o.fuzzConcurrency,
        seed: o.seed,
        hangMs: o.hangMs,
        budgetMs,
      }),
    b: () =>
      malformedPhase(run, {
        count: o.malformed,
        concurrency: 8,
        seed: o.seed,
        slowBody: o.slowBody,
        slowBodyMaxMs: 150_000,
        requestTimeoutMs: o.requestTimeoutMs,
      }),
    c: () =>
      rssPhase(run, {
        first: o.rssFirst,
        total: o.rssTotal,
        concurrency: 8,
        hangMs: o.hangMs,
        budgetMs,
      }),
    h: () =>
      cypherPhase(run, { guesses: o.guesses, hangMs: o.hangMs, payloadsFile: o.payloadsFile }),
    g: () =>
      loadPhase(run, {
        connections: o.connections,
        durationS: o.durationS,
        clientTimeoutS: 10,
        healthzMs: 2_000,
      }),
    f: () => lockPhase(run, { exitMaxMs: 180_000 }),
    d: () =>
      neo4jFaultsPhase(run, {
        workers: 8,
        pauseMs: o.pauseMs,
        recoveryMaxMs: 120_000,
        hangMs: o.hangMs,
      }),
    e: () => sigtermPhase(run, { inFlight: o.inFlight, delayMs: 150, exitMaxMs: 90_000 }),
  };
  try {
    say(
      `Starting the server under test on port ${o.port} (${o.neo4jUri ? o.neo4jUri : `embedded Neo4j in ${o.dataDir}`})...`,
    );
    await server.start();
    say(`  ready in ${Math.round(server.startMs / 1000)} s`);
    graph.before = (await graphChecksum(server.opts)) ?? null;
    for (const p of o.phases) {
      if (p === 'e') {
        graph.after = (await graphChecksum(server.opts)) ?? null;
      }
      say(`Phase ${p} (${new Date().toISOString().slice(11, 19)})`);
      if (!(await ensureReady(run, p))) {
        say('  the server is not ready: phase skipped');
        phases.push({
          phase: p,
          figures: {},
          targets: [target(`phase ${p}`, false, 'server not ready')],
          notes: [],
          crashes: 0,
          durationMs: 0,
        });
        continue;
      }
      const linesBefore = logLines(server.opts.logFile);
      const result = await steps[p]();
      // Log volume: lines the server wrote during the phase (one per request is the goal).
      result.figures.serverLogLines = logLines(server.opts.logFile) - linesBefore;
      say(`  done in ${Math.round(result.durationMs / 1000)} s`);
      phases.push(result);
    }
    if (!o.phases.includes('e')) {
      if (server.alive) await ensureReady(run, 'checksum');
      graph.after = (await graphChecksum(server.opts)) ?? null;
    }
  } finally {
    await server.stop();
  }
  const targets: Target[] = [
    target(
      '0 crashes',
      run.crashes.length === 0,
      `${run.crashes.length}${run.restarts ? ` (${run.restarts} restarts)` : ''}`,
    ),
    target(
      'graph unchanged',
      graph.before && graph.after ? graph.before === graph.after : null,
      graph.before && graph.after
        ? `${graph.before.slice(0, 12)} -> ${graph.after.slice(0, 12)}`
        : 'not measured',
    ),
    ...phases.flatMap((p) => p.targets),
  ];
  return {
    startedAt: startedAt.toISOString(),
    commit: commit(),
    options: { ...o, analystToken: undefined, password: undefined },
    phases,
    crashes: run.crashes,
    graph,
    targets,
    passed: targets.every((t) => t.pass !== false),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
  };
}
