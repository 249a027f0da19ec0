import fs from 'node:fs';
import path from 'node:path';
import type { CapturedStatement } from './capture';
import type { ScaleReport } from './scale';
import {
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  geometricMeanInterval,
  median,
  medianInterval,
  pairedRatios,
  type Interval,
} from './stats';

export interface Run {
  /** Responses over the run's elapsed time. */
  requestsPerSecond: number;
  requests: number;
  /** autocannon's percentiles, whole milliseconds (the latency run has µs). */
  p50: number;
  p99: number;
  /** Responses that were not the expected answer (errors, other shape, other data), non-2xx and socket errors. */
  failures: number;
  failureReasons: Record<string, number>;
  /** CPU milliseconds per request of the contestant's server, Neo4j and the load generator (Linux). */
  cpuMsPerRequest?: { server?: number; neo4j?: number; loadGenerator?: number };
}

/** The single-connection run: one request at a time, percentiles in microseconds. */
export interface LatencyRun {
  requests: number;
  p50: number;
  p99: number;
  failures: number;
  failureReasons: Record<string, number>;
}

export type ContestantName = 'ours' | 'neo4jGraphql' | 'floor';

export interface Measurement {
  scale: number;
  scenario: string;
  contestant: ContestantName;
  /** Throughput repeats in the order they ran; repeat i of each contestant ran in round i. */
  runs: Run[];
  latency?: LatencyRun;
  roundTrips: number;
  /** Median Neo4j server time (ms) of the floor's statement for this scenario. */
  serverMs: number;
  /** The statements Neo4j saw from this contestant for the scenario, with PROFILE db hits. */
  statements?: CapturedStatement[];
}

export interface BenchResults {
  startedAt: string;
  options: Record<string, unknown>;
  machine: Record<string, unknown>;
  scales: ScaleReport[];
  measurements: Measurement[];
  mismatches: { scale: number; scenario: string; answers: unknown; difference?: string }[];
  /** Cells not timed for a reason other than a mismatch (e.g. page 50 does not exist at this scale). */
  skipped?: { scale: number; scenario: string; reason: string }[];
  /** Cells timed without a contestant that failed to answer (no ratio for them). */
  partial?: { scale: number; scenario: string; contestant: string; reason: string }[];
  /** Filled by writeResults: the statistics the tables show. */
  summary?: Summary;
}

const fmt = (x: number | undefined, digits = 0) =>
  x !== undefined && Number.isFinite(x) ? x.toFixed(digits) : '–';

const meanDefined = (xs: (number | undefined)[]) => {
  const ok = xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

export interface CellSummary {
  scale: number;
  scenario: string;
  /** ours ÷ @neo4j/graphql requests per second, repeat by repeat. */
  pairedRatios: number[];
  ratio: Interval;
  /** Median requests per second over the repeats, per contestant. */
  rps: Partial<Record<ContestantName, number>>;
  /** Single-connection p50 and p99 in µs, per contestant. */
  latencyP50: Partial<Record<ContestantName, number>>;
  latencyP99: Partial<Record<ContestantName, number>>;
  /** Failed responses under load and in the latency run, per contestant. */
  failures: Partial<Record<ContestantName, number>>;
  flagged: boolean;
  cpuServer: Partial<Record<ContestantName, number>>;
  cpuNeo4j: Partial<Record<ContestantName, number>>;
}

export interface Summary {
  cells: CellSummary[];
  /** Geometric mean of the cells' median ratios, per scale and over all cells. */
  geometricMean: { scale: number | 'all'; cells: number; interval: Interval }[];
  method: string;
}

export const METHOD =
  `ratio = median over repeats of (ours req/s ÷ @neo4j/graphql req/s) of the same repeat; ` +
  `95% interval: percentile bootstrap over the repeats (${BOOTSTRAP_RESAMPLES} resamples, seed ${BOOTSTRAP_SEED}); ` +
  `geometric mean over cells with a bootstrap over the repeats within each cell`;

const CONTESTANT_NAMES: ContestantName[] = ['ours', 'neo4jGraphql', 'floor'];

export function summarise(results: BenchResults): Summary {
  const key = (m: Measurement) => `${m.scale}|${m.scenario}`;
  const groups = new Map<string, Partial<Record<ContestantName, Measurement>>>();
  for (const m of results.measurements)
    groups.set(key(m), { ...groups.get(key(m)), [m.contestant]: m });
  const cells: CellSummary[] = [...groups.values()].map((g) => {
    const any = (g.ours ?? g.neo4jGraphql ?? g.floor)!;
    const rps = (c: ContestantName) => g[c]?.runs.map((r) => r.requestsPerSecond) ?? [];
    const paired = pairedRatios(rps('ours'), rps('neo4jGraphql'));
    const per = <T>(f: (m: Measurement) => T) =>
      Object.fromEntries(CONTESTANT_NAMES.filter((c) => g[c]).map((c) => [c, f(g[c]!)])) as Partial<
        Record<ContestantName, T>
      >;
    const failures = per(
      (m) => m.runs.reduce((a, r) => a + r.failures, 0) + (m.latency?.failures ?? 0),
    );
    return {
      scale: any.scale,
      scenario: any.scenario,
      pairedRatios: paired,
      ratio: medianInterval(paired),
      rps: per((m) => median(m.runs.map((r) => r.requestsPerSecond))),
      latencyP50: per((m) => m.latency?.p50 ?? NaN),
      latencyP99: per((m) => m.latency?.p99 ?? NaN),
      failures,
      flagged: Object.values(failures).some((f) => f > 0) || CONTESTANT_NAMES.some((c) => !g[c]),
      cpuServer: per((m) => meanDefined(m.runs.map((r) => r.cpuMsPerRequest?.server))),
      cpuNeo4j: per((m) => meanDefined(m.runs.map((r) => r.cpuMsPerRequest?.neo4j))),
    };
  });
  const scales = [...new Set(cells.map((c) => c.scale))].sort((a, b) => a - b);
  const withRatio = (cs: CellSummary[]) => cs.filter((c) => c.pairedRatios.length).length;
  const gm = (cs: CellSummary[]) => geometricMeanInterval(cs.map((c) => c.pairedRatios));
  return {
    cells,
    geometricMean: [
      ...scales.map((scale) => {
        const cs = cells.filter((c) => c.scale === scale);
        return { scale, cells: withRatio(cs), interval: gm(cs) };
      }),
      { scale: 'all' as const, cells: withRatio(cells), interval: gm(cells) },
    ],
    method: METHOD,
  };
}

const NAMES = {
  ours: 'ours',
  neo4jGraphql: '@neo4j/graphql',
  floor: 'floor (raw Cypher)',
} as const;

export const intervalText = (i: Interval) =>
  `${fmt(i.estimate, 2)} [${fmt(i.low, 2)}, ${fmt(i.high, 2)}]`;

/** One line per cell for the console, as the runner prints it when a cell is done. */
export function cellLine(c: CellSummary): string {
  const f = CONTESTANT_NAMES.map((n) => c.failures[n] ?? 0);
  return (
    `  ${`${c.scale}x ${c.scenario}`.padEnd(38)} ours÷theirs ${intervalText(c.ratio)}` +
    `  p50 µs ours ${fmt(c.latencyP50.ours)} / theirs ${fmt(c.latencyP50.neo4jGraphql)} / floor ${fmt(c.latencyP50.floor)}` +
    `  failures ${f.join('/')}${c.flagged ? '  FLAGGED' : ''}`
  );
}

export function markdown(results: BenchResults): string {
  const summary = results.summary ?? summarise(results);
  const lines: string[] = [
    `# Benchmark results`,
    '',
    `Run ${results.startedAt}; ${JSON.stringify(results.machine)}; options ${JSON.stringify(results.options)}.`,
    '',
    '## Bulk load',
    '',
    '| scale | nodes added | relationships added | seconds | relationships/s |',
    '|---|---|---|---|---|',
    ...results.scales.map(
      (s) =>
        `| ${s.factor}x | ${s.nodes} | ${s.relationships} | ${fmt(s.seconds, 1)} | ${fmt(s.relationshipsPerSecond)} |`,
    ),
    '',
    '## Ours ÷ @neo4j/graphql throughput',
    '',
    `Per cell: ${summary.method}. Repeats: the per-repeat ratios in the order they ran. Failures: responses under load or in the latency run that were not the expected answer (ours / @neo4j/graphql / floor); a cell with any is flagged (⚑).`,
    '',
    '| scale | scenario | ratio [95% interval] | per-repeat ratios | failures | |',
    '|---|---|---|---|---|---|',
    ...summary.cells.map(
      (c) =>
        `| ${c.scale}x | ${c.scenario} | **${intervalText(c.ratio)}** | ${c.pairedRatios.map((r) => fmt(r, 2)).join(', ')} | ${CONTESTANT_NAMES.map((n) => c.failures[n] ?? 0).join(' / ')} | ${c.flagged ? '⚑' : ''} |`,
    ),
    '',
    '| geometric mean over | cells | ratio [95% interval] |',
    '|---|---|---|',
    ...summary.geometricMean.map(
      (g) =>
        `| ${g.scale === 'all' ? 'all scales' : `${g.scale}x`} | ${g.cells} | **${intervalText(g.interval)}** |`,
    ),
    '',
    '## Latency on one connection',
    '',
    'One keep-alive connection, one request after another; each request timed with `process.hrtime.bigint()` from sending to the last byte of the body. p50 and p99 in µs.',
    '',
    '| scale | scenario | p50 ours | p50 @neo4j/graphql | p50 floor | ours ÷ floor (p50) | p99 ours | p99 @neo4j/graphql | p99 floor |',
    '|---|---|---|---|---|---|---|---|---|',
    ...summary.cells.map(
      (c) =>
        `| ${c.scale}x | ${c.scenario} | ${fmt(c.latencyP50.ours)} | ${fmt(c.latencyP50.neo4jGraphql)} | ${fmt(c.latencyP50.floor)} | ${fmt((c.latencyP50.ours ?? NaN) / (c.latencyP50.floor ?? NaN), 2)} | ${fmt(c.latencyP99.ours)} | ${fmt(c.latencyP99.neo4jGraphql)} | ${fmt(c.latencyP99.floor)} |`,
    ),
    '',
    '## Throughput and CPU',
    '',
    "req/s: median over the repeats (min–max); trips: Neo4j statements per request; server: Neo4j time of the floor statement (ms); CPU: CPU milliseconds per request of the contestant's Node process and of Neo4j, from /proc.",
    '',
    '| scale | scenario | contestant | req/s | failures | trips | server | CPU node | CPU Neo4j |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const m of results.measurements) {
    const rps = m.runs.map((r) => r.requestsPerSecond);
    const reasons = new Map<string, number>();
    for (const r of [...m.runs, ...(m.latency ? [m.latency] : [])])
      for (const [k, v] of Object.entries(r.failureReasons ?? {}))
        reasons.set(k, (reasons.get(k) ?? 0) + v);
    const failures = [...reasons].map(([k, v]) => `${v} ${k}`).join(', ') || '0';
    lines.push(
      `| ${m.scale}x | ${m.scenario} | ${NAMES[m.contestant]} | ${fmt(median(rps))} (${fmt(Math.min(...rps))}–${fmt(Math.max(...rps))}) | ${failures} | ${m.roundTrips} | ${fmt(m.serverMs, 1)} | ${fmt(meanDefined(m.runs.map((r) => r.cpuMsPerRequest?.server)), 2)} | ${fmt(meanDefined(m.runs.map((r) => r.cpuMsPerRequest?.neo4j)), 2)} |`,
    );
  }
  lines.push(...statementsSection(results));
  const notTimed = [
    ...results.mismatches.map((m) => {
      const failed = (m.answers as { failed?: string }).failed;
      return `- ${m.scale}x ${m.scenario}: ${failed ? `a contestant failed: ${failed.replace(/\s+/g, ' ')}` : `the answers differ (${m.difference ?? 'see results.json'})`}`;
    }),
    ...(results.skipped ?? []).map((s) => `- ${s.scale}x ${s.scenario}: ${s.reason}`),
    ...(results.partial ?? []).map(
      (p) =>
        `- ${p.scale}x ${p.scenario}: ${NAMES[p.contestant as ContestantName] ?? p.contestant} failed (${p.reason.replace(/\s+/g, ' ')}); the others were timed, the cell has no ratio`,
    ),
  ];
  if (notTimed.length) lines.push('', '## Not timed', '', ...notTimed);
  return `${lines.join('\n')}\n`;
}

/** Each scenario's statements, ours next to @neo4j/graphql's and the floor's, with PROFILE db hits per scale. */
function statementsSection(results: BenchResults): string[] {
  const withStatements = results.measurements.filter((m) => m.statements?.length);
  if (!withStatements.length) return [];
  const lines = [
    '',
    '## Statements and PROFILE db hits',
    '',
    'What Neo4j saw from each contestant for one request of the scenario (read from `SHOW TRANSACTIONS` while only that contestant was asked), each run once under `PROFILE` with its own parameters; db hits summed over the plan. The statements shown are those of the largest scale.',
  ];
  const scenarios = [...new Set(withStatements.map((m) => m.scenario))];
  const hits = (m: Measurement | undefined) =>
    m?.statements?.length
      ? m.statements.map((s) => (s.dbHits === null ? 'failed' : String(s.dbHits))).join(' + ')
      : '–';
  for (const scenario of scenarios) {
    const ms = withStatements.filter((m) => m.scenario === scenario);
    const scales = [...new Set(ms.map((m) => m.scale))].sort((a, b) => a - b);
    lines.push(
      '',
      `### ${scenario}`,
      '',
      '| scale | db hits ours | db hits @neo4j/graphql | db hits floor |',
      '|---|---|---|---|',
    );
    for (const scale of scales) {
      const of = (c: ContestantName) => ms.find((m) => m.scale === scale && m.contestant === c);
      lines.push(
        `| ${scale}x | ${hits(of('ours'))} | ${hits(of('neo4jGraphql'))} | ${hits(of('floor'))} |`,
      );
    }
    const largest = scales.at(-1);
    for (const c of CONTESTANT_NAMES) {
      const m = ms.find((x) => x.scale === largest && x.contestant === c);
      for (const [i, s] of (m?.statements ?? []).entries())
        lines.push(
          '',
          `${NAMES[c]}${(m?.statements?.length ?? 0) > 1 ? ` (statement ${i + 1})` : ''}, ${s.dbHits ?? 'PROFILE failed'} db hits at ${largest}x:`,
          '',
          '```cypher',
          s.text.trim(),
          '```',
        );
    }
  }
  return lines;
}

/** Small multiples: p50 latency against scale, one panel per scenario, one line per contestant. */
export function svg(results: BenchResults): string {
  const scenarios = [...new Set(results.measurements.map((m) => m.scenario))];
  const scales = [...new Set(results.measurements.map((m) => m.scale))].sort((a, b) => a - b);
  const W = 300;
  const H = 200;
  const cols = 3;
  const colours = { ours: '#1b7837', neo4jGraphql: '#762a83', floor: '#999999' } as const;
  const panels = scenarios.map((scenario, i) => {
    const x0 = (i % cols) * (W + 20) + 40;
    const y0 = Math.floor(i / cols) * (H + 60) + 40;
    const ms = results.measurements.filter((m) => m.scenario === scenario);
    const p50 = (m: Measurement) => (m.latency ? m.latency.p50 / 1000 : NaN);
    const maxY = Math.max(1, ...ms.map(p50).filter(Number.isFinite));
    const xOf = (scale: number) =>
      x0 + (scales.length === 1 ? W / 2 : (scales.indexOf(scale) / (scales.length - 1)) * W);
    const yOf = (v: number) => y0 + H - (v / maxY) * H;
    const lines = (Object.keys(colours) as (keyof typeof colours)[]).map((c) => {
      const pts = ms
        .filter((m) => m.contestant === c)
        .sort((a, b) => a.scale - b.scale)
        .filter((m) => Number.isFinite(p50(m)))
        .map((m) => `${xOf(m.scale).toFixed(1)},${yOf(p50(m)).toFixed(1)}`);
      return (
        `<polyline fill="none" stroke="${colours[c]}" stroke-width="2" points="${pts.join(' ')}"/>` +
        pts
          .map(
            (p) =>
              `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${colours[c]}"/>`,
          )
          .join('')
      );
    });
    const ticks = scales
      .map(
        (s) =>
          `<text x="${xOf(s)}" y="${y0 + H + 15}" font-size="10" text-anchor="middle">${s}x</text>`,
      )
      .join('');
    return `<g><rect x="${x0}" y="${y0}" width="${W}" height="${H}" fill="none" stroke="#ccc"/><text x="${x0}" y="${y0 - 8}" font-size="12">${scenario} (single-connection p50 ms, max ${maxY.toFixed(1)})</text>${ticks}${lines.join('')}</g>`;
  });
  const rows = Math.ceil(scenarios.length / cols);
  const legend = (Object.keys(colours) as (keyof typeof colours)[])
    .map(
      (c, i) =>
        `<text x="${40 + i * 180}" y="${rows * (H + 60) + 40}" font-size="12" fill="${colours[c]}">■ ${NAMES[c]}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * (W + 20) + 60}" height="${rows * (H + 60) + 60}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>${panels.join('')}${legend}</svg>\n`;
}

export function writeResults(results: BenchResults, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  results.summary = summarise(results);
  const files = [
    path.join(outDir, 'results.json'),
    path.join(outDir, 'results.md'),
    path.join(outDir, 'latency.svg'),
  ];
  fs.writeFileSync(files[0]!, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(files[1]!, markdown(results));
  fs.writeFileSync(files[2]!, svg(results));
  return files;
}
