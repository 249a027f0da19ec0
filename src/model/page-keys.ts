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

/**
 * The keyset key of a relationship page in each order, as a Cypher
 * expression over the relationship `r` and the far end `m`: unique per
 * relationship (it ends with the relationship's own key), ordered as the
 * page is, and the cursor a client gets back.
 */
export function orderKey(order: PageOrder, r: string, m: string): string {
  const tail = `${m}.sortKey + '\\u0001' + coalesce(${r}.seedKey, ${r}.viaId, elementId(${r}))`;
  // The relationship's start, else the far entity's own date (its label's `date` in the model).
  const dated = `coalesce(${[`${r}.validFrom`, ...pageDates().map((d) => `${m}.${d}`)].join(', ')})`;
  switch (order) {
    case 'NAME':
      return tail;
    case 'ID':
      return `${m}.id + '\\u0001' + coalesce(${r}.seedKey, ${r}.viaId, elementId(${r}))`;
    case 'LATEST':
      return `right('00000000' + toString(99999999 - toInteger(replace(toString(coalesce(${dated}, date('0001-01-01'))), '-', ''))), 8) + '\\u0001' + ${tail}`;
    default:
      return `right('000000' + toString(coalesce(${r}.order, 999999)), 6) + '\\u0001' + coalesce(toString(${dated}), '9999-99-99') + '\\u0001' + ${tail}`;
  }
}

/** The stored key a page of this direction and order reads, if one is stored. */
export function storedPageKey(direction: 'out' | 'in', order: PageOrder): string | null {
  return (
    STORED_PAGE_KEYS.find((k) => k.direction === direction && k.order === order)?.property ?? null
  );
}

/** The stored keys of (a)-[r]->(b) as a Cypher map expression. */
export function pageKeyMap(a: string, r: string, b: string): string {
  const entries = STORED_PAGE_KEYS.map(({ property, direction, order }) => {
    const [parent, far] = direction === 'out' ? [a, b] : [b, a];
    return `${property}: ${parent}.id + '\\u0001' + ${orderKey(order, r, far)}`;
  });
  return `{${entries.join(', ')}}`;
}

/** True where a stored key of r differs from the map `keys` (or is missing). */
function stale(r: string, keys: string): string {
  return PAGE_KEY_PROPERTIES.map((p) => `${r}.${p} IS NULL OR ${r}.${p} <> ${keys}.${p}`).join(
    ' OR ',
  );
}

/**
 * Writes the stored page keys of every relationship between entities whose
 * keys are missing or out of date, in the caller's transaction: run after
 * anything that writes relationships or renames entities (the loader runs it
 * after each load). Unchanged keys are not written.
 */
export function pageKeysStatement(): string {
  return `MATCH (a:Entity)-[r]->(b:Entity)
WITH a, r, b, ${pageKeyMap('a', 'r', 'b')} AS keys
WHERE ${stale('r', 'keys')}
SET r += keys
RETURN count(*) AS rekeyed`;
}

/**
 * The same in batches of its own transactions (an auto-commit statement):
 * for graphs too large for one transaction (a migration, the benchmark's
 * grown graph).
 */
export function pageKeysInTransactions(): string {
  return `MATCH (a:Entity)-[r]->(b:Entity)
WITH a, r, b, ${pageKeyMap('a', 'r', 'b')} AS keys
WHERE ${stale('r', 'keys')}
CALL (r, keys) {
  SET r += keys
} IN TRANSACTIONS OF 5000 ROWS`;
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
