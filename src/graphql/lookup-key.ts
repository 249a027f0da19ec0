/**
 * The key an acronym or a name is looked up by: lower case, without spaces,
 * hyphens, underscores and dots, so "PROMISE1", "promise 1" and "Promise-1"
 * are one key. The loader stores the same keys (acronymKey, nameKey; see
 * cypher/seed/upsert-nodes.cypher and migration 005).
 */
export function lookupKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-_.]/g, '');
}
