import { RelationOrder } from './generated/resolvers-types';
import type {
  InputMaybe,
  PursuesFilter,
  RelationFilter,
  RelationshipFilter,
} from './generated/resolvers-types';
import type { WalkArgs } from './compile/prefetch';
import { dateParam, decodeCursor, pageSize } from './model';

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
 * not given). Shared by the resolvers and the prefetch compiler.
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
