/**
 * A start-up failure of the embedded Neo4j. The message is one line that
 * names the cause and, where there is one, the log file to read.
 */
export class EmbeddedNeo4jError extends Error {
  constructor(
    message: string,
    public readonly logFile?: string,
  ) {
    super(logFile ? `${message} (log: ${logFile})` : message);
    this.name = 'EmbeddedNeo4jError';
  }
}
