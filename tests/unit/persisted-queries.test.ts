import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { buildSchema } from '../../src/graphql/schema';
import { loadPersistedQueries, PERSISTED_DIR } from '../../src/graphql/request/persisted';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/http/csp';
import { canonicalJson, matchesIfNoneMatch, persistedETag } from '../../src/http/persisted-route';

const schema = buildSchema();

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'car-persisted-unit-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('the persisted-query allowlist', () => {
  it('validates every document in web/queries against the schema, the dataset document among them', () => {
    const documents = loadPersistedQueries(schema);
    const files = fs.readdirSync(PERSISTED_DIR).filter((f) => f.endsWith('.graphql'));
    expect([...documents.keys()].sort()).toEqual(
      files.map((f) => f.replace(/\.graphql$/, '')).sort(),
    );
    expect(documents.get('dataset')?.query).toContain('dataset');
  });

  it('fails with a message naming each bad file and what is wrong with it', () => {
    const dir = folder({
      'good.graphql': '{ dataset { checksum } }',
      'unknown-field.graphql': '{ dataset { nope } }',
      'two.graphql': 'query A { counts { labels { count } } } query B { dataset { checksum } }',
      'Upper.graphql': '{ dataset { checksum } }',
      'broken.graphql': '{ dataset { ',
    });
    let message = '';
    try {
      loadPersistedQueries(schema, dir);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/do not validate against the schema/);
    expect(message).toMatch(/unknown-field\.graphql: Cannot query field "nope" on type "Dataset"/);
    expect(message).toMatch(/two\.graphql: .*exactly one operation/);
    expect(message).toMatch(/Upper\.graphql: the name must be lower-case/);
    expect(message).toMatch(/broken\.graphql: Syntax Error/);
    expect(message).not.toMatch(/good\.graphql/);
  });

  it('reads a missing folder as an empty allowlist', () => {
    expect(loadPersistedQueries(schema, path.join(os.tmpdir(), 'car-no-such-folder')).size).toBe(0);
  });
});

describe('persisted answers’ tags', () => {
  const doc = { name: 'dataset', query: '{ dataset { checksum } }' };

  it('depend on the dataset version, the document and the variables, not on key order', () => {
    const tag = persistedETag('v1', doc, { a: 1, b: [1, { c: 2, d: 3 }] });
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(persistedETag('v1', doc, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(tag);
    expect(persistedETag('v2', doc, { a: 1, b: [1, { c: 2, d: 3 }] })).not.toBe(tag);
    expect(persistedETag('v1', { ...doc, query: '{ dataset { loadedAt } }' }, {})).not.toBe(
      persistedETag('v1', doc, {}),
    );
    expect(canonicalJson({ b: 1, a: { d: null, c: 'x' } })).toBe('{"a":{"c":"x","d":null},"b":1}');
  });

  it('match If-None-Match lists, weak tags and *', () => {
    expect(matchesIfNoneMatch('"a", "b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});

describe('the Content-Security-Policy of HTML pages', () => {
  it('allows only the page’s own origin, no inline code, no plugins, no framing', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'font-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'self'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe/);
  });

  it('is set by its middleware on the routes it is mounted on', async () => {
    const app = express();
    app.use('/page', contentSecurityPolicy());
    app.get('/page', (_req, res) => res.type('html').send('<p>ok</p>'));
    app.get('/other', (_req, res) => res.send('ok'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      const page = await fetch(`http://127.0.0.1:${port}/page`);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const other = await fetch(`http://127.0.0.1:${port}/other`);
      expect(other.headers.get('content-security-policy')).toBeNull();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
