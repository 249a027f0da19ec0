import pino from 'pino';
import { ErrorCode } from '../../src/errors';
import { testDatabase } from '../helpers/db';
import { schemaWithBrokenField, startTestApp } from '../helpers/http';

type Line = Record<string, unknown> & { level: number; msg: string };

function capturedLogger() {
  const lines: Line[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { lines, logger };
}

describe('log volume', () => {
  it('writes one line per request, naming its error code, and the failure once with a count', async () => {
    // Nothing listens on port 1: every query fails as DATABASE_UNAVAILABLE.
    const db = testDatabase({ uri: 'bolt://127.0.0.1:1', maxRetryMs: 0, connectTimeoutMs: 500 });
    const { lines, logger } = capturedLogger();
    const t = await startTestApp(db, { logger });
    try {
      for (let i = 0; i < 10; i += 1) {
        const { body } = await t.graphql('{ health { status } }');
        expect(body.errors?.[0]?.extensions?.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      }
      const ours = lines.filter((l) => l.msg !== 'neo4j driver');
      const access = ours.filter((l) => l.msg === 'request completed');
      expect(access).toHaveLength(10);
      for (const line of access) expect(line.errors).toEqual([ErrorCode.DATABASE_UNAVAILABLE]);
      // Beside the access lines: the failure once (at warn), nothing per request.
      expect(ours.filter((l) => l.msg !== 'request completed').map((l) => l.level)).toEqual([40]);
    } finally {
      await t.app.stop();
      await db.close();
    }
    // At stop, the count of the repeats.
    expect(lines.at(-1)).toMatchObject({ level: 40, repeated: 9 });
  });

  it('names the code of a request refused before its route on its line', async () => {
    const db = testDatabase();
    const { lines, logger } = capturedLogger();
    const t = await startTestApp(db, { logger, rateLimits: { graphql: 1 } });
    try {
      expect((await t.graphql('{ __typename }')).status).toBe(200);
      expect((await t.graphql('{ __typename }')).status).toBe(429);
      const access = lines.filter((l) => l.msg === 'request completed');
      expect(access.map((l) => [l.statusCode, l.errors])).toEqual([
        [200, undefined],
        [429, [ErrorCode.RATE_LIMITED]],
      ]);
      expect(lines).toHaveLength(2);
    } finally {
      await t.app.stop();
      await db.close();
    }
  });

  it('names a masked error’s id on the request’s line, and logs the details once per kind', async () => {
    const db = testDatabase();
    const { lines, logger } = capturedLogger();
    const t = await startTestApp(db, { logger, schema: schemaWithBrokenField() });
    try {
      const ids: unknown[] = [];
      for (let i = 0; i < 5; i += 1) {
        const { body } = await t.graphql('{ broken }');
        ids.push(body.errors?.[0]?.extensions?.errorId);
      }
      const access = lines.filter((l) => l.msg === 'request completed');
      expect(access.map((l) => l.errorIds)).toEqual(ids.map((id) => [id]));
      expect(access.every((l) => (l.errors as string[])[0] === ErrorCode.INTERNAL)).toBe(true);
      const details = lines.filter((l) => l.msg === 'unexpected error (masked)');
      expect(details).toHaveLength(1);
      expect(details[0]?.errorId).toBe(ids[0]);
    } finally {
      await t.app.stop();
      await db.close();
    }
  });
});
