/**
 * @writes-shared-graph: adds dense test nodes for a moment to price pages by degree, so it runs
 * while no other test file reads the graph (tests/setup/graph-lock.ts).
 */
import { ListBoundsReader, degreeKey } from '../../src/graphql/limits/list-bounds';
import { testDatabase, uniqueLabel } from '../helpers/db';
import { useTestApp } from '../helpers/http';
import { HUGE_NESTED_QUERY, NATURAL_QUERIES } from '../helpers/natural-queries';

const ready = { seedChecked: true };

describe('list bounds read from the graph', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it('reads entities per label and the largest degree per relationship type and direction', async () => {
    const bounds = (await new ListBoundsReader(db, ready, 0).get())!;
    expect(bounds).toBeDefined();
    const [truth] = await db.read<{ mandates: number; priorities: number; members: number }>(
      `MATCH (m:Mandate) WITH count(m) AS mandates
       MATCH (m:Mandate) WITH mandates, max(COUNT { (m)-[:HAS_PRIORITY]->() }) AS priorities
       MATCH (o:Entity) RETURN mandates, priorities, max(COUNT { (o)<-[:MEMBER_OF]-() }) AS members`,
      {},
      { operation: 'test.truth' },
    );
    expect(bounds.labels.get('Mandate')).toBe(truth!.mandates);
    expect(bounds.degrees.get(degreeKey('HAS_PRIORITY', 'out'))).toBe(truth!.priorities);
    expect(bounds.degrees.get(degreeKey('MEMBER_OF', 'in'))).toBe(truth!.members);
    expect(bounds.degrees.get('*')).toBeGreaterThanOrEqual(truth!.members);
  });

  it('follows the data: relationships added to the graph raise the bound', async () => {
    const label = uniqueLabel();
    const type = `${label.toUpperCase()}_LINK`;
    const reader = new ListBoundsReader(db, ready, 0);
    try {
      await db.write(
        `CREATE (a:Entity:${label} {id: $id, origin: 'test'})
         WITH a UNWIND range(1, 7) AS i
         CREATE (a)-[:${type} {origin: 'test'}]->(:Entity:${label} {id: $id + ':' + i, origin: 'test'})`,
        { id: `${label}:hub` },
        { operation: 'test.grow' },
      );
      const bounds = (await reader.get())!;
      expect(bounds.degrees.get(degreeKey(type, 'out'))).toBe(7);
      expect(bounds.degrees.get(degreeKey(type, 'in'))).toBe(1);
      expect(bounds.labels.get(label)).toBe(8);
    } finally {
      await db.write(`MATCH (n:${label}) DETACH DELETE n`, {}, { operation: 'test.cleanup' });
    }
  });

  it('gives no bounds when the database cannot be read (lists are then priced at their pages)', async () => {
    const closed = testDatabase({
      uri: 'bolt://127.0.0.1:1',
      maxRetryMs: 0,
      connectTimeoutMs: 500,
    });
    try {
      expect(await new ListBoundsReader(closed, ready, 0).get()).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});

describe('cost limit on nested questions, on the seed', () => {
  const env = useTestApp();

  it.each(Object.entries(NATURAL_QUERIES))(
    'answers "%s" within the cost limit',
    async (_name, query) => {
      const { status, body } = await env.t.graphql(query);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      const cost = body.extensions?.cost as { requested: number; limit: number };
      expect(cost.requested).toBeLessThanOrEqual(cost.limit);
      const [list] = Object.values(body.data!) as { edges: unknown[] }[];
      expect(list!.edges.length).toBeGreaterThan(0);
    },
  );

  it('still refuses a deliberately huge nested query with TOO_COMPLEX', async () => {
    const { status, body } = await env.t.graphql(HUGE_NESTED_QUERY);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/exceeds the limit of 20000/);
    expect(body.data).toBeUndefined();
  });
});
