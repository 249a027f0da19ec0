import { runSavedQuery } from '../../src/analyst/run';
import { ENUM_VALUES } from '../../src/graphql/generated/boundary';
import { useTestApp } from '../helpers/http';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (d: unknown) => (d == null ? null : String(d));

/** Whether a period (ISO ends, either open) holds on a date, as docs/model.md defines it. */
const holds = (from: string | null, to: string | null, on: string) =>
  (from === null || from <= on) && (to === null || to >= on);

/** The data the dashboard reads that the API computes: timeline by state, neighbourhood as of a date, data quality. */
describe('the API the dashboard reads', () => {
  const env = useTestApp();
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await env.t.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data as Any;
  };

  describe('Query.timeline(state)', () => {
    /**
     * The events that involve a state, written apart from the compiler: the
     * state's institutions first, then every entity linked to the state or
     * to them as the schema's description says, then one event per dated
     * property of each.
     */
    async function expectedEvents(state: string): Promise<Set<string>> {
      const rows = await env.db.read<{ kinds: string[]; labels: string[]; n: Any }>(
        `MATCH (st:State {id: $state})
         OPTIONAL MATCH (i:Entity)-[:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]->(st)
         WITH st, collect(DISTINCT i) AS institutions
         CALL (st, institutions) {
           MATCH (st)-[:HELD_PRESIDENCY]->(n:Presidency) RETURN n
           UNION
           MATCH (n:Entity)-[:HELD_IN]->(st) RETURN n
           UNION
           MATCH (st)-[:HELD_PRESIDENCY]->(:Presidency)<-[:DURING]-(n:Entity) WHERE n:Meeting OR n:Event RETURN n
           UNION
           MATCH (a:Entity)-[:PARTICIPATED_IN]->(n:Entity) WHERE a = st OR a IN institutions RETURN n
           UNION
           MATCH (n:Mandate)-[:ADOPTED_AT]->(:Entity)-[:HELD_IN]->(st) RETURN n
           UNION
           MATCH (a:Entity)-[:PARTNER_IN]->(n:Project) WHERE a = st OR a IN institutions RETURN n
           UNION
           MATCH (st)-[:PILOT_COUNTRY_OF]->(n:Project) RETURN n
           UNION
           MATCH (n:Entity)-[:COORDINATED_BY]->(c:Entity) WHERE c IN institutions RETURN n
           UNION
           MATCH (n:Law)-[:APPLIES_IN]->(st) RETURN n
           UNION
           MATCH (n:Service)-[:LOCATED_IN]->(st) RETURN n
           UNION
           MATCH (a:Entity)-[:AUTHORED]->(n:Output) WHERE a IN institutions RETURN n
         }
         RETURN labels(n) AS labels, properties(n) AS n`,
        { state },
        { operation: 'test.timeline-by-state' },
      );
      const events = new Set<string>();
      for (const { labels, n } of rows) {
        const add = (kind: string, date: unknown) => {
          if (date != null) events.add(`${iso(date)} ${kind} ${n.id}`);
        };
        if (labels.includes('Presidency')) add('PRESIDENCY', n.startDate);
        if (labels.includes('Meeting')) add('MEETING', n.startDate);
        if (labels.includes('Event')) add('EVENT', n.startDate);
        if (labels.includes('Mandate')) add('ADOPTION', n.adopted);
        if (labels.includes('Project')) {
          add('PROJECT_START', n.startDate);
          add('PROJECT_END', n.endDate);
        }
        if (labels.includes('Law')) add('LAW', n.enacted);
        if (labels.includes('Service')) add('OPENING', n.opened);
        if (labels.includes('Output')) add('PUBLICATION', n.published);
      }
      return events;
    }

    it('returns exactly the events that involve the state, for every member state, in date order', async () => {
      const states = await env.db.read<{ id: string }>(
        'MATCH (s:State) RETURN s.id AS id ORDER BY id',
        {},
        { operation: 'test.states' },
      );
      expect(states.length).toBeGreaterThan(5);
      const { timeline: all } = await ask('{ timeline(first: 500) { date kind node { id } } }');
      let nonEmpty = 0;
      for (const { id } of states) {
        const expected = await expectedEvents(id);
        expect(expected.size).toBeLessThan(500);
        const { timeline } = await ask(
          'query ($state: ID) { timeline(state: $state, first: 500) { date kind node { id } } }',
          { state: id },
        );
        const got = (timeline as Any[]).map((e) => `${e.date} ${e.kind} ${e.node.id}`);
        expect([id, new Set(got)]).toEqual([id, expected]);
        expect(got).toHaveLength(expected.size);
        const dates = (timeline as Any[]).map((e) => e.date as string);
        expect(dates).toEqual([...dates].sort());
        if (got.length > 0) nonEmpty += 1;
        expect(got.length).toBeLessThan((all as Any[]).length);
      }
      expect(nonEmpty).toBeGreaterThan(3);
    });

    it('combines the state with kinds and a date range', async () => {
      const expected = [...(await expectedEvents('state:LT'))].filter((e) => {
        const [date, kind] = e.split(' ');
        return (kind === 'MEETING' || kind === 'PROJECT_START') && date! >= '2010-01-01';
      });
      const { timeline } = await ask(`{
        timeline(state: "state:LT", kinds: [MEETING, PROJECT_START], from: "2010-01-01", first: 500) {
          date kind node { id }
        } }`);
      expect(new Set((timeline as Any[]).map((e) => `${e.date} ${e.kind} ${e.node.id}`))).toEqual(
        new Set(expected),
      );
    });

    it('answers an empty list for a state with no events in the range, fields under the entries selected', async () => {
      const { timeline } = await ask(`{
        timeline(state: "state:LT", from: "1000-01-01", to: "1000-12-31") {
          date node { id ... on Project { partners { totalCount } } }
        } }`);
      expect(timeline).toEqual([]);
    });

    it('answers NOT_FOUND for an id that is not a member state, whatever else is asked', async () => {
      for (const query of [
        '{ timeline(state: "state:XX") { date } }',
        '{ timeline(state: "org:cbss", first: 5) { date } }',
        '{ timeline(state: "state:XX", kinds: []) { date } }',
        '{ timeline(state: "state:XX", first: 0) { date } }',
      ]) {
        const { body } = await env.t.graphql(query);
        expect([query, body.errors?.[0]?.extensions?.code]).toEqual([query, 'NOT_FOUND']);
      }
    });
  });

  describe('Query.neighbourhood(asOf)', () => {
    const subgraph = `query ($asOf: Date, $depth: Int) {
      neighbourhood(id: "state:RU", asOf: $asOf, depth: $depth, limit: 500) {
        nodes { id }
        steps { startId endId relationship { type period { from to } } }
        truncated
      } }`;
    const cbssMembership = (n: Any) =>
      (n.steps as Any[]).filter(
        (s) =>
          s.startId === 'state:RU' && s.endId === 'org:cbss' && s.relationship.type === 'MEMBER_OF',
      );

    it('hides Russia’s CBSS membership, ended in 2022, as of 2023-01-01, and shows it before', async () => {
      const [membership] = await env.db.read<{ to: unknown }>(
        `MATCH (:State {id: 'state:RU'})-[r:MEMBER_OF]->(:Organisation {id: 'org:cbss'})
         RETURN r.validTo AS to`,
        {},
        { operation: 'test.ru-membership' },
      );
      expect(iso(membership?.to)! < '2023-01-01').toBe(true);
      const { neighbourhood: before } = await ask(subgraph, { asOf: '2020-01-01', depth: 1 });
      expect(cbssMembership(before)).toHaveLength(1);
      const { neighbourhood: plain } = await ask(subgraph, { depth: 1 });
      expect(cbssMembership(plain)).toHaveLength(1);
      const { neighbourhood: after } = await ask(subgraph, { asOf: '2023-01-01', depth: 1 });
      expect(cbssMembership(after)).toHaveLength(0);
      for (const s of after.steps as Any[])
        expect([
          s,
          holds(
            s.relationship.period?.from ?? null,
            s.relationship.period?.to ?? null,
            '2023-01-01',
          ),
        ]).toEqual([s, true]);
    });

    it.each([1, 2])(
      'reaches exactly the entities a walk through relationships valid on the date reaches (depth %i)',
      async (depth) => {
        const on = '2023-01-01';
        // Breadth first in JavaScript over every relationship, dates compared as text.
        const reached = new Set(['state:RU']);
        let frontier = ['state:RU'];
        for (let level = 0; level < depth; level += 1) {
          const rows = await env.db.read<{ a: string; b: string; from: unknown; to: unknown }>(
            `MATCH (a:Entity)-[r]-(b:Entity) WHERE a.id IN $ids
             RETURN a.id AS a, b.id AS b, r.validFrom AS from, r.validTo AS to`,
            { ids: frontier },
            { operation: 'test.walk' },
          );
          const next = new Set<string>();
          for (const r of rows)
            if (holds(iso(r.from), iso(r.to), on) && !reached.has(r.b)) next.add(r.b);
          for (const id of next) reached.add(id);
          frontier = [...next];
        }
        const { neighbourhood } = await ask(subgraph, { asOf: on, depth });
        expect(neighbourhood.truncated).toBe(false);
        expect(new Set((neighbourhood.nodes as Any[]).map((n) => n.id))).toEqual(reached);
        expect((neighbourhood.nodes as Any[])[0]?.id).toBe('state:RU');
      },
    );

    it('refuses a date that is not one', async () => {
      const { body } = await env.t.graphql(
        '{ neighbourhood(id: "state:RU", asOf: "2023-02-30") { truncated } }',
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    });
  });

  describe('Query.dataQuality', () => {
    it('equals the row counts of the data-quality saved queries', async () => {
      const count = (rows: Any[], test: (r: Any) => boolean) => rows.filter(test).length;
      const savedCounts = async () => {
        const sourceless = (await runSavedQuery(env.db, 'dq-facts-without-source', {})).rows;
        const unverified = (await runSavedQuery(env.db, 'dq-unverified-facts', {})).rows;
        const outside = (await runSavedQuery(env.db, 'dq-pursues-outside-mandate', {})).rows;
        const rowsOf = async (name: string) => (await runSavedQuery(env.db, name, {})).rows.length;
        return {
          unsourcedNodes: count(
            sourceless,
            (r) => r.kind === 'entity' && r.problem === 'no source',
          ),
          unsourcedRelationships: count(sourceless, (r) => r.kind === 'relationship'),
          missingSourceCitations: count(sourceless, (r) =>
            String(r.problem).startsWith('cites missing'),
          ),
          unverifiedNodes: count(unverified, (r) => r.kind === 'entity'),
          unverifiedRelationships: count(unverified, (r) => r.kind === 'relationship'),
          pursuesOutsideMandate: outside.length,
          membershipOutlastsState: await rowsOf('dq-membership-outlasts-state'),
          periodDisagreesWithRelationship: await rowsOf('dq-period-disagrees-with-relationship'),
          overlappingMandates: await rowsOf('dq-overlapping-mandates'),
          generalKnowledgeNotUnverified: await rowsOf('dq-general-knowledge-not-unverified'),
        };
      };
      const query = `{ dataQuality {
        unsourcedNodes unsourcedRelationships missingSourceCitations
        unverifiedNodes unverifiedRelationships pursuesOutsideMandate
        membershipOutlastsState periodDisagreesWithRelationship overlappingMandates
        generalKnowledgeNotUnverified } }`;
      // Other test files write facts for a moment (some without a source):
      // compare only when the saved queries agree before and after the API.
      let compared = false;
      for (let attempt = 0; attempt < 5 && !compared; attempt += 1) {
        const before = await savedCounts();
        const { dataQuality } = await ask(query);
        const after = await savedCounts();
        if (JSON.stringify(before) !== JSON.stringify(after)) continue;
        expect(dataQuality).toEqual(before);
        // Figures that are not all zero, so the comparison compares something.
        expect(dataQuality.unverifiedNodes + dataQuality.unverifiedRelationships).toBeGreaterThan(
          0,
        );
        compared = true;
      }
      expect(compared).toBe(true);
    });

    it('counts sources by kind, every kind of the model listed', async () => {
      const { dataQuality } = await ask('{ dataQuality { sourcesByKind { kind count } } }');
      const rows = await env.db.read<{ kind: string; count: number }>(
        'MATCH (s:Source) RETURN s.kind AS kind, count(*) AS count',
        {},
        { operation: 'test.sources-by-kind' },
      );
      const stored = Object.entries(ENUM_VALUES.SourceKind);
      expect(dataQuality.sourcesByKind).toEqual(
        stored.map(([name, value]) => ({
          kind: name,
          count: rows.find((r) => r.kind === value)?.count ?? 0,
        })),
      );
      expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(
        (dataQuality.sourcesByKind as Any[]).reduce((sum, r) => sum + r.count, 0),
      );
    });
  });
});
