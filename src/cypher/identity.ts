/**
 * Whether two parts of a tree are built alike (the tree is plain data). A
 * part met twice as the same object is alike at once: the planner reuses
 * the parts it memoises, so comparing alternatives that share them reads
 * only what differs.
 */
export function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameTree(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
