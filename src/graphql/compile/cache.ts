/**
 * Compiled statements by shape: a shape (which filters, which order, which
 * field) compiles once per process, and the same text reaches Neo4j every
 * time, so its query cache keeps the plan. The number of shapes is bounded
 * by the schema (fields x filter combinations x orders), not by user values.
 */
const compiled = new Map<string, string>();

export function memo(key: string, compile: () => string): string {
  let text = compiled.get(key);
  if (text === undefined) {
    text = compile();
    compiled.set(key, text);
  }
  return text;
}
