/**
 * JSON with object keys in sorted order, so equal values always give equal
 * text (checksums, cache tags). Neo4j temporal values and other class
 * instances are written as their ISO or string form.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    if (value.constructor && value.constructor !== Object) return JSON.stringify(String(value));
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
