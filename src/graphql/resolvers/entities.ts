import type { GraphQLContext } from '../context';
import {
  decodeCursor,
  pageSize,
  toConnection,
  dateParam,
  type EntityObject,
  type RelationObject,
} from '../model';
import type { RelationQuery } from '../loaders';
import { RELATIONS, type RelationField } from '../relations';
import { AppError, ErrorCode } from '../../errors';

export interface RelationArgs {
  type?: string | null;
  direction?: 'OUT' | 'IN' | null;
  first?: number | null;
  after?: string | null;
  asOf?: string | null;
  overlaps?: { from?: string | null; to?: string | null } | null;
  text?: string | null;
  orderBy?: string | null;
}

/** One page of a relationship field, through the per-request loader for these arguments. */
export async function relationConnection(
  ctx: GraphQLContext,
  parentId: string,
  spec: { type: string | null; direction: 'out' | 'in' | null; labels: string[] | null },
  args: RelationArgs,
) {
  const first = pageSize(args.first);
  const query: RelationQuery = {
    ...spec,
    asOf: dateParam(args.asOf, 'asOf'),
    overlapFrom: dateParam(args.overlaps?.from, 'overlaps.from'),
    overlapTo: dateParam(args.overlaps?.to, 'overlaps.to'),
    text: args.text ? args.text.toLowerCase() : null,
    orderBy: args.orderBy ?? 'DEFAULT',
    after: decodeCursor(args.after),
    limit: first + 1,
  };
  const rows = await ctx.loaders.relation(query).load(parentId);
  return toConnection(rows.page, rows.total, first);
}

/** Source references of a node or relationship, from its parallel sourceIds / sourceQuotes lists. */
export function sourceRefs(props: Record<string, unknown>) {
  const ids = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.sourceQuotes as string[] | undefined) ?? [];
  return ids.map((sourceId, i) => ({ sourceId, quote: quotes[i] ? quotes[i] : null }));
}

const common = {
  sources: (e: EntityObject) => sourceRefs(e),
  confidence: (e: EntityObject) => e.confidence ?? null,
  unverified: (e: EntityObject) => e.unverified === true,
  note: (e: EntityObject) => e.note ?? null,
  connectionCount: (e: EntityObject, _: unknown, ctx: GraphQLContext) =>
    ctx.loaders.degree.load(e.id),
  relations: (e: EntityObject, args: RelationArgs, ctx: GraphQLContext) =>
    relationConnection(
      ctx,
      e.id,
      {
        type: args.type ?? null,
        direction: args.direction ? (args.direction === 'OUT' ? 'out' : 'in') : null,
        labels: null,
      },
      args,
    ),
};

function relationResolver(rf: RelationField) {
  const labels = rf.labels ?? (rf.target === 'Node' ? null : [rf.target]);
  return (e: EntityObject, args: RelationArgs, ctx: GraphQLContext) =>
    relationConnection(ctx, e.id, { type: rf.type, direction: rf.direction, labels }, args);
}

/** Resolvers for every entity type: common fields plus its relationship fields from the relation table. */
export function entityResolvers(labels: string[]) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const label of labels) {
    const fields: Record<string, unknown> = { ...common };
    for (const rf of RELATIONS[label] ?? []) fields[rf.field] = relationResolver(rf);
    out[label] = fields;
  }
  out.Source = {
    ...out.Source,
    name: (e: EntityObject) => e.name ?? e.title,
    supports: async (
      e: EntityObject,
      args: { first?: number; after?: string },
      ctx: GraphQLContext,
    ) => {
      const first = pageSize(args.first);
      const rows = await ctx.loaders.supports(decodeCursor(args.after), first + 1).load(e.id);
      return toConnection(rows.page, rows.total, first);
    },
  };
  return out;
}

export const sharedResolvers = {
  Node: { __resolveType: (e: EntityObject) => e.__label },
  Precision: { YEAR: 'year', MONTH: 'month', DAY: 'day' },
  Confidence: { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' },
  SourceRef: {
    source: async (ref: { sourceId: string }, _: unknown, ctx: GraphQLContext) => {
      const source = await ctx.loaders.node.load(ref.sourceId);
      if (!source)
        throw new AppError(ErrorCode.INTERNAL, `Source ${ref.sourceId} is cited but missing`);
      return source;
    },
  },
  Relation: {
    role: (r: RelationObject) => r.props.role ?? null,
    status: (r: RelationObject) => r.props.status ?? null,
    amount: (r: RelationObject) => r.props.amount ?? null,
    order: (r: RelationObject) => r.props.order ?? null,
    reasoning: (r: RelationObject) => r.props.reasoning ?? null,
    note: (r: RelationObject) => r.props.note ?? null,
    confidence: (r: RelationObject) => r.props.confidence ?? null,
    unverified: (r: RelationObject) => r.props.unverified === true,
    derived: (r: RelationObject) => r.props.origin === 'derived',
    via: (r: RelationObject) => r.props.via ?? null,
    evidence: (r: RelationObject) => r.props.evidence ?? null,
    evidencePath: (r: RelationObject) => r.props.evidencePath ?? null,
    through: (r: RelationObject, _: unknown, ctx: GraphQLContext) =>
      typeof r.props.viaId === 'string' ? ctx.loaders.node.load(r.props.viaId) : null,
    sources: (r: RelationObject) => sourceRefs(r.props),
    period: (r: RelationObject) =>
      r.props.validFrom || r.props.validTo
        ? {
            from: r.props.validFrom ?? null,
            fromPrecision: r.props.validFromPrecision ?? null,
            to: r.props.validTo ?? null,
            toPrecision: r.props.validToPrecision ?? null,
          }
        : null,
  },
};
