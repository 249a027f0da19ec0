import os from 'node:os';
import path from 'node:path';
import { renderNeo4jConf } from '../../src/neo4j/conf';
import { layoutOf } from '../../src/neo4j/embedded';

describe('renderNeo4jConf', () => {
  const cfg = {
    boltPort: 17000,
    httpPort: 17001,
    heap: '1g',
    pageCache: '256m',
    dataDir: path.join(os.tmpdir(), 'x'),
    password: 'whatever-123',
    startTimeoutMs: 1000,
  };
  const conf = Object.fromEntries(
    renderNeo4jConf(cfg, layoutOf(cfg.dataDir))
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => l.split('=') as [string, string]),
  );

  it('listens on loopback only, advertising the same ports it listens on', () => {
    expect(conf['server.default_listen_address']).toBe('127.0.0.1');
    expect(conf['server.bolt.listen_address']).toBe('127.0.0.1:17000');
    expect(conf['server.bolt.advertised_address']).toBe('127.0.0.1:17000');
    expect(conf['server.http.listen_address']).toBe('127.0.0.1:17001');
    expect(conf['server.http.advertised_address']).toBe('127.0.0.1:17001');
    expect(conf['server.https.enabled']).toBe('false');
  });

  it('keeps auth on, usage reporting off, APOC allowed and data under the data folder', () => {
    expect(conf['dbms.security.auth_enabled']).toBe('true');
    expect(conf['dbms.usage_report.enabled']).toBe('false');
    expect(conf['dbms.security.procedures.unrestricted']).toBe('apoc.*');
    expect(conf['server.memory.pagecache.size']).toBe('256m');
    expect(conf['server.directories.data']).toBe(path.join(os.tmpdir(), 'x', 'data'));
    expect(conf['server.directories.logs']).toBe(path.join(os.tmpdir(), 'x', 'logs'));
  });

  it('opens the project guide in Neo4j Browser and turns Browser telemetry off', () => {
    const withGuide = renderNeo4jConf(
      { ...cfg, guideUrl: 'http://localhost:4000/browser-guide' },
      layoutOf(cfg.dataDir),
    );
    expect(withGuide).toContain(
      'browser.post_connect_cmd=play http://localhost:4000/browser-guide',
    );
    expect(withGuide).toMatch(/browser\.remote_content_hostname_whitelist=.*localhost/);
    expect(conf['client.allow_telemetry']).toBe('false');
  });

  it('never writes the password into the config file', () => {
    expect(Object.values(conf)).not.toContain('whatever-123');
  });
});
