import { checkPlan } from '../../src/analyst/adhoc-screen';
import { IsolatedReader } from '../../src/db/isolated-reader';
import { AppError } from '../../src/errors';
import { testDatabase } from '../helpers/db';
import { testConnection } from '../setup/test-neo4j';
import { startTestApp, type TestApp } from '../helpers/http';
import { cypherPayloads } from '../helpers/cypher-payloads';

const TOKEN = 'analyst-test-token-0123456789';

const corpus = cypherPayloads;

const post = (app: TestApp, body: unknown) =>
  fetch(`${app.base}/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });

describe('ad-hoc Cypher: screened on Cypher’s terms and bounded', () => {
  const db = testDatabase();
  let t: TestApp;
  let small: TestApp;
  const sent: { kind: string; query: string }[] = [];
  beforeAll(async () => {
    t = await startTestApp(db, { analystToken: TOKEN });
    small = await startTestApp(db, { analystToken: TOKEN, analystMaxBytes: 10_000 });
    db.isolated().onStatement = (s) => sent.push(s);
    // The worker compiles the TypeScript sources on its first start: not part of a request's budget.
    await db.isolated().warm();
  });
  afterAll(async () => {
    await t.app.stop();
    await small.app.stop();
    await db.close();
  });

  it(`refuses all ${corpus.length} payloads of the corpus with their codes, and none runs on the server`, async () => {
    sent.length = 0;
    const outcomes: [string, string][] = [];
    for (const p of corpus) {
      const res = await post(t, { query: p.query, params: p.params });
      const body = (await res.json()) as { error?: { code: string; message: string } };
      outcomes.push([p.name, `${res.status} ${body.error?.code ?? 'ACCEPTED'}`]);
      expect(body.error?.message).toEqual(expect.any(String));
    }
    const status = { FORBIDDEN: 403, BAD_INPUT: 400 };
    expect(outcomes).toEqual(corpus.map((p) => [p.name, `${status[p.code]} ${p.code}`]));
    // The screen stops them all before the server: not even EXPLAIN was sent.
    expect(sent.filter((s) => s.kind === 'read')).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('refuses every SHOW and TERMINATE command the server parses by its plan alone, without the screen', async () => {
    const commands = corpus.filter(
      (p) => /SHOW|TERMINATE/i.test(p.name) && !/^(EXPLAIN|CYPHER|PROFILE)/i.test(p.query),
    );
    let parsed = 0;
    for (const p of commands) {
      let summary;
      try {
        summary = await db.isolated().explain(p.query, p.params ?? {}, Date.now() + 10_000, 10_000);
      } catch (err) {
        // The server did not parse it (e.g. U+0085 is no whitespace to Cypher): nothing to run.
        expect([p.name, (err as AppError).code]).toEqual([p.name, 'BAD_INPUT']);
        continue;
      }
      parsed++;
      expect(() => checkPlan(summary)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
    expect(parsed).toBeGreaterThan(30);
  });

  it('mirrors the server where a comment ends: U+2028 does not end a // comment', async () => {
    const res = await post(t, { query: 'RETURN 1 AS one //x\u2028SHOW TRANSACTIONS' });
    expect(await res.json()).toMatchObject({ rows: [{ one: 1 }], truncated: false });
  });

  it('stops reading at the byte cap and says which cap cut the result', async () => {
    const res = await post(small, {
      // 50 rows (the row cap) of about 500 bytes each: the byte cap (10 kB) cuts first.
      query:
        "UNWIND range(1, 1000) AS i RETURN i, reduce(s = '', x IN range(1, 50) | s + 'abcdefghij') AS pad",
    });
    const body = (await res.json()) as { rows: unknown[]; truncated: boolean; truncatedBy: string };
    expect(body).toMatchObject({ truncated: true, truncatedBy: 'bytes', byteCap: 10_000 });
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.length).toBeLessThan(50);
    expect(Buffer.byteLength(body.rows.map((r) => JSON.stringify(r)).join(''))).toBeLessThanOrEqual(
      10_000,
    );
  });

  it('keeps answering /healthz while a result of 50 million numbers is refused', async () => {
    let done = false;
    const latencies: number[] = [];
    const probe = (async () => {
      while (!done) {
        const started = Date.now();
        const res = await fetch(`${t.base}/healthz`);
        expect(res.status).toBe(200);
        latencies.push(Date.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const res = await post(t, { query: 'RETURN range(1, 50000000) AS r' });
    done = true;
    await probe;
    const body = (await res.json()) as { error?: { code: string } };
    expect(['504 TIMEOUT', '400 TOO_COMPLEX']).toContain(`${res.status} ${body.error?.code}`);
    expect(latencies.length).toBeGreaterThan(5);
    // Before, the event loop was blocked for minutes decoding the record.
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    const next = await post(t, { query: 'RETURN 2 AS two' });
    expect(await next.json()).toMatchObject({ rows: [{ two: 2 }] });
  });

  it('refuses a result that outgrows the worker’s memory with TOO_COMPLEX, and serves the next one', async () => {
    const reader = new IsolatedReader(testConnection(), { maxWorkers: 1, heapMb: 24 });
    try {
      await reader.warm();
      const caps = { rowCap: 10, byteCap: 5_000_000 };
      const read = (query: string) =>
        reader.read(query, {}, caps, Date.now() + 50_000, 50_000).then(
          (r) => `rows ${r.rows.length}`,
          (err: AppError) => err.code,
        );
      expect(await read('RETURN range(1, 6000000) AS r')).toBe('TOO_COMPLEX');
      expect(await read('RETURN 1 AS one')).toBe('rows 1');
    } finally {
      await reader.close();
    }
  });
});
