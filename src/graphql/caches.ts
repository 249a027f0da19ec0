import type { ApolloServerOptions } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { BoundedCache, stringBytes, type CacheBounds, type CacheFigures } from './bounded-cache';
import type { GraphQLContext } from './request/context';
import { statementCacheFigures } from './plan/statements/cache';
import { planWeight, type Plan } from './plan/plan';

/**
 * graphql-jit generates about a kilobyte of code per field it compiles
 * (measured on the documented queries: 0.9 to 1.6 kB), which V8 then keeps
 * compiled; a compiled document is weighed at this much per field.
 */
export const BYTES_PER_COMPILED_FIELD = 1_500;

/**
 * The bounds of the per-application caches. Small enough that 20,000
 * distinct documents leave the process where 1,000 left it (each cache is
 * full by then: with twice these bounds RSS still grew by 40% between 1,000
 * and 3,500 documents, measured by the reliability suite), large enough that
 * every documented query and the benchmark's stay cached.
 */
export const DEFAULT_CACHE_BOUNDS = {
  /** Apollo's parsed and validated documents, by query text. */
  documents: { maxEntries: 500, maxBytes: 8 * 2 ** 20 },
  /** graphql-jit's compiled documents (or the verdict that one is not compiled). */
  compiled: { maxEntries: 100, maxBytes: 24 * 2 ** 20 },
  /** Query costs, by document, operation and variables. */
  costs: { maxEntries: 1_000, maxBytes: 1 * 2 ** 20 },
  /** Plans (statements of each root field), by document, operation and variable signature. */
  plans: { maxEntries: 500, maxBytes: 8 * 2 ** 20 },
} satisfies Record<string, CacheBounds>;

/** A compiled document, or null when graphql-jit does not run it (over budget, or it cannot compile it). */
export interface CompiledEntry {
  query: CompiledQuery | null;
  /** Fields graphql-jit generates code for (budget.ts), up to the budget. */
  fields: number;
}

export interface GraphQLCaches {
  documents: BoundedCache<string, DocumentNode>;
  compiled: BoundedCache<string, CompiledEntry>;
  costs: BoundedCache<string, number>;
  plans: BoundedCache<string, Plan>;
  counters: {
    /** Operations run by graphql-js because their document was over the compile budget. */
    uncompiledOverBudget: number;
    /** Operations answered by the planner's statements (plan/, execute/). */
    planned: number;
    /** Operations the planner left to graphql-jit or graphql-js (a field it does not build). */
    reference: number;
  };
}

export function createGraphQLCaches(
  bounds: typeof DEFAULT_CACHE_BOUNDS = DEFAULT_CACHE_BOUNDS,
): GraphQLCaches {
  return {
    // Weighed as Apollo's own document store weighs them: their JSON.
    documents: new BoundedCache(
      bounds.documents,
      (doc, key) => JSON.stringify(doc).length + key.length,
    ),
    compiled: new BoundedCache(
      bounds.compiled,
      // A verdict of no compilation holds no code.
      (entry, key) => (entry.query ? entry.fields * BYTES_PER_COMPILED_FIELD : 64) + key.length,
    ),
    costs: new BoundedCache(bounds.costs, (_cost, key) => stringBytes(key) + 16),
    plans: new BoundedCache(bounds.plans, planWeight),
    counters: { uncompiledOverBudget: 0, planned: 0, reference: 0 },
  };
}

type DocumentStore = NonNullable<ApolloServerOptions<GraphQLContext>['documentStore']>;

/** Apollo's document store (parsed, validated documents by query hash) on a bounded cache. */
export function documentStore(caches: GraphQLCaches): DocumentStore {
  return {
    get: async (key) => caches.documents.get(key),
    set: async (key, value) => caches.documents.set(key, value),
    delete: async (key) => caches.documents.delete(key),
  };
}

export interface GraphQLCacheReport {
  caches: Record<string, CacheFigures>;
  /** Operations run by graphql-js because their document was over the compile budget. */
  uncompiledOverBudget: number;
  /** Operations answered by the planner's statements, and those left to the resolvers. */
  executions: { planned: number; reference: number };
}

/**
 * Every per-document cache of the GraphQL path, with its bounds, what it
 * holds and what it has evicted: this application's (documents, compiled
 * queries, costs, plans) and the process's (compiled statements).
 */
export function graphqlCacheFigures(caches: GraphQLCaches): GraphQLCacheReport {
  return {
    caches: {
      documents: caches.documents.figures(),
      compiledQueries: caches.compiled.figures(),
      costs: caches.costs.figures(),
      plans: caches.plans.figures(),
      statements: statementCacheFigures(),
    },
    uncompiledOverBudget: caches.counters.uncompiledOverBudget,
    executions: { planned: caches.counters.planned, reference: caches.counters.reference },
  };
}
