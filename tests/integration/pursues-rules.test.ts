import type { ManagedTransaction } from 'neo4j-driver';
import { cypherStatements } from '../../src/db/cypher-files';
import { queryLibrary } from '../../src/analyst/library';
import { runSavedQuery } from '../../src/analyst/run';
import { inRolledBackTransaction, testDatabase } from '../helpers/db';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The derivation rules of PURSUES, MAY_PURSUE and CIVIL_SOCIETY_ENGAGES (docs/model.md),
 * each with positive and negative cases, on the real Neo4j. Every case
 * builds a small world of its own (a state, a mandate with one priority,
 * projects and partners), runs the derivation and reads the links inside one
 * write transaction that is then rolled back, so the shared test graph never
 * sees the planted facts.
 */
const DERIVE = 'seed/derive-state-priorities.cypher';

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
  startDate: ${from ? `date('${from}')` : 'null'}, startDatePrecision: ${from ? "'day'" : 'null'},
  endDate: ${to ? `date('${to}')` : 'null'}, endDatePrecision: ${to ? "'year'" : 'null'}})
CREATE (p)-[:ADDRESSES {origin: 'test', sourceIds: ['source:S2']${confidence ? `, confidence: '${confidence}'` : ''}}]->(pr)`;

/** A partnership of `partner` in `projectId`, with an optional period. */
const partner = (partnerId: string, projectId: string, from?: string, to?: string) => `
MATCH (a:Entity {id: '${partnerId}'}), (p:Entity {id: '${projectId}'})
CREATE (a)-[:PARTNER_IN {origin: 'test', sourceIds: ['source:S3']${from ? `, validFrom: date('${from}'), validFromPrecision: 'month'` : ''}${to ? `, validTo: date('${to}'), validToPrecision: 'month'` : ''}}]->(p)`;

/** A service of the test state that addresses the test priority, opened in May 2014. */
const service = (id: string, extra = '') => `
MATCH (s:State {id: 'test:s'}), (pr:Priority {id: 'test:pr'})
CREATE (v:Entity:Service {id: '${id}', name: '${id}', kind: 'barnahus', opened: date('2014-05-01'), openedPrecision: 'month', origin: 'test'${extra}})
CREATE (v)-[:LOCATED_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)
CREATE (v)-[:ADDRESSES {origin: 'test', sourceIds: ['source:S2']}]->(pr)`;

/** The derived links of one type from the test state to the test priority. */
const linksOf = (type: string) => async (tx: ManagedTransaction) =>
  (
    await tx.run(
      `MATCH (:State {id: 'test:s'})-[r:${type}]->(:Priority {id: 'test:pr'})
       RETURN r {.viaId, .rule, .confidence, .unverified, .rules, .evidence, .evidencePeriods,
                 .evidencePeriodPrecisions, .evidenceConfidence, .evidenceUnverified,
                 .evidenceGradeReasons, .actorIds} AS r ORDER BY r.viaId`,
    )
  ).records.map((x) => {
    const r = x.get('r') as Any;
    return {
      ...r,
      reasons: (r.evidenceGradeReasons as string[]).map((j) => JSON.parse(j) as Any[]),
    };
  });

async function derivedIn(
  setup: string[],
  read: (tx: ManagedTransaction) => Promise<unknown> = linksOf('PURSUES'),
): Promise<Any> {
  return inRolledBackTransaction('test.pursues-rules', async (tx) => {
    await tx.run(WORLD);
    for (const s of setup) await tx.run(s);
    for (const s of cypherStatements(DERIVE)) await tx.run(s);
    return read(tx);
  });
}

/** Both derived types at once: { pursues, civilSociety }. */
const both = async (tx: ManagedTransaction) => ({
  pursues: await linksOf('PURSUES')(tx),
  civilSociety: await linksOf('CIVIL_SOCIETY_ENGAGES')(tx),
});

/**
 * State action of both kinds: what the sources show (PURSUES) and what rests
 * on a curator's reading or an assumption (MAY_PURSUE).
 */
const stateAction = async (tx: ManagedTransaction) => ({
  pursues: await linksOf('PURSUES')(tx),
  mayPursue: await linksOf('MAY_PURSUE')(tx),
});

const codes = (reasons: Any[]) => reasons.map((g: Any) => g.code);

describe('PURSUES derivation rules', () => {
  it('a ministry of the state in a project during the mandate: body-partner-in-project, high, no grade reason', async () => {
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
        reasons: [[]],
      }),
    ]);
  });

  it('an NGO of the state is not the state: no PURSUES, a CIVIL_SOCIETY_ENGAGES link at most low, naming the NGO', async () => {
    const { pursues, civilSociety } = await derivedIn(
      [project('test:p', '2014-01-01', '2016-12-31'), partner('test:ngo', 'test:p')],
      both,
    );
    expect(pursues).toEqual([]);
    expect(civilSociety).toEqual([
      expect.objectContaining({
        rule: 'civil-society-partner-in-project',
        rules: ['civil-society-partner-in-project'],
        confidence: 'low',
        unverified: false,
        actorIds: ['test:ngo'],
        reasons: [
          [
            {
              code: 'NON_STATE_OPERATOR',
              cap: 'low',
              step: 0,
              text: 'test:ngo is civil society (ngo), not a state body',
            },
          ],
        ],
      }),
    ]);
  });

  it('a UN office sitting in the state does not stand for it, nor is it civil society of the state', async () => {
    const { pursues, civilSociety } = await derivedIn(
      [project('test:p', '2014-01-01', '2016-12-31'), partner('test:un', 'test:p')],
      both,
    );
    expect([pursues, civilSociety]).toEqual([[], []]);
  });

  it('a path that overlaps the mandate by less than 182 days counts for nothing; from 182 days on it counts', async () => {
    // The test mandate ends on 2017-12-31.
    const short = await derivedIn([
      project('test:p', '2017-08-01', '2018-12-31'),
      partner('test:ministry', 'test:p'),
    ]);
    expect(short).toEqual([]);
    const enough = await derivedIn([
      project('test:p', '2017-06-01', '2018-12-31'),
      partner('test:ministry', 'test:p'),
    ]);
    expect(enough).toEqual([expect.objectContaining({ viaId: 'test:p', confidence: 'high' })]);
  });

  it('a service no source says who runs is not shown to be public: MAY_PURSUE, unverified, at most medium: OPERATOR_UNKNOWN', async () => {
    const { pursues, mayPursue: links } = await derivedIn([service('test:house')], stateAction);
    expect(pursues).toEqual([]);
    expect(links).toEqual([
      expect.objectContaining({ viaId: 'test:house', confidence: 'medium', unverified: true }),
    ]);
    expect(links[0].reasons[0]).toEqual([
      expect.objectContaining({ code: 'OPERATOR_UNKNOWN', cap: 'medium', step: 0 }),
      expect.objectContaining({ code: 'OPEN_END', cap: 'medium', step: null }),
    ]);
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

  it('the period carries the precisions of the facts that set it', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', '2016-12-31'),
      project('test:q', '2010-01-01', '2016-12-31'),
      partner('test:ministry', 'test:p'),
      partner('test:ministry', 'test:q', '2014-03-01', '2015-06-30'),
    ]);
    expect(links.map((l: Any) => [l.viaId, l.evidencePeriods, l.evidencePeriodPrecisions])).toEqual(
      [
        ['test:p', ['2014-01-01/2016-12-31'], ['day/year']],
        ['test:q', ['2014-03-01/2015-06-30'], ['month/month']],
      ],
    );
  });

  it("a medium-confidence step (a curator's reading) makes the path medium and the link MAY_PURSUE, and names the step", async () => {
    const { pursues, mayPursue: links } = await derivedIn(
      [project('test:p', '2014-01-01', '2016-12-31', 'medium'), partner('test:ministry', 'test:p')],
      stateAction,
    );
    expect(pursues).toEqual([]);
    expect(links).toEqual([
      expect.objectContaining({
        confidence: 'medium',
        evidenceConfidence: ['medium'],
        reasons: [
          [
            expect.objectContaining({
              code: 'STEP_CONFIDENCE',
              cap: 'medium',
              step: 2,
              text: 'ADDRESSES test:p -> test:pr has confidence medium in its sources',
            }),
          ],
        ],
      }),
    ]);
  });

  it("a step's reason quotes the curator's note on it, so the cap says why (quotes and line breaks kept)", async () => {
    const note = 'Low: overlaps the mandate only in its last "four months".\nSee [S1].';
    const links = await derivedIn(
      [
        project('test:p', '2014-01-01', '2016-12-31', 'low'),
        partner('test:ministry', 'test:p'),
        `MATCH (:Project {id: 'test:p'})-[r:ADDRESSES]->() SET r.note = $note`.replace(
          '$note',
          JSON.stringify(note),
        ),
      ],
      linksOf('MAY_PURSUE'),
    );
    expect(links[0].confidence).toBe('low');
    expect(links[0].reasons[0]).toEqual([
      {
        code: 'STEP_CONFIDENCE',
        cap: 'low',
        step: 2,
        text: `ADDRESSES test:p -> test:pr has confidence low in its sources: ${note}`,
      },
    ]);
  });

  it('an open end never lifts a path above medium: OPEN_END', async () => {
    const links = await derivedIn([
      project('test:p', '2014-01-01', null),
      partner('test:ministry', 'test:p'),
    ]);
    expect(links).toEqual([
      expect.objectContaining({
        confidence: 'medium',
        unverified: false,
        evidencePeriods: ['2014-01-01/'],
        reasons: [[expect.objectContaining({ code: 'OPEN_END', cap: 'medium', step: null })]],
      }),
    ]);
  });

  it('a path with an unknown start is kept as MAY_PURSUE, unverified and at most medium: UNKNOWN_START', async () => {
    const { pursues, mayPursue: links } = await derivedIn(
      [project('test:p', null, null), partner('test:ministry', 'test:p')],
      stateAction,
    );
    expect(pursues).toEqual([]);
    expect(links).toEqual([
      expect.objectContaining({
        confidence: 'medium',
        unverified: true,
        evidenceUnverified: [true],
        evidencePeriodPrecisions: ['/'],
      }),
    ]);
    expect(codes(links[0].reasons[0])).toEqual(['UNKNOWN_START', 'OPEN_END']);
  });

  it('a link whose every path is unverified is never high nor PURSUES: UNVERIFIED_STEP names the step', async () => {
    const { pursues, mayPursue: links } = await derivedIn(
      [
        project('test:p', '2014-01-01', '2016-12-31'),
        partner('test:ministry', 'test:p'),
        `MATCH (:Ministry {id: 'test:ministry'})-[r:PARTNER_IN]->() SET r.unverified = true`,
      ],
      stateAction,
    );
    expect(pursues).toEqual([]);
    expect(links).toEqual([expect.objectContaining({ confidence: 'medium', unverified: true })]);
    expect(links[0].reasons[0]).toEqual([
      expect.objectContaining({ code: 'UNVERIFIED_STEP', cap: 'medium', step: 1 }),
    ]);
  });

  it('a link with a shown path and a reading is PURSUES, the shown path first; the reading stays as a second path', async () => {
    const { pursues, mayPursue } = await derivedIn(
      [
        project('test:p', '2014-01-01', '2016-12-31'),
        partner('test:ministry', 'test:p'),
        `MATCH (s:State {id: 'test:s'}), (p:Project {id: 'test:p'})
         CREATE (s)-[:PILOT_COUNTRY_OF {origin: 'test', sourceIds: ['source:S3'], unverified: true}]->(p)`,
      ],
      stateAction,
    );
    expect(mayPursue).toEqual([]);
    expect(pursues).toEqual([
      expect.objectContaining({
        viaId: 'test:p',
        confidence: 'high',
        unverified: false,
        rules: ['body-partner-in-project', 'pilot-country'],
        evidenceUnverified: [false, true],
      }),
    ]);
    expect(codes(pursues[0].reasons[1])).toEqual(['UNVERIFIED_STEP']);
  });

  it('a publicly run service counts for its state; one an NGO runs is civil society, not PURSUES', async () => {
    const { pursues, civilSociety } = await derivedIn(
      [
        service('test:public-house', ", operatorKind: 'public'"),
        service('test:ngo-house'),
        service('test:ngo-kind-house', ", operatorKind: 'non-governmental'"),
        `MATCH (v:Service {id: 'test:ngo-house'}), (o:Organisation {id: 'test:ngo'})
         CREATE (v)-[:OPERATED_BY {origin: 'test', sourceIds: ['source:S1']}]->(o)`,
      ],
      both,
    );
    expect(pursues.map((l: Any) => [l.viaId, l.rule, l.confidence, codes(l.reasons[0])])).toEqual([
      ['test:public-house', 'national-service', 'medium', ['OPEN_END']],
    ]);
    expect(
      civilSociety.map((l: Any) => [
        l.viaId,
        l.rule,
        l.confidence,
        codes(l.reasons[0]),
        l.actorIds,
      ]),
    ).toEqual([
      [
        'test:ngo-house',
        'civil-society-service',
        'low',
        ['NON_STATE_OPERATOR', 'OPEN_END'],
        ['test:ngo-house'],
      ],
      [
        'test:ngo-kind-house',
        'civil-society-service',
        'low',
        ['NON_STATE_OPERATOR', 'OPEN_END'],
        ['test:ngo-kind-house'],
      ],
    ]);
  });

  it('an NGO-run service in a project is civil society, never a state body', async () => {
    const { pursues, civilSociety } = await derivedIn(
      [
        project('test:p', '2014-01-01', '2016-12-31'),
        `MATCH (s:State {id: 'test:s'})
         CREATE (v:Entity:Service {id: 'test:centre', name: 'c', kind: 'barnahus', operatorKind: 'non-governmental', origin: 'test'})
         CREATE (v)-[:LOCATED_IN {origin: 'test', sourceIds: ['source:S1']}]->(s)`,
        partner('test:centre', 'test:p'),
      ],
      both,
    );
    expect(pursues).toEqual([]);
    expect(civilSociety).toEqual([
      expect.objectContaining({ rule: 'civil-society-partner-in-project', confidence: 'low' }),
    ]);
  });

  it('ministry and NGO in one project: the state pursues it through the ministry only, civil society engages through the NGO', async () => {
    const { pursues, civilSociety } = await derivedIn(
      [
        project('test:p', '2014-01-01', '2016-12-31'),
        partner('test:ngo', 'test:p'),
        partner('test:ministry', 'test:p'),
      ],
      both,
    );
    expect(pursues).toEqual([
      expect.objectContaining({
        rule: 'body-partner-in-project',
        confidence: 'high',
        rules: ['body-partner-in-project'],
        evidenceConfidence: ['high'],
      }),
    ]);
    expect(civilSociety).toEqual([
      expect.objectContaining({ rules: ['civil-society-partner-in-project'], confidence: 'low' }),
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
              `MATCH (:State {id: 'test:s'})-[r:PURSUES|MAY_PURSUE|CIVIL_SOCIETY_ENGAGES]->()
               RETURN type(r) + ' ' + r.viaId AS k, r.evidence AS e, r.evidenceGradeReasons AS g
               ORDER BY k`,
            )
          ).records.map((x) => x.toObject());
        const first = await read();
        for (const s of cypherStatements(DERIVE)) await tx.run(s);
        return [first, await read()];
      },
    );
    expect(twice[0]).toEqual(twice[1]);
  });
});

describe('the derived links of the seed', () => {
  const CIVIL_KINDS = ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'];

  async function read<T extends Record<string, unknown>>(query: string): Promise<T[]> {
    const db = testDatabase();
    try {
      return await db.read<T>(query, { kinds: CIVIL_KINDS }, { operation: 'test.seed-links' });
    } finally {
      await db.close();
    }
  }

  it('no PURSUES or MAY_PURSUE path passes through a civil-society organisation or an NGO-run service', async () => {
    const rows = await read<{ path: string }>(
      `MATCH ()-[r:PURSUES|MAY_PURSUE]->()
       UNWIND r.evidence AS path
       WITH path, [t IN split(path, ' ') WHERE t CONTAINS ':'] AS ids
       MATCH (n:Entity) WHERE n.id IN ids
         AND ((n:Organisation AND n.kind IN $kinds)
              OR (n:Service AND (n.operatorKind = 'non-governmental'
                  OR EXISTS { (n)-[:OPERATED_BY]->(o:Organisation) WHERE o.kind IN $kinds })))
       RETURN DISTINCT path`,
    );
    expect(rows).toEqual([]);
  });

  it('the NGO-run Polish centres are civil society engagement, not the state pursuing', async () => {
    const rows = await read<{ type: string; via: string }>(
      `MATCH (:State {id: 'state:PL'})-[r]->(:Priority {id: 'priority:2020-protection-support-justice'})
       WHERE r.viaId STARTS WITH 'service:pl-cpd-'
       RETURN type(r) AS type, r.viaId AS via ORDER BY via`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['CIVIL_SOCIETY_ENGAGES']));
  });

  it('every path is graded by its reasons: the lowest cap, HIGH only with none, and an open end or unverified path never HIGH', async () => {
    const rows = await read<{
      link: string;
      confidence: string;
      unverified: boolean;
      period: string;
      reasons: string;
    }>(
      `MATCH (s)-[r:PURSUES|MAY_PURSUE|CIVIL_SOCIETY_ENGAGES]->(p)
       UNWIND range(0, size(r.evidence) - 1) AS i
       RETURN type(r) + ' ' + s.id + ' ' + p.id + ' ' + r.viaId AS link,
              r.evidenceConfidence[i] AS confidence, r.evidenceUnverified[i] AS unverified,
              r.evidencePeriods[i] AS period, r.evidenceGradeReasons[i] AS reasons`,
    );
    expect(rows.length).toBeGreaterThan(50);
    const order = ['high', 'medium', 'low'];
    const wrong = rows.filter((row) => {
      const reasons = JSON.parse(row.reasons) as { code: string; cap: string }[];
      const grade = order[Math.max(0, ...reasons.map((g) => order.indexOf(g.cap)))];
      const openEnd = row.period.endsWith('/');
      return (
        grade !== row.confidence ||
        (openEnd && !reasons.some((g) => g.code === 'OPEN_END')) ||
        (row.unverified && row.confidence === 'high') ||
        (row.link.startsWith('CIVIL') && !reasons.some((g) => g.code === 'NON_STATE_OPERATOR')) ||
        (!row.link.startsWith('CIVIL') && reasons.some((g) => g.code === 'NON_STATE_OPERATOR'))
      );
    });
    expect(wrong).toEqual([]);
  });

  it('a PURSUES link is what the sources show: its best path has no grade reason but an open end; every MAY_PURSUE link names another', async () => {
    const rows = await read<{ type: string; link: string; reasons: string }>(
      `MATCH (s)-[r:PURSUES|MAY_PURSUE]->(p)
       RETURN type(r) AS type, s.id + ' ' + p.id + ' ' + r.viaId AS link,
              r.evidenceGradeReasons[0] AS reasons`,
    );
    expect(rows.filter((r) => r.type === 'PURSUES').length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.type === 'MAY_PURSUE').length).toBeGreaterThan(10);
    const wrong = rows.filter((row) => {
      const shown = (JSON.parse(row.reasons) as { code: string }[]).every(
        (g) => g.code === 'OPEN_END',
      );
      return shown !== (row.type === 'PURSUES');
    });
    expect(wrong).toEqual([]);
  });

  it('no link is HIGH when every one of its paths is unverified', async () => {
    const rows = await read<{ link: string }>(
      `MATCH (s)-[r:PURSUES|MAY_PURSUE|CIVIL_SOCIETY_ENGAGES]->(p)
       WHERE r.confidence = 'high' AND all(u IN r.evidenceUnverified WHERE u)
       RETURN s.id + ' ' + p.id + ' ' + r.viaId AS link`,
    );
    expect(rows).toEqual([]);
  });

  it('the Finnish 2023-24 and Estonian 2024-25 presidency outputs no longer make the states pursue Protection, Support and Justice', async () => {
    const rows = await read<{ link: string }>(
      `MATCH (s:State)-[r:PURSUES]->(p:Priority {id: 'priority:2020-protection-support-justice'})
       WHERE r.viaId IN ['presidency:2023-2024', 'presidency:2024-2025']
       RETURN s.id + ' ' + r.viaId AS link`,
    );
    expect(rows).toEqual([]);
  });

  it("Norway does not pursue the 2013 residential-care priority through AudTrain: the ministry's role overlaps its mandate by two months only", async () => {
    const rows = await read<{ via: string }>(
      `MATCH (:State {id: 'state:NO'})-[r:PURSUES]->(:Priority {id: 'priority:2013-residential-care'})
       RETURN r.viaId AS via`,
    );
    expect(rows).toEqual([]);
    // The facts are there: the ministry's dated role in AudTrain, which addresses the priority.
    const facts = await read<{ to: string }>(
      `MATCH (:Ministry {id: 'ministry:no-bfd'})-[p:PARTNER_IN]->(:Project {id: 'project:audtrain'})
             -[:ADDRESSES]->(:Priority {id: 'priority:2013-residential-care'})
       RETURN toString(p.validTo) AS to`,
    );
    expect(facts).toEqual([{ to: '2011-12-31' }]);
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
