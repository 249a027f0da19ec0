import { Kind, type GraphQLResolveInfo } from 'graphql';
import { farLabelFilter, type FieldSpec, type Model } from '../../model';
import { AppError, ErrorCode } from '../../errors';
import type { GraphQLContext } from '../request/context';
import { evidenceOf } from '../evidence';
import { ENUM_VALUES, RELATIONSHIP_OBJECT_TYPES } from '../generated/boundary';
import { GradeReasonCode, RelationOrder } from '../generated/resolvers-types';
import type {
  DerivationRule,
  EvidencePathResolvers,
  EvidenceStepResolvers,
  GradeReasonResolvers,
  Confidence,
  Label,
  RelationshipType,
  NodeResolvers,
  RelationshipEdgeResolvers,
  RelationshipResolvers,
  Resolvers,
  SourceRefResolvers,
} from '../generated/resolvers-types';
import { anyRelationSpec, walkArgs, type RelationArgs } from '../arguments';
import type { RelationQuery } from '../loaders';
import {
  decodeCursor,
  ofLabel,
  pageSize,
  periodOf,
  sourceRefs,
  toEntityConnection,
  toRelationshipConnection,
  type EntityObject,
  type RelationshipConnectionObject,
  type RelationshipObject,
} from '../model';
import type { SourceObject } from '../generated/objects';

/** One page of a relationship field, through the per-request loader for these arguments. */
export async function relationConnection(
  ctx: GraphQLContext,
  parentId: string,
  spec: { types: string[] | null; direction: 'out' | 'in' | null; labels: string[] | null },
  args: RelationArgs,
): Promise<RelationshipConnectionObject> {
  const a = walkArgs(args);
  const query: RelationQuery = {
    spec,
    orderBy: a.orderBy,
    filters: a.filters,
    after: a.after,
    limit: a.first + 1,
  };
  const rows = await ctx.loaders.relation(query).load(parentId);
  return toRelationshipConnection(rows.page, rows.total, a.first);
}

/** A single link: the first relationship of the field (the seed validator allows only one). */
async function singleLink(
  ctx: GraphQLContext,
  parentId: string,
  spec: { types: string[]; direction: 'out' | 'in'; labels: string[] | null },
): Promise<RelationshipObject | null> {
  const page = await relationConnection(ctx, parentId, spec, {
    first: 1,
    orderBy: RelationOrder.Id,
  });
  const edge = page.edges[0];
  if (!edge) return null;
  // A link has no cursor: it is not a page.
  const { cursor: _cursor, ...link } = edge;
  return link;
}

function fieldResolver(model: Model, field: FieldSpec) {
  const spec = {
    types: [field.relationship],
    direction: field.direction,
    labels: farLabelFilter(model, field),
  };
  // One DataLoader batch per field and arguments across the parents of a level.
  if (field.cardinality === 'one')
    return (e: EntityObject, _: unknown, ctx: GraphQLContext) => singleLink(ctx, e.id, spec);
  return (e: EntityObject, args: RelationArgs, ctx: GraphQLContext) =>
    relationConnection(ctx, e.id, spec, args);
}

const relationshipTypeOf = (t: string): RelationshipType => {
  const type = Object.values(ENUM_VALUES.RelationshipType).find((x) => x === t);
  if (!type) throw new AppError(ErrorCode.INTERNAL, `Relationship type ${t} is not in the model`);
  return type;
};

/** A stored rule as a value of one rule enum (a derived type's own, or DerivationRule). */
function ruleIn<T extends string>(values: Record<string, T>) {
  return (r: string): T => {
    const rule = Object.values(values).find((x) => x === r);
    if (!rule) throw new AppError(ErrorCode.INTERNAL, `Derivation rule ${r} is not in the model`);
    return rule;
  };
}

const derivationRuleOf: (r: string) => DerivationRule = ruleIn(ENUM_VALUES.DerivationRule);

const gradeReasonCodeOf = (c: string): GradeReasonCode => {
  const code = Object.values(GradeReasonCode).find((x) => x === c);
  if (!code) throw new AppError(ErrorCode.INTERNAL, `Grade reason ${c} is not in the contract`);
  return code;
};

const confidenceOf = (c: unknown): Confidence | null =>
  Object.values(ENUM_VALUES.Confidence).find((x) => x === c) ?? null;

const labelOf = (e: EntityObject): Label => {
  const label = Object.values(ENUM_VALUES.Label).find((l) => l === e.__label);
  if (!label) throw new AppError(ErrorCode.INTERNAL, `Label ${e.__label} is not in the model`);
  return label;
};

const common = {
  label: (e: EntityObject) => labelOf(e),
  sources: (e: EntityObject) => sourceRefs(e),
  connectionCount: (e: EntityObject, _: unknown, ctx: GraphQLContext) =>
    ctx.loaders.degree.load(e.id),
  unverified: (e: EntityObject) => e.unverified === true,
  relationships: (e: EntityObject, args: RelationArgs, ctx: GraphQLContext) =>
    relationConnection(ctx, e.id, anyRelationSpec(args), args),
};

/**
 * Resolvers of every entity type, built from the model: the Node fields and
 * one resolver per relationship field. They follow the model by
 * construction; makeExecutableSchema refuses any that the schema lacks.
 */
export function entityResolvers(model: Model): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [label, spec] of Object.entries(model.labels)) {
    const fields: Record<string, unknown> = { ...common };
    for (const [name, field] of Object.entries(spec.fields))
      fields[name] = fieldResolver(model, field);
    out[label] = fields;
  }
  out.Source = {
    ...out.Source,
    // A source's name is its title unless a name was stored beside it.
    name: (e: SourceObject & { name?: string | null }) => e.name ?? e.title,
    citedBy: async (
      e: EntityObject,
      args: { first?: number | null; after?: string | null },
      ctx: GraphQLContext,
    ) => {
      const first = pageSize(args.first);
      const rows = await ctx.loaders.citedBy(decodeCursor(args.after), first + 1).load(e.id);
      return toEntityConnection(rows.page, rows.total, first);
    },
  };
  return out;
}

const isRelationshipType = (t: string): t is keyof typeof RELATIONSHIP_OBJECT_TYPES =>
  Object.hasOwn(RELATIONSHIP_OBJECT_TYPES, t);

function objectTypesOf(r: RelationshipObject) {
  if (!isRelationshipType(r.type))
    throw new AppError(ErrorCode.INTERNAL, `Relationship type ${r.type} is not in the model`);
  return RELATIONSHIP_OBJECT_TYPES[r.type][r.direction];
}

/** A relationship in a page is its type's connection edge. */
const edgeTypeOf = (r: RelationshipObject) => objectTypesOf(r).edge;

/** A relationship outside a page (a single link, a path step) is its type's link. */
function linkOrEdgeTypeOf(r: RelationshipObject) {
  if (r.cursor !== undefined) return edgeTypeOf(r);
  const link = objectTypesOf(r).link;
  if (!link) throw new AppError(ErrorCode.INTERNAL, `${r.type} has no ${r.direction} link type`);
  return link;
}

const Node: NodeResolvers = { __resolveType: labelOf };
const Relationship: RelationshipResolvers = { __resolveType: linkOrEdgeTypeOf };
const RelationshipEdge: RelationshipEdgeResolvers = { __resolveType: edgeTypeOf };

/** True when a field's selection asks for nothing but the id (and __typename). */
function onlyId(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (s) => s.kind === Kind.FIELD && (s.name.value === 'id' || s.name.value === '__typename'),
    ),
  );
}

const SourceRef: SourceRefResolvers = {
  // The id is already on the fact: only a selection of more than the id loads the source.
  source: async (ref, _, ctx, info) => {
    // Only its id is selected, so only its id is read: the rest of a SourceObject is never asked for.
    if (onlyId(info)) return { __label: 'Source', id: ref.sourceId } as SourceObject;
    const source = await ctx.loaders.node.load(ref.sourceId);
    if (!source)
      throw new AppError(ErrorCode.INTERNAL, `Source ${ref.sourceId} is cited but missing`);
    return ofLabel('Source', source);
  },
};

/** The relationship behind an evidence step, or an error naming it. */
async function stepRelationship(
  step: { startId: string; type: string; endId: string },
  ctx: GraphQLContext,
) {
  const props = await ctx.loaders.relationship.load(step);
  if (!props)
    throw new AppError(
      ErrorCode.INTERNAL,
      `Evidence step ${step.startId} ${step.type} ${step.endId} is no longer in the graph`,
    );
  return props;
}

const CONFIDENCE_ORDER = Object.values(ENUM_VALUES.Confidence);

const EvidencePath: EvidencePathResolvers = {
  rule: (p) => derivationRuleOf(p.rule),
  // As the derivation stored them; links derived before it did have none.
  gradeReasons: (p) => p.gradeReasons ?? [],
  // As the derivation stored it; for links derived before it did, the
  // weakest link: the lowest confidence any step gives (null when none gives one).
  confidence: async (p, _, ctx) => {
    if (p.confidence !== undefined) return confidenceOf(p.confidence);
    const marks = await Promise.all(
      p.steps.map(async (s) => (await stepRelationship(s, ctx)).confidence),
    );
    const ranks = marks
      .map((m) => CONFIDENCE_ORDER.findIndex((c) => c === m))
      .filter((i) => i >= 0);
    return ranks.length ? CONFIDENCE_ORDER[Math.max(...ranks)]! : null;
  },
  unverified: async (p, _, ctx) => {
    if (p.unverified !== undefined) return p.unverified;
    const flags = await Promise.all(
      p.steps.map(async (s) => (await stepRelationship(s, ctx)).unverified === true),
    );
    return flags.some(Boolean);
  },
};

const EvidenceStep: EvidenceStepResolvers = {
  node: async (s, _, ctx) => {
    const node = await ctx.loaders.node.load(s.nodeId);
    if (!node) throw new AppError(ErrorCode.INTERNAL, `Evidence names missing entity ${s.nodeId}`);
    return node;
  },
  relationshipType: (s) => relationshipTypeOf(s.type),
  period: async (s, _, ctx) => periodOf(await stepRelationship(s, ctx)),
  sources: async (s, _, ctx) => sourceRefs(await stepRelationship(s, ctx)),
  confidence: async (s, _, ctx) => confidenceOf((await stepRelationship(s, ctx)).confidence),
  unverified: async (s, _, ctx) => (await stepRelationship(s, ctx)).unverified === true,
};

const GradeReason: GradeReasonResolvers = {
  code: (r) => gradeReasonCodeOf(r.code),
  cap: (r) => {
    const cap = confidenceOf(r.cap);
    if (!cap) throw new AppError(ErrorCode.INTERNAL, `Grade cap ${r.cap} is not a confidence`);
    return cap;
  },
};

const evidence = (r: RelationshipObject) => evidenceOf(r.stored);
/** The edge and link resolvers of a derived type: its evidence and its own typed rule. */
function derivedResolvers<T extends string>(values: Record<string, T>) {
  const ruleOf = ruleIn(values);
  // Links derived before the loader stored rules take their first path's.
  const rule = (r: RelationshipObject) =>
    ruleOf(typeof r.stored.rule === 'string' ? r.stored.rule : (evidence(r)[0]?.rule ?? ''));
  return { evidence, rule };
}
const pursues = derivedResolvers(ENUM_VALUES.PursuesRule);
const mayPursue = derivedResolvers(ENUM_VALUES.MayPursueRule);
const civilSociety = derivedResolvers(ENUM_VALUES.CivilSocietyEngagesRule);

/** Resolvers shared by every entity and relationship type, checked against the generated types. */
export const sharedResolvers: Resolvers = {
  Node,
  Relationship,
  RelationshipEdge,
  SourceRef,
  EvidencePath,
  EvidenceStep,
  GradeReason,
  PursuesEdge: pursues,
  PursuesLink: pursues,
  PursuesIncomingEdge: pursues,
  MayPursueEdge: mayPursue,
  MayPursueLink: mayPursue,
  MayPursueIncomingEdge: mayPursue,
  CivilSocietyEngagesEdge: civilSociety,
  CivilSocietyEngagesLink: civilSociety,
  CivilSocietyEngagesIncomingEdge: civilSociety,
};
