import type { ManagedTransaction } from 'neo4j-driver';
import { cypherStatements } from '../../src/db/cypher-files';
import { queryLibrary } from '../../src/analyst/library';
import { runSavedQuery } from '../../src/analyst/run';
import { testDatabase } from '../helpers/db';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The PURSUES derivation rules (docs/model.md), each with positive and
 * negative cases, on the real Neo4j. Every case builds a small world of its
 * own (a state, a mandate with one priority, projects and partners), runs
 * the derivation and reads the links inside one write transaction that is
 * then rolled back, so the shared test graph never sees the planted facts.
 */
const ROLLBACK = new Error('rollback');

/** A world: a state, a 2013-2017 mandate with one priority, and a ministry and an NGO of the state. */
const WORLD = `
CREATE (s:Entity:State {id: 'test:s', name: 'Testland', isoCode: 'TT', origin: 'test'})
CREATE (m:Entity:Mandate {id: 'test:m', name: 'Test mandate', startDate: date('2013-01-01'), endDate: date('2017-12-31'), origin: 'test'})
CREATE (pr:Entity:Priority {id: 'test:pr', name: 'Test priority', origin: 'test'})
CREATE (m)-[:HAS_PRIORITY {origin: 'test', sourceIds: ['source:S1']}]->(pr)
CREATE (min:Entity:Ministry {id: 'test:ministry', name: 'Test ministry', origin: 'test'})-[:RESPONSIBLE_FOR_CHILDREN_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)
CREATE (ngo:Entity:Organisation {id: 'test:ngo', name: 'Test NGO', kind: 'ngo', origin: 'test'})-[:LOCATED_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)
CREATE (un:Entity:Organisation {id: 'test:un', name: 'Test UN office', kind: 'un-body', origin: 'test'})-[:LOCATED_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)
`;

/** A project with the given period (null for unknown) that addresses the test priority. */
const project = (id: string, from: string | null, to: string | null, confidence?: string) => `
MATCH (pr:Priority {id: 'test:pr'})
CREATE (p:Entity:Project {id: '${id}', name: '${id}', origin: 'test',
  startDate: ${from ? `date('${from}')` : 'null'}, endDate: ${to ? `date('${to}')` : 'null'}})
CREATE (p)-[:ADDRESSES {origin: 'test', sourceIds: ['source:S2']${confidence ? `, confidence: '${confidence}'` : ''}}]->(pr)`;

/** A partnership of `partner` in `projectId`, with an optional period. */
const partner = (partnerId: string, projectId: string, from?: string, to?: string) => `
MATCH (a:Entity {id: '${partnerId}'}), (p:Entity {id: '${projectId}'})
CREATE (a)-[:PARTNER_IN {origin: 'test', sourceIds: ['source:S3']${from ? `, validFrom: date('${from}')` : ''}${to ? `, validTo: date('${to}')` : ''}}]->(p)`;

async function derivedIn(
  setup: string[],
  read: (tx: ManagedTransaction) => Promise<unknown> = async (tx) =>
    (
      await tx.run(
        `MATCH (:State {id: 'test:s'})-[r:PURSUES]->(:Priority {id: 'test:pr'})
         RETURN r {.viaId, .rule, .confidence, .unverified, .rules, .evidence, .evidencePeriods,
                   .evidenceConfidence, .evidenceUnverified} AS r ORDER BY r.viaId`,
      )
    ).records.map((x) => x.get('r') as Any),
): Promise<Any> {
  const db = testDatabase();
  let out: unknown;
  try {
    await db.writeTx({ operation: 'test.pursues-rules', timeoutMs: 60_000 }, async (tx) => {
      await tx.run(WORLD);
      for (const s of setup) await tx.run(s);
      for (const s of cypherStatements('seed/derive-pursues.cypher')) await tx.run(s);
      out = await read(tx);
      throw ROLLBACK;
    });
  } catch (err) {
    if ((err as Error).cause !== ROLLBACK && err !== ROLLBACK) throw err;
  } finally {
    await db.close();
  }
  return out;
}

describe('PURSUES derivation rules', () => {
  it('a ministry of the state in a project during the mandate: body-partner-in-project, high', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', '2016-12-31'),
      partner('test:ministry', 'test:p'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({
        viaId: 'test:p',
        rule: 'body-partner-in-project',
        confidence: 'high',
        unverified: false,
        evidence: [
          'test:s <-RESPONSIBLE_FOR_CHILDREN_IN- test:ministry -PARTNER_IN-> test:p -ADDRESSES-> test:pr',
        ],
        evidencePeriods: ['2014-01-01/2016-12-31'],
      }),
    ]);
  });

  it('an NGO of the state: partner-in-state, never above low', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', '2016-12-31'),
      partner('test:ngo', 'test:p'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({ rule: 'partner-in-state', confidence: 'low', unverified: false }),
    ]);
  });

  it('a UN office sitting in the state does not stand for it', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', '2016-12-31'),
      partner('test:un', 'test:p'),
    ]);
    expect(links).toEqual([]);
  });

  it('a project that ended before the mandate began counts for nothing', async () => {
    const links = await derivedIn([
      project('test:p', '2010-01-01', '2012-06-30'),
      partner('test:ministry', 'test:p'),
    ]);
    expect(links).toEqual([]);
  });

  it('the partnership period, where given, decides rather than the project period', async () => {
    const links = await derivedIn([
      project('test:p', '2010-01-01', '2016-12-31'),
      partner('test:ministry', 'test:p', '2010-01-01', '2012-06-30'),
    ]);
    expect(links).toEqual([]);
  });

  it('a medium-confidence step makes the path and the link medium', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', '2016-12-31', 'medium'),
      partner('test:ministry', 'test:p'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({ confidence: 'medium', evidenceConfidence: ['medium'] }),
    ]);
  });

  it('a service counts for its state, but at most low when an NGO runs it', async () => {
    const service = (id: string) => `
      MATCH (s:State {id: 'test:s'}), (pr:Priority {id: 'test:pr'})
      CREATE (v:Entity:Service {id: '${id}', name: '${id}', kind: 'barnahus', opened: date('2014-05-01'), origin: 'test'})
      CREATE (v)-[:LOCATED_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)
      CREATE (v)-[:ADDRESSES {origin: 'test', sourceIds: ['source:S2']}]->(pr)`;
    const links = await derivedIn([
      service('test:public-house'),
      service('test:ngo-house'),
      `MATCH (v:Service {id: 'test:ngo-house'}), (o:Organisation {id: 'test:ngo'})
       CREATE (v)-[:OPERATED_BY {origin: 'test', sourceIds: ['source:S1']}]->(o)`,
    ]);
    expect(links.map((l: Any) => [l.viaId, l.rule, l.confidence])).toEqual([
      ['test:ngo-house', 'national-service', 'low'],
      ['test:public-house', 'national-service', 'high'],
    ]);
  });

  it('a path with an unknown start is kept, unverified', async () => {
    const links = await derivedIn([
      project('test:p', null, null),
      partner('test:ministry', 'test:p'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({ unverified: true, evidenceUnverified: [true] }),
    ]);
  });

  it('a link takes its best path: high through the ministry beats low through the NGO', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', '2016-12-31'),
      partner('test:ngo', 'test:p'),
      partner('test:ministry', 'test:p'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({
        rule: 'body-partner-in-project',
        confidence: 'high',
        rules: ['body-partner-in-project', 'partner-in-state'],
        evidenceConfidence: ['high', 'low'],
      }),
    ]);
  });

  it('derives the same evidence, in the same order, when run twice', async () => {
    const twice = await derivedIn(
      [
        project('test:p', '2014-01-01', '2016-12-31'),
        partner('test:ngo', 'test:p'),
        partner('test:ministry', 'test:p'),
        `MATCH (o:Organisation {id: 'test:ngo'}), (s:State {id: 'test:s'})
         CREATE (o)-[:RESPONSIBLE_FOR_CHILDREN_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)`,
      ],
      async (tx) => {
        const read = async () =>
          (
            await tx.run(
              `MATCH (:State {id: 'test:s'})-[r:PURSUES]->() RETURN r.evidence AS e ORDER BY r.viaId`,
            )
          ).records.map((x) => x.get('e') as string[]);
        const first = await read();
        for (const s of cypherStatements('seed/derive-pursues.cypher')) await tx.run(s);
        return [first, await read()];
      },
    );
    expect(twice[0]).toEqual(twice[1]);
  });
});

describe('the data-quality query for PURSUES links outside their mandate', () => {
  it('returns no rows on the seed', async () => {
    const db = testDatabase();
    try {
      const result = await runSavedQuery(db, 'dq-pursues-outside-mandate', {});
      expect(result.rows).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('catches a planted link through a project that ended before the mandate', async () => {
    const query = queryLibrary().get('dq-pursues-outside-mandate')!;
    const rows = await derivedIn([project('test:old', '2008-01-01', '2009-12-31')], async (tx) => {
      await tx.run(
        `MATCH (s:State {id: 'test:s'}), (pr:Priority {id: 'test:pr'})
         CREATE (s)-[:PURSUES {origin: 'derived', viaId: 'test:old', rule: 'pilot-country'}]->(pr)`,
      );
      return (await tx.run(query.cypher)).records.map((r) => r.toObject() as Any);
    });
    expect(rows.map((r: Any) => [r.state, r.via])).toEqual([['test:s', 'test:old']]);
  });
});
