import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCENARIOS } from '../../bench/scenarios';
import { PROJECT_ROOT } from '../../src/config';
import { testConnection } from '../setup/test-neo4j';

/**
 * The benchmark's quick mode on tiny settings, against the test Neo4j: it
 * must produce its results and find the three contestants' answers equal.
 * No timing is asserted (figures come from `npm run bench`, not from tests).
 */
describe('benchmark smoke test', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'car-bench-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('runs all contestants on every scenario, with matching answers, and writes table, JSON and plot', async () => {
    const conn = testConnection();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        'node',
        [
          path.join(PROJECT_ROOT, 'dist/bench/run.js'),
          '--quick',
          '--duration',
          '0.5',
          '--repeats',
          '2',
          '--warmup',
          '0.2',
          '--latency-duration',
          '0.3',
          '--connections',
          '2',
          '--base-port',
          '25000',
          '--out',
          out,
        ],
        {
          env: {
            ...process.env,
            BENCH_NEO4J_URI: conn.uri.replace(/^neo4j:/, 'bolt:'),
            BENCH_NEO4J_PASSWORD: conn.password,
          },
          stdio: ['ignore', 'ignore', 'ignore'],
        },
      );
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      measurements: {
        scenario: string;
        contestant: string;
        runs: { requestsPerSecond: number; failures: number }[];
        latency: { requests: number; p50: number; failures: number };
        statements: { text: string; dbHits: number | null }[];
      }[];
      mismatches: unknown[];
      skipped: { scenario: string }[];
      summary: {
        cells: { pairedRatios: number[]; flagged: boolean }[];
        geometricMean: { scale: number | 'all'; interval: { low: number; high: number } }[];
      };
    };
    expect(results.mismatches).toEqual([]);
    // At 1x the deep pages' parent has fewer than 50 pages: page 50 is not timed there.
    expect(results.skipped.map((s) => s.scenario)).toEqual(['deep-page-50']);
    const timed = SCENARIOS.length - 1;
    const cells = new Set(results.measurements.map((m) => `${m.scenario}/${m.contestant}`));
    expect(cells.size).toBe(timed * 3);
    for (const m of results.measurements) {
      expect(m.runs).toHaveLength(2);
      for (const r of m.runs) expect(r.failures).toBe(0);
      expect(m.latency.requests).toBeGreaterThan(0);
      expect(m.latency.failures).toBe(0);
      // Each contestant's statements were seen by Neo4j and profiled.
      expect(m.statements.length).toBeGreaterThan(0);
      for (const st of m.statements) expect(st.dbHits).toBeGreaterThan(0);
    }
    for (const c of results.summary.cells) {
      expect(c.pairedRatios).toHaveLength(2);
      expect(c.flagged).toBe(false);
    }
    const all = results.summary.geometricMean.find((g) => g.scale === 'all')!;
    expect(all.interval.low).toBeLessThanOrEqual(all.interval.high);
    const table = fs.readFileSync(path.join(out, 'results.md'), 'utf8');
    expect(table).toMatch(/## Ours ÷ @neo4j\/graphql throughput/);
    expect(table).toMatch(/\| all scales \| \d+ \| \*\*[\d.]+ \[[\d.]+, [\d.]+\]\*\* \|/);
    expect(table).toMatch(/## Latency on one connection/);
    // Each timed scenario's statements, ours next to theirs and the floor's, for a reader to check.
    expect(table.match(/^### /gm)).toHaveLength(timed);
    expect(fs.readFileSync(path.join(out, 'latency.svg'), 'utf8')).toMatch(/^<svg /);
  }, 240_000);
});
