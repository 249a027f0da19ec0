import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { BoundedCache } from '../../src/graphql/bounded-cache';
import { JIT_FIELD_BUDGET } from '../../src/graphql/jit';
import { jitFieldCount } from '../../src/graphql/limits/jit-budget';
import { COST_ESTIMATORS } from '../../src/graphql/limits';
import { buildSchema } from '../../src/graphql/schema';
import { envSchema } from '../../src/config/schema';
import { documentedQueries } from '../helpers/documented-queries';

const schema = buildSchema();
const DEFAULT_MAX_COST = envSchema.parse({}).GRAPHQL_MAX_COST;
/** The benchmark runs with its own cost limit (bench/run.ts). */
const BENCH_MAX_COST = 1_000_000;

const costOf = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: COST_ESTIMATORS });

/** The document that exhausted the heap inside graphql-jit's compilation. */
const KILLER =
  '{ nodes(ids: []) { relationships { edges { node { sources { source { sources { source { citedBy { totalCount } } } } } } } } } }';

describe('compile budget (fields graphql-jit would generate)', () => {
  it('puts the document that exhausted the heap far over the budget, and counts it in a bounded walk', () => {
    const started = process.hrtime.bigint();
    const count = jitFieldCount(schema, parse(KILLER), undefined, JIT_FIELD_BUDGET);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(count).toBe(JIT_FIELD_BUDGET + 1);
    // The walk stops at the budget: no exponential count.
    expect(ms).toBeLessThan(1_000);
    // Counted without a bound, it is tens of thousands of fields.
    expect(jitFieldCount(schema, parse(KILLER), undefined, 200_000)).toBeGreaterThan(100_000);
  });

  it('expands abstract types into their possible types and merges fields by response key', () => {
    const concrete = jitFieldCount(
      schema,
      parse('{ state(isoCode: "LT") { id name id } }'),
      undefined,
      1e6,
    );
    expect(concrete).toBe(3); // state, id, name
    const abstract = jitFieldCount(schema, parse('{ node(id: "x") { id } }'), undefined, 1e6);
    const possible = schema.getPossibleTypes(schema.getType('Node') as never).length;
    expect(abstract).toBe(1 + possible);
  });

  it('ends a walk of nested fragment spreads that select nothing', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const doc = parse(`{ ...F0 }\n${fragments}\nfragment F30 on Query { __typename }`);
    expect(jitFieldCount(schema, doc, undefined, 500)).toBeLessThanOrEqual(501);
  });

  it('keeps every documented and benchmarked query under the budget, so they all stay compiled', () => {
    const over = documentedQueries()
      .map((q) => ({
        name: q.name,
        fields: jitFieldCount(schema, parse(q.query), undefined, JIT_FIELD_BUDGET),
      }))
      .filter((q) => q.fields > JIT_FIELD_BUDGET);
    expect(over).toEqual([]);
  });
});

describe('cost model', () => {
  it('admits every documented query under the default GRAPHQL_MAX_COST and the benchmark under its own', () => {
    const refused = documentedQueries()
      .map((q) => ({ name: q.name, cost: costOf(q.query, q.variables) }))
      .filter((q) => q.cost > (q.name.startsWith('bench ') ? BENCH_MAX_COST : DEFAULT_MAX_COST));
    expect(refused).toEqual([]);
  });

  it('prices lists without a page size at an assumed size, so nesting them through pages is too complex', () => {
    const nested =
      '{ nodes(ids: ["source:S1"]) { sources { source { citedBy(first: 100) { edges { node { sources { source { citedBy(first: 100) { totalCount } } } } } } } } } }';
    expect(costOf(nested)).toBeGreaterThan(DEFAULT_MAX_COST);
    // One level of the same is fine.
    expect(
      costOf(
        '{ nodes(ids: ["source:S1"]) { sources { source { citedBy(first: 100) { totalCount } } } } }',
      ),
    ).toBeLessThan(DEFAULT_MAX_COST);
  });

  it("prices nodes(ids:) by the ids asked and a connection's edges once", () => {
    const one = costOf('{ nodes(ids: ["a"]) { sources { quote } } }');
    const three = costOf('{ nodes(ids: ["a", "b", "c"]) { sources { quote } } }');
    expect(three - 1).toBe(3 * (one - 1));
    // 1 + 20 x (edges 1 + node 1 + id 1): edges are not multiplied again.
    expect(costOf('{ sources { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });
});

describe('bounded cache', () => {
  it('holds at most its entries and bytes, evicting the least recently used', () => {
    const cache = new BoundedCache<string, string>(
      { maxEntries: 3, maxBytes: 100 },
      (v) => v.length,
    );
    for (let i = 0; i < 10; i += 1) cache.set(`k${i}`, 'x'.repeat(10));
    expect(cache.figures()).toMatchObject({ entries: 3, bytes: 30, evictions: 7 });
    cache.get('k7'); // now the most recently used
    cache.set('big', 'y'.repeat(80));
    expect(cache.has('k7')).toBe(true);
    expect(cache.figures().bytes).toBeLessThanOrEqual(100);
    expect(cache.figures().entries).toBeLessThanOrEqual(3);
  });
});
