import { testDatabase } from '../helpers/db';

/**
 * Facts that once lived only in description text, now relationships a path or
 * neighbourhood query can walk: each is in the graph between the right two
 * entities, cites the source the reference sheet gives for it and, where a
 * source dates the role, carries that period.
 */
interface Link {
  from: string;
  type: string;
  to: string;
  source: string;
  /** Stored properties the link must carry (dates as ISO text). */
  props?: Record<string, string | boolean>;
}

const LINKS: Link[] = [
  // The Child Advisory Board guidelines: producer and presidency.
  {
    from: 'body:eg-car',
    type: 'PRODUCED',
    to: 'output:child-advisory-board-guidelines',
    source: 'source:S69',
  },
  {
    from: 'output:child-advisory-board-guidelines',
    type: 'DURING',
    to: 'presidency:2022-2023',
    source: 'source:S69',
  },
  // Presidency outputs tied to their presidencies.
  {
    from: 'output:fi-presidency-child-trafficking-report',
    type: 'DURING',
    to: 'presidency:2023-2024',
    source: 'source:S62',
  },
  {
    from: 'output:ee-online-child-trafficking-guidelines',
    type: 'DURING',
    to: 'presidency:2024-2025',
    source: 'source:S64',
  },
  {
    from: 'output:ee-child-participation-guidelines',
    type: 'DURING',
    to: 'presidency:2024-2025',
    source: 'source:S63',
  },
  // The CSO's approval of the 2017-2020 mandate.
  { from: 'mandate:2017-2020', type: 'APPROVED_BY', to: 'body:cso', source: 'source:S12' },
  // PROMISE 2 formalised the PROMISE Barnahus Network.
  {
    from: 'project:promise-2',
    type: 'ESTABLISHED',
    to: 'project:promise-barnahus-network',
    source: 'source:S25',
    props: { role: 'formalised' },
  },
  // Ombudsperson offices under ministries.
  { from: 'ombuds:no-barneombudet', type: 'PART_OF', to: 'ministry:no-bfd', source: 'source:S143' },
  {
    from: 'ombuds:se-barnombudsmannen',
    type: 'PART_OF',
    to: 'ministry:se-health-social-affairs',
    source: 'source:S146',
    props: { confidence: 'medium' },
  },
  {
    from: 'ombuds:fi-lapsiasiavaltuutettu',
    type: 'PART_OF',
    to: 'ministry:fi-social-affairs-health',
    source: 'source:S147',
    // The move to the Ministry of Justice is undated, so the missing end is not a known open end.
    props: { validFrom: '2005-09-01', unverified: true },
  },
  {
    from: 'ombuds:fi-lapsiasiavaltuutettu',
    type: 'PART_OF',
    to: 'ministry:fi-justice',
    source: 'source:S147',
  },
  // Užuovėja's partnership with Barnaverndarstofa.
  {
    from: 'org:lt-uzuoveja',
    type: 'COOPERATES_WITH',
    to: 'agency:is-barnaverndarstofa',
    source: 'source:S126',
  },
  // The Lanzarote Committee's 2015 recognition of Barnahus.
  {
    from: 'org:lanzarote-committee',
    type: 'RECOGNISED',
    to: 'service:is-barnahus-reykjavik',
    source: 'source:S124',
    // The Committee recognised the Barnahus model; the Icelandic house stands for it.
    props: { validFrom: '2015-01-01', validFromPrecision: 'year', confidence: 'medium' },
  },
  // TF-THB's cooperation with CAR; the 2018 Transnational Referral Mechanism is
  // named only as an example of it, so it is in the role, not an output.
  {
    from: 'body:tf-thb',
    type: 'COOPERATES_WITH',
    to: 'body:eg-car',
    source: 'source:S59',
    props: { role: 'cooperation, e.g. on a Transnational Referral Mechanism (2018)' },
  },
  // Velux and World Childhood Foundation funding the Polish centres: the sheet
  // lists both only as Barnahus funders, citing the Polish pages.
  {
    from: 'project:pl-childrens-advocacy-centres-network',
    type: 'FUNDED_BY',
    to: 'org:velux-foundations',
    source: 'source:S131',
    props: { unverified: true, confidence: 'low' },
  },
  {
    from: 'project:pl-childrens-advocacy-centres-network',
    type: 'FUNDED_BY',
    to: 'org:world-childhood-foundation',
    source: 'source:S131',
    props: { unverified: true, confidence: 'low' },
  },
  // Bragi Guðbrandsson founded Barnahús.
  {
    from: 'person:bragi-gudbrandsson',
    type: 'ESTABLISHED',
    to: 'service:is-barnahus-reykjavik',
    source: 'source:S116',
    props: { role: 'founder' },
  },
  // The 2011 priorities continued by the 2013 mandate.
  ...['sexual-exploitation', 'migration-trafficking', 'early-intervention', 'residential-care'].map(
    (k): Link => ({
      from: `priority:2013-${k}`,
      type: 'CONTINUES',
      to: `priority:2011-${k}`,
      source: 'source:S71',
    }),
  ),
  // The four organisations that had no relationship.
  {
    from: 'org:central-european-initiative',
    type: 'COOPERATES_WITH',
    to: 'body:eg-car',
    source: 'source:S70',
  },
  {
    from: 'org:nordic-network-against-trafficking-in-children',
    type: 'COOPERATES_WITH',
    to: 'body:eg-car',
    source: 'source:S41',
  },
  {
    from: 'org:osce-alliance-expert-coordination-team',
    type: 'COOPERATES_WITH',
    to: 'body:eg-car',
    source: 'source:S41',
  },
  { from: 'org:eeas', type: 'REPRESENTS', to: 'org:eu', source: 'source:S78' },
  // Partnership periods where a source dates the role.
  {
    from: 'ministry:no-bfd',
    type: 'PARTNER_IN',
    to: 'project:audtrain',
    source: 'source:S56',
    // Both ends inferred (the 2005 Oslo forum, the 2011 CBSS project), not stated.
    props: { validFrom: '2005-01-01', validTo: '2011-12-31', confidence: 'medium' },
  },
  {
    from: 'service:pl-cpd-warsaw',
    type: 'PARTNER_IN',
    to: 'project:pl-childrens-advocacy-centres-network',
    source: 'source:S131',
    // The start is assumed from the centre's opening.
    props: { validFrom: '2018-04-01', validFromPrecision: 'month', confidence: 'medium' },
  },
];

describe('facts researchers reach by path, each with its source', () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it.each(LINKS.map((l) => [`${l.from} -${l.type}-> ${l.to}`, l] as const))(
    '%s',
    async (_, link) => {
      const rows = await db.read<{ sources: string[]; props: Record<string, unknown> }>(
        `MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to}) WHERE type(r) = $type
         RETURN r.sourceIds AS sources,
                {role: r.role, validFrom: toString(r.validFrom), validTo: toString(r.validTo),
                 validFromPrecision: r.validFromPrecision, confidence: r.confidence,
                 unverified: r.unverified} AS props`,
        { from: link.from, to: link.to, type: link.type },
        { operation: 'test.linked-facts' },
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sources).toContain(link.source);
      expect(rows[0]!.props).toMatchObject(link.props ?? {});
    },
  );

  it('stores the Transnational Referral Mechanism only as an example in the cooperation', async () => {
    const rows = await db.read<{ id: string }>(
      `MATCH (n:Entity) WHERE n.name CONTAINS 'Transnational Referral Mechanism' RETURN n.id AS id`,
      {},
      { operation: 'test.linked-facts.trm' },
    );
    expect(rows).toEqual([]);
  });

  it('leaves no organisation without a relationship', async () => {
    const rows = await db.read<{ id: string }>(
      `MATCH (o:Organisation) WHERE o.origin = 'seed' AND NOT EXISTS { (o)--(:Entity) }
       RETURN o.id AS id ORDER BY id`,
      {},
      { operation: 'test.linked-facts.isolated' },
    );
    expect(rows).toEqual([]);
  });
});
