import type { ManagedTransaction } from 'neo4j-driver';
import { queryLibrary } from '../../src/analyst/library';
import { runSavedQuery } from '../../src/analyst/run';
import { inRolledBackTransaction, testDatabase } from '../helpers/db';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The consistency checks among the data-quality saved queries: none finds
 * anything on the seed, and each finds a contradiction planted in the graph.
 * A planted contradiction is written and read inside one write transaction
 * that is then rolled back, so the shared test graph never sees it.
 */
const CHECKS = [
  'dq-membership-outlasts-state',
  'dq-period-disagrees-with-relationship',
  'dq-overlapping-mandates',
  'dq-general-knowledge-not-unverified',
] as const;

/** The rows `check` returns after the `plant` statements, all rolled back. */
async function rowsAfter(check: (typeof CHECKS)[number], plant: string[]): Promise<Row[]> {
  const query = queryLibrary().get(check)!;
  return inRolledBackTransaction('test.consistency', async (tx: ManagedTransaction) => {
    for (const statement of plant) {
      const summary = (await tx.run(statement)).summary.counters.updates();
      // A planting that changes nothing would make the test pass for nothing.
      expect(Object.values(summary).some((n) => n > 0)).toBe(true);
    }
    return (await tx.run(query.cypher)).records.map((r) => r.toObject() as Row);
  });
}

describe('consistency checks (data-quality saved queries)', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it.each(CHECKS)('%s finds nothing on the seed', async (check) => {
    expect((await runSavedQuery(db, check, {})).rows).toEqual([]);
  });

  it('dq-membership-outlasts-state: a state in the Expert Group after its CBSS membership ended', async () => {
    // Russia's Expert Group membership as it once stood: to the end of 2022.
    const rows = await rowsAfter('dq-membership-outlasts-state', [
      `MATCH (:State {id: 'state:RU'})-[r:MEMBER_OF]->(:Body {id: 'body:eg-car'})
       SET r.validTo = date('2022-12-31'), r.validToPrecision = 'year'`,
    ]);
    expect(rows.map((r) => [r.fact, r.problem])).toEqual([
      [
        'state:RU -MEMBER_OF-> body:eg-car',
        'outlasts the membership of org:cbss, which ended 2022-05-17',
      ],
    ]);
  });

  it('dq-membership-outlasts-state: a membership that runs through a suspension is not flagged', async () => {
    // Russia stays in the Expert Group through its suspension from 3 March 2022
    // to the withdrawal (as stored); a suspension moved back to 2021 changes nothing.
    const rows = await rowsAfter('dq-membership-outlasts-state', [
      `MATCH (:State {id: 'state:RU'})-[x:SUSPENDED_FROM]->(:Organisation {id: 'org:cbss'})
       SET x.validFrom = date('2021-01-01')`,
    ]);
    expect(rows).toEqual([]);
  });

  it('dq-membership-outlasts-state: a body membership that starts before the CBSS membership', async () => {
    const rows = await rowsAfter('dq-membership-outlasts-state', [
      `MATCH (:State {id: 'state:IS'})-[r:MEMBER_OF]->(:Body {id: 'body:eg-car'})
       SET r.validFrom = date('1993-01-01')`,
    ]);
    expect(rows.map((r) => [r.fact, r.problem])).toEqual([
      [
        'state:IS -MEMBER_OF-> body:eg-car',
        'starts before the membership of org:cbss, which began 1995-01-01',
      ],
    ]);
  });

  it('dq-membership-outlasts-state: the European Commission’s seat without an end beside the EU that took it over', async () => {
    const rows = await rowsAfter('dq-membership-outlasts-state', [
      `MATCH (:Organisation {id: 'org:european-commission'})-[r:MEMBER_OF]->(:Organisation {id: 'org:cbss'})
       SET r.validTo = null, r.validToPrecision = null`,
    ]);
    expect(rows.map((r) => r.fact)).toEqual(['org:european-commission -MEMBER_OF-> org:cbss']);
    expect(rows[0]!.problem).toMatch(/^runs on after org:eu, which took over the seat, joined/);
  });

  it('dq-period-disagrees-with-relationship: a mandate ending mid-2017 whose MANDATE_OF runs to the end of 2017', async () => {
    const rows = await rowsAfter('dq-period-disagrees-with-relationship', [
      `MATCH (:Mandate {id: 'mandate:2013-2017'})-[r:MANDATE_OF]->()
       SET r.validTo = date('2017-12-31'), r.validToPrecision = 'year'`,
    ]);
    expect(rows.map((r) => [r.fact, String(r.nodeTo), String(r.relationshipTo)])).toEqual([
      ['mandate:2013-2017 -MANDATE_OF-> body:eg-car', '2017-06-30', '2017-12-31'],
    ]);
  });

  it('dq-period-disagrees-with-relationship: a body part of the CBSS before it was founded', async () => {
    const rows = await rowsAfter('dq-period-disagrees-with-relationship', [
      `MATCH (:Body {id: 'body:tf-thb'})-[r:PART_OF]->(:Organisation {id: 'org:cbss'})
       SET r.validFrom = date('2004-01-01')`,
    ]);
    expect(rows.map((r) => [r.fact, r.problem])).toEqual([
      ['body:tf-thb -PART_OF-> org:cbss', 'part of org:cbss before it was founded (2006-01-01)'],
    ]);
  });

  it('dq-overlapping-mandates: the 2017-2020 mandate running through 2020 beside the 2020-2025 one', async () => {
    const rows = await rowsAfter('dq-overlapping-mandates', [
      `MATCH (m:Mandate {id: 'mandate:2017-2020'}) SET m.endDate = date('2020-12-31')`,
      `MATCH (m:Mandate {id: 'mandate:2020-2025'}) SET m.startDate = date('2020-01-01')`,
    ]);
    expect(rows.map((r) => [r.body, r.earlier, r.later])).toEqual([
      ['body:eg-car', 'mandate:2017-2020', 'mandate:2020-2025'],
    ]);
  });

  it('dq-overlapping-mandates: a mandate that ends the day before the next starts is not an overlap', async () => {
    const rows = await rowsAfter('dq-overlapping-mandates', [
      `MATCH (m:Mandate {id: 'mandate:2017-2020'}) SET m.endDate = date('2020-05-05')`,
      `MATCH (m:Mandate {id: 'mandate:2020-2025'}) SET m.startDate = date('2020-05-06')`,
    ]);
    expect(rows).toEqual([]);
  });

  it('dq-general-knowledge-not-unverified: a kind from general knowledge without the unverified flag', async () => {
    const rows = await rowsAfter('dq-general-knowledge-not-unverified', [
      `MATCH (o:Organisation {id: 'org:tusla'}) SET o.unverified = false`,
      `MATCH (a:State {id: 'state:DK'})-[r:MEMBER_OF]->(:Organisation {id: 'org:cbss'})
       SET r.note = 'Role taken from general knowledge.'`,
    ]);
    expect(rows.map((r) => [r.kind, r.fact])).toEqual([
      ['entity', 'org:tusla'],
      ['relationship', 'state:DK -MEMBER_OF-> org:cbss'],
    ]);
  });
});
