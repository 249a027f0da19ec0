import {
  all,
  each,
  fn,
  match,
  ne,
  node,
  or,
  param,
  path,
  print,
  prop,
  query,
  rel,
  Return,
  str,
  v,
  With,
  type Pattern,
  type Query,
} from '../../../cypher';

/** The most hops a path search walks (the schema's bound on maxHops). */
const MAX_HOPS = 8;

/**
 * Shortest paths between two entities, bounded by maxHops as a literal (a
 * var-length bound cannot be a parameter): the search itself stops at
 * maxHops, instead of walking 8 hops and filtering afterwards. Only
 * `all(r IN rs ...)` stands in the shortest-path predicate: `length(p)` or
 * `none(r IN relationships(p) ...)` there would add an exhaustive fallback.
 *
 * Params: $from, $to, $includeDerived, $limit.
 */
export function pathQuery(maxHops: number): Query {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS)
    throw new Error(`${maxHops} is not a whole number from 1 to ${MAX_HOPS}`);
  const shortest: Pattern = {
    ...path(node('a'), [rel('rs', null, 'both', maxHops), node('b')]),
    path: 'p',
    shortest: 'allShortestPaths',
  };
  const p = v('p');
  const notDerived = ne(fn('coalesce', prop(v('r'), 'origin'), str('')), str('derived'));
  return query(
    match(path(node('a', ['Entity'], [['id', param('from')]]))),
    match(path(node('b', ['Entity'], [['id', param('to')]]))),
    match(shortest, all('r', v('rs'), or(param('includeDerived'), notDerived)!)),
    With(['p'], {
      orderBy: [
        each('n', fn('nodes', p), { map: prop(v('n'), 'id') }),
        each('r', fn('relationships', p), { map: fn('type', v('r')) }),
      ],
    }),
    Return(
      [
        [fn('nodes', p), 'nodes'],
        [fn('relationships', p), 'rels'],
      ],
      { limit: param('limit') },
    ),
  );
}

/** The path statement as text (the resolvers' read). */
export const pathStatement = (maxHops: number): string => print(pathQuery(maxHops));
