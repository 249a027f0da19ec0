import { ErrorCode } from '../../src/errors';
import { AppError } from '../../src/errors';
import { silentLogger, testDatabase, uniqueLabel } from '../helpers/db';
import { testConnection } from '../setup/test-neo4j';
import { Database } from '../../src/db/database';

describe('database layer against the real Neo4j', () => {
  const db = testDatabase();
  const label = uniqueLabel();

  afterAll(async () => {
    await db.write(`MATCH (n:${label}) DETACH DELETE n`, {}, { operation: 'test.cleanup' });
    await db.close();
  });

  it('writes in a write transaction and reads the result back', async () => {
    await db.write(
      `CREATE (:${label} {id: $id, n: $n})`,
      { id: 'a', n: 42 },
      { operation: 'test.write' },
    );
    const rows = await db.read<{ n: number }>(
      `MATCH (x:${label} {id: $id}) RETURN x.n AS n`,
      { id: 'a' },
      {
        operation: 'test.read',
      },
    );
    expect(rows).toEqual([{ n: 42 }]);
  });

  it('commits a multi-statement write whole or not at all', async () => {
    await expect(
      db.writeTx({ operation: 'test.atomic' }, async (tx) => {
        await tx.run(`CREATE (:${label} {id: 'half'})`);
        throw new Error('fails after the first statement');
      }),
    ).rejects.toThrow();
    const rows = await db.read(
      `MATCH (x:${label} {id: 'half'}) RETURN x`,
      {},
      { operation: 'test.read' },
    );
    expect(rows).toHaveLength(0);
  });

  it('rejects a write inside a read transaction and changes nothing (FORBIDDEN for user Cypher, INTERNAL for ours)', async () => {
    const attempt = db.read(
      `CREATE (:${label} {id: 'sneaky'})`,
      {},
      { operation: 'test.sneaky', userStatement: true },
    );
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    const ours = db.read(`CREATE (:${label} {id: 'sneaky'})`, {}, { operation: 'test.bug' });
    await expect(ours).rejects.toMatchObject({ code: ErrorCode.INTERNAL });
    const rows = await db.read(
      `MATCH (x:${label} {id: 'sneaky'}) RETURN x`,
      {},
      { operation: 'test.read' },
    );
    expect(rows).toHaveLength(0);
  });

  it('stops an endless query at the transaction timeout with the TIMEOUT code', async () => {
    const started = Date.now();
    const attempt = db.read(
      'UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i)',
      {},
      {
        operation: 'test.endless',
        timeoutMs: 500,
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.TIMEOUT });
    // Far below what the query would need to finish; the server enforces the deadline.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('tags transactions with the operation that asked, visible to the server', async () => {
    const rows = await db.read<{ meta: { operation: string } }>(
      'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery CONTAINS $marker RETURN metaData AS meta',
      { marker: 'SHOW TRANSACTIONS' },
      { operation: 'test.metadata' },
    );
    expect(rows[0]?.meta.operation).toBe('test.metadata');
  });

  it('maps a statement bug in our own Cypher to INTERNAL, and in user Cypher to BAD_INPUT', async () => {
    await expect(db.read('RETRN 1', {}, { operation: 'test.bug' })).rejects.toMatchObject({
      code: ErrorCode.INTERNAL,
    });
    await expect(
      db.read('RETRN 1', {}, { operation: 'test.user', userStatement: true }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_INPUT,
    });
  });

  it('counts round trips through an observer without affecting results', async () => {
    let count = 0;
    const observed = db.withObserver(() => (count += 1));
    await observed.read('RETURN 1 AS x', {}, { operation: 'test.count' });
    await observed.readTx({ operation: 'test.count2' }, async (tx) => {
      await tx.run('RETURN 1');
      await tx.run('RETURN 2');
    });
    expect(count).toBe(3);
  });

  it('works over both the neo4j:// routing scheme and direct bolt://', async () => {
    const routing = testConnection();
    expect(routing.uri.startsWith('neo4j://') || process.env.TEST_NEO4J_URI).toBeTruthy();
    for (const uri of [routing.uri, routing.uri.replace(/^neo4j:/, 'bolt:')]) {
      const other = new Database({ ...routing, uri }, silentLogger);
      try {
        const [row] = await other.read<{ x: number }>(
          'RETURN 1 + 1 AS x',
          {},
          { operation: 'test.scheme' },
        );
        expect(row?.x).toBe(2);
      } finally {
        await other.close();
      }
    }
  });

  it('reports DATABASE_UNAVAILABLE quickly when nothing listens', async () => {
    const closed = testDatabase({ uri: 'neo4j://127.0.0.1:1', maxRetryMs: 0 });
    try {
      const err: unknown = await closed
        .read('RETURN 1', {}, { operation: 'test.down' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      await expect(closed.ping()).rejects.toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE });
    } finally {
      await closed.close();
    }
  });
});
