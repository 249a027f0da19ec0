import { parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { createContext } from '../../src/graphql/request/context';
import { DEFAULT_CACHE_BOUNDS, type GraphQLCacheReport } from '../../src/graphql/caches';
import { buildSchema } from '../../src/graphql/schema';
import { silentLogger, testDatabase } from '../helpers/db';
import { startTestApp, useTestApp } from '../helpers/http';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const metrics = async (base: string) => {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { graphql: GraphQLCacheReport }).graphql;
};

const post = async (base: string, body: Record<string, unknown>) => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Any };
};

describe('GraphQL execution is bounded on the real Neo4j', () => {
  const env = useTestApp();

  it('plans the document that exhausted the heap in graphql-jit, and keeps serving', async () => {
    const before = (await metrics(env.t.base)).executions;
    const { status, body } = await post(env.t.base, {
      query:
        '{ nodes(ids: ["state:LT"]) { relationships(first: 3) { edges { node { sources { source { sources { source { citedBy(first: 2) { totalCount } } } } } } } } } }',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes[0].relationships.edges).toHaveLength(3);
    expect((await metrics(env.t.base)).executions).toEqual({
      ...before,
      planned: before.planned + 1,
    });
    const health = await fetch(`${env.t.base}/healthz`);
    expect(health.status).toBe(200);
  });

  it('keeps every per-document cache at its bound after 3,000 distinct documents', async () => {
    const total = 3_000;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const i = (next += 1);
        // Half planned (a root __typename), half left to graphql-jit (introspection).
        if (i % 2 === 0) {
          const { body } = await post(env.t.base, { query: `{ a${i}: __typename }` });
          expect(body.data).toEqual({ [`a${i}`]: 'Query' });
        } else {
          const { body } = await post(env.t.base, {
            query: `{ a${i}: __schema { queryType { name } } }`,
          });
          expect(body.data).toEqual({ [`a${i}`]: { queryType: { name: 'Query' } } });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const { caches } = await metrics(env.t.base);
    expect(caches.documents!.entries).toBe(DEFAULT_CACHE_BOUNDS.documents.maxEntries);
    expect(caches.compiledQueries!.entries).toBe(DEFAULT_CACHE_BOUNDS.compiled.maxEntries);
    expect(caches.costs!.entries).toBe(DEFAULT_CACHE_BOUNDS.costs.maxEntries);
    expect(caches.plans!.entries).toBe(DEFAULT_CACHE_BOUNDS.plans.maxEntries);
    for (const figures of Object.values(caches)) {
      expect(figures.entries).toBeLessThanOrEqual(figures.maxEntries);
      expect(figures.bytes).toBeLessThanOrEqual(figures.maxBytes);
    }
    expect(caches.documents!.evictions).toBeGreaterThanOrEqual(
      total - caches.documents!.maxEntries,
    );
  });

  it('answers an operationName the document lacks with 400 and a client code', async () => {
    const { status, body } = await post(env.t.base, {
      query: 'query A { __typename }',
      operationName: 'B',
    });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_INPUT');
  });

  it("refuses an empty relationship type filter as the client's error", async () => {
    const { status, body } = await post(env.t.base, {
      query:
        'query($types: [RelationshipType!]) { node(id: "state:LT") { relationships(filter: { types: $types }) { totalCount } } }',
      variables: { types: [] },
    });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('BAD_INPUT');
    expect(body.errors[0].message).toMatch(/filter\.types/);
  });
});

describe('graphql-jit is bounded for what the planner leaves to it', () => {
  // The planner builds these documents; without it they reach graphql-jit,
  // as any document the planner does not build does.
  const env = useTestApp({ plannedExecution: false });

  it('answers the document that exhausted the heap in graphql-jit, uncompiled, and keeps serving', async () => {
    const before = (await metrics(env.t.base)).uncompiledOverBudget;
    const { status, body } = await post(env.t.base, {
      query:
        '{ nodes(ids: []) { relationships { edges { node { sources { source { sources { source { citedBy { totalCount } } } } } } } } } }',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { nodes: [] } });
    expect((await metrics(env.t.base)).uncompiledOverBudget).toBe(before + 1);
    const health = await fetch(`${env.t.base}/healthz`);
    expect(health.status).toBe(200);
  });

  it('answers the same nesting over a real entity through graphql-js, as its cost allows', async () => {
    const { status, body } = await post(env.t.base, {
      query:
        '{ nodes(ids: ["state:LT"]) { id relationships(first: 3, orderBy: ID) { edges { node { id sources { source { id sources { source { citedBy(first: 2) { totalCount } } } } } } } } } }',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes[0].id).toBe('state:LT');
    expect(body.data.nodes[0].relationships.edges).toHaveLength(3);
  });

  it('runs a document over the compile budget through graphql-js with the answer graphql-jit gives', async () => {
    const query =
      '{ node(id: "state:LT") { id relationships(first: 5, orderBy: ID) { totalCount edges { type direction node { id } } } } }';
    const before = (await metrics(env.t.base)).uncompiledOverBudget;
    const { body } = await post(env.t.base, { query });
    expect(body.errors).toBeUndefined();
    expect((await metrics(env.t.base)).uncompiledOverBudget).toBe(before + 1);
    expect(body.data.node.relationships.edges.length).toBe(5);

    // The same document compiled by graphql-jit, run on the same schema and database.
    const compiled = compileQuery(buildSchema(), parse(query));
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit did not compile the document');
    const db = testDatabase();
    try {
      const result = await compiled.query(undefined, createContext(db, silentLogger, 'jit'), {});
      expect(result.errors).toBeUndefined();
      expect(body.data).toEqual(JSON.parse(JSON.stringify(result.data)));
    } finally {
      await db.close();
    }
  });
});

describe('GraphQL response size bound', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it('refuses a response above GRAPHQL_MAX_RESPONSE_BYTES with TOO_COMPLEX and no data', async () => {
    const t = await startTestApp(db, { limits: { maxResponseBytes: 4_096 } });
    try {
      const small = await post(t.base, {
        query: '{ sources(first: 1) { edges { node { id } } } }',
      });
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();

      const big = await post(t.base, {
        query: '{ sources(first: 100) { edges { node { id name title url } } } }',
      });
      expect(big.status).toBe(400);
      expect(big.body.data).toBeUndefined();
      expect(big.body.errors[0].extensions).toMatchObject({ code: 'TOO_COMPLEX', limit: 4_096 });
      expect(big.body.errors[0].message).toMatch(/GRAPHQL_MAX_RESPONSE_BYTES/);
      expect(big.text.length).toBeLessThan(4_096);
    } finally {
      await t.app.stop();
    }
  });
});
