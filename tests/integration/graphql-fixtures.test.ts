import fs from 'node:fs';
import path from 'node:path';
import { useTestApp } from '../helpers/http';

/**
 * GraphQL documents in tests/fixtures/graphql, each next to the JSON it must
 * answer on the seed. The test only compares: after a deliberate change to
 * the seed or the API, `npm run fixtures:record` rewrites the expectations,
 * and the diff is reviewed before it is committed.
 */
const DIR = path.join(__dirname, '..', 'fixtures', 'graphql');
const documents = fs.readdirSync(DIR).filter((f) => f.endsWith('.graphql'));

describe('GraphQL fixtures against the seed', () => {
  const env = useTestApp();

  it('has fixtures to run', () => {
    expect(documents.length).toBeGreaterThanOrEqual(7);
  });

  it.each(documents)('%s answers as recorded', async (file) => {
    const { body } = await env.t.graphql(fs.readFileSync(path.join(DIR, file), 'utf8'));
    expect(body.errors).toBeUndefined();
    const expectedFile = path.join(DIR, file.replace(/\.graphql$/, '.json'));
    expect(body.data).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });
});
