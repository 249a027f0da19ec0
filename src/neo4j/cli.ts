/**
 * `npm run neo4j:setup`: resolves the embedded Neo4j's jars ahead of time
 * (CI and offline machines). `node dist/src/neo4j/cli.js start` runs the
 * embedded server alone until Ctrl-C, for analysts who want only Neo4j.
 */
import { loadDotEnv, parseConfig } from '../config';
import { EmbeddedNeo4j } from './embedded';

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'setup';
  loadDotEnv();
  const config = parseConfig();
  if (!config.embedded) {
    console.log('NEO4J_URI is set: the embedded Neo4j is not used, nothing to set up.');
    return;
  }
  const neo4j = new EmbeddedNeo4j(config.embedded, (m) => console.error(m));
  if (command === 'setup') {
    await neo4j.install();
    console.log('Embedded Neo4j artifacts are resolved and cached.');
    return;
  }
  if (command === 'start') {
    await neo4j.start();
    console.log(
      `Neo4j is up: ${neo4j.boltUri}, Browser ${neo4j.browserUrl}, data ${config.embedded.dataDir}`,
    );
    const stop = () => void neo4j.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    setInterval(() => undefined, 1 << 30);
    return;
  }
  throw new Error(`Unknown command "${command}"; use setup or start`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
