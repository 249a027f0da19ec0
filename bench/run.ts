/**
 * `npm run bench [-- --quick] [--scales 1,10,100] [--duration S] [--repeats N] [--warmup S]
 *   [--latency-duration S] [--connections C] [--base-port P] [--out DIR]`
 *
 * Runs three contestants side by side on one Neo4j with the same data: our
 * API (as `npm start` runs it), @neo4j/graphql 7 on Apollo Server 5, and the
 * floor (one hand-written Cypher statement per scenario). For each scale it
 * grows the seed graph, checks that all three return the same data for each
 * scenario, in the asked order and with no row more or less (refusing to
 * time a scenario where they differ), records each contestant's statements
 * with their PROFILE db hits, then loads each with autocannon in interleaved
 * repeats (every response body checked), times one connection's requests in
 * µs, and writes bench/results/ (Markdown, JSON, SVG) with the paired ratios,
 * their intervals and the geometric mean.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig } from '../src/config';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { createLogger } from '../src/logger';
import { EmbeddedNeo4j } from '../src/neo4j/embedded';
import { seed } from '../src/seed';
import neo4j, { type Driver } from 'neo4j-driver';
import { bodyFailure, firstDifference } from './answers';
import { captureStatements, profileStatements, type CapturedStatement } from './capture';
import { createBenchIndexes } from './indexes';
import { latencyRun, throughputRun, type BodyCheck } from './load';
import {
  cellLine,
  intervalText,
  summarise,
  writeResults,
  type BenchResults,
  type LatencyRun,
  type Measurement,
  type Run,
} from './report';
import { scaleGraph, type ScaleReport } from './scale';
import { SCENARIOS, type Scenario } from './scenarios';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Contestant = 'ours' | 'neo4jGraphql' | 'floor';
const CONTESTANTS: Contestant[] = ['ours', 'neo4jGraphql', 'floor'];

interface Options {
  quick: boolean;
  scales: number[];
  duration: number;
  repeats: number;
  /** Seconds of load per contestant before timing, so the JVM has compiled the hot paths. */
  warmup: number;
  /** Seconds of the single-connection latency run per contestant and cell. */
  latencyDuration: number;
  connections: number;
  seed: number;
  out: string;
  basePort: number;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    scales: (get('scales') ?? (quick ? '1' : '1,10,100')).split(',').map(Number),
    duration: Number(get('duration') ?? (quick ? 2 : 10)),
    repeats: Number(get('repeats') ?? (quick ? 2 : 5)),
    warmup: Number(get('warmup') ?? (quick ? 1 : 5)),
    latencyDuration: Number(get('latency-duration') ?? (quick ? 1 : 5)),
    connections: Number(get('connections') ?? 8),
    seed: Number(get('seed') ?? 42),
    out: path.resolve(get('out') ?? path.join(PROJECT_ROOT, 'bench', 'results')),
    basePort: Number(get('base-port') ?? 24000),
  };
}

const say = (m: string) => process.stderr.write(`${m}\n`);

async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Json; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json, headers: res.headers };
}

class Contestants {
  private readonly children: ChildProcess[] = [];
  readonly pids: Partial<Record<Contestant, number>> = {};
  constructor(
    private readonly boltUri: string,
    private readonly password: string,
    readonly ports: Record<Contestant, number>,
  ) {}

  url(c: Contestant, scenario: Scenario): string {
    return c === 'floor'
      ? `http://127.0.0.1:${this.ports.floor}/${scenario.name}`
      : `http://127.0.0.1:${this.ports[c]}/graphql`;
  }

  async start(): Promise<void> {
    const env = {
      ...process.env,
      BENCH_NEO4J_URI: this.boltUri,
      BENCH_NEO4J_PASSWORD: this.password,
    };
    // A server left on a contestant's port (an interrupted run) would answer
    // in its place and be measured instead, its CPU not at all: refuse.
    for (const [c, port] of Object.entries(this.ports)) await assertPortFree(c, port);
    const spawnNode = (
      c: Contestant,
      script: string,
      port: number,
      extra: Record<string, string> = {},
    ) => {
      // Every contestant runs under the same NODE_ENV, so none gets a mode the others lack.
      const child = spawn('node', [path.join(PROJECT_ROOT, script)], {
        env: { ...env, NODE_ENV: 'production', ...extra, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      this.children.push(child);
      this.pids[c] = child.pid;
    };
    // Our API exactly as `npm start` runs it, in production mode, on the same
    // Neo4j: the API process itself, without the supervisor around it (which
    // serves no requests), so the CPU probe measures the process that works.
    spawnNode('ours', 'dist/src/api-main.js', this.ports.ours, {
      NEO4J_URI: this.boltUri,
      NEO4J_PASSWORD: this.password,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      GRAPHQL_MAX_COST: '1000000',
    });
    spawnNode(
      'neo4jGraphql',
      'dist/bench/contestants/neo4j-graphql-server.js',
      this.ports.neo4jGraphql,
    );
    spawnNode('floor', 'dist/bench/contestants/floor-server.js', this.ports.floor);
    const deadline = Date.now() + 60_000;
    const byContestant = new Map(
      (['ours', 'neo4jGraphql', 'floor'] as const).map((c, i) => [c, this.children[i]!]),
    );
    for (const [c, probe] of [
      ['ours', `http://127.0.0.1:${this.ports.ours}/readyz`],
      ['neo4jGraphql', `http://127.0.0.1:${this.ports.neo4jGraphql}/stats`],
      ['floor', `http://127.0.0.1:${this.ports.floor}/stats`],
    ] as const) {
      for (;;) {
        const ok = await fetch(probe).then(
          (r) => r.ok,
          () => false,
        );
        // A contestant that exited (its port taken, say) must not be stood in
        // for by whatever answers on that port: a stale server from an
        // interrupted run would be measured instead, and its CPU not at all.
        const child = byContestant.get(c)!;
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`contestant ${c} exited before it was ready (see its output above)`);
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`contestant ${c} did not come up`);
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  async stop(): Promise<void> {
    for (const c of this.children) c.kill('SIGTERM');
    await Promise.all(
      this.children.map(
        (c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r))),
      ),
    );
  }
}

/** Fails when something already listens on `port` (loopback). */
function assertPortFree(contestant: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(
        new Error(
          `Port ${port} for ${contestant} is in use: a server from an interrupted run? Stop it first`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** The request body each contestant gets for a scenario, with its per-contestant variables. */
function body(c: Contestant, s: Scenario, vars: Record<string, unknown>): unknown {
  if (c === 'ours') return s.ours(vars);
  if (c === 'neo4jGraphql') return s.neo4jGraphql(vars);
  return s.floorParams?.(vars) ?? {};
}

/** The normalised answer of a contestant's response payload (`data`, or the floor's rows). */
function normalised(c: Contestant, s: Scenario, json: Json): unknown {
  return c === 'floor' ? s.normalise.floor(json.rows) : s.normalise[c](json.data);
}

async function answer(
  cs: Contestants,
  c: Contestant,
  s: Scenario,
  vars: Record<string, unknown>,
): Promise<Json> {
  const res = await post(cs.url(c, s), body(c, s, vars));
  if (res.status !== 200 || res.json.errors)
    throw new Error(`${c} failed ${s.name}: ${JSON.stringify(res.json).slice(0, 300)}`);
  return res.json;
}

/**
 * Walks a connection to page `page`, returning each contestant's cursor for
 * it and the page reached (less than asked when the connection ends before).
 * A contestant that fails on the way is left out (`failed`), the others walk on.
 */
async function deepVars(
  cs: Contestants,
  s: Scenario,
): Promise<{
  vars: Record<Contestant, Record<string, unknown>>;
  reached: number;
  failed: Partial<Record<Contestant, string>>;
}> {
  const target = s.vars?.page ?? 1;
  const vars: Record<Contestant, Record<string, unknown>> = {
    ours: {},
    neo4jGraphql: {},
    floor: {},
  };
  const failed: Partial<Record<Contestant, string>> = {};
  let page = 1;
  for (; page < target; page++) {
    const o = await answer(cs, 'ours', s, vars.ours);
    const f = await answer(cs, 'floor', s, vars.floor);
    const info = o.data.node.addressingProjects.pageInfo;
    if (!info.hasNextPage) break;
    if (!failed.neo4jGraphql) {
      try {
        const n = await answer(cs, 'neo4jGraphql', s, vars.neo4jGraphql);
        vars.neo4jGraphql = { after: n.data.priorities[0].projectsConnection.pageInfo.endCursor };
      } catch (err) {
        failed.neo4jGraphql = `page ${page}: ${(err as Error).message.slice(0, 300)}`;
      }
    }
    vars.ours = { after: info.endCursor };
    vars.floor = { afterId: f.rows.at(-1).id };
  }
  return { vars, reached: page, failed };
}

/** How many statements a contestant has sent so far, and the text of the last one. */
async function stats(
  cs: Contestants,
  c: Contestant,
): Promise<{ statements: number; last: string | null }> {
  const res = await fetch(`http://127.0.0.1:${cs.ports[c]}/stats`);
  return (await res.json()) as { statements: number; last: string | null };
}

/** The statements a contestant sends for a scenario, with PROFILE db hits (capture.ts). */
async function statementsOf(
  cs: Contestants,
  driver: Driver,
  c: Contestant,
  s: Scenario,
  vars: Record<string, unknown>,
  roundTrips: number,
) {
  const seen = await captureStatements(driver, roundTrips, async (stop) => {
    // Two requests at a time, so one is usually in flight when Neo4j is asked.
    const one = async () => {
      while (!stop()) await post(cs.url(c, s), body(c, s, vars));
    };
    await Promise.all([one(), one()]);
  });
  return profileStatements(driver, seen);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const logger = createLogger('warn');
  const external = process.env.BENCH_NEO4J_URI;
  const password = external ? (process.env.BENCH_NEO4J_PASSWORD ?? '') : 'car-graph-bench';
  const embeddedCfg: EmbeddedNeo4jConfig = {
    boltPort: opts.basePort + 687,
    httpPort: opts.basePort + 474,
    heap: '2g',
    pageCache: '1g',
    dataDir: path.join(PROJECT_ROOT, '.neo4j-bench'),
    password,
    startTimeoutMs: 120_000,
  };
  let embedded: EmbeddedNeo4j | undefined;
  if (!external) {
    // A bench database of its own, rebuilt each run.
    fs.rmSync(path.join(embeddedCfg.dataDir, 'data'), { recursive: true, force: true });
    embedded = new EmbeddedNeo4j(embeddedCfg, say);
    say('Starting a Neo4j for the benchmark...');
    await embedded.start();
  }
  const boltUri = external ?? `bolt://127.0.0.1:${embeddedCfg.boltPort}`;
  const db = new Database(
    {
      uri: boltUri,
      user: 'neo4j',
      password,
      database: 'neo4j',
      txTimeoutMs: 600_000,
      connectTimeoutMs: 5000,
      maxRetryMs: 3000,
      poolSize: 10,
    },
    logger,
  );
  const cs = new Contestants(boltUri, password, {
    ours: opts.basePort + 1,
    neo4jGraphql: opts.basePort + 2,
    floor: opts.basePort + 3,
  });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    options: { ...opts, out: path.relative(PROJECT_ROOT, opts.out) },
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    scales: [],
    measurements: [],
    mismatches: [],
    skipped: [],
    partial: [],
  };
  // A driver of the runner's own, for reading what the contestants send and profiling it.
  const observer = neo4j.driver(boltUri, neo4j.auth.basic('neo4j', password));
  try {
    await migrate(db, logger);
    await seed(db);
    await createBenchIndexes(db);
    await cs.start();
    for (const factor of opts.scales) {
      say(`\nScale ${factor}x: growing the graph...`);
      const scale: ScaleReport = await scaleGraph(db, factor, opts.seed);
      results.scales.push(scale);
      if (factor > 1)
        say(
          `  ${scale.nodes} nodes and ${scale.relationships} relationships added at ${Math.round(scale.relationshipsPerSecond)} relationships/s`,
        );
      for (const s of SCENARIOS) await runCell(cs, observer, s, factor, opts, results, embedded);
      writeResults(results, opts.out); // after every scale, so a late failure keeps what was measured
    }
  } finally {
    await cs.stop();
    await observer.close();
    await db.close();
    await embedded?.stop();
  }
  const files = writeResults(results, opts.out);
  for (const g of results.summary?.geometricMean ?? [])
    say(
      `Geometric mean of ours ÷ @neo4j/graphql over ${g.cells} cells (${g.scale === 'all' ? 'all scales' : `${g.scale}x`}): ${intervalText(g.interval)}`,
    );
  say(`\nResults: ${files.map((f) => path.relative(PROJECT_ROOT, f)).join(', ')}`);
  if (results.mismatches.length) {
    say(
      `${results.mismatches.length} scenario(s) were not timed: the contestants' answers differed, or one failed (see above).`,
    );
  }
}

/** One scenario at one scale: check the answers, record the statements, then time it. */
async function runCell(
  cs: Contestants,
  observer: Driver,
  s: Scenario,
  factor: number,
  opts: Options,
  results: BenchResults,
  embedded: EmbeddedNeo4j | undefined,
): Promise<void> {
  const answers: Record<Contestant, unknown> = { ours: null, neo4jGraphql: null, floor: null };
  const roundTrips: Record<Contestant, number> = { ours: 0, neo4jGraphql: 0, floor: 0 };
  let vars: Record<Contestant, Record<string, unknown>> = { ours: {}, neo4jGraphql: {}, floor: {} };
  // @neo4j/graphql failing a request does not stop the cell: ours and the
  // floor are still timed (latency, CPU, db hits), and the cell has no ratio.
  let failed: Partial<Record<Contestant, string>> = {};
  try {
    if (s.vars) {
      const walked = await deepVars(cs, s);
      failed = walked.failed;
      if (walked.reached < s.vars.page) {
        // Page N does not exist here: timing the last page under its name would repeat a shallower cell.
        const reason = `the connection ends at page ${walked.reached}, before page ${s.vars.page}`;
        say(`  ${s.name}: not timed, ${reason}`);
        results.skipped?.push({ scale: factor, scenario: s.name, reason });
        return;
      }
      vars = walked.vars;
    }
    for (const c of CONTESTANTS) {
      if (failed[c]) continue;
      const before = c === 'ours' ? 0 : (await stats(cs, c)).statements;
      let json: Json;
      try {
        json = await answer(cs, c, s, vars[c]);
      } catch (err) {
        if (c !== 'neo4jGraphql') throw err;
        failed[c] = (err as Error).message.slice(0, 300);
        continue;
      }
      if (c === 'ours') roundTrips[c] = json.extensions?.roundTrips as number;
      else roundTrips[c] = (await stats(cs, c)).statements - before;
      answers[c] = normalised(c, s, json);
    }
  } catch (err) {
    // A contestant that cannot answer is reported, and the scenario is not timed.
    const message = (err as Error).message.slice(0, 400);
    say(`  ${s.name}: a contestant failed, not timed: ${message}`);
    results.mismatches.push({ scale: factor, scenario: s.name, answers: { failed: message } });
    return;
  }
  // Lists in the asked order, nothing filtered: an extra row is a difference.
  const present = CONTESTANTS.filter((c) => !failed[c]);
  for (const [c, message] of Object.entries(failed)) {
    say(`  ${s.name}: ${c} failed, timed without it: ${message.slice(0, 300)}`);
    results.partial?.push({ scale: factor, scenario: s.name, contestant: c, reason: message });
  }
  const difference =
    (failed.neo4jGraphql ? null : firstDifference(answers.ours, answers.neo4jGraphql))?.replace(
      /^/,
      'ours vs @neo4j/graphql at ',
    ) ?? firstDifference(answers.ours, answers.floor)?.replace(/^/, 'ours vs floor at ');
  if (difference) {
    say(`  ${s.name}: answers differ, not timed: ${difference.slice(0, 300)}`);
    results.mismatches.push({ scale: factor, scenario: s.name, answers, difference });
    return;
  }
  const expected = JSON.stringify(answers.ours);
  const checks = Object.fromEntries(
    present.map((c) => [
      c,
      ((b: string) =>
        bodyFailure(
          b,
          (payload) => (c === 'floor' ? s.normalise.floor(payload) : s.normalise[c](payload)),
          expected,
          c === 'floor' ? 'rows' : 'graphql',
        )) satisfies BodyCheck,
    ]),
  ) as Record<Contestant, BodyCheck>;
  // What each contestant sends to Neo4j, with PROFILE db hits (before timing: profiling loads Neo4j).
  const statements: Partial<Record<Contestant, CapturedStatement[]>> = {};
  for (const c of present)
    statements[c] = await statementsOf(cs, observer, c, s, vars[c], roundTrips[c]);
  // Neo4j's own time for the floor's statement: the physical limit.
  const serverTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await post(cs.url('floor', s), body('floor', s, vars.floor));
    serverTimes.push(Number(r.headers.get('x-neo4j-ms')));
  }
  serverTimes.sort((a, b) => a - b);
  // Every contestant warms up, then the repeats run round-robin, each
  // repeat starting with the next contestant, so no contestant always runs
  // first (on a colder JVM) or last, and repeat i of each contestant shares
  // round i's conditions: the ratios are paired by repeat.
  const runs: Record<Contestant, Run[]> = { ours: [], neo4jGraphql: [], floor: [] };
  const latency: Partial<Record<Contestant, LatencyRun>> = {};
  for (const c of present)
    await throughputRun(
      cs.url(c, s),
      body(c, s, vars[c]),
      opts.warmup,
      opts.connections,
      checks[c],
    );
  for (let r = 0; r < opts.repeats; r++) {
    for (let i = 0; i < present.length; i++) {
      const c = present[(r + i) % present.length]!;
      runs[c].push(
        await throughputRun(
          cs.url(c, s),
          body(c, s, vars[c]),
          opts.duration,
          opts.connections,
          checks[c],
          { server: cs.pids[c], neo4j: embedded?.processId },
        ),
      );
    }
  }
  for (const c of present)
    latency[c] = await latencyRun(
      cs.url(c, s),
      body(c, s, vars[c]),
      opts.latencyDuration,
      checks[c],
    );
  for (const c of present) {
    const m: Measurement = {
      scale: factor,
      scenario: s.name,
      contestant: c,
      runs: runs[c],
      latency: latency[c],
      roundTrips: roundTrips[c],
      serverMs: serverTimes[Math.floor(serverTimes.length / 2)]!,
      statements: statements[c],
    };
    results.measurements.push(m);
  }
  const cell = summarise({
    ...results,
    measurements: results.measurements.filter((m) => m.scale === factor && m.scenario === s.name),
  }).cells[0];
  if (cell) say(cellLine(cell));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
