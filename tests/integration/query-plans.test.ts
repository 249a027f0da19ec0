import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { CLONED_LABELS, scaleGraph } from '../../bench/scale';
import { PROJECT_ROOT } from '../../src/config';
import { cypher } from '../../src/db/cypher-files';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrations';
import { entityListStatement } from '../../src/graphql/plan/statements/entity-list';
import { pathStatement } from '../../src/graphql/plan/statements/path';
import { parse } from 'graphql';
import { SCENARIOS } from '../../bench/scenarios';
import { plan } from '../../src/graphql/plan/plan';
import { documents as plannedDocuments } from '../helpers/planned-documents';
import { compiledStatements } from '../helpers/compiled-statements';
import { rootStatement, type RootLookup } from '../../src/graphql/plan/statements/roots';
import { buildSchema } from '../../src/graphql/schema';
import {
  PLAIN_SHAPE,
  relationPageStatement,
} from '../../src/graphql/plan/statements/relation-page';
import { timelineKinds, timelineStatement } from '../../src/graphql/plan/statements/timeline';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { seed } from '../../src/seed';
import { farLabelFilter, loadModel, pageKeyMap, PAGE_KEY_PROPERTIES } from '../../src/model';
import { silentLogger } from '../helpers/db';
import { TEST_EMBEDDED, testConnection } from '../setup/test-neo4j';

/**
 * Every statement the API sends, EXPLAINed on the seed grown 10x in a Neo4j
 * of its own (so the planner sees realistic counts, and the other tests'
 * database stays as the seed). A plan fails on AllNodesScan, and on a
 * NodeByLabelScan of a label that grows with the data.
 */
const PORTS = { bolt: TEST_EMBEDDED.boltPort + 2, http: TEST_EMBEDDED.httpPort + 2 };
const GROWING = new Set(['Entity', ...CLONED_LABELS]);

/**
 * Statements that read a whole label by nature, and why. Anything else that
 * scans fails the test.
 */
const EXEMPT: Record<string, string> = {
  // Most connected first: the degree is computed for every entity of the label.
  'list CONNECTIONS': 'ordering by connection count reads every entity of the label',
  // A substring (CONTAINS) of a name cannot seek an index; the full-text
  // search (Query.search) is the indexed way to find entities by words.
  'list text': 'a name substring filter counts the label; Query.search is the indexed route',
  // Provenance is stored as id lists on each fact; finding the facts that
  // cite a source reads them (a CITES relationship would index it).
  'api/source-cited-by.cypher': 'provenance is stored as id lists on each fact',
  'planned Source.citedBy': 'provenance is stored as id lists on each fact',
  // Data-quality figures count the facts that lack a source or are
  // unverified: every entity and relationship is read, as the dq-* saved
  // queries they agree with do.
  'api/data-quality.cypher': 'data-quality figures read every fact by nature',
  'compiled data-quality.graphql': 'the data-quality figures (api/data-quality.cypher)',
  'planned data quality, every field': 'the data-quality figures (api/data-quality.cypher)',
  // The cost model's list bounds: the largest degree per relationship type
  // and direction is found by reading every relationship, at most once per
  // LIST_BOUNDS_TTL_MS (src/graphql/limits/list-bounds.ts), never per request.
  'api/list-bounds.cypher': 'list bounds read every relationship, at most every 30 s',
  // Only after project(acronym:) found nothing: every project's acronym and
  // name, to name the closest ones in the error.
  'api/project-names.cypher': 'a failed project lookup reads every project name for suggestions',
};

type PlanNode = { operatorType: string; arguments: Record<string, unknown>; children: PlanNode[] };

function scans(plan: PlanNode): string[] {
  const own: string[] = [];
  const op = plan.operatorType.replace(/@.*$/, '');
  const details = String(plan.arguments.Details ?? '');
  if (op === 'AllNodesScan') own.push(`AllNodesScan ${details}`);
  if (op === 'NodeByLabelScan') {
    const scanned = /:(\w+)/.exec(details)?.[1] ?? '';
    if (GROWING.has(scanned)) own.push(`NodeByLabelScan ${details}`);
  }
  return [...own, ...plan.children.flatMap(scans)];
}

const date = new neo4j.types.Date(2020, 1, 1);
const shape0 = PLAIN_SHAPE;

/** Every compiled shape the plan test checks, with parameters of the right types. */
function statements(): { name: string; cypher: string; params: Record<string, unknown> }[] {
  const model = loadModel();
  const out: { name: string; cypher: string; params: Record<string, unknown> }[] = [];
  const page = { after: '', limit: 21 };
  for (const [label, spec] of Object.entries(model.labels)) {
    const kinds = spec.properties.kind?.type === 'enum';
    for (const [variant, shape] of [
      ['list', { text: false, kinds: false, unverified: false, orderBy: 'NAME' as const }],
      ['list kinds', { text: false, kinds, unverified: false, orderBy: 'NAME' as const }],
      [
        'list unverified',
        { text: false, kinds: false, unverified: true, orderBy: 'NAME' as const },
      ],
      ['list text', { text: true, kinds: false, unverified: false, orderBy: 'NAME' as const }],
      [
        'list CONNECTIONS',
        { text: false, kinds: false, unverified: false, orderBy: 'CONNECTIONS' as const },
      ],
    ] as const) {
      out.push({
        name: `${variant} ${label}`,
        cypher: entityListStatement(label, shape),
        params: { ...page, text: 'a', kinds: ['other'], unverified: true },
      });
    }
    for (const [field, f] of Object.entries(spec.fields)) {
      const rel = {
        types: [f.relationship],
        direction: f.direction,
        labels: farLabelFilter(model, f),
      };
      for (const shape of [
        shape0,
        { ...shape0, asOf: true, text: true, orderBy: 'NAME' as const },
      ]) {
        out.push({
          name: `field ${label}.${field} ${JSON.stringify(shape)}`,
          cypher: relationPageStatement(rel, shape),
          params: { ...page, ids: [`x:1`], asOf: date, text: 'a' },
        });
      }
    }
  }
  out.push({
    name: 'field Node.relationships',
    cypher: relationPageStatement({ types: null, direction: null, labels: null }, shape0),
    params: { ...page, ids: ['x:1'] },
  });
  const { timeline } = loadModel();
  const kinds = timelineKinds(timeline);
  for (const k of [kinds, ...kinds.map((x) => [x])]) {
    out.push({
      name: `timeline ${k.join(',')}`,
      cypher: timelineStatement(timeline, k),
      params: { from: date, to: date, limit: 100 },
    });
    out.push({
      name: `timeline by state ${k.join(',')}`,
      cypher: timelineStatement(timeline, k, true),
      params: { from: date, to: date, limit: 100, state: 'state:LT' },
    });
  }
  for (let hops = 1; hops <= 8; hops += 1)
    out.push({
      name: `path ${hops}`,
      cypher: pathStatement(hops),
      params: { from: 'a:1', to: 'b:1', includeDerived: false, limit: 3 },
    });
  const lookups: RootLookup[] = [
    { by: 'id', label: null },
    { by: 'id', label: 'State' },
    { by: 'isoCode', label: 'State' },
    { by: 'isoCode', label: 'Country' },
    { by: 'acronym' },
  ];
  for (const lookup of lookups)
    out.push({
      name: `root ${JSON.stringify(lookup)}`,
      cypher: rootStatement(lookup),
      params: { id: 'x:1', isoCode: 'LT', key: 'promise' },
    });
  const apiDir = path.join(PROJECT_ROOT, 'cypher', 'api');
  for (const file of fs.readdirSync(apiDir).filter((f) => f.endsWith('.cypher')))
    out.push({
      name: `api/${file}`,
      cypher: cypher(`api/${file}`),
      params: {
        ids: ['x:1'],
        id: 'x:1',
        isoCode: 'LT',
        key: 'promise',
        query: 'barnahus',
        exact: 'barnahus',
        types: null,
        limit: 10,
        candidates: 50,
        after: null,
        mandate: 'mandate:2017-2020',
        depth: 1,
        asOf: date,
        includeUndated: false,
        sourceKinds: ['seed-document', 'web-page'],
        keys: [{ startId: 'a', type: 'T', endId: 'b', key: 'k' }],
      },
    });
  // The exports' reads (cypher/export); after-import.cypher is a one-off
  // repair run on an imported copy, not a read of this graph.
  const exportDir = path.join(PROJECT_ROOT, 'cypher', 'export');
  for (const file of fs
    .readdirSync(exportDir)
    .filter((f) => f.endsWith('.cypher') && f !== 'after-import.cypher'))
    out.push({
      name: `export/${file}`,
      cypher: cypher(`export/${file}`),
      params: { after: '', limit: 2000, asOf: date, includeUndated: true },
    });
  return out;
}

/**
 * The statements the API sends for each GraphQL fixture and benchmark
 * scenario (one per root field), recorded as its resolvers compile them.
 */
async function compiledRequests(): Promise<
  { name: string; cypher: string; params: Record<string, unknown> }[]
> {
  const schema = buildSchema();
  const dir = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'graphql');
  const requests: { name: string; query: string; variables?: Record<string, unknown> }[] = [
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => ({ name: f, query: fs.readFileSync(path.join(dir, f), 'utf8') })),
    ...SCENARIOS.map((s) => {
      const r = s.ours({});
      return { name: `bench ${s.name}`, query: r.query!, variables: r.variables };
    }),
  ];
  const out: { name: string; cypher: string; params: Record<string, unknown> }[] = [];
  for (const r of requests)
    for (const sent of compiledStatements(schema, r.query, r.variables))
      out.push({
        name: `compiled ${r.name} ${sent.operation}`,
        cypher: sent.cypher,
        params: sent.params,
      });
  return out;
}

/**
 * The planner's statements for every planned document (each model field
 * and its variants, lookups, nodes, lists, the timeline) and for the
 * benchmark's, with the parameters a request writes.
 */
function plannedStatements(): { name: string; cypher: string; params: Record<string, unknown> }[] {
  const schema = buildSchema();
  const model = loadModel();
  const out: { name: string; cypher: string; params: Record<string, unknown> }[] = [];
  const requests: [string, string, Record<string, unknown>][] = [
    ...plannedDocuments,
    ...SCENARIOS.map((s): [string, string, Record<string, unknown>] => {
      const r = s.ours({});
      return [`bench ${s.name}`, r.query!, r.variables ?? {}];
    }),
  ];
  for (const [name, query, variables] of requests) {
    const planned = plan(schema, model, parse(query), undefined, variables);
    if (planned.kind !== 'planned') throw new Error(`${name} is not planned: ${planned.reason}`);
    for (const root of planned.roots) {
      if (root.statement === null) continue;
      const params: Record<string, unknown> = {};
      for (const write of root.writers) write(variables, params);
      // The most-connected order and name substrings read the label by nature (EXEMPT).
      const exempt = /orderBy: CONNECTIONS/.test(query) ? 'list CONNECTIONS ' : '';
      out.push({ name: `${exempt}planned ${name} ${root.key}`, cypher: root.statement, params });
    }
  }
  return out;
}

describe('query plans on the seed grown 10x', () => {
  let server: EmbeddedNeo4j | undefined;
  let db: Database;

  beforeAll(async () => {
    const dataDir = path.join(PROJECT_ROOT, '.neo4j-test', 'plans');
    const external = process.env.TEST_NEO4J_URI;
    if (!external) {
      for (const dir of ['data', 'logs'])
        fs.rmSync(path.join(dataDir, dir), { recursive: true, force: true });
      server = new EmbeddedNeo4j(
        { ...TEST_EMBEDDED, boltPort: PORTS.bolt, httpPort: PORTS.http, dataDir },
        () => undefined,
      );
      await server.start();
    }
    db = new Database(
      testConnection(
        external ? {} : { uri: `neo4j://127.0.0.1:${PORTS.bolt}`, txTimeoutMs: 120_000 },
      ),
      silentLogger,
    );
    await migrate(db, silentLogger);
    await seed(db);
    await scaleGraph(db, 10, 1);
  }, 600_000);

  afterAll(async () => {
    await db?.close();
    await server?.stop();
  }, 120_000);

  it('gives the grown graph current page keys: cloned and re-derived relationships are keyed for their own ends', async () => {
    const [row] = await db.read<{ stale: number; total: number }>(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WITH r, ${pageKeyMap('a', 'r', 'b')} AS keys
       RETURN count(CASE WHEN any(k IN $keys WHERE r[k] IS NULL OR r[k] <> keys[k]) THEN 1 END) AS stale,
              count(*) AS total`,
      { keys: [...PAGE_KEY_PROPERTIES] },
      { operation: 'test.stale-keys' },
    );
    expect(row!.total).toBeGreaterThan(5_000);
    expect(row!.stale).toBe(0);
  });

  it('reads no whole store and no whole growing label, outside the commented exemptions', async () => {
    const failures: string[] = [];
    const checked: string[] = [];
    for (const s of [...statements(), ...(await compiledRequests()), ...plannedStatements()]) {
      const summary = await db.explain(s.cypher, s.params, { operation: 'test.explain' });
      const found = scans(summary.plan as unknown as PlanNode);
      const exempt = Object.keys(EXEMPT).find((e) => s.name === e || s.name.startsWith(`${e} `));
      checked.push(s.name);
      if (found.length > 0 && !exempt) failures.push(`${s.name}: ${found.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(checked.length).toBeGreaterThan(300);
    // Every planned document's statements, one per root field at least.
    expect(checked.filter((n) => n.includes('planned ')).length).toBeGreaterThanOrEqual(
      plannedDocuments.length,
    );
    // At least one recorded statement per fixture and per benchmark scenario.
    const fixtures = fs
      .readdirSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'graphql'))
      .filter((f) => f.endsWith('.graphql')).length;
    expect(checked.filter((n) => n.startsWith('compiled ')).length).toBeGreaterThanOrEqual(
      fixtures + SCENARIOS.length,
    );
  }, 600_000);
});
