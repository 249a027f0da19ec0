/**
 * `npm run bench [-- --quick] [--scales 1,10,100] [--duration S] [--repeats N] [--warmup S] [--connections C]`
 *
 * Runs three contestants side by side on one Neo4j with the same data: our
 * API (as `npm start` runs it), @neo4j/graphql 7 on Apollo Server 5, and the
 * floor (one hand-written Cypher statement per scenario). For each scale it
 * grows the seed graph, checks that all three return the same data for each
 * scenario (refusing to time a scenario where they differ), then loads each
 * with autocannon and writes bench/results/ (Markdown, JSON, SVG).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig } from '../src/config';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { createLogger } from '../src/logger';
import { EmbeddedNeo4j } from '../src/neo4j/embedded';
import { seed } from '../src/seed';
import { cpuSeconds, msPerRequest } from './cpu';
import { writeResults, type BenchResults, type Measurement, type Run } from './report';
import { scaleGraph, type ScaleReport } from './scale';
import { PROJECT_IDS, DEEP_PRIORITY, SCENARIOS, type Scenario } from './scenarios';

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
    repeats: Number(get('repeats') ?? (quick ? 1 : 3)),
    warmup: Number(get('warmup') ?? (quick ? 0.5 : 5)),
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

/** The request body each contestant gets for a scenario, with its per-contestant variables. */
function body(c: Contestant, s: Scenario, vars: Record<string, unknown>): unknown {
  if (c === 'ours') return s.ours(vars);
  if (c === 'neo4jGraphql') return s.neo4jGraphql(vars);
  const params: Record<string, unknown> = {};
  if (s.name === 'projects-partners-states') params.ids = PROJECT_IDS;
  if (s.name.startsWith('deep-page'))
    Object.assign(params, { id: DEEP_PRIORITY, afterId: vars.afterId ?? null });
  return params;
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

/** Walks a connection to page `page` (or the last one), returning each contestant's cursor for it. */
async function deepVars(
  cs: Contestants,
  s: Scenario,
): Promise<Record<Contestant, Record<string, unknown>>> {
  const target = s.vars?.page ?? 1;
  const vars: Record<Contestant, Record<string, unknown>> = {
    ours: {},
    neo4jGraphql: {},
    floor: {},
  };
  for (let page = 1; page < target; page++) {
    const o = await answer(cs, 'ours', s, vars.ours);
    const n = await answer(cs, 'neo4jGraphql', s, vars.neo4jGraphql);
    const f = await answer(cs, 'floor', s, vars.floor);
    const info = o.data.node.addressingProjects.pageInfo;
    if (!info.hasNextPage) break;
    vars.ours = { after: info.endCursor };
    vars.neo4jGraphql = { after: n.data.priorities[0].projectsConnection.pageInfo.endCursor };
    vars.floor = { afterId: f.rows.at(-1).id };
  }
  return vars;
}

/** How many statements a contestant has sent so far, and the text of the last one. */
async function stats(
  cs: Contestants,
  c: Contestant,
): Promise<{ statements: number; last: string | null }> {
  const res = await fetch(`http://127.0.0.1:${cs.ports[c]}/stats`);
  return (await res.json()) as { statements: number; last: string | null };
}

/** Processes whose CPU a run reads: the contestant's Node server and Neo4j's JVM. */
interface CpuProbe {
  server: number | undefined;
  neo4j: number | undefined;
}

async function load(
  url: string,
  requestBody: unknown,
  duration: number,
  connections: number,
  probe: CpuProbe = { server: undefined, neo4j: undefined },
): Promise<Run> {
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
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: {
      server: msPerRequest(server0, cpuSeconds(probe.server), result.requests.total),
      neo4j: msPerRequest(neo4j0, cpuSeconds(probe.neo4j), result.requests.total),
      loadGenerator: (() => {
        const used = process.cpuUsage(loader0);
        return msPerRequest(0, (used.user + used.system) / 1e6, result.requests.total);
      })(),
    },
  };
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
    generatedCypher: {},
  };
  try {
    await migrate(db, logger);
    await seed(db);
    await cs.start();
    for (const factor of opts.scales) {
      say(`\nScale ${factor}x: growing the graph...`);
      const scale: ScaleReport = await scaleGraph(db, factor, opts.seed);
      results.scales.push(scale);
      if (factor > 1)
        say(
          `  ${scale.nodes} nodes and ${scale.relationships} relationships added at ${Math.round(scale.relationshipsPerSecond)} relationships/s`,
        );
      for (const s of SCENARIOS) {
        const answers: Record<Contestant, unknown> = {
          ours: null,
          neo4jGraphql: null,
          floor: null,
        };
        const roundTrips: Record<Contestant, number> = { ours: 0, neo4jGraphql: 0, floor: 0 };
        let vars: Record<Contestant, Record<string, unknown>> = {
          ours: {},
          neo4jGraphql: {},
          floor: {},
        };
        try {
          if (s.name.startsWith('deep-page')) vars = await deepVars(cs, s);
          for (const c of CONTESTANTS) {
            const before = c === 'ours' ? 0 : (await stats(cs, c)).statements;
            const json = await answer(cs, c, s, vars[c]);
            if (c === 'ours') roundTrips[c] = json.extensions?.roundTrips as number;
            else {
              const after = await stats(cs, c);
              roundTrips[c] = after.statements - before;
              // What @neo4j/graphql generated, so a reader can check it was not handicapped.
              if (c === 'neo4jGraphql' && after.last && !results.generatedCypher[s.name])
                results.generatedCypher[s.name] = after.last;
            }
            answers[c] = c === 'floor' ? s.normalise.floor(json.rows) : s.normalise[c](json.data);
          }
        } catch (err) {
          // A contestant that cannot answer is reported, and the scenario is not timed.
          const message = (err as Error).message.slice(0, 400);
          say(`  ${s.name}: a contestant failed, not timed: ${message}`);
          results.mismatches.push({
            scale: factor,
            scenario: s.name,
            answers: { failed: message },
          });
          continue;
        }
        const same =
          JSON.stringify(answers.ours) === JSON.stringify(answers.neo4jGraphql) &&
          JSON.stringify(answers.ours) === JSON.stringify(answers.floor);
        if (!same) {
          say(`  ${s.name}: answers differ, not timed`);
          results.mismatches.push({ scale: factor, scenario: s.name, answers });
          continue;
        }
        // Neo4j's own time for the floor's statement: the physical limit.
        const serverTimes: number[] = [];
        for (let i = 0; i < 20; i++) {
          const r = await post(cs.url('floor', s), body('floor', s, vars.floor));
          serverTimes.push(Number(r.headers.get('x-neo4j-ms')));
        }
        serverTimes.sort((a, b) => a - b);
        // Every contestant warms up, then the repeats run round-robin, each
        // repeat starting with the next contestant, so no contestant always
        // runs first (on a colder JVM) or last.
        const runs: Record<Contestant, Awaited<ReturnType<typeof load>>[]> = {
          ours: [],
          neo4jGraphql: [],
          floor: [],
        };
        for (const c of CONTESTANTS)
          await load(cs.url(c, s), body(c, s, vars[c]), opts.warmup, opts.connections);
        for (let r = 0; r < opts.repeats; r++) {
          for (let i = 0; i < CONTESTANTS.length; i++) {
            const c = CONTESTANTS[(r + i) % CONTESTANTS.length]!;
            runs[c].push(
              await load(cs.url(c, s), body(c, s, vars[c]), opts.duration, opts.connections, {
                server: cs.pids[c],
                neo4j: embedded?.processId,
              }),
            );
          }
        }
        for (const c of CONTESTANTS) {
          const m: Measurement = {
            scale: factor,
            scenario: s.name,
            contestant: c,
            runs: runs[c],
            roundTrips: roundTrips[c],
            serverMs: serverTimes[Math.floor(serverTimes.length / 2)]!,
          };
          results.measurements.push(m);
          const mean = runs[c].reduce((a, b) => a + b.requestsPerSecond, 0) / runs[c].length;
          say(
            `  ${s.name.padEnd(32)} ${c.padEnd(13)} ${mean.toFixed(0).padStart(6)} req/s  p50 ${runs[c][0]!.p50} ms  p99 ${runs[c][0]!.p99} ms  round trips ${roundTrips[c]}`,
          );
        }
      }
      writeResults(results, opts.out); // after every scale, so a late failure keeps what was measured
    }
  } finally {
    await cs.stop();
    await db.close();
    await embedded?.stop();
  }
  const files = writeResults(results, opts.out);
  say(`\nResults: ${files.map((f) => path.relative(PROJECT_ROOT, f)).join(', ')}`);
  if (results.mismatches.length) {
    say(
      `${results.mismatches.length} scenario(s) were not timed: the contestants' answers differed, or one failed (see above).`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
