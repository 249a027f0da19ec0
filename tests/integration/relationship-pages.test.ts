import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { SCENARIOS } from '../../bench/scenarios';
import {
  keyExpression,
  PLAIN_SHAPE,
  relationPageStatement,
  type RelationShape,
  type RelationSpec,
} from '../../src/graphql/plan/statements/relation-page';
import { buildSchema } from '../../src/graphql/schema';
import { expression } from '../../src/cypher';
import { pageKeyMap, pageKeysStatement, PAGE_KEY_PROPERTIES } from '../../src/model';
import { compiledStatements } from '../helpers/compiled-statements';
import { inRolledBackTransaction, testDatabase } from '../helpers/db';

type PlanNode = { operatorType: string; children: PlanNode[] };
const operators = (plan: PlanNode): string[] => [
  plan.operatorType.replace(/@.*$/, ''),
  ...plan.children.flatMap(operators),
];
const SORTS = ['Sort', 'Top', 'PartialSort', 'PartialTop'];
type Profiled = { dbHits: number; children: Profiled[] };
const dbHits = (p: Profiled): number =>
  p.dbHits + p.children.reduce((sum, c) => sum + dbHits(c), 0);

const addressing: RelationSpec = { types: ['ADDRESSES'], direction: 'in', labels: ['Project'] };
const members: RelationSpec = { types: ['MEMBER_OF'], direction: 'in', labels: null };
const byId: RelationShape = { ...PLAIN_SHAPE, orderBy: 'ID' };

describe('relationship pages read the stored page key', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it.each([
    ['a default-ordered page', members, PLAIN_SHAPE],
    ['a page by id with a far-end label', addressing, byId],
  ])('plans %s as a relationship index seek in order, with no sort', async (_name, spec, shape) => {
    const summary = await db.explain(
      relationPageStatement(spec, shape),
      { ids: ['org:cbss'], after: '', limit: neo4j.int(21) },
      { operation: 'test.explain' },
    );
    const ops = operators(summary.plan as unknown as PlanNode);
    expect(ops).toContain('DirectedRelationshipIndexSeekByRange');
    expect(ops.filter((o) => SORTS.includes(o) || o.startsWith('Expand'))).toEqual([
      // The total of a label-filtered field counts the label: an expand, never a sort.
      ...(spec.labels ? ['Expand(All)'] : []),
    ]);
  });

  it('reads totalCount without a filter as the degree, not an expand', async () => {
    const request = SCENARIOS.find((s) => s.name === 'state-pursues-totals')!.ours({});
    const [sent] = compiledStatements(buildSchema(), request.query!, request.variables);
    const summary = await db.explain(sent!.cypher, sent!.params, { operation: 'test.explain' });
    const ops = operators(summary.plan as unknown as PlanNode);
    expect(ops.filter((o) => SORTS.includes(o) || o.startsWith('Expand'))).toEqual([]);
    expect(JSON.stringify(summary.plan)).toContain('getDegree');
  });

  /** Every page of a parent through the compiled statement, in the caller's transaction. */
  async function pages(
    tx: ManagedTransaction,
    spec: RelationSpec,
    shape: RelationShape,
    id: string,
    first: number,
  ) {
    const statement = relationPageStatement(spec, shape);
    const keys: string[] = [];
    const projects: string[] = [];
    let after = '';
    let total = -1;
    for (;;) {
      const res = await tx.run(statement, { ids: [id], after, limit: neo4j.int(first + 1) });
      const row = res.records[0]!;
      const page = row.get('page') as { key: string; node: { id: string } }[];
      total = neo4j.integer.toNumber(row.get('total') as number);
      for (const r of page.slice(0, first)) {
        keys.push(r.key);
        projects.push(r.node.id);
      }
      if (page.length <= first) break;
      after = page[first - 1]!.key;
    }
    return { keys, projects, total };
  }

  it('pages through a parent with 1,200 relationships: each once, in the order of the computed key, in both stored orders', async () => {
    const hub = 'priority:test-many-pages';
    const count = 1_200;
    await inRolledBackTransaction('test.many-pages', async (tx) => {
      await tx.run(
        `CREATE (p:Entity:Priority {id: $hub, name: 'Many pages', origin: 'test'})
         SET p.sortKey = toLower(p.name) + '\\u0001' + p.id
         WITH p UNWIND range(1, $count) AS i
         CREATE (m:Entity:Project {id: 'project:test-page-' + toString(i), origin: 'test',
                 name: 'Page project ' + toString(i % 97),
                 startDate: CASE WHEN i % 3 = 0 THEN null ELSE date('2001-01-01') + duration({days: i % 200}) END})
         SET m.sortKey = toLower(m.name) + '\\u0001' + m.id
         CREATE (m)-[:ADDRESSES {origin: 'test', seedKey: 'ADDRESSES|' + m.id + '|' + $hub + '|',
                 order: CASE WHEN i % 5 = 0 THEN i % 7 ELSE null END}]->(p)`,
        { hub, count: neo4j.int(count) },
      );
      // What the loader runs after writing relationships.
      const rekeyed = await tx.run(pageKeysStatement());
      // (At least: relationships other tests commit meanwhile without keys are keyed too.)
      expect(
        neo4j.integer.toNumber(rekeyed.records[0]!.get('rekeyed') as number),
      ).toBeGreaterThanOrEqual(count);
      for (const shape of [PLAIN_SHAPE, byId]) {
        const expected = await tx.run(
          `MATCH (p:Entity {id: $hub})<-[r:ADDRESSES]-(m)
           RETURN ${expression(keyExpression(shape.orderBy, { p: 'p', r: 'r', m: 'm', param: '' }))} AS key
           ORDER BY key`,
          { hub },
        );
        const want = expected.records.map((r) => r.get('key') as string);
        const got = await pages(tx, addressing, shape, hub, 20);
        expect(got.total).toBe(count);
        expect(new Set(got.projects).size).toBe(count);
        // The cursors are the computed keys: cursors handed out before stay valid.
        expect(got.keys).toEqual(want);
      }
      // Without a far-end label filter, the total is the degree.
      const plain = await pages(tx, { ...addressing, labels: null }, PLAIN_SHAPE, hub, 100);
      expect(plain.total).toBe(count);
      expect(plain.keys).toHaveLength(count);
      // The deep-page scenario's statement as the API sends it (the page is a
      // COLLECT subquery of the lookup, which EXPLAIN does not break down):
      // page 50 of 20 costs its own rows, not the parent's 1,200.
      const request = SCENARIOS.find((s) => s.name === 'deep-page-50')!.ours({ after: null });
      const [sent] = compiledStatements(buildSchema(), request.query!, request.variables);
      const byIdKeys = await pages(tx, addressing, byId, hub, 20);
      // The page's parameters, named by the planner after the field.
      const param = (suffix: string) =>
        Object.keys(sent!.params).find((k) => k.endsWith(`_${suffix}`))!;
      const profiled = await tx.run(`PROFILE ${sent!.cypher}`, {
        ...sent!.params,
        id: hub,
        [param('after')]: byIdKeys.keys[49 * 20 - 1],
        [param('first')]: neo4j.int(20),
        [param('limit')]: neo4j.int(21),
      });
      const value = profiled.records[0]!.get('value') as {
        addressingProjects: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean };
        };
      };
      expect(value.addressingProjects.edges.map((e) => e.node.id)).toEqual(
        byIdKeys.projects.slice(49 * 20, 49 * 20 + 20),
      );
      expect(value.addressingProjects.pageInfo.hasNextPage).toBe(true);
      expect(dbHits(profiled.summary.profile as unknown as Profiled)).toBeLessThan(200);
    });
  });

  it('a renamed entity moves in its neighbours’ pages: the keys of its relationships are rewritten (O(degree))', async () => {
    await inRolledBackTransaction('test.rename', async (tx) => {
      const degree = await tx.run(
        "MATCH (n:Entity {id: 'org:cbss'}) RETURN COUNT { (n)--() } AS d",
      );
      await tx.run(
        "MATCH (n:Entity {id: 'org:cbss'}) SET n.name = 'Renamed council', n.sortKey = 'renamed council' + '\\u0001' + n.id",
      );
      const rekeyed = await tx.run(pageKeysStatement());
      expect(
        neo4j.integer.toNumber(rekeyed.records[0]!.get('rekeyed') as number),
      ).toBeGreaterThanOrEqual(neo4j.integer.toNumber(degree.records[0]!.get('d') as number));
      const stale = await tx.run(
        `MATCH (a:Entity)-[r]->(b:Entity)
         WHERE a.id = 'org:cbss' OR b.id = 'org:cbss'
         WITH r, ${pageKeyMap('a', 'r', 'b')} AS keys
         WHERE any(k IN $keys WHERE r[k] IS NULL OR r[k] <> keys[k])
         RETURN count(*) AS stale`,
        { keys: PAGE_KEY_PROPERTIES },
      );
      expect(neo4j.integer.toNumber(stale.records[0]!.get('stale') as number)).toBe(0);
      const renamed = await tx.run(
        "MATCH (:Entity {id: 'org:cbss'})<-[r:MEMBER_OF]-() RETURN r.pageOut AS k LIMIT 1",
      );
      expect(renamed.records[0]!.get('k')).toContain('renamed council\u0001org:cbss');
    });
  });

  it('finds every relationship of the loaded seed with its stored keys current', async () => {
    const [row] = await db.read<{ stale: number; total: number }>(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE r.origin IN ['seed', 'derived']
       WITH r, ${pageKeyMap('a', 'r', 'b')} AS keys
       RETURN count(CASE WHEN any(k IN $keys WHERE r[k] IS NULL OR r[k] <> keys[k]) THEN 1 END) AS stale,
              count(*) AS total`,
      { keys: [...PAGE_KEY_PROPERTIES] },
      { operation: 'test.stale-keys' },
    );
    expect(row!.total).toBeGreaterThan(500);
    expect(row!.stale).toBe(0);
  });
});
