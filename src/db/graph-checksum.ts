import crypto from 'node:crypto';
import type { Database } from './database';
import { canonicalJson } from '../util/canonical-json';

/**
 * Every entity (labels, properties), every relationship between entities
 * (type, ends, properties) and the Dataset node, leaving out what tests
 * write for a moment (origin "test"), as one SHA-256. The same statement
 * runs on both sides of a round trip; rows are hashed in a canonical order
 * computed here, so parallel relationships of one type need no key.
 */
const CONTENT = `
CALL () {
  MATCH (n:Entity) WHERE coalesce(n.origin, '') <> 'test'
  RETURN labels(n) AS labels, properties(n) AS props, null AS ends
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE coalesce(r.origin, '') <> 'test' AND coalesce(a.origin, '') <> 'test'
    AND coalesce(b.origin, '') <> 'test'
  RETURN [type(r)] AS labels, properties(r) AS props, [a.id, b.id] AS ends
  UNION ALL
  MATCH (d:Dataset)
  RETURN labels(d) AS labels, properties(d) AS props, null AS ends
}
RETURN labels, props, ends`;

export async function graphContentChecksum(
  db: Database,
): Promise<{ checksum: string; rows: number }> {
  const rows = await db.read<{ labels: string[]; props: unknown; ends: string[] | null }>(
    CONTENT,
    {},
    { operation: 'test.checksum', timeoutMs: 60_000 },
  );
  const lines = rows.map((r) => canonicalJson([[...r.labels].sort(), r.ends, r.props])).sort();
  const hash = crypto.createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return { checksum: hash.digest('hex'), rows: lines.length };
}
