import { propertyKey } from './identifiers';

/**
 * Which stored properties a selection reads, so that a compiled statement
 * ships a map projection of those (`m {.id, .name}`) instead of every
 * property of every row (sources' quotes, evidence text, ...). A scalar
 * field reads the property of its own name; the fields below read others or
 * none. `ALL` marks a field whose resolver reads the whole stored map.
 */
export const ALL = Symbol('all properties');
type Reads = readonly string[] | typeof ALL;

const SOURCES = ['sourceIds', 'sourceQuotes'];
const PERIOD = ['validFrom', 'validFromPrecision', 'validTo', 'validToPrecision'];

/** Entity fields that are not a property of their own name (relationship fields read none). */
const ENTITY_READS: Record<string, Reads> = {
  __typename: [],
  label: [],
  sources: SOURCES,
  connectionCount: [],
  relationships: [],
  citedBy: [],
};

/** Per label, fields whose resolver reads other properties. */
const LABEL_READS: Record<string, Record<string, Reads>> = {
  Source: { name: ['name', 'title'] },
};

/** Edge and link fields that are not a property of their own name. */
const RELATIONSHIP_READS: Record<string, Reads> = {
  __typename: [],
  cursor: [],
  type: [],
  direction: [],
  node: [],
  period: PERIOD,
  periodKnown: ['validFrom'],
  sources: SOURCES,
  derived: ['origin'],
  // Evidence is parsed from the stored paths: the resolvers read the stored map.
  evidence: ALL,
  // Stored on every link (migration 004 backfilled links derived before).
  rule: ['rule'],
};

/** The stored properties an entity of `label` needs for `fields`, relationship fields excluded. */
export function entityReads(
  label: string,
  fields: Iterable<string>,
  relationFields: ReadonlySet<string>,
): Reads {
  const out = new Set<string>(['id']);
  for (const f of fields) {
    if (relationFields.has(f)) continue;
    const reads = LABEL_READS[label]?.[f] ?? ENTITY_READS[f] ?? [f];
    if (reads === ALL) return ALL;
    for (const p of reads) out.add(p);
  }
  return [...out];
}

/** The stored properties an edge or link needs for `fields`. */
export function relationshipReads(fields: Iterable<string>): Reads {
  const out = new Set<string>();
  for (const f of fields) {
    const reads = RELATIONSHIP_READS[f] ?? [f];
    if (reads === ALL) return ALL;
    for (const p of reads) out.add(p);
  }
  return [...out];
}

/** Merges the reads of several runtime types at one position. */
export function union(reads: Reads[]): Reads {
  const out = new Set<string>();
  for (const r of reads) {
    if (r === ALL) return ALL;
    for (const p of r) out.add(p);
  }
  return [...out];
}

/** A map projection of `reads` over variable `v`, or all its properties. */
export function projection(v: string, reads: Reads): string {
  if (reads === ALL) return `properties(${v})`;
  return `${v} {${[...reads]
    .sort()
    .map((p) => `.${propertyKey(p)}`)
    .join(', ')}}`;
}
