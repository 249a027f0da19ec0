/**
 * The API process: the API on the embedded Neo4j (or on NEO4J_URI), which it
 * starts and stops. `npm start` runs it under a supervisor (main.ts); it can
 * also run on its own (`node dist/src/api-main.js`), with the same signals.
 */
import { readProcessConfig } from './config';
import { createLogger } from './logger';
import { EmbeddedNeo4jError } from './neo4j/errors';
import { EXIT_CRASH, EXIT_FATAL, type ApiMessage } from './process/protocol';
import { startServer, type Server } from './server';
import { seedIfEmpty } from './seed/on-start';

/** Tells the supervisor (when there is one) how far this process got. */
function tell(message: ApiMessage): void {
  if (process.connected) process.send?.(message);
}

async function main(): Promise<void> {
  const config = readProcessConfig();
  if (!config) process.exit(EXIT_FATAL);
  const logger = createLogger(config.logLevel);
  const say = (m: string) => process.stderr.write(`${m}\n`);

  // Signals are handled from the start: one that arrives while Neo4j is
  // still starting stops it as soon as the start-up returns.
  let server: Server | undefined;
  let stopRequested = false;
  let firstSignalAt = 0;
  const stopServer = (s: Server) =>
    s
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  const shutdown = (signal: string) => {
    const now = Date.now();
    if (firstSignalAt) {
      // npm forwards the terminal's Ctrl-C, so one keypress can arrive twice;
      // only a signal well after the first one means "stop now".
      if (now - firstSignalAt < 2_000) return;
      say('Second signal: stopping Neo4j hard and exiting.');
      server?.embedded?.kill();
      process.exit(1);
    }
    firstSignalAt = now;
    // The supervisor waits for this before it takes the process for frozen.
    tell({ type: 'stopping' });
    if (!process.connected) say(`${signal} received: draining requests and stopping...`);
    if (server) void stopServer(server);
    else stopRequested = true;
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // The supervisor went away (killed hard): nobody would stop this process
  // and its Neo4j any more, so it stops itself.
  process.on('disconnect', () => shutdown('supervisor gone'));

  try {
    server = await startServer({
      config,
      logger,
      seeder: config.seedOnStart ? seedIfEmpty : undefined,
      progress: say,
    });
  } catch (err) {
    if (err instanceof EmbeddedNeo4jError) {
      say(`Could not start the embedded Neo4j: ${err.message}`);
      process.exit(EXIT_FATAL);
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      say(
        `Port ${config.http.port} is already in use on ${config.http.host}: stop what holds it or set PORT`,
      );
      process.exit(EXIT_FATAL);
    }
    throw err;
  }
  if (stopRequested) {
    await stopServer(server);
    return;
  }
  const running = server;

  const lines = [
    '',
    `  GraphQL API     ${running.url}`,
    `  Dashboard       http://localhost:${running.port}/`,
    `  Health          http://localhost:${running.port}/healthz  (ready: /readyz)`,
  ];
  if (running.embedded && config.embedded) {
    lines.push(
      `  Neo4j Browser   ${running.embedded.browserUrl}  (connect to ${running.embedded.boltUri}, user ${config.neo4j.user}, password from NEO4J_PASSWORD)`,
      `  Neo4j data      ${config.embedded.dataDir}`,
    );
  } else {
    lines.push(`  Neo4j           ${config.neo4j.uri} (database ${config.neo4j.database})`);
  }
  say(lines.join('\n') + '\n');
  tell({ type: 'listening', port: running.port });

  // A bootstrap failure that retrying cannot fix (bad credentials, an edited
  // migration) ends the process non-zero with the reason, so a supervisor
  // (systemd, Kubernetes) sees it instead of an API that is never ready.
  running.bootstrapped.catch((err: unknown) => {
    say(`Could not prepare the graph: ${err instanceof Error ? err.message : String(err)}`);
    void running.stop().finally(() => process.exit(EXIT_FATAL));
  });

  // A crash must not leave the embedded Neo4j running on its own.
  const crash = (err: unknown) => {
    logger.fatal({ err }, 'unexpected crash; stopping');
    void running.stop().finally(() => process.exit(EXIT_CRASH));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(EXIT_FATAL);
});
