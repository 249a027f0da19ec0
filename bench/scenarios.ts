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
        ministries(first: 100) { edges { node { name } } }
        ombudspersons(first: 100) { edges { node { name } } }
        presidencies(first: 100) { edges { node { term } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ states(where: { isoCode: { eq: "LT" } }) { name
        ministries { ... on Ministry { name } ... on Agency { name } }
        ombudspersons { name } presidencies { term } } }`,
    }),
    floorCypher: `MATCH (s:State {isoCode: 'LT'})
      RETURN s.name AS name,
        [(s)<-[:RESPONSIBLE_FOR_CHILDREN_IN]-(m) | m.name] AS ministries,
        [(s)<-[:OMBUDSPERSON_FOR]-(o:OmbudspersonInstitution) | o.name] AS ombudspersons,
        [(s)-[:HELD_PRESIDENCY]->(p:Presidency) | p.term] AS presidencies`,
    normalise: {
      ours: (d) => ({
        name: d.state.name,
        ministries: names(d.state.ministries.edges.map((e: Json) => e.node)),
        ombudspersons: names(d.state.ombudspersons.edges.map((e: Json) => e.node)),
        presidencies: sorted(d.state.presidencies.edges.map((e: Json) => e.node.term)),
      }),
      neo4jGraphql: (d) => ({
        name: d.states[0].name,
        ministries: names(d.states[0].ministries),
        ombudspersons: names(d.states[0].ombudspersons),
        presidencies: sorted(d.states[0].presidencies.map((p: Json) => p.term)),
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
        presidencies(first: 20) { edges { node { term declaredPriorities(first: 20) { edges { node { name } } } } } } } } } }`,
    }),
    neo4jGraphql: () => ({
      query: `{ states { isoCode presidencies { term declaredPriorities { name } } } }`,
    }),
    floorCypher: `MATCH (s:State)
      RETURN s.isoCode AS isoCode,
        [(s)-[:HELD_PRESIDENCY]->(p:Presidency) | {term: p.term, priorities: [(p)-[:DECLARED_PRIORITY]->(x:Priority) | x.name]}] AS presidencies`,
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
          d.states.map((s: Json) => ({
            isoCode: s.isoCode,
            presidencies: sorted(
              s.presidencies.map((p: Json) => ({
                term: p.term,
                priorities: names(p.declaredPriorities),
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
        partners(first: 100) { edges { node { __typename id ... on Organisation { locatedIn(first: 20) { edges { node { id } } } } } } } } } }`,
      variables: { ids: PROJECT_IDS },
    }),
    neo4jGraphql: () => ({
      query: `query($ids: [ID!]!) { projects(where: { id: { in: $ids } }) { id organisationPartners { id locatedIn { id } } } }`,
      variables: { ids: PROJECT_IDS },
    }),
    floorCypher: `MATCH (p:Project) WHERE p.id IN $ids
      RETURN p.id AS id, [(p)<-[:PARTNER_IN]-(o:Organisation) | {id: o.id, locatedIn: [(o)-[:LOCATED_IN]->(s:State) | s.id]}] AS partners`,
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
              p.organisationPartners.map((o: Json) => ({
                id: o.id,
                locatedIn: sorted(o.locatedIn.map((s: Json) => s.id)),
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
      query: `{ meetings(where: { startDate: { gte: "2020-01-01", lte: "2020-12-31" } }) { id startDate presidencies { term } } }`,
    }),
    floorCypher: `MATCH (m:Meeting) WHERE m.startDate >= date('2020-01-01') AND m.startDate <= date('2020-12-31')
      RETURN m.id AS id, toString(m.startDate) AS date, [(m)-[:DURING]->(p:Presidency) | p.term] AS terms`,
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
            sorted(m.presidencies.map((p: Json) => p.term)),
          ]),
        ),
      floor: (rows) => sorted(rows.map((m: Json) => [m.id, m.date, sorted(m.terms)])),
    },
  },
];
