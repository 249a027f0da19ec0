import { cypher } from '../../db/cypher-files';
import { badInput, notFound } from '../../errors';
import type { Model } from '../../model';
import type { Node, Relationship } from 'neo4j-driver';
import type { GraphQLContext } from '../request/context';
import { rootStatement } from '../plan/statements/roots';
import { lookups, type IdOrKey } from '../lookups';
import { neighbourhoodParams, nodeIds, pathParams, searchParams, timelineArgs } from '../read-args';
import { listArgs, type ListArgs } from '../arguments';
import { cellGrade } from '../matrix-cell';
import { memo } from '../plan/statements/cache';
import { closestProjects, projectNotFound } from '../closest-projects';
import { entityListStatement } from '../plan/statements/entity-list';
import { pathStatement } from '../plan/statements/path';
import { timelineKinds, timelineStatement } from '../plan/statements/timeline';
import { ENUM_VALUES, Label } from '../generated/boundary';
import type {
  InputMaybe,
  QueryResolvers,
  Resolvers,
  TimelineKind,
} from '../generated/resolvers-types';
import {
  encodeCursor,
  entityOf,
  sourceRefs,
  toEntity,
  toRelationship,
  type EntityConnectionObject,
} from '../model';
import type { EntityObjects, RelationshipObjects } from '../generated/objects';

export { luceneQuery } from '../read-args';

/** A path or subgraph as its statement returns it: the nodes and relationships themselves. */
type GraphRow = { nodes: Node[]; rels: Relationship[] };

/**
 * The entities of a path or subgraph, and its steps: each relationship
 * between two of them seen from its start node.
 */
function subgraphOf(row: GraphRow) {
  const byElement = new Map(row.nodes.map((n) => [n.elementId, toEntity(n.labels, n.properties)]));
  const steps = row.rels.flatMap((r) => {
    const start = byElement.get(r.startNodeElementId);
    const end = byElement.get(r.endNodeElementId);
    return start && end
      ? [
          {
            startId: start.id,
            endId: end.id,
            relationship: toRelationship(r.type, 'OUT', end, r.properties),
          },
        ]
      : [];
  });
  return { nodes: [...byElement.values()], steps };
}

const inModel = <T extends string>(values: readonly T[], name: string): T => {
  const found = values.find((v) => v === name);
  if (!found) throw badInput(`${name} is not in the model`);
  return found;
};

/** The timeline's statement for these kinds (in the model's order, timelineArgs). */
const timelineOf = (model: Model, kinds: string[], byState: boolean) => {
  return memo(`timeline:${kinds.join(',')}:${byState}`, () =>
    timelineStatement(model.timeline, kinds, byState),
  );
};

/** An entity as a resolver statement returns it. */
type EntityRow = { labels: string[]; props: Record<string, unknown> };

/** The top-level list of one label: a page of that label's objects. */
function listResolver<L extends keyof EntityObjects & string>(label: L, plural: string) {
  return async (
    _: unknown,
    args: ListArgs,
    ctx: GraphQLContext,
  ): Promise<EntityConnectionObject<EntityObjects[L]>> => {
    const { first, values, shape, after } = listArgs(args);
    const statement = memo(`list:${label}:${JSON.stringify(shape)}`, () =>
      entityListStatement(label, shape),
    );
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
    const [row] = await ctx.db.read<{ total: number; page: (EntityRow & { key: string })[] }>(
      statement,
      { ...given, after, limit: first + 1 },
      { operation: `Query.${plural}` },
    );
    const page = row?.page ?? [];
    // The statement matched the label: each row is that label's entity.
    const edges = page
      .slice(0, first)
      .map((r) => ({ cursor: encodeCursor(r.key), node: entityOf(label, r.props) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: row?.total ?? 0,
    };
  };
}

/** The labels the generated object types know (the Label enum's values). */
const ENTITY_LABELS: ReadonlySet<string> = new Set(Object.values(Label));

const isLabel = (label: string): label is keyof EntityObjects & string => ENTITY_LABELS.has(label);

/** The top-level list of each label, from the model's plurals. */
function listResolvers(model: Model): Record<string, unknown> {
  const lists: Record<string, unknown> = {};
  for (const [label, spec] of Object.entries(model.labels)) {
    if (!isLabel(label)) throw new Error(`${label} has no generated object type`);
    lists[spec.plural] = listResolver(label, spec.plural);
  }
  return lists;
}

interface TimelineArgs {
  from?: InputMaybe<string>;
  to?: InputMaybe<string>;
  kinds?: InputMaybe<readonly TimelineKind[]>;
  state?: InputMaybe<string>;
  first?: InputMaybe<number>;
}

/** The timeline in one statement: its entries and their entities. */
async function timelineEntries(model: Model, ctx: GraphQLContext, args: TimelineArgs) {
  const t = timelineArgs(timelineKinds(model.timeline), args);
  if (t.kinds.length === 0) return [];
  const rows = await ctx.db.read<
    EntityRow & {
      date: unknown;
      precision: string | null;
      kind: TimelineKind;
      title: string;
      sourceIds: string[] | null;
      sourceQuotes: string[] | null;
      stateFound?: boolean;
    }
  >(timelineOf(model, t.kinds, t.byState), t.params, { operation: 'Query.timeline' });
  if (t.byState && !rows[0]?.stateFound) throw notFound(`State ${args.state}`);
  return rows
    .filter((r) => r.date != null)
    .slice(0, t.first)
    .map((r) => ({
      date: r.date,
      precision: inModel(Object.values(ENUM_VALUES.Precision), r.precision ?? 'day'),
      kind: r.kind,
      title: r.title,
      node: toEntity(r.labels, r.props),
      sources: sourceRefs({ sourceIds: r.sourceIds, sourceQuotes: r.sourceQuotes }),
    }));
}

const Query: QueryResolvers = {
  nodes: (_, { ids }, ctx) => {
    return Promise.all(nodeIds(ids).map((id) => ctx.loaders.node.load(id)));
  },
  search: async (_, args, ctx) => {
    const rows = await ctx.db.read<{ node: Node; score: number }>(
      cypher('api/search.cypher'),
      searchParams(args),
      { operation: 'Query.search' },
    );
    return rows.map((r) => ({ score: r.score, node: toEntity(r.node.labels, r.node.properties) }));
  },
  path: async (_, args, ctx) => {
    const { maxHops, params } = pathParams(args);
    const [a, b] = await Promise.all([
      ctx.loaders.node.load(args.from),
      ctx.loaders.node.load(args.to),
    ]);
    if (!a) throw notFound(`Entity ${args.from}`);
    if (!b) throw notFound(`Entity ${args.to}`);
    // From an entity to itself: the path of length 0 (shortest-path search refuses equal ends).
    if (args.from === args.to) return [{ length: 0, nodes: [a], steps: [] }];
    const rows = await ctx.db.read<GraphRow>(
      memo(`path:${maxHops}`, () => pathStatement(maxHops)),
      params,
      { operation: 'Query.path' },
    );
    return rows.map((r) => ({ length: r.rels.length, ...subgraphOf(r) }));
  },
  neighbourhood: async (_, args, ctx) => {
    const { file, params } = neighbourhoodParams(args);
    const [row] = await ctx.db.read<GraphRow>(cypher(file), params, {
      operation: 'Query.neighbourhood',
    });
    if (!row) throw notFound(`Entity ${args.id}`);
    return { ...subgraphOf(row), truncated: row.nodes.length >= params.limit };
  },
  priorityMatrix: async (_, { mandate }, ctx) => {
    const [row] = await ctx.db.read<{
      mandate: Record<string, unknown>;
      priorities: Record<string, unknown>[];
      states: Record<string, unknown>[];
      cells: Record<string, unknown>[][][];
      mayPursue: Record<string, unknown>[][][];
      civilSociety: Record<string, unknown>[][][];
    }>(cypher('api/priority-matrix.cypher'), { mandate }, { operation: 'Query.priorityMatrix' });
    if (!row) throw notFound(`Mandate ${mandate}`);
    const states = row.states.map((s) => entityOf('State', s));
    const priorities = row.priorities.map((p) => entityOf('Priority', p));
    const cells = states.flatMap((state, i) =>
      priorities.map((priority, j) => {
        // Pattern comprehensions return relationships in no set order.
        const linksOf = <T extends keyof RelationshipObjects & string>(
          type: T,
          rows: Record<string, unknown>[] | undefined,
        ) =>
          (rows ?? [])
            .map((props) => toRelationship(type, 'OUT', priority, props))
            .sort((a, b) => (evidenceKey(a.stored) < evidenceKey(b.stored) ? -1 : 1));
        const links = linksOf('PURSUES', row.cells[i]?.[j]);
        const mayPursue = linksOf('MAY_PURSUE', row.mayPursue[i]?.[j]);
        const civilSociety = linksOf('CIVIL_SOCIETY_ENGAGES', row.civilSociety[i]?.[j]);
        return {
          state,
          priority,
          count: links.length,
          links,
          ...cellGrade(links),
          mayPursue,
          mayPursueCount: mayPursue.length,
          civilSociety,
          civilSocietyCount: civilSociety.length,
        };
      }),
    );
    return { mandate: entityOf('Mandate', row.mandate), states, priorities, cells };
  },
  dataQuality: async (_, __, ctx) => {
    const kinds = Object.values(ENUM_VALUES.SourceKind);
    const [row] = await ctx.db.read<{
      unsourcedNodes: number;
      unsourcedRelationships: number;
      missingSourceCitations: number;
      unverifiedNodes: number;
      unverifiedRelationships: number;
      pursuesOutsideMandate: number;
      membershipOutlastsState: number;
      periodDisagreesWithRelationship: number;
      overlappingMandates: number;
      generalKnowledgeNotUnverified: number;
      sourcesByKind: { kind: string; count: number }[];
    }>(
      cypher('api/data-quality.cypher'),
      { sourceKinds: kinds },
      { operation: 'Query.dataQuality' },
    );
    if (!row) throw new Error('the data-quality statement returned no row');
    return {
      ...row,
      sourcesByKind: row.sourcesByKind.map(({ kind, count }) => ({
        kind: inModel(kinds, kind),
        count,
      })),
    };
  },
  counts: async (_, __, ctx) => {
    const rows = await ctx.db.read<{ kind: string; name: string; count: number }>(
      cypher('api/counts.cypher'),
      {},
      { operation: 'Query.counts' },
    );
    const labels = Object.values(ENUM_VALUES.Label);
    const types = Object.values(ENUM_VALUES.RelationshipType);
    return {
      // Labels and types the model does not know (e.g. Migration) are not the graph's.
      labels: rows
        .filter((r) => r.kind === 'label')
        .flatMap(({ name, count }) => {
          const label = labels.find((l) => l === name);
          return label ? [{ label, count }] : [];
        }),
      relationships: rows
        .filter((r) => r.kind === 'type')
        .flatMap(({ name, count }) => {
          const type = types.find((t) => t === name);
          return type ? [{ type, count }] : [];
        }),
    };
  },
};

const evidenceKey = (props: Record<string, unknown>) =>
  `${String(props.via)}|${String(props.viaId)}`;

/** The root fields: typed ones checked against the schema, plus one list per label. */
export function queryResolvers(model: Model): [Resolvers, { Query: Record<string, unknown> }] {
  // A root field that finds one entity: the lookup, one statement.
  const roots: Record<string, unknown> = {};
  for (const [name, lookupOf] of Object.entries(lookups))
    roots[name] = async (_: unknown, args: IdOrKey, ctx: GraphQLContext) => {
      const [lookup, params] = lookupOf(args);
      const [row] = await ctx.db.read<EntityRow>(rootStatement(lookup), params, {
        operation: `Query.${name}`,
      });
      // An acronym no project has: say so, with the closest names.
      if (!row && lookup.by === 'acronym')
        throw projectNotFound(
          args.acronym ?? '',
          await closestProjects(ctx.db, String(params.key)),
        );
      return row ? toEntity(row.labels, row.props) : null;
    };
  const timeline: QueryResolvers['timeline'] = (_, args, ctx) => timelineEntries(model, ctx, args);
  return [{ Query: { ...Query, timeline } }, { Query: { ...listResolvers(model), ...roots } }];
}
