/**
 * `npm run seed [-- --dry-run | --plan] [--seed-dir <folder>]`: validates every
 * seed file, then (unless --dry-run) loads them into the embedded Neo4j
 * (started if it is not running) or into NEO4J_URI, and prints counts and a
 * content checksum. --plan prints what a load would add, change and remove
 * (entities, facts, derived links) and writes nothing.
 */
import { runCli, say, withCliGraph } from '../cli';
import { ConfigError } from '../config';
import { EmbeddedNeo4jError } from '../neo4j/errors';
import { formatReport, readSeed, SeedValidationError } from './index';
import path from 'node:path';
import { formatPlan, loadSeed, planSeed } from './load';
import { SEED_VERSION, seedFilesChecksum } from './version';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let dryRun = false;
  let plan = false;
  let seedDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dry-run') dryRun = true;
    else if (args[i] === '--plan') plan = true;
    else if (args[i] === '--seed-dir' && args[i + 1]) seedDir = args[++i];
    else {
      console.error(
        `Unknown argument "${args[i]}". Usage: npm run seed [-- --dry-run | --plan] [--seed-dir <folder>]`,
      );
      return 2;
    }
  }
  say('Validating the seed files...');
  const data = readSeed(seedDir);
  say(
    `The seed is valid: ${data.nodes.length} nodes and ${data.rels.length} relationships in ${data.files.length} files.`,
  );
  if (dryRun) {
    say('Dry run: nothing was written.');
    return 0;
  }

  return withCliGraph(async (db, config) => {
    if (plan) {
      say(`Planning a load into ${config.neo4j.uri}: the load runs and is rolled back...`);
      console.log(formatPlan(await planSeed(db, data)));
      say('Plan only: nothing was written.');
      return 0;
    }
    say(
      `Loading into ${config.neo4j.uri} (database ${config.neo4j.database}) in one transaction...`,
    );
    const report = await loadSeed(db, data, say, {
      filesChecksum: seedFilesChecksum(seedDir ? path.resolve(seedDir) : undefined),
      seedVersion: SEED_VERSION,
    });
    console.log(formatReport(report));
    return 0;
  });
}

// The loader's own errors are written for people; anything else keeps its stack.
runCli(main, (err) =>
  err instanceof SeedValidationError ||
  err instanceof ConfigError ||
  err instanceof EmbeddedNeo4jError
    ? err.message
    : err,
);
