import { parentPort, workerData } from 'node:worker_threads';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config';
import { toJson } from './to-json';
import { AppError } from '../errors';
import { mapNeo4jError } from './errors';
import { integerParams } from './database';
import type { WorkerReply, WorkerRequest } from './isolated-protocol';

/**
 * Worker thread that runs user statements (POST /cypher) with a driver of
 * its own. Decoding a record happens here: a huge one (one row holding a list
 * of 50 million numbers) costs this thread's time and memory, never the
 * event loop that answers HTTP. The main thread ends the worker at the
 * request's deadline or when it runs out of its memory limit.
 */
const { conn } = workerData as { conn: Neo4jConnection };
const driver: Driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
  maxConnectionPoolSize: 2,
  connectionTimeout: conn.connectTimeoutMs,
  connectionAcquisitionTimeout: conn.connectTimeoutMs,
  maxTransactionRetryTime: conn.maxRetryMs,
  disableLosslessIntegers: true,
  userAgent: 'car-graph/0.1 (analyst)',
});

async function handle(req: WorkerRequest): Promise<WorkerReply['result']> {
  const session = driver.session({
    database: conn.database,
    defaultAccessMode: neo4j.session.READ,
    // Records come in batches of this size: a cap stops the stream after at
    // most one batch more than it keeps.
    fetchSize: 100,
  });
  const txConfig = {
    timeout: Math.max(1, req.timeoutMs),
    metadata: { app: 'car-graph', operation: 'analyst.adhoc' },
  };
  try {
    if (req.kind === 'explain') {
      const { summary } = await session.executeRead(
        (tx) => tx.run(`EXPLAIN ${req.query}`, integerParams(req.params)),
        txConfig,
      );
      return { kind: 'explain', queryType: summary.queryType, plan: summary.plan || false };
    }
    return await session.executeRead(async (tx) => {
      const result = tx.run(req.query, integerParams(req.params));
      const keys = [...(await result.keys())];
      const rows: Record<string, unknown>[] = [];
      let bytes = 0;
      let truncated: 'rows' | 'bytes' | false = false;
      for await (const record of result) {
        if (rows.length === req.rowCap) {
          truncated = 'rows';
          break;
        }
        const row = Object.fromEntries(keys.map((k) => [k, toJson(record.get(k))]));
        const size = Buffer.byteLength(JSON.stringify(row));
        if (bytes + size > req.byteCap) {
          truncated = 'bytes';
          break;
        }
        bytes += size;
        rows.push(row);
      }
      return { kind: 'read' as const, keys, rows, truncated, bytes };
    }, txConfig);
  } finally {
    await session.close();
  }
}

parentPort!.postMessage('ready');
parentPort!.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (result) => parentPort!.postMessage({ id: req.id, result } satisfies WorkerReply),
    (err: unknown) => {
      const mapped = err instanceof AppError ? err : mapNeo4jError(err, { userStatement: true });
      parentPort!.postMessage({
        id: req.id,
        error: { code: mapped.code, message: mapped.message },
      } satisfies WorkerReply);
    },
  );
});
