/**
 * The benchmark's scenarios: for each, the request every contestant answers,
 * and how its answer is normalised so that the three can be compared.
 *
 * Every list is asked in the same order of every contestant: ours orders by
 * NAME (the stored `sortKey`: lower-case name, then id) or by ID, so
 * @neo4j/graphql sorts on `sortKey` or `id` and the floor's Cypher orders by
 * the same property. Normalisers keep that order (answers.ts compares it) and
 * sort only lists whose document asks no order (`unordered`).
 */
import { tiesUnordered, unordered } from './answers';
import { DENSE_PRIORITY } from './scale';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Request {
  query?: string;
  variables?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  description: string;
  ours: (vars: Record<string, unknown>) => Request;
  neo4jGraphql: (vars: Record<string, unknown>) => Request;
  /** The floor's single Cypher statement, and its parameters from the per-contestant vars. */
  floorCypher: string;
  floorParams?: (vars: Record<string, unknown>) => Record<string, unknown>;
  normalise: {
    ours: (data: Json) => unknown;
    neo4jGraphql: (data: Json) => unknown;
    floor: (rows: Json[]) => unknown;
  };
  /** Variables before timing (e.g. a cursor deep in a connection), per contestant. */
  vars?: { page: number };
}

const names = (xs: Json[]) => xs.map((x) => x.name as string);
const stored = (enumValue: string) => enumValue.toLowerCase().replace(/_/g, '-');

export const PROJECT_IDS = [
  'project:promise-1',
  'project:promise-2',
  'project:promise-3',
  'project:non-violent-childhoods',
  'project:robert',
  'project:protect-children-on-the-move',
  'project:audtrain',
  'project:proguard',
  'project:promise-soteria',
  'project:promise-barnahus-network',
];
/** The deep pages' parent: the scaled graph gives it over 1,000 projects at 10x (bench/scale.ts). */
export const DEEP_PRIORITY = DENSE_PRIORITY;

export const SCENARIOS: Scenario[] = [
  {
    name: 'state-detail',
    description: 'Lithuania with its ministries, ombudsperson institutions and presidencies',
    ours: () => ({
      query: `{ state(isoCode: "LT") { name
        ministries(first: 100, orderBy: NAME) { edges { node { name } } }
        ombudspersons(first: 100, orderBy: NAME) { edges { node { name } } }
        presidencies(first: 100, orderBy: NAME) { edges { node { term } } } } }`,
    }),
    neo4jGraphql: () => ({
      // Ministries and agencies share an interface, so their connection sorts like the others.
      query: `{ states(where: { isoCode: { eq: "LT" } }) { name
        ministriesConnection(first: 100, sort: [{ node: { sortKey: ASC } }]) { edges { node { name } } }
        ombudspersonsConnection(first: 100, sort: [{ node: { sortKey: ASC } }]) { edges { node { name } } }
        presidenciesConnection(first: 100, sort: [{ node: { sortKey: ASC } }]) { edges { node { term } } } } }`,
    }),
    floorCypher: `MATCH (s:State {isoCode: 'LT'})
      RETURN s.name AS name,
        COLLECT { MATCH (s)<-[:RESPONSIBLE_FOR_CHILDREN_IN]-(m:Ministry|Agency) RETURN m.name ORDER BY m.sortKey LIMIT 100 } AS ministries,
        COLLECT { MATCH (s)<-[:OMBUDSPERSON_FOR]-(o:OmbudspersonInstitution) RETURN o.name ORDER BY o.sortKey LIMIT 100 } AS ombudspersons,
        COLLECT { MATCH (s)-[:HELD_PRESIDENCY]->(p:Presidency) WITH p ORDER BY p.sortKey LIMIT 100 RETURN p.term } AS presidencies`,
    normalise: {
      ours: (d) => ({
        name: d.state.name,
        ministries: names(d.state.ministries.edges.map((e: Json) => e.node)),
        ombudspersons: names(d.state.ombudspersons.edges.map((e: Json) => e.node)),
        presidencies: d.state.presidencies.edges.map((e: Json) => e.node.term),
      }),
      neo4jGraphql: (d) => ({
        name: d.states[0].name,
        ministries: names(d.states[0].ministriesConnection.edges.map((e: Json) => e.node)),
        ombudspersons: names(d.states[0].ombudspersonsConnection.edges.map((e: Json) => e.node)),
        presidencies: d.states[0].presidenciesConnection.edges.map((e: Json) => e.node.term),
      }),
      floor: (rows) => ({
        name: rows[0].name,
        ministries: rows[0].ministries,
        ombudspersons: rows[0].ombudspersons,
        presidencies: rows[0].presidencies,
      }),
    },
  },
  {
    name: 'states-presidencies-priorities',
    description:
      'Every state with its presidencies and the priorities each declared (two levels of lists)',
    ours: () => ({
      query: `{ states(first: 20, orderBy: NAME) { edges { node { isoCode
        presidencies(first: 20, orderBy: NAME) { edges { node { term declaredPriorities(first: 20, orderBy: NAME) { edges { node { name } } } } } } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ statesConnection(first: 20, sort: [{ sortKey: ASC }]) { edges { node { isoCode
        presidenciesConnection(first: 20, sort: [{ node: { sortKey: ASC } }]) { edges { node { term
          declaredPrioritiesConnection(first: 20, sort: [{ node: { sortKey: ASC } }]) { edges { node { name } } } } } } } } } }`,
    }),
    floorCypher: `MATCH (s:State) WITH s ORDER BY s.sortKey LIMIT 20
      RETURN s.isoCode AS isoCode,
        COLLECT { MATCH (s)-[:HELD_PRESIDENCY]->(p:Presidency) WITH p ORDER BY p.sortKey LIMIT 20
          RETURN {term: p.term, priorities: COLLECT { MATCH (p)-[:DECLARED_PRIORITY]->(x:Priority) RETURN x.name ORDER BY x.sortKey LIMIT 20 }} } AS presidencies`,
    normalise: {
      ours: (d) =>
        d.states.edges.map((e: Json) => ({
          isoCode: e.node.isoCode,
          presidencies: e.node.presidencies.edges.map((p: Json) => ({
            term: p.node.term,
            priorities: names(p.node.declaredPriorities.edges.map((x: Json) => x.node)),
          })),
        })),
      neo4jGraphql: (d) =>
        d.statesConnection.edges.map(({ node: s }: Json) => ({
          isoCode: s.isoCode,
          presidencies: s.presidenciesConnection.edges.map(({ node: p }: Json) => ({
            term: p.term,
            priorities: names(p.declaredPrioritiesConnection.edges.map((e: Json) => e.node)),
          })),
        })),
      floor: (rows) =>
        rows.map((s: Json) => ({
          isoCode: s.isoCode,
          presidencies: s.presidencies.map((p: Json) => ({
            term: p.term,
            priorities: p.priorities,
          })),
        })),
    },
  },
  {
    name: 'projects-partners-states',
    description:
      'Ten projects with all their partners (organisations, bodies, ministries, agencies, ombudsperson institutions, services, states) and, for organisations, the states and countries they are based in (three levels of lists)',
    ours: () => ({
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Project { id
        partners(first: 100, orderBy: NAME) { edges { node { __typename id ... on Organisation { locatedIn(first: 20, orderBy: NAME) { edges { node { id } } } } } } } } } }`,
      variables: { ids: PROJECT_IDS },
    }),
    neo4jGraphql: () => ({
      query: `query($ids: [ID!]!) { projects(where: { id: { in: $ids } }) { id
        partnersConnection(first: 100, sort: [{ node: { sortKey: ASC } }]) { edges { node { __typename id
          ... on Organisation { locatedInConnection(first: 20, sort: [{ node: { sortKey: ASC } }]) { edges { node { id } } } } } } } } }`,
      variables: { ids: PROJECT_IDS },
    }),
    floorParams: () => ({ ids: PROJECT_IDS }),
    // Label-qualified and index-backed: the id index is on Entity, the label a filter.
    floorCypher: `MATCH (p:Entity) WHERE p.id IN $ids AND p:Project
      RETURN p.id AS id, COLLECT { MATCH (p)<-[:PARTNER_IN]-(o:Organisation|Body|Ministry|Agency|OmbudspersonInstitution|Service|State)
        WITH o ORDER BY o.sortKey LIMIT 100
        RETURN {type: [l IN labels(o) WHERE l <> 'Entity'][0], id: o.id,
          locatedIn: CASE WHEN o:Organisation THEN COLLECT { MATCH (o)-[:LOCATED_IN]->(s:State|Country) RETURN s.id ORDER BY s.sortKey LIMIT 20 } END} } AS partners`,
    normalise: {
      // nodes(ids:) answers in the order of the ids, the others in no asked order.
      ours: (d) =>
        unordered(
          d.nodes.map((p: Json) => ({
            id: p.id,
            partners: p.partners.edges.map(({ node: o }: Json) => ({
              type: o.__typename,
              id: o.id,
              locatedIn: o.locatedIn ? o.locatedIn.edges.map((x: Json) => x.node.id) : null,
            })),
          })),
        ),
      neo4jGraphql: (d) =>
        unordered(
          d.projects.map((p: Json) => ({
            id: p.id,
            partners: p.partnersConnection.edges.map(({ node: o }: Json) => ({
              type: o.__typename,
              id: o.id,
              locatedIn: o.locatedInConnection
                ? o.locatedInConnection.edges.map((e: Json) => e.node.id)
                : null,
            })),
          })),
        ),
      floor: (rows) =>
        unordered(
          rows.map((p: Json) => ({
            id: p.id,
            partners: p.partners.map((o: Json) => ({
              type: o.type,
              id: o.id,
              locatedIn: o.locatedIn ?? null,
            })),
          })),
        ),
    },
  },
  {
    name: 'state-pursues-totals',
    description:
      "Denmark's derived PURSUES links: the total and a page of 20 with each link's rule and confidence (edge properties and totalCount)",
    ours: () => ({
      query: `{ state(isoCode: "DK") { pursues(first: 20, orderBy: ID) { totalCount edges { rule confidence node { id } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ states(where: { isoCode: { eq: "DK" } }) { pursuesConnection(first: 20, sort: [{ node: { id: ASC } }]) {
        totalCount edges { properties { rule confidence } node { id } } } } }`,
    }),
    floorCypher: `MATCH (s:State {isoCode: 'DK'})
      RETURN COUNT { (s)-[:PURSUES]->(:Priority) } AS total,
        COLLECT { MATCH (s)-[r:PURSUES]->(p:Priority) WITH r, p ORDER BY p.id LIMIT 20
          RETURN {id: p.id, rule: r.rule, confidence: r.confidence} } AS edges`,
    normalise: {
      // Our enums are the stored values in capitals (NATIONAL_SERVICE for national-service).
      ours: (d) => ({
        total: d.state.pursues.totalCount,
        edges: tiesUnordered(
          d.state.pursues.edges.map((e: Json) => [
            e.node.id,
            stored(e.rule),
            e.confidence === null ? null : stored(e.confidence),
          ]),
          (e: Json[]) => e[0],
        ),
      }),
      neo4jGraphql: (d) => ({
        total: d.states[0].pursuesConnection.totalCount,
        edges: tiesUnordered(
          d.states[0].pursuesConnection.edges.map((e: Json) => [
            e.node.id,
            e.properties.rule,
            e.properties.confidence ?? null,
          ]),
          (e: Json[]) => e[0],
        ),
      }),
      floor: (rows) => ({
        total: rows[0].total,
        edges: tiesUnordered(
          rows[0].edges.map((e: Json) => [e.id, e.rule, e.confidence ?? null]),
          (e: Json[]) => e[0],
        ),
      }),
    },
  },
  ...[1, 50].map((page): Scenario => ({
    name: `deep-page-${page}`,
    description: `Page ${page} (20 per page) of the projects addressing the Barnahus strategic area, by id: over 1,000 of them at 10x, so page 50 lies 980 rows deep`,
    vars: { page },
    ours: (v) => ({
      query: `query($id: ID!, $after: String) { node(id: $id) { ... on Priority { addressingProjects(first: 20, after: $after, orderBy: ID) { edges { node { id } } pageInfo { endCursor hasNextPage } } } } }`,
      variables: { id: DEEP_PRIORITY, after: v.after ?? null },
    }),
    neo4jGraphql: (v) => ({
      query: `query($id: ID!, $after: String) { priorities(where: { id: { eq: $id } }) { projectsConnection(first: 20, after: $after, sort: [{ node: { id: ASC } }]) { edges { node { id } } pageInfo { endCursor hasNextPage } } } }`,
      variables: { id: DEEP_PRIORITY, after: v.after ?? null },
    }),
    floorParams: (v) => ({ id: DEEP_PRIORITY, afterId: v.afterId ?? null }),
    floorCypher: `MATCH (:Priority {id: $id})<-[:ADDRESSES]-(p:Project)
        WHERE $afterId IS NULL OR p.id > $afterId
        RETURN p.id AS id ORDER BY id LIMIT 20`,
    normalise: {
      ours: (d) => d.node.addressingProjects.edges.map((e: Json) => e.node.id),
      neo4jGraphql: (d) => d.priorities[0].projectsConnection.edges.map((e: Json) => e.node.id),
      floor: (rows) => rows.map((r: Json) => r.id),
    },
  })),
  {
    name: 'meetings-2020',
    description:
      'Meetings held in 2020, by date then id, with the presidency they fell in (a date-range list)',
    ours: () => ({
      query: `{ timeline(from: "2020-01-01", to: "2020-12-31", kinds: [MEETING], first: 500) { date node { id ... on Meeting { during { node { term } } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ meetings(where: { startDate: { gte: "2020-01-01", lte: "2020-12-31" } }, sort: [{ startDate: ASC }, { id: ASC }], limit: 500) {
        id startDate presidenciesConnection(first: 1) { edges { node { term } } } } }`,
    }),
    floorCypher: `MATCH (m:Meeting) WHERE m.startDate >= date('2020-01-01') AND m.startDate <= date('2020-12-31')
      WITH m ORDER BY m.startDate, m.id LIMIT 500
      RETURN m.id AS id, toString(m.startDate) AS date, COLLECT { MATCH (m)-[:DURING]->(p:Presidency) RETURN p.term LIMIT 1 } AS terms`,
    normalise: {
      ours: (d) =>
        d.timeline.map((e: Json) => [
          e.node.id,
          e.date,
          e.node.during ? [e.node.during.node.term] : [],
        ]),
      neo4jGraphql: (d) =>
        d.meetings.map((m: Json) => [
          m.id,
          m.startDate,
          m.presidenciesConnection.edges.map((e: Json) => e.node.term),
        ]),
      floor: (rows) => rows.map((m: Json) => [m.id, m.date, m.terms]),
    },
  },
];
