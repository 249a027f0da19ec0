/**
 * @writes-shared-graph: changes the dataset checksum for a moment, so it runs
 * while no other test file reads the graph (tests/setup/graph-lock.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PERSISTED_DIR } from '../../src/graphql/request/persisted';
import { DatasetVersion } from '../../src/http/dataset-version';
import { PERSISTED_CACHE_CONTROL } from '../../src/http/persisted-route';
import { startTestApp, useTestApp, type TestApp } from '../helpers/http';
import { testDatabase } from '../helpers/db';

/** A folder of persisted documents: the shipped ones plus one that takes variables. */
function documentsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'car-persisted-'));
  fs.cpSync(PERSISTED_DIR, dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'state-timeline.graphql'),
    'query ($state: ID, $first: Int = 5) { timeline(state: $state, first: $first) { date kind title } }\n',
  );
  return dir;
}

describe('persisted queries over GET /graphql/persisted/:name', () => {
  const dir = documentsDir();
  // The version is read on every request here, so a change shows at once.
  const env = useTestApp({ persisted: { dir, versionTtlMs: 0 } });
  const get = (t: TestApp, pathAndQuery: string, headers: Record<string, string> = {}) =>
    fetch(`${t.base}/graphql/persisted/${pathAndQuery}`, { headers });
  const vars = (v: unknown) => `variables=${encodeURIComponent(JSON.stringify(v))}`;

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers the shipped dataset document as POST /graphql does, with an ETag and Cache-Control', async () => {
    const res = await get(env.t, 'dataset');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(PERSISTED_CACHE_CONTROL);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    const body = (await res.json()) as { data: unknown };
    const query = fs.readFileSync(path.join(PERSISTED_DIR, 'dataset.graphql'), 'utf8');
    const posted = await env.t.graphql(query);
    expect(body.data).toEqual(posted.body.data);
    expect(body.data).toEqual({
      dataset: expect.objectContaining({ checksum: expect.any(String) }),
    });
  });

  it('answers 304 without a body when If-None-Match names the current tag, and 200 for another tag', async () => {
    const first = await get(env.t, 'dataset');
    const etag = first.headers.get('etag')!;
    const again = await get(env.t, 'dataset', { 'if-none-match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(PERSISTED_CACHE_CONTROL);
    expect(await again.text()).toBe('');
    expect((await get(env.t, 'dataset', { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await get(env.t, 'dataset', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('tags each set of variables apart, whatever the order of their keys', async () => {
    const a = await get(env.t, `state-timeline?${vars({ state: 'state:LT', first: 3 })}`);
    const b = await get(env.t, `state-timeline?${vars({ first: 3, state: 'state:LT' })}`);
    const c = await get(env.t, `state-timeline?${vars({ state: 'state:DK', first: 3 })}`);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    expect(c.headers.get('etag')).not.toBe(a.headers.get('etag'));
    const body = (await a.json()) as { data: { timeline: unknown[] } };
    expect(body.data.timeline.length).toBeGreaterThan(0);
  });

  it('changes the tag when the dataset version the graph records changes', async () => {
    const before = await get(env.t, 'dataset');
    const etag = before.headers.get('etag')!;
    const [row] = await env.db.read<{ checksum: string }>(
      "MATCH (d:Dataset {id: 'dataset'}) RETURN d.checksum AS checksum",
      {},
      { operation: 'test.dataset' },
    );
    expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
    const changed = createHash('sha256').update(`${row!.checksum} changed`).digest('hex');
    const setChecksum = (checksum: string) =>
      env.db.write(
        "MATCH (d:Dataset {id: 'dataset'}) SET d.checksum = $checksum",
        { checksum },
        { operation: 'test.dataset' },
      );
    // Restored at once: the shared graph is left as it was.
    await setChecksum(changed);
    let after: Response;
    try {
      after = await get(env.t, 'dataset', { 'if-none-match': etag });
    } finally {
      await setChecksum(row!.checksum);
    }
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(
      ((await after.json()) as { data: { dataset: { checksum: string } } }).data.dataset.checksum,
    ).toBe(changed);
    expect((await get(env.t, 'dataset', { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers 404 in the API’s error shape for a name that is not allowlisted', async () => {
    for (const name of ['nope', '..%2Fschema', 'constructor']) {
      const res = await get(env.t, name);
      expect([name, res.status]).toEqual([name, 404]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({
        error: { code: 'NOT_FOUND', message: expect.any(String) },
      });
    }
  });

  it('answers 400 for variables that are not one JSON object', async () => {
    for (const query of [
      'variables=%7Bnot-json',
      vars([1, 2]),
      vars(null),
      vars('x'),
      'variables=1&variables=2',
    ]) {
      const res = await get(env.t, `state-timeline?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({
        error: { code: 'BAD_INPUT', message: expect.any(String) },
      });
    }
  });

  it('does not let an answer with errors be cached', async () => {
    const unknown = await get(env.t, `state-timeline?${vars({ state: 'state:XX' })}`);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(unknown.headers.get('etag')).toBeNull();
    const body = (await unknown.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
    const badType = await get(env.t, `state-timeline?${vars({ first: 'many' })}`);
    expect(badType.status).toBe(400);
    expect(badType.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with no-store when the database is down', async () => {
    const down = testDatabase({ uri: 'neo4j://127.0.0.1:1', connectTimeoutMs: 500, maxRetryMs: 0 });
    const t = await startTestApp(down, { persisted: { dir, versionTtlMs: 0 } });
    try {
      const res = await get(t, 'dataset');
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('etag')).toBeNull();
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await t.app.stop();
      await down.close();
    }
  });

  it('reads the dataset version once per reuse time, and on every request while the start-up seed check runs', async () => {
    let reads = 0;
    const counted = env.db.withObserver(() => {
      reads += 1;
    });
    const readiness = { seedChecked: true };
    const version = new DatasetVersion(counted, readiness, 60_000);
    const [a, b] = await Promise.all([version.get(), version.get()]);
    expect(await version.get()).toBe(a);
    expect(b).toBe(a);
    expect(reads).toBe(1);
    readiness.seedChecked = false;
    const loading = new DatasetVersion(counted, readiness, 60_000);
    await loading.get();
    await loading.get();
    expect(reads).toBe(3);
  });
});
