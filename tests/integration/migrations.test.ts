/**
 * @writes-shared-graph: writes old-style states and links for a moment to migrate them, so it runs
 * while no other test file reads the graph (tests/setup/graph-lock.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMigrations, migrate, pendingMigrations } from '../../src/db/migrations';
import { loadModel, PAGE_KEY_PROPERTIES } from '../../src/model';
import { silentLogger, testDatabase, uniqueLabel } from '../helpers/db';

describe('schema migrations', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it('the project migrations are already applied by setup, so a second run applies nothing', async () => {
    const report = await migrate(db, silentLogger);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(loadMigrations().map((m) => m.id));
    expect(await pendingMigrations(db)).toEqual([]);
  });

  it('backfills the stored keys of entities written before migration 003 (an old database)', async () => {
    const id = `test:${uniqueLabel('old').toLowerCase()}`;
    await db.write(
      "CREATE (:Entity:Organisation {id: $id, name: 'Old Writer Organisation', acronym: 'OWO', origin: 'test'})",
      { id },
      { operation: 'test.old-entity' },
    );
    const backfill = loadMigrations()
      .find((m) => m.id.startsWith('003_'))!
      .statements.filter((s) => s.startsWith('MATCH'));
    expect(backfill).toHaveLength(1);
    await db.autoCommit(backfill[0]!, {}, { operation: 'test.backfill' });
    const [row] = await db.read<{ sortKey: string; acronymKey: string }>(
      'MATCH (n:Entity {id: $id}) RETURN n.sortKey AS sortKey, n.acronymKey AS acronymKey',
      { id },
      { operation: 'test.read' },
    );
    await db.write('MATCH (n:Entity {id: $id}) DELETE n', { id }, { operation: 'test.cleanup' });
    expect(row).toEqual({ sortKey: `old writer organisation\u0001${id}`, acronymKey: 'owo' });
  });

  it('re-keys acronyms and names of entities loaded before migration 005, ignoring case, spaces, hyphens, underscores and dots', async () => {
    const id = `test:${uniqueLabel('old').toLowerCase()}`;
    await db.write(
      "CREATE (:Entity:Project {id: $id, name: 'Old Project-2', acronym: 'O.L D_P-2', acronymKey: 'o.l d_p-2', origin: 'test'})",
      { id },
      { operation: 'test.old-entity' },
    );
    const backfill = loadMigrations()
      .find((m) => m.id.startsWith('005_'))!
      .statements.filter((s) => s.startsWith('MATCH'));
    expect(backfill).toHaveLength(1);
    await db.autoCommit(backfill[0]!, {}, { operation: 'test.backfill' });
    const [row] = await db.read<{ acronymKey: string; nameKey: string }>(
      'MATCH (n:Entity {id: $id}) RETURN n.acronymKey AS acronymKey, n.nameKey AS nameKey',
      { id },
      { operation: 'test.read' },
    );
    await db.write('MATCH (n:Entity {id: $id}) DELETE n', { id }, { operation: 'test.cleanup' });
    expect(row).toEqual({ acronymKey: 'oldp2', nameKey: 'oldproject2' });
  });

  it.each([
    [
      'state:x <-OMBUDSPERSON_FOR- ombuds:x -PARTNER_IN-> project:x -ADDRESSES-> priority:x',
      'body-partner-in-project',
    ],
    ['state:x -PILOT_COUNTRY_OF-> project:x -ADDRESSES-> priority:x', 'pilot-country'],
    ['state:x <-LOCATED_IN- service:x -ADDRESSES-> priority:x', 'national-service'],
    ['state:x <-APPLIES_IN- law:x -ADDRESSES-> priority:x', 'law'],
    ['state:x -HELD_PRESIDENCY-> presidency:x -DECLARED_PRIORITY-> priority:x', 'presidency'],
  ])('stores the rule of a PURSUES link derived before migration 004 (%s)', async (path, rule) => {
    const a = `test:${uniqueLabel('s').toLowerCase()}`;
    const b = `test:${uniqueLabel('p').toLowerCase()}`;
    await db.write(
      `CREATE (:Entity:State {id: $a, origin: 'test', sourceIds: ['source:S1']})-[:PURSUES {evidence: [$path], origin: 'test', sourceIds: ['source:S1']}]->(:Entity:Priority {id: $b, origin: 'test', sourceIds: ['source:S1']})`,
      { a, b, path },
      { operation: 'test.old-link' },
    );
    const backfill = loadMigrations()
      .find((m) => m.id.startsWith('004_'))!
      .statements.filter((s) => s.startsWith('MATCH'));
    expect(backfill).toHaveLength(1);
    await db.autoCommit(backfill[0]!, {}, { operation: 'test.backfill' });
    const [row] = await db.read<{ rule: string }>(
      'MATCH (:Entity {id: $a})-[r:PURSUES]->() RETURN r.rule AS rule',
      { a },
      { operation: 'test.read' },
    );
    await db.write(
      'MATCH (n:Entity) WHERE n.id IN [$a, $b] DETACH DELETE n',
      { a, b },
      { operation: 'test.cleanup' },
    );
    expect(row?.rule).toBe(rule);
  });

  it('backfills the page keys of relationships written before migration 006, and indexes each key per relationship type', async () => {
    const a = `test:${uniqueLabel('m').toLowerCase()}`;
    const b = `test:${uniqueLabel('b').toLowerCase()}`;
    await db.write(
      `CREATE (:Entity:State {id: $a, name: 'Old Member', origin: 'test', sortKey: 'old member' + '\\u0001' + $a})
         -[:MEMBER_OF {origin: 'test', seedKey: 'MEMBER_OF|' + $a + '|' + $b + '|', validFrom: date('2001-02-03')}]->
       (:Entity:Organisation {id: $b, name: 'Old Council', origin: 'test', sortKey: 'old council' + '\\u0001' + $b})`,
      { a, b },
      { operation: 'test.old-link' },
    );
    const migration = loadMigrations().find((m) => m.id.startsWith('006_'))!;
    const backfill = migration.statements.filter((s) => s.startsWith('MATCH'));
    expect(backfill).toHaveLength(1);
    await db.autoCommit(backfill[0]!, {}, { operation: 'test.backfill' });
    const [row] = await db.read<Record<string, string>>(
      'MATCH (:Entity {id: $a})-[r:MEMBER_OF]->() RETURN r {.pageOut, .pageIn, .pageOutById, .pageInById} AS keys',
      { a },
      { operation: 'test.read' },
    );
    await db.write(
      'MATCH (n:Entity) WHERE n.id IN [$a, $b] DETACH DELETE n',
      { a, b },
      { operation: 'test.cleanup' },
    );
    const rel = `MEMBER_OF|${a}|${b}|`;
    expect(row?.keys).toEqual({
      pageOut: `${a}\u0001999999\u00012001-02-03\u0001old council\u0001${b}\u0001${rel}`,
      pageIn: `${b}\u0001999999\u00012001-02-03\u0001old member\u0001${a}\u0001${rel}`,
      pageOutById: `${a}\u0001${b}\u0001${rel}`,
      pageInById: `${b}\u0001${a}\u0001${rel}`,
    });
    const indexes = await db.read<{ type: string; property: string }>(
      `SHOW RANGE INDEXES YIELD entityType, labelsOrTypes, properties
       WHERE entityType = 'RELATIONSHIP'
       RETURN labelsOrTypes[0] AS type, properties[0] AS property`,
      {},
      { operation: 'test.indexes' },
    );
    const have = new Set(indexes.map((i) => `${i.type}.${i.property}`));
    const want = Object.keys(loadModel().relationships).flatMap((t) =>
      PAGE_KEY_PROPERTIES.map((p) => `${t}.${p}`),
    );
    expect(want.filter((w) => !have.has(w))).toEqual([]);
  });

  describe('with a migration folder of its own', () => {
    const label = uniqueLabel('Mig');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'car-mig-'));
    const id = `900_${label.toLowerCase()}`;
    const indexName = `test_${label.toLowerCase()}`;

    beforeAll(() => {
      fs.writeFileSync(
        path.join(dir, `${id}.cypher`),
        `// test migration\nCREATE INDEX ${indexName} IF NOT EXISTS FOR (n:${label}) ON (n.name);\n`,
      );
    });
    afterAll(async () => {
      await db.autoCommit(`DROP INDEX ${indexName} IF EXISTS`, {}, { operation: 'test.cleanup' });
      await db.write(
        'MATCH (m:Migration {id: $id}) DELETE m',
        { id },
        { operation: 'test.cleanup' },
      );
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('applies a new migration once, records it, and then skips it', async () => {
      const first = await migrate(db, silentLogger, loadMigrations(dir));
      expect(first.applied).toEqual([id]);
      const indexes = await db.read<{ name: string }>(
        'SHOW INDEXES YIELD name WHERE name = $n RETURN name',
        { n: indexName },
        {
          operation: 'test.indexes',
        },
      );
      expect(indexes).toHaveLength(1);
      const recorded = await db.read<{ checksum: string }>(
        'MATCH (m:Migration {id: $id}) RETURN m.checksum AS checksum',
        { id },
        {
          operation: 'test.recorded',
        },
      );
      expect(recorded).toHaveLength(1);

      const second = await migrate(db, silentLogger, loadMigrations(dir));
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual([id]);
    });

    it('refuses to continue when an applied migration was edited', async () => {
      fs.appendFileSync(path.join(dir, `${id}.cypher`), '// edited\n');
      await expect(migrate(db, silentLogger, loadMigrations(dir))).rejects.toThrow(
        /was changed after it was applied/,
      );
    });
  });
});
