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
          '1',
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
        runs: { requestsPerSecond: number; errors: number }[];
      }[];
      mismatches: unknown[];
    };
    expect(results.mismatches).toEqual([]);
    const cells = new Set(results.measurements.map((m) => `${m.scenario}/${m.contestant}`));
    expect(cells.size).toBe(SCENARIOS.length * 3);
    for (const m of results.measurements) {
      expect(m.runs).toHaveLength(1);
      expect(m.runs[0]!.errors).toBe(0);
    }
    const table = fs.readFileSync(path.join(out, 'results.md'), 'utf8');
    expect(table).toMatch(/## Ratios/);
    // The Cypher @neo4j/graphql generated, one block per scenario, for a reader to check.
    expect(table.match(/^### /gm)).toHaveLength(SCENARIOS.length);
    expect(fs.readFileSync(path.join(out, 'latency.svg'), 'utf8')).toMatch(/^<svg /);
  }, 240_000);
});
