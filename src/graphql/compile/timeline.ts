import { label } from './identifiers';

/** Where each kind of timeline event comes from: a label and its dated property. */
export const TIMELINE_SOURCES = {
  PRESIDENCY: { label: 'Presidency', date: 'startDate', title: "n.name + ' begins'" },
  MEETING: { label: 'Meeting', date: 'startDate', title: 'n.name' },
  EVENT: { label: 'Event', date: 'startDate', title: 'n.name' },
  ADOPTION: { label: 'Mandate', date: 'adopted', title: "n.name + ' adopted'" },
  PROJECT_START: { label: 'Project', date: 'startDate', title: "n.name + ' starts'" },
  PROJECT_END: { label: 'Project', date: 'endDate', title: "n.name + ' ends'" },
  LAW: { label: 'Law', date: 'enacted', title: 'n.name' },
  OPENING: { label: 'Service', date: 'opened', title: "n.name + ' opens'" },
  PUBLICATION: { label: 'Output', date: 'published', title: 'n.name' },
} as const;

export type TimelineKind = keyof typeof TIMELINE_SOURCES;

/**
 * Dated events of the kinds asked for: one branch per kind, each a range
 * seek on its label's date index with the range inside the branch ($from
 * and $to are never null: the resolver passes 0001-01-01 and 9999-12-31 for
 * open ends, since `$from IS NULL OR ...` would scan every branch).
 *
 * Only the page's entries get their properties and, when compiled, the
 * fields under them (n0).
 *
 * Params: $from, $to (dates), $limit, and the compiled fields' own.
 */
export function timelineStatement(
  kinds: TimelineKind[],
  compiled: { expr: string | null; props: string } | null = null,
): string {
  const branches = [...new Set(kinds)].map((kind) => {
    const s = TIMELINE_SOURCES[kind];
    const d = `n.${s.date}`;
    return `  MATCH (n:${label(s.label)}) WHERE ${d} >= $from AND ${d} <= $to
  RETURN ${d} AS date, ${d}Precision AS precision, '${kind}' AS kind, ${s.title} AS title, n`;
  });
  return `CALL () {
${branches.join('\n  UNION ALL\n')}
}
WITH date, precision, kind, title, n AS n0
ORDER BY date, kind, n0.id
LIMIT $limit
RETURN date, precision, kind, title, n0.sourceIds AS sourceIds, n0.sourceQuotes AS sourceQuotes,
  labels(n0) AS labels, ${compiled?.props ?? 'properties(n0)'} AS props, ${compiled?.expr ?? '{}'} AS nested`;
}
