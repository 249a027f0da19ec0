import { cypher } from '../../db/cypher-files';
import { badInput, notFound } from '../../errors';
import type { GraphQLContext } from '../context';
import {
  dateParam,
  decodeCursor,
  pageSize,
  toConnection,
  toEntity,
  type EntityObject,
} from '../model';

type Row = { labels: string[]; props: Record<string, unknown> };
type StepRow = { type: string; from: string; to: string; props: Record<string, unknown> };

const step = (r: StepRow) => ({
  from: r.from,
  to: r.to,
  relation: { type: r.type, direction: 'OUT', props: r.props },
});

function clamp(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Lucene's query syntax characters, taken literally in user text. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneQuery(text: string): string {
  const terms = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    // Lower case: the index is case-insensitive, and AND / OR / NOT stay words, not operators.
    .map((t) => t.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((t) => t.replace(/\\/g, '').length > 0);
  if (terms.length === 0) throw badInput('search text must contain at least one word');
  // Each word as typed, or as the start of a longer word (barna → barnahus).
  return terms.map((t) => `(${t} OR ${t}*)`).join(' ');
}

async function byKey(
  ctx: GraphQLContext,
  file: string,
  params: Record<string, unknown>,
  operation: string,
) {
  const [row] = await ctx.db.read<Row>(cypher(file), params, { operation });
  return row ? toEntity(row.labels, row.props) : null;
}

async function byId(ctx: GraphQLContext, id: string, label: string): Promise<EntityObject | null> {
  const e = await ctx.loaders.node.load(id);
  return e && e.__label === label ? e : null;
}

export function queryResolvers(labels: string[], plurals: Record<string, string>) {
  const lists: Record<string, unknown> = {};
  for (const label of labels) {
    lists[plurals[label]!] = async (
      _: unknown,
      args: {
        filter?: { text?: string; kind?: string; unverified?: boolean } | null;
        orderBy?: string;
        first?: number;
        after?: string;
      },
      ctx: GraphQLContext,
    ) => {
      const first = pageSize(args.first);
      const [row] = await ctx.db.read<{
        total: number;
        page: { key: string; labels: string[]; node: Record<string, unknown> }[];
      }>(
        cypher('api/entity-list.cypher'),
        {
          label,
          text: args.filter?.text ? args.filter.text.toLowerCase() : null,
          kind: args.filter?.kind ?? null,
          unverified: args.filter?.unverified ?? null,
          orderBy: args.orderBy ?? 'NAME',
          after: decodeCursor(args.after),
          limit: first + 1,
        },
        { operation: `Query.${plurals[label]}` },
      );
      return toConnection(row?.page ?? [], row?.total ?? 0, first);
    };
  }

  return {
    Query: {
      ...lists,
      node: (_: unknown, { id }: { id: string }, ctx: GraphQLContext) => ctx.loaders.node.load(id),
      nodes: (_: unknown, { ids }: { ids: string[] }, ctx: GraphQLContext) => {
        if (ids.length > 100) throw badInput('nodes takes at most 100 ids');
        return Promise.all(ids.map((id) => ctx.loaders.node.load(id)));
      },
      state: (_: unknown, args: { isoCode?: string; id?: string }, ctx: GraphQLContext) =>
        lookupCountry('State', args, ctx),
      country: (_: unknown, args: { isoCode?: string; id?: string }, ctx: GraphQLContext) =>
        lookupCountry('Country', args, ctx),
      project: (_: unknown, args: { acronym?: string; id?: string }, ctx: GraphQLContext) => {
        if (args.id) return byId(ctx, args.id, 'Project');
        if (!args.acronym) throw badInput('project needs an acronym or an id');
        return byKey(
          ctx,
          'api/project-by-acronym.cypher',
          { key: args.acronym.trim().toLowerCase() },
          'Query.project',
        );
      },
      search: async (
        _: unknown,
        args: { text: string; types?: string[] | null; first?: number },
        ctx: GraphQLContext,
      ) => {
        if (args.text.length > 200) throw badInput('search text is limited to 200 characters');
        const unknown = (args.types ?? []).filter((t) => !labels.includes(t));
        if (unknown.length) throw badInput(`unknown type(s): ${unknown.join(', ')}`);
        const limit = pageSize(args.first);
        const rows = await ctx.db.read<Row & { score: number }>(
          cypher('api/search.cypher'),
          {
            query: luceneQuery(args.text),
            types: args.types ?? null,
            limit,
            candidates: limit * 5,
          },
          { operation: 'Query.search' },
        );
        return rows.map((r) => {
          const node = toEntity(r.labels, r.props);
          return { score: r.score, type: node.__label, node };
        });
      },
      path: async (
        _: unknown,
        args: { from: string; to: string; maxHops: number; includeDerived: boolean; limit: number },
        ctx: GraphQLContext,
      ) => {
        const maxHops = clamp(args.maxHops, 1, 8, 'maxHops');
        const limit = clamp(args.limit, 1, 10, 'limit');
        const [a, b] = await Promise.all([
          ctx.loaders.node.load(args.from),
          ctx.loaders.node.load(args.to),
        ]);
        if (!a) throw notFound(`Entity ${args.from}`);
        if (!b) throw notFound(`Entity ${args.to}`);
        const rows = await ctx.db.read<{ nodes: Row[]; rels: StepRow[] }>(
          cypher('api/path.cypher'),
          { from: args.from, to: args.to, maxHops, includeDerived: args.includeDerived, limit },
          { operation: 'Query.path' },
        );
        return rows.map((r) => ({
          length: r.rels.length,
          nodes: r.nodes.map((n) => toEntity(n.labels, n.props)),
          relationships: r.rels.map(step),
        }));
      },
      neighbourhood: async (
        _: unknown,
        args: { id: string; depth: number; limit: number },
        ctx: GraphQLContext,
      ) => {
        const depth = clamp(args.depth, 1, 3, 'depth');
        const limit = clamp(args.limit, 1, 500, 'limit');
        const [row] = await ctx.db.read<{ nodes: Row[]; rels: StepRow[] }>(
          cypher('api/neighbourhood.cypher'),
          { id: args.id, depth, limit },
          { operation: 'Query.neighbourhood' },
        );
        if (!row) throw notFound(`Entity ${args.id}`);
        const ids = new Set(row.nodes.map((n) => String(n.props.id)));
        return {
          nodes: row.nodes.map((n) => toEntity(n.labels, n.props)),
          relationships: row.rels.filter((r) => ids.has(r.from) && ids.has(r.to)).map(step),
          truncated: row.nodes.length >= limit,
        };
      },
      timeline: async (
        _: unknown,
        args: { from?: string; to?: string; kinds?: string[] | null; first?: number },
        ctx: GraphQLContext,
      ) => {
        const limit = clamp(args.first ?? 100, 0, 500, 'first');
        const rows = await ctx.db.read<
          Row & { date: unknown; precision: string; kind: string; title: string }
        >(
          cypher('api/timeline.cypher'),
          {
            from: dateParam(args.from, 'from'),
            to: dateParam(args.to, 'to'),
            kinds: args.kinds ?? null,
            limit,
          },
          { operation: 'Query.timeline' },
        );
        return rows.map((r) => {
          const node = toEntity(r.labels, r.props);
          return {
            date: r.date,
            precision: r.precision ?? 'day',
            kind: r.kind,
            title: r.title,
            node,
            sources: node,
          };
        });
      },
      priorityMatrix: async (_: unknown, { mandate }: { mandate: string }, ctx: GraphQLContext) => {
        const [row] = await ctx.db.read<{
          mandate: Record<string, unknown>;
          priorities: Record<string, unknown>[];
          states: Record<string, unknown>[];
          cells: Record<string, unknown>[][][];
        }>(
          cypher('api/priority-matrix.cypher'),
          { mandate },
          { operation: 'Query.priorityMatrix' },
        );
        if (!row) throw notFound(`Mandate ${mandate}`);
        const states = row.states.map((s) => toEntity(['State'], s));
        const priorities = row.priorities.map((p) => toEntity(['Priority'], p));
        const cells = states.flatMap((state, i) =>
          priorities.map((priority, j) => {
            // Pattern comprehensions return relationships in no set order.
            const evidence = (row.cells[i]?.[j] ?? [])
              .map((props) => ({ type: 'PURSUES', direction: 'OUT', props }))
              .sort((a, b) => (evidenceKey(a.props) < evidenceKey(b.props) ? -1 : 1));
            return { state, priority, count: evidence.length, evidence };
          }),
        );
        return { mandate: toEntity(['Mandate'], row.mandate), states, priorities, cells };
      },
      counts: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
        const rows = await ctx.db.read<{ kind: string; name: string; count: number }>(
          cypher('seed/counts.cypher'),
          {},
          {
            operation: 'Query.counts',
          },
        );
        return {
          labels: rows
            .filter((r) => r.kind === 'label')
            .map(({ name, count }) => ({ name, count })),
          relationships: rows
            .filter((r) => r.kind === 'type')
            .map(({ name, count }) => ({ name, count })),
        };
      },
    },
    TimelineEvent: {
      sources: (e: { sources: EntityObject }) => {
        const ids = (e.sources.sourceIds as string[] | undefined) ?? [];
        const quotes = (e.sources.sourceQuotes as string[] | undefined) ?? [];
        return ids.map((sourceId, i) => ({ sourceId, quote: quotes[i] ? quotes[i] : null }));
      },
    },
  };
}

const evidenceKey = (props: Record<string, unknown>) =>
  `${String(props.via)}|${String(props.viaId)}`;

async function lookupCountry(
  label: 'State' | 'Country',
  args: { isoCode?: string; id?: string },
  ctx: GraphQLContext,
) {
  if (args.id) return byId(ctx, args.id, label);
  if (!args.isoCode)
    throw badInput(`${label === 'State' ? 'state' : 'country'} needs an isoCode or an id`);
  return byKey(
    ctx,
    'api/country-by-iso.cypher',
    { label, isoCode: args.isoCode.trim().toUpperCase() },
    `Query.${label.toLowerCase()}`,
  );
}
