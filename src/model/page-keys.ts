import {
  call,
  countRows,
  expression,
  fn,
  isNull,
  map,
  match,
  minus,
  ne,
  node,
  num,
  or,
  plus,
  print,
  prop,
  query,
  rel,
  Return,
  setMerge,
  step,
  str,
  v,
  With,
  type Expr,
} from '../cypher';
import { entityDates, loadModel } from './load';
import type { Model } from './spec';
import { STORED_PAGE_KEYS, PAGE_KEY_PROPERTIES, type PageOrder } from './page-key-names';

export {
  STORED_PAGE_KEYS,
  PAGE_KEY_PROPERTIES,
  type PageOrder,
  type StoredPageKey,
} from './page-key-names';

let dates: string[] | undefined;

/**
 * The labels' date properties (model.yaml `date`), read from the project's
 * model once, as the API's planner reads it (a seed loaded from another
 * folder is keyed by these dates too).
 */
function pageDates(): string[] {
  dates ??= entityDates(loadModel());
  return dates;
}

/** U+0001: the separator of a key's parts (it sorts before any character of a name). */
const SEP = str('\u0001');

/**
 * The keyset key of a relationship page in each order, as a Cypher
 * expression over the relationship `r` and the far end `m`: unique per
 * relationship (it ends with the relationship's own key), ordered as the
 * page is, and the cursor a client gets back.
 */
export function orderKey(order: PageOrder, r: Expr, m: Expr): Expr {
  const own = fn('coalesce', prop(r, 'seedKey'), prop(r, 'viaId'), fn('elementId', r));
  // The parts of the key by name: its far end's sort key, then the relationship's own.
  const tail = [prop(m, 'sortKey'), SEP, own];
  // The relationship's start, else the far entity's own date (its label's `date` in the model).
  const dated = fn('coalesce', prop(r, 'validFrom'), ...pageDates().map((d) => prop(m, d)));
  switch (order) {
    case 'NAME':
      return plus(...tail);
    case 'ID':
      return plus(prop(m, 'id'), SEP, own);
    case 'LATEST': {
      const day = fn(
        'toInteger',
        fn(
          'replace',
          fn('toString', fn('coalesce', dated, fn('date', str('0001-01-01')))),
          str('-'),
          str(''),
        ),
      );
      const newestFirst = fn(
        'right',
        plus(str('00000000'), fn('toString', minus(num(99999999), day))),
        num(8),
      );
      return plus(newestFirst, SEP, ...tail);
    }
    default: {
      const position = fn(
        'right',
        plus(str('000000'), fn('toString', fn('coalesce', prop(r, 'order'), num(999999)))),
        num(6),
      );
      const date = fn('coalesce', fn('toString', dated), str('9999-99-99'));
      return plus(position, SEP, date, SEP, ...tail);
    }
  }
}

/** The stored key a page of this direction and order reads, if one is stored. */
export function storedPageKey(direction: 'out' | 'in', order: PageOrder): string | null {
  return (
    STORED_PAGE_KEYS.find((k) => k.direction === direction && k.order === order)?.property ?? null
  );
}

/** The stored keys of (a)-[r]->(b): each the parent's id, the separator and the order's key. */
function pageKeys(a: Expr, r: Expr, b: Expr): Expr {
  return map(
    STORED_PAGE_KEYS.map(({ property, direction, order }) => {
      const [parent, far] = direction === 'out' ? [a, b] : [b, a];
      return [property, plus(prop(parent, 'id'), SEP, orderKey(order, r, far))] as const;
    }),
  );
}

/** The same as text, for statements kept as text around it (the benchmark's bulk load, tests). */
export const pageKeyMap = (a: string, r: string, b: string): string =>
  expression(pageKeys(v(a), v(r), v(b)));

/** True where a stored key of r differs from the map `keys` (or is missing). */
function stale(r: Expr, keys: Expr): Expr {
  return or(
    ...PAGE_KEY_PROPERTIES.flatMap((p) => [isNull(prop(r, p)), ne(prop(r, p), prop(keys, p))]),
  )!;
}

/** Every relationship between entities whose stored keys are missing or out of date, with `keys`. */
function staleKeys() {
  const [a, r, b, keys] = ['a', 'r', 'b', 'keys'].map(v) as [Expr, Expr, Expr, Expr];
  return [
    match(step(node('a', ['Entity']), rel('r', null, 'out'), node('b', ['Entity']))),
    With(['a', 'r', 'b', [pageKeys(a, r, b), 'keys']], { where: stale(r, keys) }),
  ];
}

/**
 * Writes the stored page keys of every relationship between entities whose
 * keys are missing or out of date, in the caller's transaction: run after
 * anything that writes relationships or renames entities (the loader runs it
 * after each load). Unchanged keys are not written.
 */
export function pageKeysStatement(): string {
  return print(query(...staleKeys(), setMerge('r', v('keys')), Return([[countRows, 'rekeyed']])));
}

/**
 * The same in batches of its own transactions (an auto-commit statement):
 * for graphs too large for one transaction (a migration, the benchmark's
 * grown graph).
 */
export function pageKeysInTransactions(): string {
  return print(
    query(...staleKeys(), call(['r', 'keys'], query(setMerge('r', v('keys'))), { batch: 5000 })),
  );
}

/** The range indexes the stored keys need: one per relationship type of the model and key. */
export function pageKeyIndexes(model: Model): string[] {
  return Object.keys(model.relationships).flatMap((type) =>
    PAGE_KEY_PROPERTIES.map(
      (p) =>
        `CREATE INDEX ${type.toLowerCase()}_${snake(p)} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${p})`,
    ),
  );
}

const snake = (p: string) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
