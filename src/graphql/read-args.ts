import { badInput } from '../errors';
import { lookupKey } from './lookup-key';
import { dateParam, pageSize } from './model';

/**
 * The parameters of the root reads that are one .cypher file each (search,
 * neighbourhood, path), read from the field's arguments in one place for
 * the resolvers and the planner, so both check and bound them alike.
 */

export function clamp(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** nodes(ids:) takes at most this many ids. */
const MAX_IDS = 100;

export function nodeIds<T extends readonly string[]>(ids: T): T {
  if (ids.length > MAX_IDS) throw badInput(`nodes takes at most ${MAX_IDS} ids`);
  return ids;
}

/** How many entries a timeline returns: 100 by default, at most 500. */
export function timelineLimit(first: number | null | undefined): number {
  return clamp(first ?? 100, 0, 500, 'first');
}

/**
 * Query.timeline's arguments as its statement takes them (plan/statements/timeline.ts),
 * read in one place for the resolvers and the planner: the kinds asked, in
 * the model's order; `first`, how many entries the answer shows; and the
 * statement's parameters.
 */
export function timelineArgs(
  allKinds: readonly string[],
  args: {
    from?: string | null;
    to?: string | null;
    kinds?: readonly string[] | null;
    state?: string | null;
    first?: number | null;
  },
) {
  const limit = timelineLimit(args.first);
  const byState = args.state != null;
  // An unknown state is NOT_FOUND even when no kind is asked: one kind's
  // statement still tells whether the state exists (its answer shows none).
  const asked = args.kinds?.length === 0 && byState ? allKinds.slice(0, 1) : args.kinds;
  return {
    kinds: allKinds.filter((k) => (asked ?? allKinds).includes(k)),
    byState,
    first: args.kinds?.length === 0 ? 0 : limit,
    params: {
      // Open ends as sentinels, so each branch keeps its index seek.
      from: dateParam(args.from ?? '0001-01-01', 'from'),
      to: dateParam(args.to ?? '9999-12-31', 'to'),
      // With a state, at least the one row that says whether the state exists.
      limit: byState ? Math.max(limit, 1) : limit,
      ...(byState ? { state: args.state } : {}),
    },
  };
}

/** Lucene's query syntax characters, taken literally in user text. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneQuery(text: string): string {
  const terms = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    // Lower case: the index is case-insensitive, and AND / OR / NOT stay words, not operators.
    .map((t) => t.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((t) => t.replace(/\\/g, '').length > 0);
  if (terms.length === 0) throw badInput('search text must contain at least one word');
  // Each word as typed, or as the start of a longer word (barna → barnahus).
  const words = terms.map((t) => `(${t} OR ${t}*)`).join(' ');
  if (terms.length === 1) return words;
  // Several words: the exact phrase counts for more than scattered words,
  // most in a name, then in a title (a source's title cites what an entity's
  // name holds): "transnational child protection cases" finds the Guidelines
  // of that name before nodes that merely mention the words.
  const phrase = `"${terms.join(' ')}"`;
  return `${words} name:${phrase}^12 title:${phrase}^6 ${phrase}^3`;
}

/** api/search.cypher's parameters. */
export function searchParams(args: {
  text: string;
  labels?: readonly string[] | null;
  first?: number | null;
}) {
  if (args.text.length > 200) throw badInput('search text is limited to 200 characters');
  const limit = pageSize(args.first);
  return {
    query: luceneQuery(args.text),
    exact: lookupKey(args.text),
    types: args.labels ?? null,
    limit,
    candidates: limit * 5,
  };
}

/**
 * api/neighbourhood.cypher's parameters, or with a date
 * api/neighbourhood-as-of.cypher's (APOC's expansion cannot filter on
 * relationship properties, so a walk of its own reads the date).
 */
export function neighbourhoodParams(args: {
  id: string;
  depth: number;
  limit: number;
  asOf?: string | null;
  includeUndated?: boolean | null;
}) {
  const depth = clamp(args.depth, 1, 3, 'depth');
  const limit = clamp(args.limit, 1, 500, 'limit');
  const asOf = args.asOf != null;
  return {
    file: asOf ? 'api/neighbourhood-as-of.cypher' : 'api/neighbourhood.cypher',
    params: {
      id: args.id,
      depth,
      limit,
      ...(asOf
        ? {
            asOf: dateParam(args.asOf!, 'asOf'),
            includeUndated: args.includeUndated !== false,
          }
        : {}),
    },
  };
}

/** plan/statements/path.ts's bound and parameters. */
export function pathParams(args: {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  includeDerived: boolean;
}) {
  return {
    maxHops: clamp(args.maxHops, 1, 8, 'maxHops'),
    params: {
      from: args.from,
      to: args.to,
      includeDerived: args.includeDerived,
      limit: clamp(args.limit, 1, 10, 'limit'),
    },
  };
}
