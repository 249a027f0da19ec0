import { useTestApp } from '../helpers/http';

type Edge = {
  node: { id: string };
  periodKnown: boolean;
  period: { from: string | null; to: string | null } | null;
};
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ids = (edges: Edge[]) => edges.map((e) => e.node.id).sort();

describe('asOf and relationships whose period is unknown (seed)', () => {
  const env = useTestApp();

  const ministries = async (asOf: string, includeUndated?: boolean) => {
    const filter =
      includeUndated === undefined
        ? `{ asOf: "${asOf}" }`
        : `{ asOf: "${asOf}", includeUndated: ${includeUndated} }`;
    const { body } = await env.t.graphql(
      `{ state(isoCode: "IS") { ministries(filter: ${filter}, first: 50) { edges { node { id } periodKnown period { from to } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    return (body.data as Any).state.ministries.edges as Edge[];
  };

  it('marks an undated match with periodKnown: false, and leaves it out with includeUndated: false', async () => {
    // Barnaverndarstofa's responsibility has neither start nor end: it matches 2010 only because of that.
    const all = await ministries('2010-06-01');
    const agency = all.find((e) => e.node.id === 'agency:is-barnaverndarstofa');
    expect(agency).toMatchObject({ periodKnown: false, period: null });
    const dated = await ministries('2010-06-01', false);
    expect(ids(dated)).toEqual(ids(all.filter((e) => e.periodKnown)));
    expect(ids(dated)).not.toContain('agency:is-barnaverndarstofa');
    expect(dated.every((e) => e.periodKnown)).toBe(true);
  });

  it('marks a match whose start is unknown and end known (the Ministry of Welfare in 2009) as periodKnown: false, and leaves it out with includeUndated: false', async () => {
    // Known to have ended in 2021, with no start: it matches 2009 only because the start is missing.
    const all = await ministries('2009-06-01');
    const welfare = all.find((e) => e.node.id === 'ministry:is-welfare');
    expect(welfare).toMatchObject({ periodKnown: false, period: { from: null, to: '2021-12-31' } });
    const dated = await ministries('2009-06-01', false);
    expect(ids(dated)).not.toContain('ministry:is-welfare');
  });

  it('keeps a match whose start is known and end open, marked as dated', async () => {
    const all = await ministries('2024-06-01');
    const open = all.filter((e) => e.period?.from != null && e.period.to == null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((e) => e.periodKnown)).toBe(true);
    expect(ids(await ministries('2024-06-01', false))).toEqual(expect.arrayContaining(ids(open)));
  });

  it('changes nothing without a date filter, and by default', async () => {
    const { body } = await env.t.graphql(
      `{ state(isoCode: "IS") {
          plain: ministries(first: 50) { totalCount }
          off: ministries(first: 50, filter: { includeUndated: false }) { totalCount }
        } }`,
    );
    expect(body.errors).toBeUndefined();
    const s = (body.data as Any).state;
    expect(s.off.totalCount).toBe(s.plain.totalCount);
    expect(ids(await ministries('2010-06-01', true))).toEqual(ids(await ministries('2010-06-01')));
  });

  it('applies includeUndated to the generic relationships field (loaded per field) as well', async () => {
    const q = (inc: boolean) => `{ nodes(ids: ["state:IS"]) { ... on State {
        relationships(first: 100, filter: { asOf: "2010-06-01", includeUndated: ${inc}, types: [RESPONSIBLE_FOR_CHILDREN_IN] }) {
          edges { node { id } periodKnown period { from to } } } } } }`;
    const all = (await env.t.graphql(q(true))).body.data as Any;
    const dated = (await env.t.graphql(q(false))).body.data as Any;
    const allEdges = all.nodes[0].relationships.edges as Edge[];
    const datedEdges = dated.nodes[0].relationships.edges as Edge[];
    expect(ids(allEdges)).toContain('agency:is-barnaverndarstofa');
    expect(ids(datedEdges)).toEqual(ids(allEdges.filter((e) => e.periodKnown)));
  });

  it('leaves undated relationships out of a neighbourhood as of a date with includeUndated: false', async () => {
    const q = (
      inc: boolean,
    ) => `{ neighbourhood(id: "state:IS", asOf: "2010-06-01", includeUndated: ${inc}) {
        nodes { id } steps { startId endId relationship { type periodKnown } } } }`;
    const all = (await env.t.graphql(q(true))).body as Any;
    const dated = (await env.t.graphql(q(false))).body as Any;
    expect(all.errors).toBeUndefined();
    expect(dated.errors).toBeUndefined();
    const undated = (all.data.neighbourhood.steps as Any[]).filter(
      (s) => !s.relationship.periodKnown,
    );
    expect(undated.length).toBeGreaterThan(0);
    expect(
      (dated.data.neighbourhood.steps as Any[]).filter((s) => !s.relationship.periodKnown),
    ).toEqual([]);
    expect(dated.data.neighbourhood.steps.length).toBeLessThan(all.data.neighbourhood.steps.length);
  });
});
