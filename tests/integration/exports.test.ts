import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import jsonld from 'jsonld';
import { PROJECT_ROOT } from '../../src/config';
import { cypher } from '../../src/db/cypher-files';
import { Database } from '../../src/db/database';
import { IMPORT_OPTIONS } from '../../src/export/csv';
import { FORMATS } from '../../src/export/formats';
import { exportToFolder } from '../../src/export/to-folder';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { silentLogger, testDatabase } from '../helpers/db';
import { graphContentChecksum } from '../../src/db/graph-checksum';
import { startTestApp, type TestApp } from '../helpers/http';
import { TEST_EMBEDDED, testConnection } from '../setup/test-neo4j';

// citation-js requires node-fetch (an ES module Jest cannot require) for
// remote inputs, which these tests never use: Node's own fetch stands in.
jest.mock('node-fetch', () => ({ __esModule: true, default: globalThis.fetch }));

/** The imported copy runs on a Neo4j of its own, beside the shared test server. */
const IMPORT_PORTS = { bolt: TEST_EMBEDDED.boltPort + 5, http: TEST_EMBEDDED.httpPort + 5 };

/** What tests write for a moment is not part of any comparison (see tests/helpers/db.ts). */
const NOT_TEST = "coalesce(x.origin, '') <> 'test'";

/**
 * Bolt opens before the databases are up; on a busy machine the first
 * queries wait for them. Polls until the imported database answers.
 */
async function answering(db: Database): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await db.ping(5_000);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

describe('exports read by independent tools', () => {
  const db = testDatabase({ txTimeoutMs: 60_000 });
  let out: string;
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'car-export-'));
    await exportToFolder(db, FORMATS.all!, out, null);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  async function count(statement: string): Promise<number> {
    const [row] = await db.read<{ n: number }>(statement, {}, { operation: 'test.count' });
    return row!.n;
  }
  const entityCount = () => count(`MATCH (x:Entity) WHERE ${NOT_TEST} RETURN count(x) AS n`);
  const relationshipCount = () =>
    count(
      `MATCH (a:Entity)-[x]->(b:Entity) WHERE ${NOT_TEST} AND ${NOT_TEST.replace('x.', 'a.')} AND ${NOT_TEST.replace('x.', 'b.')} RETURN count(x) AS n`,
    );

  it('CSV imports with neo4j-admin into an empty Neo4j as the same graph (checksum), with the one documented repair', async () => {
    const dataDir = path.join(PROJECT_ROOT, '.neo4j-test', 'export-import');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const target = new EmbeddedNeo4j(
      {
        ...TEST_EMBEDDED,
        boltPort: IMPORT_PORTS.bolt,
        httpPort: IMPORT_PORTS.http,
        dataDir,
        heap: '512m',
        pageCache: '64m',
      },
      () => undefined,
    );
    const copy = new Database(
      testConnection({
        uri: `neo4j://127.0.0.1:${IMPORT_PORTS.bolt}`,
        user: 'neo4j',
        password: TEST_EMBEDDED.password,
        database: 'neo4j',
        txTimeoutMs: 60_000,
      }),
      silentLogger,
    );
    try {
      await target.importCsv(
        {
          nodes: [path.join(out, 'nodes.csv'), path.join(out, 'dataset.csv')],
          relationships: [path.join(out, 'relationships.csv')],
        },
        // Tests beside this one add and remove entities of their own (origin
        // "test") while the export pages through the graph; a relationship
        // to one removed meanwhile is skipped. The checksum below leaves
        // test data out, so any other missing relationship still fails it.
        [...IMPORT_OPTIONS, '--skip-bad-relationships=true'],
      );
      await target.start();
      await answering(copy);

      // neo4j-admin reads a one-element list of an empty string as no
      // property: exactly the facts citing one source without a quote.
      const [lost] = await db.read<{ nodes: number; relationships: number }>(
        `CALL () { MATCH (x:Entity) WHERE ${NOT_TEST} AND x.sourceQuotes = [''] RETURN count(x) AS nodes }
         CALL () { MATCH (:Entity)-[x]->(:Entity) WHERE ${NOT_TEST} AND x.sourceQuotes = [''] RETURN count(x) AS relationships }
         RETURN nodes, relationships`,
        {},
        { operation: 'test.lost' },
      );
      const [missing] = await copy.read<{ nodes: number; relationships: number }>(
        `CALL () { MATCH (x:Entity) WHERE ${NOT_TEST} AND x.sourceQuotes IS NULL AND x.origin <> 'derived' RETURN count(x) AS nodes }
         CALL () { MATCH (:Entity)-[x]->(:Entity) WHERE ${NOT_TEST} AND x.sourceQuotes IS NULL AND x.origin <> 'derived' RETURN count(x) AS relationships }
         RETURN nodes, relationships`,
        {},
        { operation: 'test.missing' },
      );
      expect(missing).toEqual(lost);
      await copy.write(cypher('export/after-import.cypher'), {}, { operation: 'test.repair' });

      const source = await graphContentChecksum(db);
      const imported = await graphContentChecksum(copy);
      expect(imported.rows).toBe(source.rows);
      expect(imported.checksum).toBe(source.checksum);
    } finally {
      await copy.close();
      await target.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('GraphML opens in networkx with every entity and relationship, and typed attributes', async () => {
    const script = `
import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
test = lambda d: d.get('origin') == 'test'
nodes = [n for n, d in G.nodes(data=True) if not test(d)]
edges = [(a, b, d) for a, b, d in G.edges(data=True)
         if not test(d) and not test(G.nodes[a]) and not test(G.nodes[b])]
types = {'node': {}, 'edge': {}}
for kind, items in (('node', [d for _, d in G.nodes(data=True)]), ('edge', [d for _, _, d in edges])):
    for d in items:
        for k, v in d.items():
            types[kind].setdefault(k, set()).add(type(v).__name__)
print(json.dumps({
  'directed': G.is_directed(),
  'nodes': len(nodes), 'edges': len(edges),
  'graph': G.graph,
  'types': {k: {a: sorted(t) for a, t in v.items()} for k, v in types.items()},
  'edgesWithoutSources': sum(1 for _, _, d in edges if not json.loads(d.get('sourceIds', '[]'))),
  'edgesWithConfidence': sum(1 for _, _, d in edges if 'confidence' in d),
}))
`;
    // PYTHON names an interpreter with networkx where the default python3 has none
    // (.ci/run sets it after installing Debian's python3-networkx).
    const r = spawnSync(
      process.env.PYTHON ?? 'python3',
      ['-c', script, path.join(out, 'graph.graphml')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout) as {
      directed: boolean;
      nodes: number;
      edges: number;
      graph: Record<string, string>;
      types: { node: Record<string, string[]>; edge: Record<string, string[]> };
      edgesWithoutSources: number;
      edgesWithConfidence: number;
    };
    expect(read.directed).toBe(true);
    expect(read.nodes).toBe(await entityCount());
    expect(read.edges).toBe(await relationshipCount());
    const [dataset] = await db.read<{ seedVersion: string; checksum: string }>(
      cypher('api/dataset.cypher'),
      {},
      { operation: 'test.dataset' },
    );
    expect(read.graph.checksum).toBe(dataset!.checksum);
    expect(read.graph.datasetVersion).toBe(
      `${dataset!.seedVersion}+${dataset!.checksum.slice(0, 12)}`,
    );
    // Every attribute has one Python type, the one its stored type maps to.
    const stored = await db.read<{ kind: string; name: string; types: string[][] }>(
      cypher('export/property-types.cypher'),
      {},
      { operation: 'test.types' },
    );
    // A key stored with several types is written as text (src/export/graphml.ts).
    const python = (types: string[]) => {
      const t = [...new Set(types)];
      if (t.length > 1) return 'str';
      return t[0] === 'Long'
        ? 'int'
        : t[0] === 'Boolean'
          ? 'bool'
          : t[0] === 'Double'
            ? 'float'
            : 'str';
    };
    for (const s of stored) {
      const kind = s.kind === 'node' ? 'node' : 'edge';
      const seen = read.types[kind][s.name];
      if (s.name === 'id' || s.name === 'sortKey' || s.name === 'acronymKey') continue;
      if (seen) expect({ [s.name]: seen }).toEqual({ [s.name]: [python(s.types.flat())] });
    }
    expect(read.types.node.label).toEqual(['str']);
    expect(read.types.edge.label).toEqual(['str']);
    expect(read.types.node.name).toEqual(['str']);
    expect(read.types.edge.unverified).toEqual(['bool']);
    expect(read.edgesWithoutSources).toBe(0);
    expect(read.edgesWithConfidence).toBe(
      await count(
        `MATCH (a:Entity)-[x]->(b:Entity) WHERE ${NOT_TEST} AND x.confidence IS NOT NULL RETURN count(x) AS n`,
      ),
    );
  });

  it('JSON-LD expands offline with no term dropped, and every relationship keeps its sources', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'graph.jsonld'), 'utf8')) as {
      '@graph': Record<string, unknown>[];
    } & Record<string, unknown>;
    const fetched: string[] = [];
    const expanded = (await jsonld.expand(doc as never, {
      documentLoader: async (url: string) => {
        fetched.push(url);
        throw new Error(`no remote documents: ${url}`);
      },
    })) as Record<string, unknown>[];
    expect(fetched).toEqual([]);
    expect(expanded).toHaveLength(1);
    const top = expanded[0]!;
    // Keywords (@context) aside, every key of every object survives expansion.
    expect(Object.keys(top).length).toBe(Object.keys(doc).length - 1);
    const graph = top['@graph'] as Record<string, unknown>[];
    expect(graph).toHaveLength(doc['@graph'].length);
    for (const [i, item] of doc['@graph'].entries())
      expect([item['@id'], Object.keys(graph[i]!).length]).toEqual([
        item['@id'],
        Object.keys(item).length,
      ]);

    const PROV = 'http://www.w3.org/ns/prov#';
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const ids = (v: unknown) => ((v ?? []) as { '@id': string }[]).map((x) => x['@id']);
    const relationships = graph.filter((g) =>
      ((g['@type'] ?? []) as string[]).includes('urn:cbss-car:vocab:Relationship'),
    );
    const entities = new Set(graph.map((g) => g['@id'] as string));
    const test = (iri: string) => iri.startsWith('urn:cbss-car:test:');
    const exported = relationships
      .filter((r) => !ids(r[`${RDF}subject`]).some(test) && !ids(r[`${RDF}object`]).some(test))
      .map((r) =>
        [
          ids(r[`${RDF}subject`])[0],
          ids(r[`${RDF}predicate`])[0]!.replace('urn:cbss-car:vocab:', ''),
          ids(r[`${RDF}object`])[0],
          ids(r[`${PROV}wasDerivedFrom`]).join(' '),
        ].join(' '),
      )
      .sort();
    const stored = (
      await db.read<{ line: string }>(
        `MATCH (a:Entity)-[x]->(b:Entity)
         WHERE ${NOT_TEST} AND ${NOT_TEST.replace('x.', 'a.')} AND ${NOT_TEST.replace('x.', 'b.')}
         RETURN 'urn:cbss-car:' + a.id + ' ' + type(x) + ' urn:cbss-car:' + b.id + ' ' +
                reduce(s = '', id IN x.sourceIds | s + CASE s WHEN '' THEN '' ELSE ' ' END + 'urn:cbss-car:' + id) AS line`,
        {},
        { operation: 'test.relationship-sources' },
      )
    )
      .map((r) => r.line)
      .sort();
    expect(exported).toEqual(stored);
    // Every cited source is a resource of the same graph.
    for (const r of relationships)
      for (const s of ids(r[`${PROV}wasDerivedFrom`]))
        expect(entities.has(s) ? s : `missing ${s}`).toBe(s);
  });

  it('JSON-LD as N-Quads states each fact as a direct triple (?state car:PURSUES ?priority) beside its reified statement with sources', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'graph.jsonld'), 'utf8')) as object;
    const nquads = (await jsonld.toRDF(doc as never, {
      format: 'application/n-quads',
      documentLoader: async (url: string) => {
        throw new Error(`no remote documents: ${url}`);
      },
    })) as unknown as string;
    // Parsed back by an N-Quads reader (rdf-canonize's, the one jsonld ships), as a store would load it.
    const { NQuads } = jest.requireActual<{ NQuads: { parse(text: string): Quad[] } }>(
      'rdf-canonize',
    );
    const quads = NQuads.parse(nquads);
    const CAR = 'urn:cbss-car:vocab:';
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const PROV = 'http://www.w3.org/ns/prov#';
    const test = (iri: string) => iri.startsWith('urn:cbss-car:test:');
    /** A plain triple pattern, as `?s <p> ?o` in SPARQL: every (s, o) whose predicate is p. */
    const match = (predicate: string) =>
      quads
        .filter((q) => q.predicate.value === predicate)
        .map((q) => [q.subject.value, q.object.value] as const)
        .filter(([a, b]) => !test(a) && !test(b));
    const stored = async (where: string) =>
      (
        await db.read<{ line: string }>(
          `MATCH (a:Entity)-[x]->(b:Entity)
           WHERE ${NOT_TEST} AND ${NOT_TEST.replace('x.', 'a.')} AND ${NOT_TEST.replace('x.', 'b.')} ${where}
           RETURN DISTINCT 'urn:cbss-car:' + a.id + ' ' + type(x) + ' urn:cbss-car:' + b.id AS line`,
          {},
          { operation: 'test.direct-triples' },
        )
      )
        .map((r) => r.line)
        .sort();

    // ?state car:PURSUES ?priority finds every derived PURSUES link, and only those.
    const pursues = match(`${CAR}PURSUES`)
      .map(([a, b]) => `${a} PURSUES ${b}`)
      .sort();
    const storedPursues = await stored(`AND type(x) = 'PURSUES'`);
    expect(storedPursues.length).toBeGreaterThan(0);
    expect(pursues).toEqual(storedPursues);
    expect(pursues.every((l) => l.startsWith('urn:cbss-car:state:'))).toBe(true);

    // Likewise every relationship type, derived ones included: one direct triple per fact.
    const types = new Set(
      quads.filter((q) => q.predicate.value === `${RDF}predicate`).map((q) => q.object.value),
    );
    const direct = [...types]
      .flatMap((t) => match(t).map(([a, b]) => `${a} ${t.replace(CAR, '')} ${b}`))
      .sort();
    expect(direct).toEqual(await stored(''));

    // The reified statements are still there, with their sources and qualifiers.
    const about = new Map<string, Map<string, string[]>>();
    for (const q of quads) {
      const props = about.get(q.subject.value) ?? new Map<string, string[]>();
      props.set(q.predicate.value, [...(props.get(q.predicate.value) ?? []), q.object.value]);
      about.set(q.subject.value, props);
    }
    const reified = [...about.values()].filter((p) =>
      (p.get(`${RDF}predicate`) ?? []).includes(`${CAR}PURSUES`),
    );
    const reifiedLines = reified
      .map((p) =>
        [
          p.get(`${RDF}subject`)![0],
          'PURSUES',
          p.get(`${RDF}object`)![0],
          [...(p.get(`${PROV}wasDerivedFrom`) ?? [])].sort().join(' '),
          p.get(`${CAR}confidence`)![0],
        ].join(' '),
      )
      .sort();
    const storedReified = (
      await db.read<{ from: string; to: string; sources: string[]; confidence: string }>(
        `MATCH (a:Entity)-[x:PURSUES]->(b:Entity)
         RETURN a.id AS from, b.id AS to, x.sourceIds AS sources, x.confidence AS confidence`,
        {},
        { operation: 'test.reified-pursues' },
      )
    )
      .map((r) =>
        [
          `urn:cbss-car:${r.from}`,
          'PURSUES',
          `urn:cbss-car:${r.to}`,
          r.sources
            .map((id) => `urn:cbss-car:${id}`)
            .sort()
            .join(' '),
          r.confidence,
        ].join(' '),
      )
      .sort();
    expect(reifiedLines).toEqual(storedReified);
    expect(reified.every((p) => (p.get(`${PROV}wasDerivedFrom`) ?? []).length > 0)).toBe(true);
    expect(reified.every((p) => (p.get(`${CAR}evidence`) ?? []).length === 1)).toBe(true);
  });

  it('CSV, GraphML and JSON-LD carry the grade reasons of each derived path and period precisions, in path order', async () => {
    const [link] = await db.read<{
      from: string;
      to: string;
      type: string;
      via: string;
      reasons: string[];
      precisions: string[];
    }>(
      `MATCH (a:State)-[x:PURSUES|CIVIL_SOCIETY_ENGAGES]->(b:Priority)
       WHERE any(g IN x.evidenceGradeReasons WHERE g <> '[]')
       RETURN a.id AS from, b.id AS to, type(x) AS type, x.viaId AS via,
              x.evidenceGradeReasons AS reasons, x.evidencePeriodPrecisions AS precisions
       ORDER BY type, from, to, via LIMIT 1`,
      {},
      { operation: 'test.graded-link' },
    );
    expect(link).toBeDefined();
    expect(JSON.parse(link!.reasons.find((r) => r !== '[]')!)[0]).toEqual(
      expect.objectContaining({ code: expect.any(String), cap: expect.any(String) }),
    );

    // CSV: a string[] column, elements joined by the array delimiter.
    const [header, ...rows] = parseCsv(
      fs.readFileSync(path.join(out, 'relationships.csv'), 'utf8'),
    );
    const col = (name: string) => header!.findIndex((h) => h === name || h.startsWith(`${name}:`));
    expect(header![col('evidenceGradeReasons')]).toBe('evidenceGradeReasons:string[]');
    const row = rows.find(
      (r) =>
        r[col(':START_ID')] === link!.from &&
        r[col(':END_ID')] === link!.to &&
        r[col(':TYPE')] === link!.type &&
        r[col('viaId')] === link!.via,
    );
    expect(row?.[col('evidenceGradeReasons')]).toBe(link!.reasons.join('|'));
    expect(row?.[col('evidencePeriodPrecisions')]).toBe(link!.precisions.join('|'));

    // GraphML: a JSON array in a string attribute, read back by networkx.
    const script = `
import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
for a, b, d in G.edges(data=True):
    if (a, b, d.get('label'), d.get('viaId')) == tuple(sys.argv[2:6]):
        print(json.dumps([json.loads(d['evidenceGradeReasons']), json.loads(d['evidencePeriodPrecisions'])]))
`;
    const r = spawnSync(
      process.env.PYTHON ?? 'python3',
      ['-c', script, path.join(out, 'graph.graphml'), link!.from, link!.to, link!.type, link!.via],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([link!.reasons, link!.precisions]);

    // JSON-LD: ordered lists (@list) on the relationship's own resource.
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'graph.jsonld'), 'utf8')) as {
      '@context': Record<string, unknown>;
      '@graph': Record<string, unknown>[];
    };
    expect(doc['@context'].evidenceGradeReasons).toEqual({
      '@id': 'car:evidenceGradeReasons',
      '@container': '@list',
    });
    const resource = doc['@graph'].find(
      (g) =>
        g.viaId === link!.via &&
        JSON.stringify(g.subject) === JSON.stringify(`urn:cbss-car:${link!.from}`) &&
        JSON.stringify(g.object) === JSON.stringify(`urn:cbss-car:${link!.to}`) &&
        g.predicate === link!.type,
    );
    expect(resource?.evidenceGradeReasons).toEqual(link!.reasons);
    expect(resource?.evidencePeriodPrecisions).toEqual(link!.precisions);
  });

  it('CSL-JSON and BibTeX parse with citation-js, one entry per cited source', async () => {
    const expected = (
      await db.read<{ key: string }>(
        `CALL () {
           MATCH (x:Entity) WHERE NOT x:Source UNWIND x.sourceIds AS id RETURN id
           UNION
           MATCH (:Entity)-[x]->(:Entity) UNWIND x.sourceIds AS id RETURN id
         }
         MATCH (s:Entity {id: id}) WHERE s:Source
         RETURN DISTINCT coalesce(s.citation, substring(s.id, 7)) AS key`,
        {},
        { operation: 'test.cited' },
      )
    )
      .map((r) => r.key)
      .sort();
    const csl = new Cite(JSON.parse(fs.readFileSync(path.join(out, 'sources.csl.json'), 'utf8')));
    const bib = new Cite(fs.readFileSync(path.join(out, 'sources.bib'), 'utf8'));
    for (const parsed of [csl, bib]) {
      const items = parsed.data as { id: string; title?: string }[];
      expect(items.map((i) => i.id).sort()).toEqual(expected);
      expect(items.every((i) => typeof i.title === 'string' && i.title.length > 0)).toBe(true);
    }
    const urls = (
      await db.read<{ key: string; url: string }>(
        `MATCH (s:Source) WHERE s.url IS NOT NULL RETURN coalesce(s.citation, substring(s.id, 7)) AS key, s.url AS url`,
        {},
        { operation: 'test.urls' },
      )
    ).filter((r) => expected.includes(r.key));
    const bibUrls = new Map((bib.data as { id: string; URL?: string }[]).map((i) => [i.id, i.URL]));
    for (const u of urls) expect([u.key, bibUrls.get(u.key)]).toEqual([u.key, u.url]);
  });
});

describe('export downloads over HTTP', () => {
  const db = testDatabase({ txTimeoutMs: 60_000 });
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(async () => {
    await t.app.stop();
    await db.close();
  });

  it('serves every file with its type, a file name and the dataset version', async () => {
    const [dataset] = await db.read<{ seedVersion: string; checksum: string }>(
      cypher('api/dataset.cypher'),
      {},
      { operation: 'test.dataset' },
    );
    const version = `${dataset!.seedVersion}+${dataset!.checksum.slice(0, 12)}`;
    const expected: Record<string, RegExp> = {
      'graph.graphml': /^application\/graphml\+xml/,
      'graph.jsonld': /^application\/ld\+json/,
      'nodes.csv': /^text\/csv/,
      'relationships.csv': /^text\/csv/,
      'dataset.csv': /^text\/csv/,
      'sources.csl.json': /^application\/vnd\.citationstyles\.csl\+json/,
      'sources.bib': /^application\/x-bibtex/,
    };
    for (const [file, type] of Object.entries(expected)) {
      const res = await fetch(`${t.base}/export/${file}`);
      const body = await res.text();
      expect([file, res.status]).toEqual([file, 200]);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename=".*${file.replace('.', '\\.')}"$`),
      );
      expect(res.headers.get('x-dataset-version')).toBe(version);
      expect(body.length).toBeGreaterThan(0);
    }
    const cross = await fetch(`${t.base}/export/nodes.csv`, {
      headers: { origin: 'http://dashboard.example' },
    });
    await cross.text();
    expect(cross.headers.get('access-control-allow-origin')).toBe('*');
    expect(cross.headers.get('access-control-expose-headers')).toMatch(/X-Dataset-Version/);
    const context = await fetch(`${t.base}/export/context.jsonld`);
    expect(context.status).toBe(200);
    expect(context.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const ctx = ((await context.json()) as { '@context': Record<string, unknown> })['@context'];
    const embedded = (
      JSON.parse(await (await fetch(`${t.base}/export/graph.jsonld`)).text()) as {
        '@context': unknown;
      }
    )['@context'];
    expect(embedded).toEqual(ctx);
  });

  it('refuses a malformed asOf with 400 and the error shape, and an unknown file with 404', async () => {
    for (const asOf of ['2020-02-30', 'yesterday', '2020-1-1']) {
      const res = await fetch(`${t.base}/export/nodes.csv?asOf=${asOf}`);
      expect([asOf, res.status]).toEqual([asOf, 400]);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    }
    const missing = await fetch(`${t.base}/export/graph.xlsx`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('asOf leaves out relationships not valid on that day and entities that began after it', async () => {
    const asOf = '2015-01-01';
    const res = await fetch(`${t.base}/export/relationships.csv?asOf=${asOf}`);
    expect(res.headers.get('x-as-of')).toBe(asOf);
    const lines = parseCsv(await res.text());
    const header = lines[0]!;
    const col = (name: string) => header.findIndex((h) => h === name || h.startsWith(`${name}:`));
    const rows = lines.slice(1).filter((r) => r[col('origin')] !== 'test');
    const [from, to] = [col('validFrom'), col('validTo')];
    for (const r of rows) {
      if (r[from]) expect(r[from]! <= asOf).toBe(true);
      if (r[to]) expect(r[to]! >= asOf).toBe(true);
    }
    const began = (v: string) =>
      `coalesce(${v}.startDate, ${v}.founded, ${v}.established, ${v}.opened, ${v}.enacted, ${v}.adopted, ${v}.published)`;
    const [expected] = await db.read<{ relationships: number; nodes: number; all: number }>(
      `MATCH (a:Entity)-[x]->(b:Entity)
       WHERE ${NOT_TEST}
         AND NOT coalesce(x.validFrom > date($asOf), false)
         AND NOT coalesce(x.validTo < date($asOf), false)
         AND NOT coalesce(${began('a')} > date($asOf), false)
         AND NOT coalesce(${began('b')} > date($asOf), false)
       WITH count(x) AS relationships
       MATCH (x:Entity) WHERE ${NOT_TEST}
       RETURN relationships, count(x) AS all,
              count(CASE WHEN coalesce(${began('x')} <= date($asOf), true) THEN 1 END) AS nodes`,
      { asOf },
      { operation: 'test.as-of' },
    );
    expect(rows.length).toBe(expected!.relationships);
    const nodes = parseCsv(await (await fetch(`${t.base}/export/nodes.csv?asOf=${asOf}`)).text());
    const origin = nodes[0]!.indexOf('origin');
    expect(nodes.slice(1).filter((r) => r[origin] !== 'test').length).toBe(expected!.nodes);
    // The date leaves something out, or the test shows nothing.
    expect(expected!.nodes).toBeLessThan(expected!.all);
  });

  it('asOf with includeUndated=false also leaves out relationships whose start is unknown', async () => {
    const asOf = '2015-01-01';
    const read = async (query: string) => {
      const res = await fetch(`${t.base}/export/relationships.csv?${query}`);
      expect(res.status).toBe(200);
      const lines = parseCsv(await res.text());
      const header = lines[0]!;
      const col = (name: string) => header.findIndex((h) => h === name || h.startsWith(`${name}:`));
      const [origin, from] = [col('origin'), col('validFrom')];
      return lines
        .slice(1)
        .filter((r) => r[origin] !== 'test')
        .map((r) => r[from] ?? '');
    };
    const all = await read(`asOf=${asOf}`);
    const dated = await read(`asOf=${asOf}&includeUndated=false`);
    expect(dated.every((from) => from !== '')).toBe(true);
    expect(dated.length).toBe(all.filter((from) => from !== '').length);
    // The seed has undated relationships that hold on the day, or the test shows nothing.
    expect(dated.length).toBeLessThan(all.length);
  });
});

/** A quad as rdf-canonize's N-Quads reader returns it (RDF/JS terms). */
interface Quad {
  subject: { termType: string; value: string };
  predicate: { termType: string; value: string };
  object: { termType: string; value: string; datatype?: { value: string } };
  graph: { termType: string; value: string };
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
