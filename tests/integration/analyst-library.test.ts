import { spawnSync } from 'node:child_process';
import { isEnumType } from 'graphql';
import path from 'node:path';
import { queryLibrary } from '../../src/analyst/library';
import { runSavedQuery } from '../../src/analyst/run';
import { PROJECT_ROOT } from '../../src/config';
import { buildSchema } from '../../src/graphql/schema';
import { testDatabase } from '../helpers/db';
import { startTestApp, useTestApp, type TestApp } from '../helpers/http';
import { testConnection } from '../setup/test-neo4j';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Saved-query columns that mirror an API enum, by column name, and where a
 * name means an enum in one query only, by query: their values must be the
 * schema's enum values (DAY, not day).
 */
const ENUM_COLUMNS: Record<string, string> = {
  precision: 'Precision',
  fromPrecision: 'Precision',
  toPrecision: 'Precision',
  openedPrecision: 'Precision',
  enactedPrecision: 'Precision',
  startDatePrecision: 'Precision',
  confidence: 'Confidence',
  label: 'Label',
  neighbourLabel: 'Label',
  direction: 'Direction',
  relationship: 'RelationshipType',
};
const ENUM_COLUMNS_OF: Record<string, Record<string, string>> = {
  'ombudspersons-by-state': { kind: 'OmbudspersonInstitutionKind' },
};

/** The runner as analysts use it, pointed at the test Neo4j (built by npm test before Jest). */
function runner(args: string[]) {
  const conn = testConnection();
  const r = spawnSync('node', [path.join(PROJECT_ROOT, 'dist/src/analyst/cli.js'), ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: conn.uri,
      NEO4J_USER: conn.user,
      NEO4J_PASSWORD: conn.password,
      NEO4J_DATABASE: conn.database,
      LOG_LEVEL: 'silent',
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the analysts’ query library', () => {
  const db = testDatabase();
  const library = queryLibrary();
  const examples = (name: string) =>
    Object.fromEntries(library.get(name)!.params.map((p) => [p.name, p.example]));
  const run = async (name: string, params: Record<string, unknown> = examples(name)) =>
    (await runSavedQuery(db, name, params)).rows as Row[];
  afterAll(() => db.close());

  it('holds at least fifteen documented queries', () => {
    expect(library.size).toBeGreaterThanOrEqual(15);
  });

  it.each([...queryLibrary().keys()])('%s runs with its example parameters', async (name) => {
    const result = await runSavedQuery(db, name, examples(name));
    expect(result.columns).toEqual(library.get(name)!.columns);
    for (const row of result.rows) expect(Object.keys(row)).toEqual(result.columns);
  });

  it('members-as-of: ten states and the EU seat on 2023-01-01, Russia only before', async () => {
    const rows = await run('members-as-of', { asOf: '2023-01-01' });
    const states = rows.filter((r) => r.label === 'STATE').map((r) => r.member);
    expect(states).toHaveLength(10);
    expect(states).not.toContain('Russia');
    expect(rows.map((r) => r.member)).toContain('European Union');
    expect((await run('members-as-of', { asOf: '2021-06-01' })).map((r) => r.member)).toContain(
      'Russia',
    );
  });

  it('promise-phases: PROMISE 1, 2 and 3 in order', async () => {
    const phases = (await run('promise-phases')).map((r) => r.phase as string);
    const numbered = phases.filter((p) => /^PROMISE [123]$/.test(p));
    expect(numbered).toEqual(['PROMISE 1', 'PROMISE 2', 'PROMISE 3']);
  });

  it('heads-of-unit: one asserted head at a time, hand-over years flagged unverified for both heads', async () => {
    const rows = await run('heads-of-unit');
    const asserted = rows.filter((r) => r.unverified === false);
    expect(asserted.map((r) => r.person)).toEqual([
      'Lars Lööf',
      'Turid Heiberg',
      'Olivia Lind Haldorsson',
    ]);
    // Asserted periods never overlap: each ends before the next begins.
    for (let i = 1; i < asserted.length; i++) {
      expect(String(asserted[i - 1]!.to) < String(asserted[i]!.from)).toBe(true);
    }
    // Each hand-over year names both heads, both unverified.
    const handovers = rows.filter((r) => r.unverified === true);
    expect(handovers.map((r) => `${String(r.from)} ${String(r.person)}`).sort()).toEqual([
      '2013-07-01 Lars Lööf',
      '2013-07-01 Turid Heiberg',
      '2019-07-01 Olivia Lind Haldorsson',
      '2019-07-01 Turid Heiberg',
    ]);
  });

  it('corporal-punishment-bans: Sweden first (1979), Lithuania last (2017-02-14)', async () => {
    const rows = await run('corporal-punishment-bans');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      state: 'Sweden',
      enacted: '1979-01-01',
      enactedPrecision: 'YEAR',
    });
    expect(rows.at(-1)).toMatchObject({
      state: 'Lithuania',
      enacted: '2017-02-14',
      enactedPrecision: 'DAY',
    });
  });

  it('barnahus-spread: Iceland’s Barnahús of 1998 opened first', async () => {
    const rows = await run('barnahus-spread');
    expect(rows[0]).toMatchObject({ opened: '1998-11-01', country: 'Iceland' });
  });

  it('presidencies-and-chairs: every term from 2011-2012 to 2025-2026 in order, each chairing the Expert Group', async () => {
    const rows = await run('presidencies-and-chairs', { from: '2011-07-01' });
    expect(rows.map((r) => r.term)).toEqual(
      Array.from({ length: 15 }, (_, i) => `${2011 + i}-${2012 + i}`),
    );
    expect(rows.find((r) => r.term === '2019-2020')).toMatchObject({
      state: 'Denmark',
      chairedExpertGroup: true,
    });
  });

  it('ombudspersons-by-state: Germany has substitutes, not an ombudsperson', async () => {
    const rows = await run('ombudspersons-by-state', { isoCode: 'DE' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kind === 'SUBSTITUTE')).toBe(true);
  });

  it('project-network: PROMISE 1 has thirteen pilot countries and the CBSS as a coordinator', async () => {
    const rows = await run('project-network', { project: 'project:promise-1' });
    expect(rows.filter((r) => r.relation === 'pilot country')).toHaveLength(13);
    expect(rows.some((r) => r.relation === 'coordinator')).toBe(true);
  });

  it('source-supports and fact-sources answer each other', async () => {
    const supported = await run('source-supports', { source: 'source:seed-004' });
    expect(supported.some((r) => r.fact === 'presidency:2019-2020')).toBe(true);
    const sources = await run('fact-sources', { id: 'presidency:2019-2020' });
    expect(sources.some((r) => r.source === 'source:seed-004' && r.quote)).toBe(true);
  });

  it('ministries-over-time: the responsibility periods, with the names carried over time', async () => {
    const iceland = await run('ministries-over-time', { isoCode: 'IS' });
    // Periods of the responsibility (RESPONSIBLE_FOR_CHILDREN_IN), not of the names.
    expect(iceland.find((r) => r.body === 'ministry:is-welfare')).toMatchObject({
      label: 'MINISTRY',
      from: null,
      to: '2021-12-31',
      toPrecision: 'YEAR',
      periodKnown: false,
      unverified: true,
    });
    expect(iceland.find((r) => r.body === 'ministry:is-education-children')).toMatchObject({
      from: '2022-01-01',
      fromPrecision: 'YEAR',
      to: null,
    });
    expect(iceland.find((r) => r.body === 'agency:is-barnaverndarstofa')).toMatchObject({
      label: 'AGENCY',
      periodKnown: false,
    });
    expect(iceland.filter((r) => r.from !== null || r.to !== null).length).toBeGreaterThan(1);
    // One row per responsibility; the names the Danish ministry carried are a column, in order.
    const denmark = await run('ministries-over-time', { isoCode: 'DK' });
    const social = denmark.filter((r) => r.body === 'ministry:dk-social');
    expect(social).toHaveLength(1);
    const names = social[0]!.names as { name: string; from: string | null }[];
    expect(names.length).toBeGreaterThan(1);
    const froms = names.map((n) => n.from ?? '');
    expect(froms).toEqual([...froms].sort());
  });

  it('writes every column that mirrors an API enum as the API spells it', async () => {
    const schema = buildSchema();
    const allowed = (type: string) => {
      const e = schema.getType(type);
      if (!isEnumType(e)) throw new Error(`${type} is not an enum of the schema`);
      return e.getValues().map((v) => v.name);
    };
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const [name, q] of library) {
      const enums = { ...ENUM_COLUMNS, ...ENUM_COLUMNS_OF[name] };
      const rows = (await runSavedQuery(db, name, examples(name))).rows as Row[];
      for (const column of q.columns.filter((c) => enums[c])) {
        const values = allowed(enums[column]!);
        checked.push(`${name}.${column}`);
        for (const row of rows)
          if (row[column] !== null && !values.includes(row[column] as string))
            wrong.push(`${name}.${column}: ${JSON.stringify(row[column])}`);
      }
    }
    expect(wrong).toEqual([]);
    // The check reaches the columns it is about.
    expect(checked).toEqual(
      expect.arrayContaining([
        'barnahus-spread.openedPrecision',
        'corporal-punishment-bans.enactedPrecision',
        'heads-of-unit.fromPrecision',
        'members-as-of.label',
        'ministries-over-time.toPrecision',
        'neighbourhood.direction',
        'neighbourhood.relationship',
        'ombudspersons-by-state.kind',
        'fact-sources.confidence',
      ]),
    );
  });

  it('names no column as the API names nothing: a label is label, not type; a precision is <field>Precision', () => {
    for (const q of library.values()) {
      expect(q.columns).not.toContain('type');
      expect(q.columns).not.toContain('precision');
    }
  });

  it('dq-facts-without-source finds nothing on the seed', async () => {
    expect(await run('dq-facts-without-source')).toEqual([]);
  });

  it('refuses an unknown query, a missing, unknown or mistyped parameter', async () => {
    await expect(runSavedQuery(db, 'nope', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runSavedQuery(db, 'project-network', {})).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/missing parameter "project"/),
    });
    await expect(
      runSavedQuery(db, 'members-as-of', { asOf: '2023-01-01', extra: 1 }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/unknown parameter "extra"/) });
    await expect(
      runSavedQuery(db, 'neighbourhood', { id: 'x', limit: 'many' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/"limit" must be a integer/) });
  });

  describe('the runner and GraphQL', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(db);
    });
    afterAll(() => t.app.stop());

    it('prints a table, CSV and JSON; GraphQL runSavedCypher returns the same rows', async () => {
      const table = runner(['heads-of-unit']);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/^person +\| role/);
      const rows = await run('heads-of-unit');
      expect(table.stdout).toContain(`(${rows.length} rows)`);
      const csv = runner(['heads-of-unit', '--format', 'csv']);
      expect(csv.stdout.split('\n')[0]).toBe(
        'person,role,from,fromPrecision,to,toPrecision,unverified,sources,note',
      );
      const json = runner(['members-as-of', '--param', 'asOf=2023-01-01', '--format', 'json']);
      expect(json.code).toBe(0);
      const viaRunner = JSON.parse(json.stdout) as Row[];
      const { body } = await t.graphql(
        '{ runSavedCypher(name: "members-as-of", params: { asOf: "2023-01-01" }) { columns rows } }',
      );
      expect((body.data as Row).runSavedCypher.rows).toEqual(viaRunner);
    });

    it('exits non-zero with a clear message on a wrong parameter', () => {
      const r = runner(['members-as-of', '--param', 'asOf=yesterday']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/parameter "asOf" must be a date, got "yesterday"/);
      const missing = runner(['project-network']);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(/missing parameter "project"/);
    });

    it('lists the library without a name', () => {
      const r = runner([]);
      expect(r.code).toBe(0);
      for (const name of library.keys()) expect(r.stdout).toContain(name);
    });

    it('lists the library over GraphQL with parameters and columns', async () => {
      const { body } = await t.graphql(
        '{ cypherQueries { name params { name type required example } columns } }',
      );
      const list = (body.data as Row).cypherQueries as Row[];
      expect(list.map((q) => q.name).sort()).toEqual([...library.keys()].sort());
    });
  });
});

describe('the Neo4j Browser guide', () => {
  const env = useTestApp();

  it('has a slide per saved query with runnable :param commands and Cypher', async () => {
    const res = await fetch(`${env.t.base}/browser-guide`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const slides = html.match(/<slide /g) ?? [];
    expect(slides.length).toBe(queryLibrary().size + 1);
    expect(html).toContain(
      `<pre class="pre-scrollable code runnable">:param asOf =&gt; date('2023-01-01')</pre>`,
    );
    for (const name of queryLibrary().keys()) expect(html).toContain(`<h3>${name}</h3>`);
  });

  const preflight = (origin: string) =>
    fetch(`${env.t.base}/browser-guide`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'cache-control,pragma,sentry-trace',
      },
    });

  it('answers Neo4j Browser’s preflight from its own origin (the embedded Neo4j)', async () => {
    for (const origin of ['http://127.0.0.1:7474', 'http://localhost:7474']) {
      const res = await preflight(origin);
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/cache-control/);
    }
  });

  it('lets no other origin read the guide, CORS_ORIGINS aside', async () => {
    const evil = await preflight('http://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const page = await fetch(`${env.t.base}/browser-guide`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    const configured = await preflight('http://allowed.example');
    expect(configured.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
  });
});
