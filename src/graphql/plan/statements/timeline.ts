import type { TimelineSpec, WalkStep } from '../../../model';
import {
  and,
  call,
  fn,
  ge,
  hasLabel,
  isNotNull,
  le,
  match,
  node,
  optionalMatch,
  param,
  path,
  plus,
  print,
  prop,
  query,
  rel,
  Return,
  str,
  union,
  v,
  With,
  type Clause,
  type Expr,
  type NodePattern,
  type Pattern,
  type RelationshipPattern,
} from '../../../cypher';

/** A kind of timeline event (the TimelineKind enum; model.yaml's timeline.kinds). */
export type TimelineKind = string;

/** The kinds in the model's order: the order statements list their branches in. */
export function timelineKinds(timeline: TimelineSpec): string[] {
  return Object.keys(timeline.kinds);
}

/** A step of a walk as a relationship and the node it reaches. */
function stepPattern(
  timeline: TimelineSpec,
  step: WalkStep,
  last: boolean,
): [RelationshipPattern, NodePattern] {
  const s = step === 'institution' ? timeline.institution : step;
  const [out, types] = 'out' in s ? [true, s.out] : [false, s.in];
  const labels = 'labels' in s && s.labels ? s.labels : ['Entity'];
  return [rel(null, types, out ? 'out' : 'in'), last ? node('st') : node(null, labels)];
}

/** A walk of the model from the event `n` of its label to the state (st). */
function walkPattern(timeline: TimelineSpec, walk: readonly WalkStep[], label: string): Pattern {
  return path(
    node('n', [label]),
    ...walk.map((step, i) => stepPattern(timeline, step, i === walk.length - 1)),
  );
}

/** A kind's title as a Cypher expression over its event n: the model's text, {name} its name. */
function titleExpression(title: string): Expr {
  const [before, after] = title.split('{name}') as [string, string];
  const parts = [before && str(before), prop(v('n'), 'name'), after && str(after)];
  return plus(...parts.filter((p): p is Expr => Boolean(p)));
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
  const n0 = v('n0');
  return print(
    query(
      ...timelineRows(timeline, kinds, byState),
      Return([
        'date',
        'precision',
        'kind',
        'title',
        [prop(n0, 'sourceIds'), 'sourceIds'],
        [prop(n0, 'sourceQuotes'), 'sourceQuotes'],
        [fn('labels', n0), 'labels'],
        [fn('properties', n0), 'props'],
        ...(byState ? ['stateFound'] : []),
      ]),
    ),
  );
}

const ROW = ['date', 'precision', 'kind', 'title'];

/**
 * The timeline's rows, in order and limited: date, precision, kind, title
 * and the entry's entity n0 (and stateFound with `byState`), for a RETURN
 * to follow.
 */
export function timelineRows(
  timeline: TimelineSpec,
  kinds: TimelineKind[],
  byState: boolean,
): Clause[] {
  const n = v('n');
  const branches = [...new Set(kinds)].map((kind) => {
    const s = timeline.kinds[kind];
    if (!s) throw new Error(`${kind} is not a timeline kind of the model`);
    const d = prop(n, s.date);
    const inRange = and(ge(d, param('from')), le(d, param('to')))!;
    const returned = Return([
      [d, 'date'],
      [prop(n, `${s.date}Precision`), 'precision'],
      [str(kind), 'kind'],
      [titleExpression(s.title), 'title'],
      'n',
    ]);
    if (!byState) return query(match(path(node('n', [s.label])), inRange), returned);
    // From the state: its facts, not every event of the kind, are read.
    const walks = s.involves.map((walk) =>
      query(match(walkPattern(timeline, walk, s.label)), Return(['n'])),
    );
    return query(call(['st'], union(walks)), With(['n'], { where: inRange }), returned);
  });
  const n0 = v('n0');
  const paging = { orderBy: [v('date'), v('kind'), prop(n0, 'id')], limit: param('limit') };
  if (!byState) return [call([], union(branches, true)), With([...ROW, [n, 'n0']], paging)];
  const st = v('st');
  return [
    optionalMatch(path(node('st', ['Entity'], [['id', param('state')]])), hasLabel(st, ['State'])),
    call(
      ['st'],
      query(
        With(['st'], { where: isNotNull(st) }),
        call(['st'], union(branches, true)),
        Return([...ROW, 'n']),
      ),
      { optional: true },
    ),
    With([[isNotNull(st), 'stateFound'], ...ROW, [n, 'n0']], paging),
  ];
}
