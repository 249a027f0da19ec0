import path from 'node:path';
import { ConfigError, parseConfig, PROJECT_ROOT } from '../../src/config';

describe('parseConfig', () => {
  it('uses documented defaults and the embedded Neo4j when NEO4J_URI is unset', () => {
    const config = parseConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.neo4j.uri).toBe('neo4j://127.0.0.1:7687');
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.embedded).toMatchObject({
      boltPort: 7687,
      httpPort: 7474,
      heap: '1g',
      pageCache: '512m',
    });
    expect(config.embedded?.dataDir).toBe(path.join(PROJECT_ROOT, '.neo4j'));
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('starts no local Neo4j when NEO4J_URI points elsewhere, including routing and TLS schemes', () => {
    for (const uri of [
      'neo4j://db.example.org:7687',
      'neo4j+s://abc.databases.neo4j.io',
      'bolt://localhost:7687',
    ]) {
      const config = parseConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-pass' });
      expect(config.embedded).toBeUndefined();
      expect(config.neo4j.uri).toBe(uri);
    }
  });

  it('retries transient failures 500 ms against the embedded Neo4j and 3 s against your own, unless set', () => {
    expect(parseConfig({}).neo4j.maxRetryMs).toBe(500);
    expect(parseConfig({ NEO4J_URI: 'neo4j://db:7687' }).neo4j.maxRetryMs).toBe(3000);
    expect(
      parseConfig({ NEO4J_URI: 'neo4j://db:7687', NEO4J_MAX_RETRY_MS: '15000' }).neo4j.maxRetryMs,
    ).toBe(15000);
    expect(parseConfig({ NEO4J_MAX_RETRY_MS: '0' }).neo4j.maxRetryMs).toBe(0);
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(parseConfig({ NEO4J_URI: '  ' }).embedded).toBeDefined();
  });

  it('reads NODE_ENV (development unless set) and rejects unknown values', () => {
    expect(parseConfig({}).env).toBe('development');
    expect(parseConfig({ NODE_ENV: 'production' }).env).toBe('production');
    expect(parseConfig({ NODE_ENV: 'test' }).env).toBe('test');
    expect(() => parseConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('parses CORS origins as a list', () => {
    const config = parseConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' });
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
  });

  it('trusts no proxy unless TRUST_PROXY names a hop count or proxy addresses, and refuses "trust all"', () => {
    expect(parseConfig({}).http.trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(
      parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::1, fd00::/8' }).http.trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1', 'fd00::/8']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1'])
      expect(() => parseConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it('has admission and rate-limit defaults that loopback benchmarks do not reach', () => {
    const config = parseConfig({});
    expect(config.http).toMatchObject({ maxInFlight: 64, maxQueued: 64, queueTimeoutMs: 2000 });
    expect(config.rateLimits).toEqual({
      windowMs: 60_000,
      graphql: 60_000,
      cypher: 600,
      cypherAuthFailures: 10,
      cypherAuthWindowMs: 900_000,
    });
    expect(parseConfig({ RATE_LIMIT_GRAPHQL: '0' }).rateLimits.graphql).toBe(0);
  });

  it('lets the embedded Neo4j Browser fetch the guide from its own origin', () => {
    expect(parseConfig({ NEO4J_EMBEDDED_HTTP_PORT: '7483' }).http.browserGuideOrigins).toEqual([
      'http://127.0.0.1:7483',
      'http://localhost:7483',
    ]);
    expect(parseConfig({ NEO4J_URI: 'neo4j://db:7687' }).http.browserGuideOrigins).toEqual([]);
  });

  it('reports every bad variable at once, naming each one', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        NEO4J_URI: 'http://example.org',
        NEO4J_PASSWORD: 'short',
        LOG_LEVEL: 'loud',
        NEO4J_EMBEDDED_HEAP: 'lots',
        CORS_ORIGINS: 'not a url',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'NEO4J_URI',
        'NEO4J_PASSWORD',
        'LOG_LEVEL',
        'NEO4J_EMBEDDED_HEAP',
      ]),
    );
    expect(names.some((n) => n?.startsWith('CORS_ORIGINS'))).toBe(true);
    // Passwords are never echoed back.
    expect((error as ConfigError).message).not.toContain('short"');
  });

  it('requires the HTTP timeout to exceed the Neo4j transaction timeout', () => {
    expect(() =>
      parseConfig({ NEO4J_TX_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '30000' }),
    ).toThrow(/HTTP_REQUEST_TIMEOUT_MS: must be at least NEO4J_TX_TIMEOUT_MS \+ 5000/);
  });

  it('rejects equal embedded ports', () => {
    expect(() =>
      parseConfig({ NEO4J_EMBEDDED_BOLT_PORT: '7000', NEO4J_EMBEDDED_HTTP_PORT: '7000' }),
    ).toThrow(/NEO4J_EMBEDDED_HTTP_PORT/);
  });
});
