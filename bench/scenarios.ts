/**
 * The benchmark's scenarios: for each, the request every contestant answers,
 * and how its answer is normalised so that the three can be compared.
 */
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
  /** The floor's single Cypher statement; params come from vars. */
  floorCypher: string;
  normalise: {
    ours: (data: Json) => unknown;
    neo4jGraphql: (data: Json) => unknown;
    floor: (rows: Json[]) => unknown;
  };
  /** Variables before timing (e.g. a cursor deep in a connection), per contestant. */
  vars?: { page: number };
}

const sorted = <T>(xs: T[]) =>
  [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const names = (xs: Json[]) => sorted(xs.map((x) => x.name as string));
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
export const DEEP_PRIORITY = 'priority:2020-protection-support-justice';

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
      // A union connection cannot be sorted in @neo4j/graphql: ministries come unsorted.
      query: `{ states(where: { isoCode: { eq: "LT" } }) { name
        ministriesConnection(first: 100) { edges { node { ... on Ministry { name } ... on Agency { name } } } }
        ombudspersonsConnection(first: 100, sort: [{ node: { name: ASC } }]) { edges { node { name } } }
        presidenciesConnection(first: 100, sort: [{ node: { name: ASC } }]) { edges { node { term } } } } }`,
    }),
    floorCypher: `MATCH (s:State {isoCode: 'LT'})
      RETURN s.name AS name,
        COLLECT { MATCH (s)<-[:RESPONSIBLE_FOR_CHILDREN_IN]-(m) RETURN m.name ORDER BY m.name LIMIT 100 } AS ministries,
        COLLECT { MATCH (s)<-[:OMBUDSPERSON_FOR]-(o:OmbudspersonInstitution) RETURN o.name ORDER BY o.name LIMIT 100 } AS ombudspersons,
        COLLECT { MATCH (s)-[:HELD_PRESIDENCY]->(p:Presidency) WITH p ORDER BY p.name LIMIT 100 RETURN p.term } AS presidencies`,
    normalise: {
      ours: (d) => ({
        name: d.state.name,
        ministries: names(d.state.ministries.edges.map((e: Json) => e.node)),
        ombudspersons: names(d.state.ombudspersons.edges.map((e: Json) => e.node)),
        presidencies: sorted(d.state.presidencies.edges.map((e: Json) => e.node.term)),
      }),
      neo4jGraphql: (d) => ({
        name: d.states[0].name,
        ministries: names(d.states[0].ministriesConnection.edges.map((e: Json) => e.node)),
        ombudspersons: names(d.states[0].ombudspersonsConnection.edges.map((e: Json) => e.node)),
        presidencies: sorted(
          d.states[0].presidenciesConnection.edges.map((e: Json) => e.node.term),
        ),
      }),
      floor: (rows) => ({
        name: rows[0].name,
        ministries: sorted(rows[0].ministries),
        ombudspersons: sorted(rows[0].ombudspersons),
        presidencies: sorted(rows[0].presidencies),
      }),
    },
  },
  {
    name: 'states-presidencies-priorities',
    description:
      'Every state with its presidencies and the priorities each declared (two levels of lists)',
    ours: () => ({
      query: `{ states(first: 20) { edges { node { isoCode
        presidencies(first: 20, orderBy: NAME) { edges { node { term declaredPriorities(first: 20, orderBy: NAME) { edges { node { name } } } } } } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ statesConnection(first: 20, sort: [{ name: ASC }]) { edges { node { isoCode
        presidenciesConnection(first: 20, sort: [{ node: { name: ASC } }]) { edges { node { term
          declaredPrioritiesConnection(first: 20, sort: [{ node: { name: ASC } }]) { edges { node { name } } } } } } } } } }`,
    }),
    floorCypher: `MATCH (s:State) WITH s ORDER BY s.name LIMIT 20
      RETURN s.isoCode AS isoCode,
        COLLECT { MATCH (s)-[:HELD_PRESIDENCY]->(p:Presidency) WITH p ORDER BY p.name LIMIT 20
          RETURN {term: p.term, priorities: COLLECT { MATCH (p)-[:DECLARED_PRIORITY]->(x:Priority) RETURN x.name ORDER BY x.name LIMIT 20 }} } AS presidencies`,
    normalise: {
      ours: (d) =>
        sorted(
          d.states.edges.map((e: Json) => ({
            isoCode: e.node.isoCode,
            presidencies: sorted(
              e.node.presidencies.edges.map((p: Json) => ({
                term: p.node.term,
                priorities: names(p.node.declaredPriorities.edges.map((x: Json) => x.node)),
              })),
            ),
          })),
        ),
      neo4jGraphql: (d) =>
        sorted(
          d.statesConnection.edges.map(({ node: s }: Json) => ({
            isoCode: s.isoCode,
            presidencies: sorted(
              s.presidenciesConnection.edges.map(({ node: p }: Json) => ({
                term: p.term,
                priorities: names(p.declaredPrioritiesConnection.edges.map((e: Json) => e.node)),
              })),
            ),
          })),
        ),
      floor: (rows) =>
        sorted(
          rows.map((s: Json) => ({
            isoCode: s.isoCode,
            presidencies: sorted(
              s.presidencies.map((p: Json) => ({ term: p.term, priorities: sorted(p.priorities) })),
            ),
          })),
        ),
    },
  },
  {
    name: 'projects-partners-states',
    description:
      'Ten projects with their partner organisations and the states those are based in (three levels of lists)',
    ours: () => ({
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Project { id
        partners(first: 100, orderBy: NAME) { edges { node { __typename id ... on Organisation { locatedIn(first: 20, orderBy: NAME) { edges { node { id } } } } } } } } } }`,
      variables: { ids: PROJECT_IDS },
    }),
    neo4jGraphql: () => ({
      query: `query($ids: [ID!]!) { projects(where: { id: { in: $ids } }) { id
        organisationPartnersConnection(first: 100, sort: [{ node: { name: ASC } }]) { edges { node { id
          locatedInConnection(first: 20, sort: [{ node: { name: ASC } }]) { edges { node { id } } } } } } } }`,
      variables: { ids: PROJECT_IDS },
    }),
    // Label-qualified and index-backed: the id index is on Entity, the label a filter.
    floorCypher: `MATCH (p:Entity) WHERE p.id IN $ids AND p:Project
      RETURN p.id AS id, COLLECT { MATCH (p)<-[:PARTNER_IN]-(o:Organisation) WITH o ORDER BY o.name LIMIT 100
        RETURN {id: o.id, locatedIn: COLLECT { MATCH (o)-[:LOCATED_IN]->(s:State) RETURN s.id ORDER BY s.name LIMIT 20 }} } AS partners`,
    normalise: {
      ours: (d) =>
        sorted(
          d.nodes.map((p: Json) => ({
            id: p.id,
            partners: sorted(
              p.partners.edges
                .filter((e: Json) => e.node.__typename === 'Organisation')
                .map((e: Json) => ({
                  id: e.node.id,
                  locatedIn: sorted(
                    e.node.locatedIn.edges
                      .map((x: Json) => x.node.id)
                      .filter((i: string) => i.startsWith('state:')),
                  ),
                })),
            ),
          })),
        ),
      neo4jGraphql: (d) =>
        sorted(
          d.projects.map((p: Json) => ({
            id: p.id,
            partners: sorted(
              p.organisationPartnersConnection.edges.map(({ node: o }: Json) => ({
                id: o.id,
                locatedIn: sorted(o.locatedInConnection.edges.map((e: Json) => e.node.id)),
              })),
            ),
          })),
        ),
      floor: (rows) =>
        sorted(
          rows.map((p: Json) => ({
            id: p.id,
            partners: sorted(
              p.partners.map((o: Json) => ({ id: o.id, locatedIn: sorted(o.locatedIn) })),
            ),
          })),
        ),
    },
  },
  {
    name: 'state-pursues-totals',
    description:
      "Sweden's derived PURSUES links: the total and a page of 20 with each link's rule and confidence (edge properties and totalCount)",
    ours: () => ({
      query: `{ state(isoCode: "SE") { pursues(first: 20, orderBy: ID) { totalCount edges { rule confidence node { id } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ states(where: { isoCode: { eq: "SE" } }) { pursuesConnection(first: 20, sort: [{ node: { id: ASC } }]) {
        totalCount edges { properties { rule confidence } node { id } } } } }`,
    }),
    floorCypher: `MATCH (s:State {isoCode: 'SE'})
      RETURN COUNT { (s)-[:PURSUES]->(:Priority) } AS total,
        COLLECT { MATCH (s)-[r:PURSUES]->(p:Priority) WITH r, p ORDER BY p.id LIMIT 20
          RETURN {id: p.id, rule: r.rule, confidence: r.confidence} } AS edges`,
    normalise: {
      // Our enums are the stored values in capitals (NATIONAL_SERVICE for national-service).
      ours: (d) => ({
        total: d.state.pursues.totalCount,
        edges: sorted(
          d.state.pursues.edges.map((e: Json) => [
            e.node.id,
            stored(e.rule),
            e.confidence === null ? null : stored(e.confidence),
          ]),
        ),
      }),
      neo4jGraphql: (d) => ({
        total: d.states[0].pursuesConnection.totalCount,
        edges: sorted(
          d.states[0].pursuesConnection.edges.map((e: Json) => [
            e.node.id,
            e.properties.rule,
            e.properties.confidence ?? null,
          ]),
        ),
      }),
      floor: (rows) => ({
        total: rows[0].total,
        edges: sorted(rows[0].edges.map((e: Json) => [e.id, e.rule, e.confidence ?? null])),
      }),
    },
  },
  ...[1, 50].map((page): Scenario => ({
    name: `deep-page-${page}`,
    description: `Page ${page} (of 20, or the last page if fewer) of the projects addressing the Barnahus strategic area, by id`,
    vars: { page },
    ours: (v) => ({
      query: `query($id: ID!, $after: String) { node(id: $id) { ... on Priority { addressingProjects(first: 20, after: $after, orderBy: ID) { edges { node { id } } pageInfo { endCursor hasNextPage } } } } }`,
      variables: { id: DEEP_PRIORITY, after: v.after ?? null },
    }),
    neo4jGraphql: (v) => ({
      query: `query($id: ID!, $after: String) { priorities(where: { id: { eq: $id } }) { projectsConnection(first: 20, after: $after, sort: [{ node: { id: ASC } }]) { edges { node { id } } pageInfo { endCursor hasNextPage } } } }`,
      variables: { id: DEEP_PRIORITY, after: v.after ?? null },
    }),
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
    description: 'Meetings held in 2020 with the presidency they fell in (a date-range list)',
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
        sorted(
          d.timeline.map((e: Json) => [
            e.node.id,
            e.date,
            e.node.during ? [e.node.during.node.term] : [],
          ]),
        ),
      neo4jGraphql: (d) =>
        sorted(
          d.meetings.map((m: Json) => [
            m.id,
            m.startDate,
            sorted(m.presidenciesConnection.edges.map((e: Json) => e.node.term)),
          ]),
        ),
      floor: (rows) => sorted(rows.map((m: Json) => [m.id, m.date, sorted(m.terms)])),
    },
  },
];
