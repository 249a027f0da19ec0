import {
  and,
  call,
  contains,
  count,
  fn,
  gt,
  isIn,
  eq,
  map,
  match,
  minus,
  node,
  num,
  or,
  param,
  path,
  plus,
  print,
  prop,
  query,
  Return,
  step,
  rel,
  str,
  v,
  With,
  type Clause,
  type Expr,
  type Maybe,
} from '../../../cypher';

/** Which filters a top-level list was given (their values travel as parameters). */
export interface EntityListShape {
  text: boolean;
  kinds: boolean;
  unverified: boolean;
  orderBy: 'NAME' | 'CONNECTIONS';
}

const n = v('n');

/** `toLower(coalesce(a, b, ''))`: a text property for a case-blind search. */
const lowered = (...props: string[]) =>
  fn('toLower', fn('coalesce', ...props.map((p) => prop(n, p)), str('')));

/** The conditions of a top-level list over `n` (only the filters given). */
export function listFilters(shape: EntityListShape): Maybe<Expr>[] {
  const text = param('text');
  return [
    shape.text &&
      or(
        contains(lowered('name', 'title'), text),
        contains(lowered('nativeName'), text),
        contains(lowered('acronym'), text),
      ),
    shape.kinds && isIn(prop(n, 'kind'), param('kinds')),
    shape.unverified && eq(prop(n, 'unverified'), param('unverified')),
  ];
}

/**
 * Most connected first, then by name: the degree is computed per entity, so
 * this order reads every entity of the label (exempt from the plan check).
 */
const byConnections = plus(
  fn(
    'right',
    plus(
      str('0000000000'),
      fn(
        'toString',
        minus(num(9999999999), count(step(node('n'), rel(null, null, 'both'), node(null)))),
      ),
    ),
    num(10),
  ),
  str('\u0001'),
  prop(n, 'sortKey'),
);

/**
 * The page of a top-level list: `n0` the entity and `key` its keyset key,
 * ordered, cut after $after and limited to $limit rows.
 */
export function listPage(name: string, shape: EntityListShape): Clause[] {
  const all = path(node('n', [name]));
  const filters = listFilters(shape);
  const key = v('key');
  return shape.orderBy === 'NAME'
    ? [
        match(all, and(...filters, gt(prop(n, 'sortKey'), param('after')))),
        With(
          [
            [n, 'n0'],
            [prop(n, 'sortKey'), 'key'],
          ],
          { orderBy: [key], limit: param('limit') },
        ),
      ]
    : [
        match(all, and(...filters)),
        With(['n', [byConnections, 'key']], { where: gt(key, param('after')) }),
        With([[n, 'n0'], 'key'], { orderBy: [key], limit: param('limit') }),
      ];
}

/** The total of a top-level list, as `total` (from the count store without filters). */
export function listTotal(name: string, shape: EntityListShape): Clause {
  return call(
    [],
    query(
      match(path(node('n', [name])), and(...listFilters(shape))),
      Return([[fn('count', n), 'total']]),
    ),
  );
}

/**
 * A top-level list of one label: a static label, only the filters given, and
 * for name order a keyset page on the stored sortKey, which a range index
 * per label serves in order (`n.sortKey > $after` with '' for the first
 * page keeps the seek; `$after IS NULL OR ...` would scan). Without filters
 * the total comes from the count store.
 *
 * Params: $after (string, '' for the first page), $limit, and $text,
 * $kinds, $unverified where given.
 */
export function entityListStatement(name: string, shape: EntityListShape): string {
  const n0 = v('n0');
  // Each row: its key and the entity's labels and properties.
  const row = map([
    ['key', v('key')],
    ['labels', fn('labels', n0)],
    ['props', fn('properties', n0)],
  ]);
  return print(
    query(
      listTotal(name, shape),
      call([], query(...listPage(name, shape), Return([[fn('collect', row), 'page']]))),
      Return(['total', 'page']),
    ),
  );
}
