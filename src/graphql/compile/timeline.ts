import { label } from './identifiers';

/**
 * The state's institutions, as a pattern from the state (st) to one of
 * them: ministries and agencies responsible for children in it, its
 * ombudsperson institutions, and what is located in it.
 */
const INSTITUTION = '(st)<-[:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]-(:Entity)';

/** A pattern from the event, written as `n` (its node pattern, label included), to the state. */
type Involves = (n: string) => string;

/** Meetings and events that involve the state. */
const GATHERING_INVOLVES: Involves[] = [
  (n) => `${n}-[:HELD_IN]->(st)`,
  (n) => `${n}-[:DURING]->(:Presidency)<-[:HELD_PRESIDENCY]-(st)`,
  (n) => `${n}<-[:PARTICIPATED_IN]-(st)`,
  (n) => `${INSTITUTION}-[:PARTICIPATED_IN]->${n}`,
];

/** Projects that involve the state. */
const PROJECT_INVOLVES: Involves[] = [
  (n) => `(st)-[:PARTNER_IN|PILOT_COUNTRY_OF]->${n}`,
  (n) => `${INSTITUTION}-[:PARTNER_IN]->${n}`,
  (n) =>
    `${n}-[:COORDINATED_BY]->(:Entity)-[:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]->(st)`,
];

/**
 * Where each kind of timeline event comes from: a label and its dated
 * property, and the patterns by which an event of that kind involves a
 * state (st), for the `state` argument. Query.timeline's description in
 * schema/query.graphql says the same in words: change both together.
 */
export const TIMELINE_SOURCES = {
  PRESIDENCY: {
    label: 'Presidency',
    date: 'startDate',
    title: "n.name + ' begins'",
    involves: [(n: string) => `(st)-[:HELD_PRESIDENCY]->${n}`],
  },
  MEETING: { label: 'Meeting', date: 'startDate', title: 'n.name', involves: GATHERING_INVOLVES },
  EVENT: { label: 'Event', date: 'startDate', title: 'n.name', involves: GATHERING_INVOLVES },
  ADOPTION: {
    label: 'Mandate',
    date: 'adopted',
    title: "n.name + ' adopted'",
    involves: [(n: string) => `${n}-[:ADOPTED_AT]->(:Meeting|Event)-[:HELD_IN]->(st)`],
  },
  PROJECT_START: {
    label: 'Project',
    date: 'startDate',
    title: "n.name + ' starts'",
    involves: PROJECT_INVOLVES,
  },
  PROJECT_END: {
    label: 'Project',
    date: 'endDate',
    title: "n.name + ' ends'",
    involves: PROJECT_INVOLVES,
  },
  LAW: {
    label: 'Law',
    date: 'enacted',
    title: 'n.name',
    involves: [(n: string) => `${n}-[:APPLIES_IN]->(st)`],
  },
  OPENING: {
    label: 'Service',
    date: 'opened',
    title: "n.name + ' opens'",
    involves: [(n: string) => `${n}-[:LOCATED_IN]->(st)`],
  },
  PUBLICATION: {
    label: 'Output',
    date: 'published',
    title: 'n.name',
    involves: [
      (n: string) => `${INSTITUTION}-[:AUTHORED]->${n}`,
      (n: string) =>
        `${n}-[:COORDINATED_BY]->(:Entity)-[:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]->(st)`,
    ],
  },
} as const;

export type TimelineKind = keyof typeof TIMELINE_SOURCES;

/**
 * Dated events of the kinds asked for: one branch per kind, each a range
 * seek on its label's date index with the range inside the branch ($from
 * and $to are never null: the resolver passes 0001-01-01 and 9999-12-31 for
 * open ends, since `$from IS NULL OR ...` would scan every branch).
 *
 * With `byState`, only events that involve the state $state: each branch
 * walks the kind's patterns from the state (one UNION member each, so an
 * event reached twice counts once) and keeps the dates in range, so it
 * reads the state's facts rather than every event. The state is matched first
 * and the events in an OPTIONAL CALL, so an unknown state is still one row
 * (stateFound false, no event) and the resolver can tell it from a state
 * with no events, in the same statement.
 *
 * Only the page's entries get their properties (n0).
 *
 * Params: $from, $to (dates), $limit, $state (with byState).
 */
export function timelineStatement(kinds: TimelineKind[], byState = false): string {
  const returned = `RETURN date, precision, kind, title, n0.sourceIds AS sourceIds, n0.sourceQuotes AS sourceQuotes,
  labels(n0) AS labels, properties(n0) AS props`;
  return `${timelineRows(kinds, byState)}
${returned}${byState ? ', stateFound' : ''}`;
}

/**
 * The timeline's rows, in order and limited: date, precision, kind, title
 * and the entry's entity n0 (and stateFound with `byState`), for a RETURN
 * to follow.
 */
export function timelineRows(kinds: TimelineKind[], byState: boolean): string {
  const branches = [...new Set(kinds)].map((kind) => {
    const s = TIMELINE_SOURCES[kind];
    const d = `n.${s.date}`;
    const returned = `RETURN ${d} AS date, ${d}Precision AS precision, '${kind}' AS kind, ${s.title} AS title, n`;
    if (!byState)
      return `  MATCH (n:${label(s.label)}) WHERE ${d} >= $from AND ${d} <= $to
  ${returned}`;
    // From the state: its facts, not every event of the kind, are read
    // (written one level deeper: inside the OPTIONAL CALL below).
    const walks = s.involves.map(
      (walk: Involves) => `      MATCH ${walk(`(n:${label(s.label)})`)} RETURN n`,
    );
    return `    CALL (st) {
${walks.join('\n      UNION\n')}
    }
    WITH n WHERE ${d} >= $from AND ${d} <= $to
    ${returned}`;
  });
  if (!byState)
    return `CALL () {
${branches.join('\n  UNION ALL\n')}
}
WITH date, precision, kind, title, n AS n0
ORDER BY date, kind, n0.id
LIMIT $limit`;
  return `OPTIONAL MATCH (st:Entity {id: $state}) WHERE st:State
OPTIONAL CALL (st) {
  WITH st WHERE st IS NOT NULL
  CALL (st) {
${branches.join('\n    UNION ALL\n')}
  }
  RETURN date, precision, kind, title, n
}
WITH st IS NOT NULL AS stateFound, date, precision, kind, title, n AS n0
ORDER BY date, kind, n0.id
LIMIT $limit`;
}
