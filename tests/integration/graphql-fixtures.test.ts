import fs from 'node:fs';
import path from 'node:path';
import { useTestApp } from '../helpers/http';

/**
 * GraphQL documents in tests/fixtures/graphql, each next to the JSON it must
 * answer on the seed. After a deliberate change to the seed or the API,
 * regenerate with UPDATE_FIXTURES=1 and review the diff.
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
    if (process.env.UPDATE_FIXTURES === '1') {
      if (process.env.CI)
        throw new Error(
          'UPDATE_FIXTURES is refused when CI is set: fixtures are reviewed expectations',
        );
      fs.writeFileSync(expectedFile, `${JSON.stringify(body.data, null, 2)}\n`);
    }
    expect(body.data).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });
});
