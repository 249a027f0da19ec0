import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { seed, SeedValidationError } from '../../src/seed';
import { graphChecksum } from '../../src/seed/load';
import { Database } from '../../src/db/database';
import { cypher } from '../../src/db/cypher-files';
import { migrate } from '../../src/db/migrations';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { planSeed } from '../../src/seed/load';
import { seedIfEmpty } from '../../src/seed/on-start';
import { readSeed } from '../../src/seed';
import { seedFilesChecksum } from '../../src/seed/version';
import { countsWithoutTestData, silentLogger } from '../helpers/db';
import { TEST_EMBEDDED, testConnection } from '../setup/test-neo4j';
import { copySeed, editSeedFile } from '../helpers/seed-copy';

/** The seed CLI as users run it (built by `npm test` before Jest). */
function runSeedCli(args: string[]): { code: number | null; out: string } {
  const r = spawnSync('node', [path.join(PROJECT_ROOT, 'dist/src/seed/cli.js'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * Loading edited seeds changes the graph for a while (a presidency removed,
 * a state renamed): these tests run on a Neo4j of their own, so the other
 * tests, which read the shared graph in parallel, never see those states.
 */
const PORTS = { bolt: TEST_EMBEDDED.boltPort + 3, http: TEST_EMBEDDED.httpPort + 3 };

describe('seed loader on the real Neo4j', () => {
  let server: EmbeddedNeo4j | undefined;
  let db: Database;
  const dirs: string[] = [];
  beforeAll(async () => {
    const external = process.env.TEST_NEO4J_URI;
    if (!external) {
      const dataDir = path.join(PROJECT_ROOT, '.neo4j-test', 'seed');
      for (const d of ['data', 'logs'])
        fs.rmSync(path.join(dataDir, d), { recursive: true, force: true });
      server = new EmbeddedNeo4j(
        {
          ...TEST_EMBEDDED,
          boltPort: PORTS.bolt,
          httpPort: PORTS.http,
          dataDir,
          heap: '512m',
          pageCache: '64m',
        },
        () => undefined,
      );
      await server.start();
    }
    db = new Database(
      testConnection(external ? {} : { uri: `neo4j://127.0.0.1:${PORTS.bolt}` }),
      silentLogger,
    );
    await migrate(db, silentLogger);
  }, 300_000);
  const fresh = () => {
    const d = copySeed();
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    // Leave the graph exactly as the real seed says (an external test Neo4j is shared).
    await seed(db);
    await db.close();
    await server?.stop();
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  }, 120_000);

  it('loads everything; run twice, counts and checksum are identical', async () => {
    const first = await seed(db);
    const second = await seed(db);
    expect(second.counts).toEqual(first.counts);
    expect(second.checksum).toBe(first.checksum);
    expect(second.deletedNodes).toBe(0);
    expect(second.deletedRelationships).toBe(0);
    expect(first.counts.labels.State).toBe(11);
    expect(first.counts.labels.Source).toBeGreaterThan(100);
    expect(first.counts.types.PURSUES).toBeGreaterThan(0);
  });

  it('removes a fact that left the files, changes a changed fact, and leaves curated facts alone', async () => {
    const before = await graphChecksum(db);
    await db.write(
      "MERGE (n:Entity:Person {id: 'person:curated-test'}) SET n.name = 'Curated Person', n.origin = 'test', n.sourceIds = ['source:S1']",
      {},
      { operation: 'test.curate' },
    );
    const dir = fresh();
    // Drop Iceland's presidency 2016-2017 and rename Denmark.
    editSeedFile(dir, 'relationships/HELD_PRESIDENCY.governance.yaml', (t) => {
      const records = t.split(/\n(?=- )/);
      return records.filter((r) => !r.includes('to: presidency:2016-2017')).join('\n');
    });
    editSeedFile(dir, 'nodes/State.governance.yaml', (t) =>
      t.replace('name: Denmark', 'name: Denmark (renamed)'),
    );
    const report = await seed(db, { seedDir: dir });
    expect(report.deletedRelationships).toBe(1);

    const rows = await db.read<{ held: number; name: string; curated: number }>(
      `MATCH (dk:State {id: 'state:DK'})
       OPTIONAL MATCH (:State)-[h:HELD_PRESIDENCY]->(:Presidency {id: 'presidency:2016-2017'})
       WITH dk, count(h) AS held
       OPTIONAL MATCH (c:Entity {id: 'person:curated-test'})
       RETURN held, dk.name AS name, count(c) AS curated`,
      {},
      { operation: 'test.check' },
    );
    expect(rows[0]).toEqual({ held: 0, name: 'Denmark (renamed)', curated: 1 });

    // Back to the real seed: the graph converges to exactly what it was.
    await seed(db);
    expect(await graphChecksum(db)).toBe(before);
    await db.write(
      "MATCH (n:Entity {id: 'person:curated-test'}) DETACH DELETE n",
      {},
      { operation: 'test.cleanup' },
    );
  });

  it('plans a load without writing: what it would add, change and remove, derived links too', async () => {
    await seed(db);
    const before = await graphChecksum(db);
    const dir = fresh();
    editSeedFile(dir, 'relationships/HELD_PRESIDENCY.governance.yaml', (t) =>
      t
        .split(/\n(?=- )/)
        .filter((r) => !r.includes('to: presidency:2019-2020'))
        .join('\n'),
    );
    editSeedFile(dir, 'nodes/State.governance.yaml', (t) =>
      t.replace('name: Denmark', 'name: Denmark (renamed)'),
    );
    const plan = await planSeed(db, readSeed(dir));
    expect(plan.entities.changed).toEqual(['state:DK']);
    expect(plan.facts.removed).toEqual([
      expect.stringMatching(/^HELD_PRESIDENCY\|state:DK\|presidency:2019-2020\|/),
    ]);
    // Denmark's presidency declared two priorities: those links go too.
    expect(plan.derived.removed.every((k) => k.startsWith('PURSUES|state:DK|'))).toBe(true);
    expect(plan.derived.removed.length).toBeGreaterThan(0);
    expect(await graphChecksum(db)).toBe(before);
  });

  it('records the dataset version, and reloads on start when the seed files changed', async () => {
    await seed(db);
    const [dataset] = await db.read<{ filesChecksum: string; checksum: string; loadedAt: string }>(
      cypher('api/dataset.cypher'),
      {},
      { operation: 'test.dataset' },
    );
    expect(dataset?.filesChecksum).toBe(seedFilesChecksum());
    expect(dataset?.checksum).toBe(await graphChecksum(db));
    expect(await seedIfEmpty(db, silentLogger)).toBe(false);
    // A graph loaded from other files (an older version) is reloaded.
    await db.write(
      "MATCH (d:Dataset {id: 'dataset'}) SET d.filesChecksum = 'older'",
      {},
      { operation: 'test.age' },
    );
    expect(await seedIfEmpty(db, silentLogger)).toBe(true);
    expect(await seedIfEmpty(db, silentLogger)).toBe(false);
  });

  it.each([
    [
      'a broken reference',
      'relationships/HELD_PRESIDENCY.governance.yaml',
      'from: state:DK',
      'from: state:XX',
      /field "from": no node has id "state:XX"/,
    ],
    [
      'a missing source',
      'nodes/State.governance.yaml',
      'source: source:S83',
      'source: source:S999',
      /field "sources\[0\]\.source": "source:S999" is not the id of a Source/,
    ],
    [
      'a bad date',
      'nodes/Presidency.governance.yaml',
      '"2019-07-01"',
      '"2019-07-32"',
      /field "startDate": "2019-07-32" is not a date/,
    ],
    [
      'an unknown field',
      'nodes/State.governance.yaml',
      '  isoCode: DK\n',
      '  isoCode: DK\n  capital: Copenhagen\n',
      /field "capital": unknown field/,
    ],
  ])(
    'refuses %s with a precise message and leaves the database unchanged',
    async (_what, file, from, to, message) => {
      const before = { checksum: await graphChecksum(db), counts: await countsWithoutTestData(db) };
      const dir = fresh();
      editSeedFile(dir, file, (t) => t.replace(from, to));

      const dry = runSeedCli(['--dry-run', '--seed-dir', dir]);
      expect(dry.code).toBe(1);
      expect(dry.out).toMatch(
        new RegExp(
          `${file.replace(/[.]/g, '\\.')}, record \\d+ \\(.*line \\d+\\), ${message.source}`,
        ),
      );

      await expect(seed(db, { seedDir: dir })).rejects.toBeInstanceOf(SeedValidationError);
      expect(await graphChecksum(db)).toBe(before.checksum);
      expect(await countsWithoutTestData(db)).toEqual(before.counts);
    },
  );

  it('--dry-run on the real seed validates without writing', () => {
    const dry = runSeedCli(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(
      /The seed is valid: \d+ nodes and \d+ relationships in \d+ files\.\nDry run: nothing was written\./,
    );
  });
});
