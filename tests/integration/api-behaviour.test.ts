/**
 * @writes-shared-graph: adds organisations for a moment to page through them, so it runs
 * while no other test file reads the graph (tests/setup/graph-lock.ts).
 */
import { testDatabase } from '../helpers/db';
import { startTestApp, useTestApp, type TestApp } from '../helpers/http';
import { graphChecksum, graphCounts } from '../../src/seed/load';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('API behaviour on the real Neo4j', () => {
  const env = useTestApp();
  const db = env.db;

  describe('keyset pagination', () => {
    const added = ['org:test-aaa-paging', 'org:test-zzz-paging'];
    afterAll(async () => {
      await db.write(
        'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n',
        { ids: added },
        { operation: 'test.cleanup' },
      );
    });

    it('walks a list with stable cursors: an insert during paging skips and repeats nothing', async () => {
      const page = async (after: string | null) => {
        const { body } = await env.t.graphql(
          'query($after: String) { organisations(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
          { after },
        );
        expect(body.errors).toBeUndefined();
        return (body.data as Any).organisations;
      };
      const before = await page(null);
      const all: string[] = [];
      let current = before;
      let pages = 0;
      for (;;) {
        all.push(...current.edges.map((e: Any) => e.node.id));
        if (pages === 1) {
          // Insert one entity before the cursor and one after it, mid-walk.
          await db.write(
            // Every writer of entities sets the stored sortKey (see docs/model.md).
            `UNWIND $rows AS row CREATE (n:Entity:Organisation) SET n = row
             SET n.sortKey = toLower(n.name) + '\\u0001' + n.id`,
            {
              rows: [
                {
                  id: added[0],
                  name: 'AAA paging test',
                  kind: 'other',
                  origin: 'test',
                  sourceIds: ['source:S1'],
                  sourceQuotes: [''],
                },
                {
                  id: added[1],
                  name: 'ZZZ paging test',
                  kind: 'other',
                  origin: 'test',
                  sourceIds: ['source:S1'],
                  sourceQuotes: [''],
                },
              ],
            },
            { operation: 'test.insert' },
          );
        }
        pages += 1;
        if (!current.pageInfo.hasNextPage) break;
        current = await page(current.pageInfo.endCursor);
      }
      expect(new Set(all).size).toBe(all.length); // nothing repeated
      expect(all).not.toContain(added[0]); // inserted before the cursor: not seen, nothing shifted
      expect(all).toContain(added[1]); // inserted after the cursor: seen once
      expect(all.length).toBe(before.totalCount + 1);
    });

    it('caps first at 100, defaults it to 20, and refuses a forged cursor', async () => {
      const { body } = await env.t.graphql(
        '{ sources(first: 1000) { edges { node { id } } } d: sources { edges { node { id } } } }',
      );
      expect(((body.data as Any).sources.edges as Any[]).length).toBe(100);
      expect(((body.data as Any).d.edges as Any[]).length).toBe(20);
      const forged = await env.t.graphql(
        '{ sources(after: "bm90LWEtY3Vyc29y") { edges { node { id } } } }',
      );
      expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    });

    it('pages a relationship field the same way', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let reachedEnd = false;
      for (let i = 0; i < 20; i++) {
        const { body } = await env.t.graphql(
          'query($after: String) { node(id: "org:cbss") { ... on Organisation { members(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }',
          { after },
        );
        const members = (body.data as Any).node.members;
        seen.push(...members.edges.map((e: Any) => e.node.id));
        if (!members.pageInfo.hasNextPage) {
          expect(seen.length).toBe(members.totalCount);
          reachedEnd = true;
          break;
        }
        after = members.pageInfo.endCursor;
      }
      expect(reachedEnd).toBe(true);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThan(10);
    });
  });

  describe('a fact missing a required property', () => {
    const id = 'org:test-nameless';
    afterAll(async () => {
      await db.write(
        'MATCH (n:Entity {id: $id}) DETACH DELETE n',
        { id },
        { operation: 'test.cleanup' },
      );
    });

    it('is an error at its field with the null carried up to the nearest nullable field, as graphql-js carries it, not a null the schema forbids', async () => {
      // An organisation without a name (Organisation.name is String!), as a
      // hand edit in Neo4j Browser could leave it.
      await db.write(
        `CREATE (n:Entity:Organisation {id: $id, kind: 'other', origin: 'test',
           sourceIds: ['source:S1'], sourceQuotes: [''], sortKey: '\\u0001' + $id})`,
        { id },
        { operation: 'test.insert' },
      );
      const { body } = await env.t.graphql(
        'query($id: ID!) { node(id: $id) { id ... on Organisation { name kind } } }',
        { id },
      );
      expect(body.data).toEqual({ node: null });
      expect(body.errors).toHaveLength(1);
      expect((body.errors![0] as { path?: unknown }).path).toEqual(['node', 'name']);
    });
  });

  describe('batching', () => {
    it('answers source ids from the fact itself, and more than the id of each source in the same statement', async () => {
      const ids = await env.t.graphql('{ state(isoCode: "LT") { sources { source { id } } } }');
      expect(ids.body.errors).toBeUndefined();
      expect(((ids.body.data as Any).state.sources as Any[]).length).toBeGreaterThan(0);
      expect(ids.body.extensions?.roundTrips).toBe(1);
      const titles = await env.t.graphql(
        '{ state(isoCode: "LT") { sources { source { id title } } } }',
      );
      expect(((titles.body.data as Any).state.sources as Any[])[0]?.source.title).toEqual(
        expect.any(String),
      );
      expect(titles.body.extensions?.roundTrips).toBe(1);
    });

    it('needs one statement for a list and everything under it, for all states as for one', async () => {
      const nested = (first: number) => `{
        states(first: ${first}) { edges { node { name
          presidencies(first: 3) { edges { node { term declaredPriorities(first: 5) { edges { node { name } } } } } }
          pursues(first: 30) { edges { node { name mandate { node { name } } } } }
          mayPursue(first: 30) { edges { node { name } } }
        } } } }`;
      const one = await env.t.graphql(nested(1));
      const all = await env.t.graphql(nested(11));
      expect(one.body.errors).toBeUndefined();
      expect(all.body.errors).toBeUndefined();
      const rows = ((all.body.data as Any).states.edges as Any[]).flatMap((e) => [
        ...e.node.pursues.edges,
        ...e.node.mayPursue.edges,
      ]);
      // Every PURSUES and MAY_PURSUE link of the seed (33, from 9 of the 11 states) comes back.
      expect(rows.length).toBeGreaterThanOrEqual(30);
      // 5 levels of relationships (presidencies, declaredPriorities, pursues,
      // mandate) and a sibling list compile into the list's own statement.
      expect(all.body.extensions?.roundTrips).toBe(1);
      expect(all.body.extensions?.roundTrips).toBe(one.body.extensions?.roundTrips);
    });
  });

  describe('limits, enforced before anything reaches Neo4j', () => {
    let offline: TestApp;
    const closedDb = testDatabase({
      uri: 'bolt://127.0.0.1:1',
      maxRetryMs: 0,
      connectTimeoutMs: 500,
    });
    beforeAll(async () => {
      offline = await startTestApp(closedDb, {
        limits: { maxDepth: 8, maxAliases: 3, maxTokens: 200, maxCost: 500 },
      });
    });
    afterAll(async () => {
      await offline.app.stop();
      await closedDb.close();
    });

    it.each([
      [
        'too deep',
        '{ states { edges { node { presidencies { edges { node { state { node { presidencies { edges { node { name } } } } } } } } } } } }',
        /depth limit of 8/,
      ],
      [
        'too many aliases',
        '{ a: counts { labels { label } } b: counts { labels { label } } c: counts { labels { label } } d: counts { labels { label } } }',
        /Aliases limit of 3/,
      ],
      [
        'too costly',
        '{ states(first: 100) { edges { node { pursues(first: 100) { edges { node { name } } } } } } }',
        /cost \d+ exceeds the limit of 500/,
      ],
      [
        'too many tokens',
        `{ ${Array.from({ length: 120 }, (_, i) => `f${i}: __typename`).join(' ')} }`,
        /more th(?:an|at) 200 tokens/,
      ],
    ])(
      'rejects a query that is %s with TOO_COMPLEX, without touching the database',
      async (_what, query, message) => {
        // The database behind this server is unreachable: reaching it would answer DATABASE_UNAVAILABLE.
        const { body } = await offline.graphql(query);
        expect(body.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
        expect(body.errors?.[0]?.message).toMatch(message);
        expect(body.extensions?.roundTrips ?? 0).toBe(0);
      },
    );

    it('reports the cost of an accepted request', async () => {
      const { body } = await env.t.graphql('{ states(first: 5) { edges { node { name } } } }');
      expect(body.extensions?.cost).toEqual({ requested: expect.any(Number), limit: 20000 });
    });
  });

  describe('hostile input', () => {
    it('only ever sends user strings as parameters: injection attempts change nothing', async () => {
      const before = { counts: await graphCounts(db), checksum: await graphChecksum(db) };
      const hostile = [
        "x' }) MATCH (n) DETACH DELETE n //",
        '"}) DETACH DELETE n RETURN 1 //',
        '*) OR 1=1; MATCH (n) DELETE n',
        'barnahus" OR "1"="1',
        '\\u0027; CALL dbms.security.createUser("x","y",false) //',
      ];
      for (const text of hostile) {
        const v = { text };
        const responses = await Promise.all([
          env.t.graphql('query($text: String!) { search(text: $text) { node { id } } }', v),
          env.t.graphql(
            'query($text: String!) { state(isoCode: $text) { id } project(acronym: $text) { id } node(id: $text) { id } }',
            v,
          ),
          env.t.graphql(
            'query($text: String!) { organisations(filter: { text: $text, kind: $text }) { totalCount } }',
            v,
          ),
          env.t.graphql(
            'query($text: String!) { node(id: "org:cbss") { ... on Organisation { members(text: $text) { totalCount } } } }',
            v,
          ),
        ]);
        for (const r of responses) {
          // An acronym no project has is NOT_FOUND (naming the closest projects).
          for (const e of r.body.errors ?? [])
            expect(['BAD_INPUT', 'NOT_FOUND']).toContain(e.extensions?.code);
        }
        // The hostile text was searched for like any other text.
        expect(responses[0]!.body.data?.search).toEqual(expect.any(Array));
      }
      expect(await graphCounts(db)).toEqual(before.counts);
      expect(await graphChecksum(db)).toBe(before.checksum);
    });

    it('gives bad arguments the BAD_INPUT code', async () => {
      const cases = [
        '{ timeline(from: "2020-13-01") { date } }',
        '{ path(from: "state:LT", to: "state:LV", maxHops: 99) { length } }',
        '{ search(text: "   ") { score } }',
        '{ search(text: "x", labels: [PLANET]) { score } }',
        '{ state { id } }',
      ];
      for (const q of cases) {
        const { body } = await env.t.graphql(q);
        expect([q, body.errors?.[0]?.extensions?.code]).toEqual([q, 'BAD_INPUT']);
      }
    });

    it('answers NOT_FOUND for paths to unknown entities and null for unknown lookups', async () => {
      const { body } = await env.t.graphql('{ path(from: "state:LT", to: "state:XX") { length } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const lookup = await env.t.graphql(
        '{ state(isoCode: "XX") { id } node(id: "nothing:here") { id } }',
      );
      expect(lookup.body).toMatchObject({ data: { state: null, node: null } });
    });
  });

  describe('a way in', () => {
    it('serves a GraphQL IDE from the project itself to browsers', async () => {
      const page = await fetch(`${env.t.base}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('GraphiQL');
      const scripts = [...html.matchAll(/(?:src|href)="(\/graphql\/ide\/[^"]+)"/g)].map(
        (m) => m[1]!,
      );
      // React, ReactDOM, GraphiQL and its stylesheet, and the page's own start script and style.
      expect(scripts.length).toBe(6);
      for (const s of scripts) {
        const asset = await fetch(`${env.t.base}${s}`);
        expect([s, asset.status]).toEqual([s, 200]);
      }
      expect(html).not.toMatch(/https?:\/\/(?!127|localhost)/);
    });
  });
});
