/**
 * `npm run reliability [-- --quick] [--phases a,b,...] [--seed N] ...`: the
 * suite's options, with the issue's counts as defaults and a smaller set for
 * --quick.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { PAYLOADS_FILE } from './cypher';

/** In running order: RSS on a fresh process first, the destructive phases last (e ends the server). */
export const PHASES = ['c', 'a', 'b', 'h', 'g', 'f', 'd', 'e'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_NAMES: Record<Phase, string> = {
  a: 'fuzz',
  b: 'malformed',
  c: 'rss',
  d: 'neo4j',
  e: 'sigterm',
  f: 'lock',
  g: 'load',
  h: 'cypher',
};

export interface SuiteOptions {
  quick: boolean;
  phases: Phase[];
  seed: number;
  fuzz: number;
  fuzzConcurrency: number;
  malformed: number;
  slowBody: boolean;
  rssFirst: number;
  rssTotal: number;
  connections: number;
  durationS: number;
  pauseMs: number;
  inFlight: number;
  guesses: number;
  port: number;
  boltPort: number;
  httpPort: number;
  dataDir: string;
  neo4jUri: string | undefined;
  password: string;
  analystToken: string;
  heapMb: number;
  maxRestarts: number;
  /** Bound on each request-sending phase (fuzz, rss), whatever the count. */
  phaseBudgetS: number;
  hangMs: number;
  requestTimeoutMs: number;
  payloadsFile: string;
  out: string;
}

export const USAGE = `npm run reliability -- [options]
  --quick                 smaller counts (fuzz 600, malformed 120, RSS 500/5000, load 10 s, pause 8 s)
  --phases a,b,...        phases to run, by letter or name: a fuzz, b malformed, c rss,
                          d neo4j (kill/pause/restart), e sigterm, f lock, g load, h cypher
  --skip d,e              phases to leave out
  --seed N                random seed (default 19)
  --fuzz N                fuzzed operations (default 5000)
  --malformed N           malformed HTTP requests (default 500)
  --no-slow-body          do not measure the slow body (it takes up to 2 minutes)
  --rss-first N --rss N   RSS measured after N and after M distinct documents (1000, 20000)
  --connections N --duration S   the load phase (300 connections, 30 s)
  --port N --bolt-port N --http-port N --data-dir DIR
                          where the server under test runs (4400, 7790, 7590, .neo4j-reliability)
  --neo4j-uri URI --neo4j-password P
                          use an existing Neo4j instead of the embedded one (phases d, e, f skipped)
  --heap-mb N             the API's V8 heap (default 2048)
  --out FILE              the JSON report (default reliability-report.json)`;

export function parseOptions(argv: string[]): SuiteOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name}: expected a number, got "${v}"`);
    return n;
  };
  const phaseList = (v: string | undefined): Phase[] | undefined =>
    v?.split(',').map((p) => {
      const key = (PHASES as readonly string[]).includes(p)
        ? (p as Phase)
        : (Object.entries(PHASE_NAMES).find(([, n]) => n === p)?.[0] as Phase | undefined);
      if (!key)
        throw new Error(
          `unknown phase "${p}" (${PHASES.map((k) => `${k} ${PHASE_NAMES[k]}`).join(', ')})`,
        );
      return key;
    });
  const quick = argv.includes('--quick');
  const neo4jUri = get('neo4j-uri');
  const skip = new Set(phaseList(get('skip')) ?? []);
  // Without the embedded Neo4j there is no JVM to kill, stop or lock.
  if (neo4jUri) for (const p of ['d', 'e', 'f'] as Phase[]) skip.add(p);
  const chosen = new Set(phaseList(get('phases')) ?? PHASES);
  return {
    quick,
    phases: PHASES.filter((p) => chosen.has(p) && !skip.has(p)),
    seed: num('seed', 19),
    fuzz: num('fuzz', quick ? 600 : 5_000),
    fuzzConcurrency: num('fuzz-concurrency', 4),
    malformed: num('malformed', quick ? 120 : 500),
    slowBody: !argv.includes('--no-slow-body'),
    rssFirst: num('rss-first', quick ? 500 : 1_000),
    rssTotal: num('rss', quick ? 5_000 : 20_000),
    connections: num('connections', 300),
    durationS: num('duration', quick ? 10 : 30),
    pauseMs: num('pause-ms', quick ? 8_000 : 15_000),
    inFlight: num('in-flight', 40),
    guesses: num('guesses', 30),
    port: num('port', 4400),
    boltPort: num('bolt-port', 7790),
    httpPort: num('http-port', 7590),
    dataDir: path.resolve(PROJECT_ROOT, get('data-dir') ?? '.neo4j-reliability'),
    neo4jUri,
    password: get('neo4j-password') ?? 'reliability-suite',
    analystToken: 'reliability-suite-analyst-token',
    heapMb: num('heap-mb', 2048),
    maxRestarts: num('max-restarts', 3),
    phaseBudgetS: num('phase-budget', quick ? 300 : 900),
    hangMs: 15_000,
    requestTimeoutMs: 30_000,
    payloadsFile: path.resolve(PROJECT_ROOT, get('payloads') ?? PAYLOADS_FILE),
    out: path.resolve(PROJECT_ROOT, get('out') ?? 'reliability-report.json'),
  };
}
