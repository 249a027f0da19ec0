/**
 * `npm run bench:export [-- --scales 1,10] [--out DIR]`: sizes and timings
 * of every export file on the seed grown 1x, 10x, ... (bench/scale.ts), on
 * a Neo4j of its own (.neo4j-bench/export, Bolt on 25687) or on
 * BENCH_NEO4J_URI (with BENCH_NEO4J_PASSWORD; it is grown and shrunk back,
 * so never point it at a database you care about). Each scale is exported
 * once to warm up and once timed; the figures go to stdout as a Markdown
 * table (docs/exports.md keeps the latest).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { FORMATS } from '../src/export/formats';
import { exportToFolder } from '../src/export/to-folder';
import { createLogger } from '../src/logger';
import { EmbeddedNeo4j } from '../src/neo4j/embedded';
import { seed } from '../src/seed';
import { removeSynthetic, scaleGraph } from './scale';

const say = (m: string) => process.stderr.write(`${m}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scales = (get('scales') ?? '1,10').split(',').map(Number);
  const out = path.resolve(
    get('out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'car-export-bench-')),
  );
  const logger = createLogger('silent');
  const external = process.env.BENCH_NEO4J_URI;
  const password = external ? (process.env.BENCH_NEO4J_PASSWORD ?? '') : 'car-graph-bench';
  let embedded: EmbeddedNeo4j | undefined;
  if (!external) {
    embedded = new EmbeddedNeo4j(
      {
        boltPort: 25687,
        httpPort: 25474,
        heap: '1g',
        pageCache: '512m',
        dataDir: path.join(PROJECT_ROOT, '.neo4j-bench', 'export'),
        password,
        startTimeoutMs: 180_000,
      },
      say,
    );
    await embedded.start();
  }
  const db = new Database(
    {
      uri: external ?? 'neo4j://127.0.0.1:25687',
      user: 'neo4j',
      password,
      database: 'neo4j',
      txTimeoutMs: 120_000,
      connectTimeoutMs: 10_000,
      maxRetryMs: 5_000,
      poolSize: 4,
    },
    logger,
  );
  const lines = [
    '| scale | entities | relationships | file | bytes | ms |',
    '|---|---|---|---|---|---|',
  ];
  try {
    await migrate(db, logger);
    await seed(db);
    for (const scale of scales) {
      say(`Growing the graph to ${scale}x...`);
      await scaleGraph(db, scale, 1);
      const [counts] = await db.read<{ nodes: number; relationships: number }>(
        'CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships } RETURN nodes, relationships',
        {},
        { operation: 'bench.counts', timeoutMs: 120_000 },
      );
      const dir = path.join(out, `${scale}x`);
      say(`Exporting ${scale}x (warm-up, then timed)...`);
      await exportToFolder(db, FORMATS.all!, dir, null);
      const { files } = await exportToFolder(db, FORMATS.all!, dir, null);
      for (const f of files)
        lines.push(
          `| ${scale}x | ${counts!.nodes} | ${counts!.relationships} | ${path.basename(f.file)} | ${f.bytes} | ${Math.round(f.ms)} |`,
        );
    }
    await removeSynthetic(db);
  } finally {
    await db.close();
    await embedded?.stop();
  }
  console.log(lines.join('\n'));
  say(`Files in ${out}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
