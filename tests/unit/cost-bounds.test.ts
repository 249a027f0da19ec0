import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { costEstimators } from '../../src/graphql/limits';
import { degreeKey, listBoundsOf, type ListBounds } from '../../src/graphql/limits/list-bounds';
import { buildSchema } from '../../src/graphql/schema';
import { envSchema } from '../../src/config/schema';
import { NATURAL_QUERIES, HUGE_NESTED_QUERY } from '../helpers/natural-queries';

const schema = buildSchema();
const MAX_COST = envSchema.parse({}).GRAPHQL_MAX_COST;

const costOf = (query: string, bounds?: ListBounds) =>
  getComplexity({ schema, query: parse(query), variables: {}, estimators: costEstimators(bounds) });

/** Bounds as the graph would report them: entities per label, degrees per type and direction. */
function bounds(labels: Record<string, number>, degrees: Record<string, number>): ListBounds {
  return listBoundsOf([
    ...Object.entries(labels).map(([name, bound]) => ({ kind: 'label', name, bound })),
    ...Object.entries(degrees).map(([name, bound]) => ({ kind: 'degree', name, bound })),
  ]);
}

/** About the seed: 4 mandates, at most 10 priorities per mandate, 150 organisations. */
const SEED_LIKE = bounds(
  { Mandate: 4, Organisation: 150, Priority: 24, State: 11 },
  {
    [degreeKey('HAS_PRIORITY', 'out')]: 10,
    [degreeKey('MEMBER_OF', 'in')]: 30,
    [degreeKey('PARTNER_IN', 'out')]: 12,
    '*': 120,
  },
);

describe('cost model bounded by what the graph holds', () => {
  it.each(Object.entries(NATURAL_QUERIES))(
    'prices the natural query "%s" by what the graph can return, under the limit',
    (_name, query) => {
      // Priced at page sizes alone it is over the limit (as before list bounds) ...
      expect(costOf(query)).toBeGreaterThan(MAX_COST);
      // ... and at what a graph like the seed can return, well under it.
      expect(costOf(query, SEED_LIKE)).toBeLessThan(MAX_COST);
    },
  );

  it('prices a list at its page when the graph holds more than the page', () => {
    const query = '{ mandates(first: 3) { edges { node { id } } } }';
    expect(costOf(query, SEED_LIKE)).toBe(costOf(query));
    expect(costOf('{ mandates(first: 50) { edges { node { id } } } }', SEED_LIKE)).toBe(1 + 4 * 3);
  });

  it('prices the same query higher when the graph grows: the bound follows the data', () => {
    const query = NATURAL_QUERIES['mandates and their priorities, with sources at both levels']!;
    const grown = bounds({ Mandate: 50 }, { [degreeKey('HAS_PRIORITY', 'out')]: 50 });
    expect(costOf(query, grown)).toBeGreaterThan(costOf(query, SEED_LIKE));
    expect(costOf(query, grown)).toBe(costOf(query));
  });

  it('prices a field the bounds do not know (an empty label, a missing type) at nothing but its own cost', () => {
    expect(costOf('{ mandates(first: 50) { edges { node { id } } } }', bounds({}, {}))).toBe(1);
  });

  it('keeps a deliberately huge nested query over the limit, with the seed-like bounds', () => {
    expect(costOf(HUGE_NESTED_QUERY, SEED_LIKE)).toBeGreaterThan(MAX_COST);
  });

  it('gives bounds a version that changes with any bound', () => {
    const a = bounds({ Mandate: 4 }, {});
    expect(bounds({ Mandate: 4 }, {}).version).toBe(a.version);
    expect(bounds({ Mandate: 5 }, {}).version).not.toBe(a.version);
  });
});
