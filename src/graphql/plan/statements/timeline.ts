import type { TimelineSpec, WalkStep } from '../../../model';
import { label, relationshipType, stringLiteral } from './identifiers';

/** A kind of timeline event (the TimelineKind enum; model.yaml's timeline.kinds). */
export type TimelineKind = string;

/** The kinds in the model's order: the order statements list their branches in. */
export function timelineKinds(timeline: TimelineSpec): string[] {
  return Object.keys(timeline.kinds);
}

/** A step of a walk as a relationship pattern and the node it reaches. */
function stepPattern(timeline: TimelineSpec, step: WalkStep, last: boolean): string {
  const s = step === 'institution' ? timeline.institution : step;
  const [out, types] = 'out' in s ? [true, s.out] : [false, s.in];
  const labels = 'labels' in s && s.labels ? s.labels : ['Entity'];
  const rel = `[:${types.map(relationshipType).join('|')}]`;
  const node = last ? '(st)' : `(:${labels.map(label).join('|')})`;
  return out ? `-${rel}->${node}` : `<-${rel}-${node}`;
}

/** A walk of the model from the event, written as `n` with its label, to the state (st). */
function walkPattern(timeline: TimelineSpec, walk: readonly WalkStep[], n: string): string {
  return n + walk.map((step, i) => stepPattern(timeline, step, i === walk.length - 1)).join('');
}

/** A kind's title as a Cypher expression over its event n: the model's text, {name} its name. */
function titleExpression(title: string): string {
  const [before, after] = title.split('{name}') as [string, string];
  return [before && stringLiteral(before), 'n.name', after && stringLiteral(after)]
    .filter(Boolean)
    .join(' + ');
}

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
export function timelineStatement(
  timeline: TimelineSpec,
  kinds: TimelineKind[],
  byState = false,
): string {
  const returned = `RETURN date, precision, kind, title, n0.sourceIds AS sourceIds, n0.sourceQuotes AS sourceQuotes,
  labels(n0) AS labels, properties(n0) AS props`;
  return `${timelineRows(timeline, kinds, byState)}
${returned}${byState ? ', stateFound' : ''}`;
}

/**
 * The timeline's rows, in order and limited: date, precision, kind, title
 * and the entry's entity n0 (and stateFound with `byState`), for a RETURN
 * to follow.
 */
export function timelineRows(
  timeline: TimelineSpec,
  kinds: TimelineKind[],
  byState: boolean,
): string {
  const branches = [...new Set(kinds)].map((kind) => {
    const s = timeline.kinds[kind];
    if (!s) throw new Error(`${kind} is not a timeline kind of the model`);
    const d = `n.${s.date}`;
    const returned = `RETURN ${d} AS date, ${d}Precision AS precision, ${stringLiteral(kind)} AS kind, ${titleExpression(s.title)} AS title, n`;
    if (!byState)
      return `  MATCH (n:${label(s.label)}) WHERE ${d} >= $from AND ${d} <= $to
  ${returned}`;
    // From the state: its facts, not every event of the kind, are read
    // (written one level deeper: inside the OPTIONAL CALL below).
    const walks = s.involves.map(
      (walk) => `      MATCH ${walkPattern(timeline, walk, `(n:${label(s.label)})`)} RETURN n`,
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
