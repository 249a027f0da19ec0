import { CONTENT_SECURITY_POLICY, IDE_CONTENT_SECURITY_POLICY } from '../../src/http/csp';
import { useTestApp } from '../helpers/http';

/** The headers every response must carry, whatever route or error produced it. */
function expectSecurityHeaders(what: string, res: Response, csp = CONTENT_SECURITY_POLICY) {
  const got = {
    what,
    csp: res.headers.get('content-security-policy'),
    frame: res.headers.get('x-frame-options'),
    nosniff: res.headers.get('x-content-type-options'),
    referrer: res.headers.get('referrer-policy'),
  };
  expect(got).toEqual({
    what,
    csp,
    frame: 'DENY',
    nosniff: 'nosniff',
    referrer: 'no-referrer',
  });
}

describe('security headers', () => {
  const env = useTestApp({
    rateLimits: { cypher: 1 },
    analystToken: 'analyst-test-token-0123456789',
  });

  it('are on every kind of response: JSON, GraphiQL, exports, the guide, 404s and errors', async () => {
    const base = env.t.base;
    const json = { 'content-type': 'application/json' };
    const cases: [string, Promise<Response>][] = [
      [
        'GraphQL answer',
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: json,
          body: '{"query":"{ __typename }"}',
        }),
      ],
      [
        'GraphQL error',
        fetch(`${base}/graphql`, { method: 'POST', headers: json, body: '{"query":"{ nope }"}' }),
      ],
      ['malformed body', fetch(`${base}/graphql`, { method: 'POST', headers: json, body: '{' })],
      ['persisted 404', fetch(`${base}/graphql/persisted/nothing`)],
      ['IDE asset', fetch(`${base}/graphql/ide/graphiql.js`)],
      ['export', fetch(`${base}/export/context.jsonld`)],
      ['browser guide', fetch(`${base}/browser-guide`)],
      ['health', fetch(`${base}/healthz`)],
      ['unknown path', fetch(`${base}/nowhere`)],
      ['dashboard', fetch(`${base}/`)],
    ];
    for (const [what, pending] of cases) expectSecurityHeaders(what, await pending);

    // A response that ends before its route (rate limit) carries them too.
    const cypher = () =>
      fetch(`${base}/cypher`, {
        method: 'POST',
        headers: { ...json, authorization: 'Bearer analyst-test-token-0123456789' },
        body: '{"query":"RETURN 1 AS one"}',
      });
    expect((await cypher()).status).toBe(200);
    const limited = await cypher();
    expect(limited.status).toBe(429);
    expectSecurityHeaders('rate limited', limited);
  });

  it('serve GraphiQL with no inline script, so its policy allows scripts from the API only', async () => {
    const page = await fetch(`${env.t.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expectSecurityHeaders('GraphiQL', page, IDE_CONTENT_SECURITY_POLICY);
    expect(IDE_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(IDE_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const html = await page.text();
    // Every <script> names a file; none carries code.
    expect(html.match(/<script[^>]*>[^<]+<\/script>/g)).toBeNull();
    expect(html).not.toMatch(/<style|style="/);
    const start = await fetch(`${env.t.base}/graphql/ide/start.js`);
    expect(start.headers.get('content-type')).toMatch(/javascript/);
    expect(await start.text()).toContain('GraphiQL.createFetcher');
  });
});
