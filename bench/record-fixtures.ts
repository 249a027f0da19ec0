/**
 * `npm run fixtures:record`: answers each GraphQL document in
 * tests/fixtures/graphql on the seed, served as `npm start` serves it
 * (embedded Neo4j or NEO4J_URI, the seed loaded when the graph is empty or
 * the seed files changed), and writes each answer next to its document as
 * <name>.json, formatted by Prettier.
 *
 * The fixtures are reviewed expectations: record them after a deliberate
 * change to the seed or the API, read the diff, and commit what is right.
 * The test (tests/integration/graphql-fixtures.test.ts) only compares; it
 * has no way to write them.
 *
 * It refuses a graph that holds anything besides the seed (facts curated
 * by other means would end up in the expectations): point it at a fresh
 * data folder (NEO4J_EMBEDDED_DATA_DIR) or an empty NEO4J_URI database.
 */
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { loadDotEnv, parseConfig, PROJECT_ROOT } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { seedIfEmpty } from '../src/seed/on-start';

const DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'graphql');

/** Entities and relationships that neither the seed loaded nor the loader derived. */
const NOT_SEED = `
CALL () { MATCH (n:Entity) WHERE coalesce(n.origin, '') <> 'seed' RETURN count(n) AS nodes }
CALL () {
  MATCH (:Entity)-[r]->(:Entity) WHERE NOT coalesce(r.origin, '') IN ['seed', 'derived']
  RETURN count(r) AS relationships
}
RETURN nodes, relationships`;

async function main(): Promise<void> {
  loadDotEnv();
  const config = parseConfig();
  const server = await startServer({
    config,
    logger: createLogger('warn'),
    seeder: seedIfEmpty,
    progress: (m) => process.stderr.write(`${m}\n`),
  });
  let failed = false;
  try {
    await server.bootstrapped;
    const [extra] = await server.db.read<{ nodes: number; relationships: number }>(
      NOT_SEED,
      {},
      { operation: 'fixtures.not-seed' },
    );
    if (extra && (extra.nodes > 0 || extra.relationships > 0)) {
      throw new Error(
        `The graph holds ${extra.nodes} entities and ${extra.relationships} relationships that are not from the seed: ` +
          'record fixtures on a graph of the seed alone (a fresh NEO4J_EMBEDDED_DATA_DIR).',
      );
    }
    const documents = fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.graphql'))
      .sort();
    for (const file of documents) {
      const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: fs.readFileSync(path.join(DIR, file), 'utf8') }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      // An answer with errors is never an expectation: the test requires none.
      if (!response.ok || body.errors || body.data === undefined) {
        failed = true;
        process.stderr.write(`${file}: not recorded, ${JSON.stringify(body.errors ?? body)}\n`);
        continue;
      }
      const target = path.join(DIR, file.replace(/\.graphql$/, '.json'));
      // Expanded first, so Prettier keeps one key per line as in the reviewed files.
      const text = await prettier.format(JSON.stringify(body.data, null, 2), {
        ...(await prettier.resolveConfig(target)),
        filepath: target,
      });
      const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
      fs.writeFileSync(target, text);
      process.stdout.write(
        `${file}: ${before === null ? 'new' : before === text ? 'unchanged' : 'changed'}\n`,
      );
    }
  } finally {
    await server.stop();
  }
  if (failed) process.exitCode = 1;
  else process.stdout.write('Review the changes (git diff tests/fixtures) before committing.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
