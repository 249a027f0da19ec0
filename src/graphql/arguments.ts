import { RelationOrder } from './generated/resolvers-types';
import type {
  InputMaybe,
  PursuesFilter,
  RelationFilter,
  RelationshipFilter,
} from './generated/resolvers-types';
import type { EntityListShape } from './plan/statements/entity-list';
import type { RelationShape, RelationSpec, WalkFilters } from './plan/statements/relation-page';
import { badInput } from '../errors';
import { dateParam, decodeCursor, pageSize } from './model';

/** What a relationship field's arguments become: the page size, cursor, order and filter values. */
export interface WalkArgs {
  first: number;
  after: string | null;
  orderBy: RelationShape['orderBy'];
  filters: WalkFilters;
}

/** The arguments of every relationship connection field. */
export interface RelationArgs {
  filter?: InputMaybe<RelationFilter & PursuesFilter & RelationshipFilter>;
  orderBy?: InputMaybe<RelationOrder>;
  first?: InputMaybe<number>;
  after?: InputMaybe<string>;
}

/**
 * A relationship field's arguments, checked and turned into parameters: the
 * page size, the decoded cursor, the order and the filter values (null where
 * not given). Shared by the resolvers and the planner.
 */
export function walkArgs(args: RelationArgs): WalkArgs {
  const f = args.filter ?? {};
  return {
    first: pageSize(args.first),
    after: decodeCursor(args.after),
    orderBy: args.orderBy ?? RelationOrder.Default,
    filters: {
      asOf: dateParam(f.asOf, 'filter.asOf'),
      // Only with a date filter: undated relationships match one only because
      // their period is unknown.
      datedOnly: f.includeUndated === false && (f.asOf != null || f.overlaps != null) ? true : null,
      overlapFrom: dateParam(f.overlaps?.from, 'filter.overlaps.from'),
      overlapTo: dateParam(f.overlaps?.to, 'filter.overlaps.to'),
      text: f.text ? f.text.toLowerCase() : null,
      rules: f.rules ?? null,
      confidence: f.confidence ?? null,
      unverified: f.unverified ?? null,
    },
  };
}

/** The arguments of a label's top-level list. */
export interface ListArgs {
  filter?: InputMaybe<{
    text?: InputMaybe<string>;
    kinds?: InputMaybe<string[]>;
    unverified?: InputMaybe<boolean>;
  }>;
  orderBy?: InputMaybe<string>;
  first?: InputMaybe<number>;
  after?: InputMaybe<string>;
}

/**
 * A top-level list's arguments, checked: the filter values (null where not
 * given), the shape they give the statement, the page size and the decoded
 * cursor ('' for the first page). Shared by the resolvers and the planner.
 */
export function listArgs(args: ListArgs): {
  values: { text: string | null; kinds: string[] | null; unverified: boolean | null };
  shape: EntityListShape;
  first: number;
  after: string;
} {
  const values = {
    text: args.filter?.text ? args.filter.text.toLowerCase() : null,
    kinds: args.filter?.kinds ?? null,
    unverified: args.filter?.unverified ?? null,
  };
  const shape: EntityListShape = {
    text: values.text !== null,
    kinds: values.kinds !== null,
    unverified: values.unverified !== null,
    orderBy: args.orderBy === 'CONNECTIONS' ? 'CONNECTIONS' : 'NAME',
  };
  return { values, shape, first: pageSize(args.first), after: decodeCursor(args.after) ?? '' };
}

/**
 * What the generic relationships field walks: the types the filter names
 * (null: any) and its direction (null: both). An empty list of types would
 * match nothing and is refused as the client's mistake rather than answered
 * empty, since it is most likely a filter built from an empty selection.
 * Repeats and order do not matter.
 */
export function anyRelationSpec(args: RelationArgs): RelationSpec {
  const types = args.filter?.types;
  if (types?.length === 0)
    throw badInput('filter.types must name at least one relationship type; omit it for every type');
  const direction = args.filter?.direction;
  return {
    types: types == null ? null : [...new Set(types)].sort(),
    direction: direction ? (direction === 'OUT' ? 'out' : 'in') : null,
    labels: null,
  };
}
