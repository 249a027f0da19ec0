import { graphChecksum } from '../../src/seed/load';
import { countsWithoutTestData, testDatabase } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/http';

const TOKEN = 'analyst-test-token-0123456789';

describe('ad-hoc read-only Cypher for analysts', () => {
  const db = testDatabase();
  let t: TestApp;
  let off: TestApp;
  const post = (app: TestApp, body: unknown, token: string | null = TOKEN) =>
    fetch(`${app.base}/cypher`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    t = await startTestApp(db, { analystToken: TOKEN });
    off = await startTestApp(db);
    // The worker compiles the TypeScript sources on its first start: not part of a request's budget.
    await db.isolated().warm();
  });
  afterAll(async () => {
    await t.app.stop();
    await off.app.stop();
    await db.close();
  });

  it('runs a read-only query with parameters', async () => {
    const res = await post(t, {
      query: 'MATCH (s:State {isoCode: $iso}) RETURN s.name AS name, s.id AS id',
      params: { iso: 'LT' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      columns: ['name', 'id'],
      rows: [{ name: 'Lithuania', id: 'state:LT' }],
      truncated: false,
      rowCap: 50,
      byteCap: 5_000_000,
    });
  });

  it('allows read-only procedures and functions on the allowlist', async () => {
    const res = await post(t, {
      query:
        "CALL db.labels() YIELD label WITH collect(label) AS labels RETURN apoc.coll.contains(labels, 'State') AS hasStates, apoc.text.join(['a', 'b'], ',') AS joined",
    });
    expect(await res.json()).toMatchObject({ rows: [{ hasStates: true, joined: 'a,b' }] });
  });

  it('is off without a configured token, and refuses a missing or wrong token', async () => {
    const offRes = await post(off, { query: 'RETURN 1' });
    expect(offRes.status).toBe(404);
    expect(await offRes.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    for (const token of [null, 'wrong-token-wrong-token-wrong', `${TOKEN}x`]) {
      const res = await post(t, { query: 'RETURN 1' }, token);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  const corpus: [string, string][] = [
    ['CREATE', "CREATE (:Entity {id: 'hack:1'})"],
    ['MERGE', "MERGE (:Entity {id: 'hack:2'})"],
    ['SET', "MATCH (s:State {isoCode: 'LT'}) SET s.name = 'hacked'"],
    ['SET labels', "MATCH (s:State {isoCode: 'LT'}) SET s:Hacked"],
    ['DELETE', "MATCH (s:Source {id: 'source:S1'}) DELETE s"],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
    ['REMOVE', "MATCH (s:State {isoCode: 'LT'}) REMOVE s.name"],
    ['relationship DELETE', 'MATCH ()-[r:PURSUES]->() DELETE r'],
    ['FOREACH write', "FOREACH (x IN [1] | CREATE (:Entity {id: 'hack:3'}))"],
    [
      'write in a subquery',
      "MATCH (s:State {isoCode: 'LT'}) CALL (s) { SET s.name = 'hacked' } RETURN 1",
    ],
    [
      'write in a nested subquery',
      "CALL () { CALL () { CREATE (:Entity {id: 'hack:4'}) } } RETURN 1",
    ],
    ['write after a read', 'MATCH (s:State) WITH s LIMIT 1 CREATE (s)-[:HACKED]->(s) RETURN 1'],
    ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    [
      'CALL IN TRANSACTIONS',
      'MATCH (n:Source) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1',
    ],
    [
      'LOAD CSV over HTTP',
      "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row",
    ],
    ['apoc.load.json', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"],
    ['apoc.export', 'CALL apoc.export.csv.all("dump.csv", {})'],
    [
      'apoc.create.node',
      "CALL apoc.create.node(['Entity'], {id: 'hack:5'}) YIELD node RETURN node",
    ],
    [
      'apoc.periodic.iterate',
      "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    ],
    ['apoc.cypher.runWrite', 'CALL apoc.cypher.runWrite(\'CREATE (:Entity {id: "hack:6"})\', {})'],
    [
      'apoc.cypher function',
      "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) DETACH DELETE n RETURN 1', {}) AS x",
    ],
    [
      'backticked procedure',
      "CALL `apoc`.`load`.`json`('file:///etc/passwd') YIELD value RETURN value",
    ],
    ['CREATE INDEX', 'CREATE INDEX hack_idx IF NOT EXISTS FOR (n:Entity) ON (n.hack)'],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id'],
    ['CREATE USER', "CREATE USER hacker SET PASSWORD 'hackhackhack' CHANGE NOT REQUIRED"],
    ['SHOW USERS', 'SHOW USERS'],
    ['USE system', 'USE system SHOW DATABASES'],
    ['ALTER USER', "ALTER USER neo4j SET PASSWORD 'hackhackhack'"],
    ['dbms procedure', "CALL dbms.setConfigValue('db.logs.query.enabled', 'INFO')"],
    ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
    ['db.create procedure', "CALL db.createLabel('Hacked')"],
    ['multiple statements', "RETURN 1; CREATE (:Entity {id: 'hack:7'})"],
  ];

  it(`rejects a corpus of ${corpus.length} writes and admin commands with a typed error and no change to the graph`, async () => {
    const before = { counts: await countsWithoutTestData(db), checksum: await graphChecksum(db) };
    const outcomes: string[] = [];
    for (const [what, query] of corpus) {
      const res = await post(t, { query });
      const body = (await res.json()) as { error?: { code: string } };
      outcomes.push(`${what}: ${res.status} ${body.error?.code ?? 'ACCEPTED'}`);
    }
    for (const o of outcomes) expect(o).toMatch(/: (403 FORBIDDEN|400 BAD_INPUT)$/);
    expect(await countsWithoutTestData(db)).toEqual(before.counts);
    expect(await graphChecksum(db)).toBe(before.checksum);
    const [hacked] = await db.read<{ n: number }>(
      "MATCH (n) WHERE n.id STARTS WITH 'hack:' OR n:Hacked OR n.name = 'hacked' RETURN count(n) AS n",
      {},
      { operation: 'test.check' },
    );
    expect(hacked?.n).toBe(0);
  });

  it.each([
    [
      'LOAD CSV after a string holding //',
      "WITH '//' AS c LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS l RETURN l",
    ],
    [
      'LOAD CSV after a string holding a quote',
      `WITH "it's" AS c LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`,
    ],
    [
      'a procedure after a block comment holding a quote',
      "/* it's */ CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
    ],
    ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
    ['SHOW SETTINGS', 'SHOW SETTINGS'],
  ])('refuses %s with 403 FORBIDDEN', async (_what, query) => {
    const res = await post(t, { query });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('stops an endless query at its one deadline with TIMEOUT, then serves the next query', async () => {
    const started = Date.now();
    const res = await post(t, {
      query: 'UNWIND range(1, 3000000000) AS i WITH i WHERE i < 0 RETURN count(i) AS n',
    });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'TIMEOUT' } });
    // One deadline (2 s here) covers plan check and run together; before, each had its own plus a grace.
    expect(Date.now() - started).toBeLessThan(2_000 + 1_500);
    const next = await post(t, { query: 'RETURN 1 AS one' });
    expect(await next.json()).toMatchObject({ rows: [{ one: 1 }] });
  });

  it('truncates at the row cap and says so', async () => {
    const res = await post(t, { query: 'UNWIND range(1, 10000) AS i RETURN i' });
    const body = (await res.json()) as { rows: unknown[]; truncated: boolean; rowCap: number };
    expect(body.rows).toHaveLength(50);
    expect(body).toMatchObject({ truncated: true, rowCap: 50 });
  });

  it('answers malformed requests and syntax errors with BAD_INPUT', async () => {
    for (const body of [
      {},
      { query: '' },
      { query: 'RETURN 1', params: [1] },
      { query: 'MATCH (n RETURN n' },
    ]) {
      const res = await post(t, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    }
  });
});
