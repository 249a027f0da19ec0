import { BoundedCache, stringBytes, type CacheFigures } from '../../bounded-cache';

/**
 * Compiled statements by shape: a shape (which filters, which order, which
 * field) compiles once, and the same text reaches Neo4j every time, so its
 * query cache keeps the plan. Shapes are few (fields x filter combinations x
 * orders), but a client chooses some of them (the generic relationships
 * field takes any list of types), so the cache is bounded all the same.
 */
const compiled = new BoundedCache<string, string>(
  { maxEntries: 2_000, maxBytes: 16 * 2 ** 20 },
  (text, key) => stringBytes(text) + stringBytes(key),
);

export function memo(key: string, compile: () => string): string {
  let text = compiled.get(key);
  if (text === undefined) {
    text = compile();
    compiled.set(key, text);
  }
  return text;
}

export function statementCacheFigures(): CacheFigures {
  return compiled.figures();
}
