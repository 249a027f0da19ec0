/**
 * Contestant "floor": a minimal HTTP handler that runs one hand-written
 * Cypher statement per scenario through the driver and returns its rows as
 * JSON. It reports Neo4j's own server time (resultAvailableAfter +
 * resultConsumedAfter) in a header. Env: BENCH_NEO4J_URI, BENCH_NEO4J_PASSWORD, PORT.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { SCENARIOS } from '../scenarios';
import { countingDriver } from './counting-driver';

const { driver, count, last } = countingDriver(
  process.env.BENCH_NEO4J_URI!,
  process.env.BENCH_NEO4J_PASSWORD!,
);
const byName = new Map(SCENARIOS.map((s) => [s.name, s.floorCypher]));

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statements: count(), last: last() }));
    return;
  }
  const name = (req.url ?? '').replace(/^\//, '');
  const cypher = byName.get(name);
  if (req.method !== 'POST' || !cypher) {
    res.statusCode = 404;
    res.end();
    return;
  }
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    const params = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    session
      .executeRead((tx) => tx.run(cypher, params))
      .then((result) => {
        const rows = result.records.map((r) => r.toObject());
        const serverMs =
          result.summary.resultAvailableAfter.toNumber() +
          result.summary.resultConsumedAfter.toNumber();
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-neo4j-ms', String(serverMs));
        res.end(JSON.stringify({ rows }, (_k, v: unknown) => (neo4j.isInt(v) ? v.toNumber() : v)));
      })
      .catch((err: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: String(err) }));
      })
      .finally(() => void session.close());
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
