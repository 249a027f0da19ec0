/**
 * `npm run seed [-- --dry-run] [--seed-dir <folder>]`: validates every seed
 * file, then (unless --dry-run) loads them into the embedded Neo4j (started if it is not
 * running) or into NEO4J_URI, and prints counts and a content checksum.
 */
import { ConfigError, loadDotEnv, parseConfig } from '../config';
import { Database } from '../db/database';
import { migrate } from '../db/migrations';
import { createLogger } from '../logger';
import { EmbeddedNeo4j } from '../neo4j/embedded';
import { EmbeddedNeo4jError } from '../neo4j/errors';
import { canConnect } from '../neo4j/process-tools';
import { formatReport, readSeed, SeedValidationError } from './index';
import { loadSeed } from './load';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let dryRun = false;
  let seedDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dry-run') dryRun = true;
    else if (args[i] === '--seed-dir' && args[i + 1]) seedDir = args[++i];
    else {
      console.error(
        `Unknown argument "${args[i]}". Usage: npm run seed [-- --dry-run] [--seed-dir <folder>]`,
      );
      return 2;
    }
  }
  const say = (m: string) => process.stderr.write(`${m}\n`);

  say('Validating the seed files...');
  const data = readSeed(seedDir);
  say(
    `The seed is valid: ${data.nodes.length} nodes and ${data.rels.length} relationships in ${data.files.length} files.`,
  );
  if (dryRun) {
    say('Dry run: nothing was written.');
    return 0;
  }

  loadDotEnv();
  const config = parseConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let embedded: EmbeddedNeo4j | undefined;
  if (config.embedded && !(await canConnect(config.embedded.boltPort))) {
    embedded = new EmbeddedNeo4j(config.embedded, say);
    say('Starting the embedded Neo4j...');
    await embedded.start();
  }
  const db = new Database(config.neo4j, logger);
  try {
    const migrations = await migrate(db, logger);
    if (migrations.applied.length) say(`Applied migrations: ${migrations.applied.join(', ')}`);
    say(
      `Loading into ${config.neo4j.uri} (database ${config.neo4j.database}) in one transaction...`,
    );
    const report = await loadSeed(db, data, say);
    console.log(formatReport(report));
    return 0;
  } finally {
    await db.close();
    if (embedded) {
      say('Stopping the embedded Neo4j...');
      await embedded.stop();
    }
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof SeedValidationError ||
      err instanceof ConfigError ||
      err instanceof EmbeddedNeo4jError
    ) {
      console.error(err.message);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
