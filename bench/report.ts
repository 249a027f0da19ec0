import fs from 'node:fs';
import path from 'node:path';
import type { ScaleReport } from './scale';

export interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request of the contestant's server, Neo4j and the load generator (Linux). */
  cpuMsPerRequest?: { server?: number; neo4j?: number; loadGenerator?: number };
}

export interface Measurement {
  scale: number;
  scenario: string;
  contestant: 'ours' | 'neo4jGraphql' | 'floor';
  runs: Run[];
  roundTrips: number;
  /** Median Neo4j server time (ms) of the floor's statement for this scenario. */
  serverMs: number;
}

export interface BenchResults {
  startedAt: string;
  options: Record<string, unknown>;
  machine: Record<string, unknown>;
  scales: ScaleReport[];
  measurements: Measurement[];
  mismatches: { scale: number; scenario: string; answers: unknown }[];
  /** Per scenario, the Cypher @neo4j/graphql generated for it (its last statement, at the first scale). */
  generatedCypher: Record<string, string>;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

export interface Summary {
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p99: number;
  errors: number;
  cpuServer: number;
  cpuNeo4j: number;
}

const meanDefined = (xs: (number | undefined)[]) => {
  const ok = xs.filter((x): x is number => x !== undefined);
  return ok.length ? mean(ok) : NaN;
};

export function summarise(m: Measurement): Summary {
  const rps = m.runs.map((r) => r.requestsPerSecond);
  return {
    rps: mean(rps),
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    p50: mean(m.runs.map((r) => r.p50)),
    p99: mean(m.runs.map((r) => r.p99)),
    errors: m.runs.reduce((a, r) => a + r.errors, 0),
    cpuServer: meanDefined(m.runs.map((r) => r.cpuMsPerRequest?.server)),
    cpuNeo4j: meanDefined(m.runs.map((r) => r.cpuMsPerRequest?.neo4j)),
  };
}

const NAMES = {
  ours: 'ours',
  neo4jGraphql: '@neo4j/graphql',
  floor: 'floor (raw Cypher)',
} as const;

export function markdown(results: BenchResults): string {
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
    '## Throughput and latency',
    '',
    "req/s is the mean over the repeats (min–max in brackets); p50 and p99 in ms; trips = Neo4j statements per request; server = Neo4j time of the floor statement (ms); CPU = CPU milliseconds per request of the contestant's Node process and of Neo4j, from /proc.",
    '',
    '| scale | scenario | contestant | req/s | p50 | p99 | errors | trips | server | CPU node | CPU Neo4j |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const m of results.measurements) {
    const s = summarise(m);
    lines.push(
      `| ${m.scale}x | ${m.scenario} | ${NAMES[m.contestant]} | ${fmt(s.rps)} (${fmt(s.rpsMin)}–${fmt(s.rpsMax)}) | ${fmt(s.p50, 1)} | ${fmt(s.p99, 1)} | ${s.errors} | ${m.roundTrips} | ${fmt(m.serverMs, 1)} | ${fmt(s.cpuServer, 2)} | ${fmt(s.cpuNeo4j, 2)} |`,
    );
  }
  lines.push(
    '',
    '## Ratios',
    '',
    '| scale | scenario | ours / @neo4j/graphql throughput | ours p50 / floor p50 |',
    '|---|---|---|---|',
  );
  for (const row of ratios(results)) {
    lines.push(
      `| ${row.scale}x | ${row.scenario} | ${fmt(row.throughputVsNeo4jGraphql, 2)} | ${fmt(row.p50VsFloor, 2)} |`,
    );
  }
  const generated = Object.entries(results.generatedCypher ?? {});
  if (generated.length) {
    lines.push('', '## The Cypher @neo4j/graphql generated', '');
    for (const [scenario, text] of generated)
      lines.push(`### ${scenario}`, '', '```cypher', text.trim(), '```', '');
  }
  if (results.mismatches.length) {
    lines.push(
      '',
      '## Not timed',
      '',
      ...results.mismatches.map((m) => {
        const failed = (m.answers as { failed?: string }).failed;
        return `- ${m.scale}x ${m.scenario}: ${failed ? `a contestant failed: ${failed.replace(/\s+/g, ' ')}` : 'the answers differ'}`;
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function ratios(results: BenchResults) {
  const key = (m: Measurement) => `${m.scale}|${m.scenario}`;
  const groups = new Map<string, Partial<Record<Measurement['contestant'], Summary>>>();
  for (const m of results.measurements)
    groups.set(key(m), { ...groups.get(key(m)), [m.contestant]: summarise(m) });
  return [...groups.entries()].map(([k, g]) => {
    const [scale, scenario] = k.split('|');
    return {
      scale: Number(scale),
      scenario: scenario!,
      throughputVsNeo4jGraphql: (g.ours?.rps ?? NaN) / (g.neo4jGraphql?.rps ?? NaN),
      p50VsFloor: (g.ours?.p50 ?? NaN) / (g.floor?.p50 ?? NaN),
    };
  });
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
    const maxY = Math.max(1, ...ms.map((m) => summarise(m).p50));
    const xOf = (scale: number) =>
      x0 + (scales.length === 1 ? W / 2 : (scales.indexOf(scale) / (scales.length - 1)) * W);
    const yOf = (v: number) => y0 + H - (v / maxY) * H;
    const lines = (Object.keys(colours) as (keyof typeof colours)[]).map((c) => {
      const pts = ms
        .filter((m) => m.contestant === c)
        .sort((a, b) => a.scale - b.scale)
        .map((m) => `${xOf(m.scale).toFixed(1)},${yOf(summarise(m).p50).toFixed(1)}`);
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
    return `<g><rect x="${x0}" y="${y0}" width="${W}" height="${H}" fill="none" stroke="#ccc"/><text x="${x0}" y="${y0 - 8}" font-size="12">${scenario} (p50 ms, max ${maxY.toFixed(1)})</text>${ticks}${lines.join('')}</g>`;
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
