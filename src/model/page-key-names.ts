/**
 * The names of the stored page keys, apart from how they are computed
 * (page-keys.ts): limits.ts reserves them as property names, and the
 * model's loader reads limits.ts, so this module imports nothing.
 */

/** The orders of a relationship page (RelationOrder in the contract). */
export type PageOrder = 'DEFAULT' | 'NAME' | 'LATEST' | 'ID';

/**
 * Stored page keys: every relationship carries, for each direction a page
 * can walk it in and each order stored, the parent's id, U+0001 and the
 * order's key over the far end (orderKey). Why one property per direction:
 * the far end, and so the key, differs by direction ((a)-[r]->(b) is on a's
 * outgoing page ordered by b, and on b's incoming page ordered by a), and a
 * range index covers one property. Why the parent's id in front: a range
 * index per relationship type then holds each parent's page as one
 * contiguous range, `parent.id + U+0001 + after` to `parent.id + U+0002`
 * (U+0001 and U+0002 sort below every character of an id), read in order by
 * DirectedRelationshipIndexSeekByRange with a LIMIT: a page costs its own
 * rows, not the parent's degree. DEFAULT (what a client gets without
 * orderBy) and ID (single links, and pages by id) are stored; NAME and
 * LATEST are computed per request as before.
 *
 * What the key reads, and so what must rewrite it: the relationship's
 * order, validFrom and seedKey/viaId; the parent's id; the far end's id,
 * sortKey (its name) and dates. A renamed entity rewrites the keys of all
 * its relationships (pageKeysStatement after the load).
 */
export interface StoredPageKey {
  property: string;
  direction: 'out' | 'in';
  order: PageOrder;
}

export const STORED_PAGE_KEYS: readonly StoredPageKey[] = [
  { property: 'pageOut', direction: 'out', order: 'DEFAULT' },
  { property: 'pageIn', direction: 'in', order: 'DEFAULT' },
  { property: 'pageOutById', direction: 'out', order: 'ID' },
  { property: 'pageInById', direction: 'in', order: 'ID' },
];

export const PAGE_KEY_PROPERTIES: readonly string[] = STORED_PAGE_KEYS.map((k) => k.property);
