import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOptions } from '../../bench/reliability/options';
import { runSuite } from '../../bench/reliability/suite';
import { testConnection } from '../setup/test-neo4j';
import { freePort } from '../helpers/free-port';

/**
 * The fast subset of `npm run reliability`: the suite's own fuzzing and
 * malformed-HTTP phases, with small counts, against the built server
 * (`dist/src/main.js`, as `npm start` runs it) on the test Neo4j.
 */
describe('the reliability suite, fast subset', () => {
  it('400 fuzzed operations and 100 malformed requests: no crash, no 5xx other than 503, no INTERNAL', async () => {
    const conn = testConnection();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-fast-'));
    const options = parseOptions([
      ...['--phases', 'fuzz,malformed', '--fuzz', '400', '--malformed', '100', '--no-slow-body'],
      ...['--neo4j-uri', conn.uri, '--neo4j-password', conn.password],
      ...['--port', String(await freePort()), '--data-dir', dir],
      ...['--max-restarts', '0', '--phase-budget', '45', '--heap-mb', '1024'],
    ]);
    try {
      const report = await runSuite(options, () => undefined);
      const [fuzz, malformed] = report.phases;
      // A crash first, with what was in flight when the process died.
      expect(
        report.crashes.map((c) => ({ phase: c.phase, exit: c.exit, inFlight: c.inFlight })),
      ).toEqual([]);
      expect(fuzz?.tally?.requests).toBeGreaterThan(0);
      expect(malformed?.tally?.requests).toBe(100);
      const faults = (phase: typeof fuzz) => ({
        other5xx: phase!.tally!.count((s) => s >= 500 && s !== 503),
        internal: phase!.tally!.byCode.INTERNAL ?? 0,
      });
      const found = { fuzz: faults(fuzz), malformed: faults(malformed) };
      const clean = { fuzz: { other5xx: 0, internal: 0 }, malformed: { other5xx: 0, internal: 0 } };
      // The requests that failed (replayable) are shown in the diff when this does not hold.
      const ok = JSON.stringify(found) === JSON.stringify(clean);
      expect({
        ...found,
        examples: ok ? [] : [...fuzz!.tally!.examples, ...malformed!.tally!.examples],
      }).toEqual({ ...clean, examples: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
