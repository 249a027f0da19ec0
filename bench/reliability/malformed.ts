/**
 * Phase b: malformed HTTP over raw sockets (bad request lines, huge headers,
 * bad JSON, wrong content types, chunked garbage, lying Content-Lengths,
 * truncated bodies), plus a slow body: a Content-Length above what is sent,
 * with the connection held open, to measure when the server cuts it.
 */
import net from 'node:net';
import { target, type PhaseResult, type Run } from './context';
import { pool } from './http';
import { Rng } from './rng';
import { Tally, type Outcome } from './tally';

export interface MalformedOptions {
  count: number;
  concurrency: number;
  seed: number;
  /** Measure the slow body (takes as long as the server holds it, up to slowBodyMaxMs). */
  slowBody: boolean;
  slowBodyMaxMs: number;
  /** The server's HTTP_REQUEST_TIMEOUT_MS, the bound a slow body should be cut at. */
  requestTimeoutMs: number;
}

interface RawCase {
  name: string;
  chunks: Buffer[];
  /** Half-close after writing (the server sees the end of the stream). */
  end: boolean;
}

/** Writes the bytes and reads until the server closes or `waitMs` passes. */
export function rawExchange(
  port: number,
  c: RawCase,
  waitMs: number,
): Promise<Outcome & { closed: boolean }> {
  return new Promise((resolve) => {
    const started = performance.now();
    let data = '';
    let done = false;
    const socket = net.connect(port, '127.0.0.1');
    const finish = (closed: boolean, error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      const codes = [...data.matchAll(/"code"\s*:\s*"([A-Z_]+)"/g)].map((x) => x[1] as string);
      resolve({
        status: m ? Number(m[1]) : 0,
        ms: performance.now() - started,
        codes,
        closed,
        error: m
          ? undefined
          : (error ?? (closed ? 'closed without a response' : `held open ${waitMs} ms`)),
      });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (d: Buffer) => {
      if (data.length < 65_536) data += d.toString('latin1');
    });
    socket.on('close', () => finish(true));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(true, err.code ?? err.message));
    socket.on('connect', () => {
      for (const chunk of c.chunks) socket.write(chunk);
      if (c.end) socket.end();
    });
  });
}

const b = (s: string) => Buffer.from(s, 'latin1');

function makeCase(rng: Rng, host: string, token: string): RawCase {
  // The body in UTF-8, so its Content-Length is exact (a lying one is a case of its own).
  const json = (body: string) =>
    Buffer.concat([
      b(
        `POST /graphql HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      ),
      Buffer.from(body, 'utf8'),
    ]);
  const badJson = [
    '{"query":',
    '{query: "x"}',
    '\u0000',
    'null',
    '[]',
    '"str"',
    '{"query": 5}',
    '{"query":"{ __typename }","variables":"x"}',
    '[{"query":"{ __typename }"}]',
    '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
    '{"query":"{ __typename }","operationName":7}',
    `{"query":"${'{'.repeat(rng.int(100, 3000))}"}`,
    '{"a":'.repeat(rng.int(10, 5000)),
    `{"query":"{ __typename }","variables":{"x":${'['.repeat(rng.int(10, 3000))}}}`,
    '\ufeff{"query":"{ __typename }"}',
  ];
  switch (rng.int(0, 17)) {
    case 0:
      return {
        name: 'garbage request line',
        chunks: [b(`${rng.word(rng.int(1, 40))}\r\n\r\n`)],
        end: false,
      };
    case 1:
      return {
        name: 'unknown HTTP version',
        chunks: [b(`GET /graphql HTTP/${rng.pick(['9.9', '0.1', '1', 'x'])}\r\n${host}\r\n`)],
        end: false,
      };
    case 2:
      return {
        name: 'huge URL',
        chunks: [
          b(
            `GET /${'a'.repeat(rng.int(10_000, 200_000))} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`,
          ),
        ],
        end: false,
      };
    case 3: {
      const bytes = Buffer.alloc(rng.int(1, 2000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
      return { name: 'random bytes', chunks: [bytes, b('\r\n\r\n')], end: rng.chance(0.5) };
    }
    case 4:
      return {
        name: 'huge header',
        chunks: [
          b(
            `GET /healthz HTTP/1.1\r\n${host}X-Big: ${'a'.repeat(rng.int(20_000, 200_000))}\r\nConnection: close\r\n\r\n`,
          ),
        ],
        end: false,
      };
    case 5:
      return {
        name: 'many headers',
        chunks: [
          b(
            `GET /readyz HTTP/1.1\r\n${host}${Array.from({ length: rng.int(200, 3000) }, (_, i) => `X-H${i}: ${i}\r\n`).join('')}Connection: close\r\n\r\n`,
          ),
        ],
        end: false,
      };
    case 6:
    case 7:
      return { name: 'bad JSON', chunks: [json(rng.pick(badJson))], end: false };
    case 8: {
      const type = rng.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'image/png',
        'application/graphql',
        '',
      ]);
      const body = '{"query":"{ __typename }"}';
      return {
        name: 'wrong content type',
        chunks: [
          b(
            `POST /graphql HTTP/1.1\r\n${host}${type ? `Content-Type: ${type}\r\n` : ''}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
          ),
        ],
        end: false,
      };
    }
    case 9: {
      const body = rng.pick([
        'zz\r\nabc\r\n',
        '5\r\nabc\r\n0\r\n\r\n',
        'ffffffff\r\nabc',
        '-1\r\n\r\n',
        '3;x=\u0000\r\nabc\r\n0\r\n\r\n',
        '0\r\nX-Trailer: ' + 'a'.repeat(50_000) + '\r\n\r\n',
      ]);
      return {
        name: 'chunked garbage',
        chunks: [
          b(
            `POST /graphql HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}`,
          ),
        ],
        end: true,
      };
    }
    case 10:
      return {
        name: 'Content-Length and Transfer-Encoding',
        chunks: [
          b(
            `POST /graphql HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /readyz HTTP/1.1\r\n${host}\r\n`,
          ),
        ],
        end: true,
      };
    case 11: {
      const cl = rng.pick(['-1', 'abc', '1e3', '10, 20', '99999999999999999999', ' 5']);
      return {
        name: 'bad Content-Length',
        chunks: [
          b(
            `POST /graphql HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: ${cl}\r\nConnection: close\r\n\r\n{"query":"{ __typename }"}`,
          ),
        ],
        end: true,
      };
    }
    case 12: {
      const body = '{"query":"{ states { id name } }"}';
      const cut = rng.int(0, body.length - 1);
      return {
        name: 'truncated body',
        chunks: [
          b(
            `POST /graphql HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: ${body.length + rng.int(1, 1000)}\r\nConnection: close\r\n\r\n${body.slice(0, cut)}`,
          ),
        ],
        end: true,
      };
    }
    case 13:
      return {
        name: 'invalid UTF-8',
        chunks: [
          json('{"query":"{ __typename }"}').subarray(0, -10),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x22, 0x7d, 0x7d, 0x0a]),
        ],
        end: true,
      };
    case 14: {
      const method = rng.pick([
        'PUT',
        'DELETE',
        'PATCH',
        'TRACE',
        'OPTIONS',
        'PROPFIND',
        'get',
        'CONNECT',
      ]);
      const p = rng.pick([
        '/graphql',
        '/readyz',
        '/cypher',
        '/export/x',
        '/',
        '/assets/../../etc/passwd',
        '/%2e%2e/%00',
        '*',
      ]);
      return {
        name: 'odd method or path',
        chunks: [b(`${method} ${p} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`)],
        end: false,
      };
    }
    case 15: {
      const qs = rng.pick([
        'query=%7B',
        'query={__typename}&variables=notjson',
        'query=%7B__typename%7D&extensions=%7B',
        'query=' + '%7B'.repeat(2000),
        'query=%E0%A4%A',
        'operationName[]=x&query=%7B__typename%7D',
      ]);
      return {
        name: 'bad GET query string',
        chunks: [
          b(
            `GET /graphql?${qs} HTTP/1.1\r\n${host}Accept: application/json\r\napollo-require-preflight: 1\r\nConnection: close\r\n\r\n`,
          ),
        ],
        end: false,
      };
    }
    case 16:
      return {
        name: 'bad header bytes',
        chunks: [
          b(
            `GET /healthz HTTP/1.1\r\n${host}${rng.pick(['X-A: a\u0000b', 'no colon here', ' leading-space: x', 'X-A:\u007f', 'Host: second.example'])}\r\nConnection: close\r\n\r\n`,
          ),
        ],
        end: false,
      };
    default: {
      const body = rng.pick([
        '{"query":',
        '{"query": 5}',
        '{"query":"RETURN 1","params":"x"}',
        '[]',
        'x'.repeat(rng.int(1, 2000)),
      ]);
      return {
        name: '/cypher bad body',
        chunks: [
          b(
            `POST /cypher HTTP/1.1\r\n${host}Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          ),
        ],
        end: false,
      };
    }
  }
}

export async function malformedPhase(run: Run, o: MalformedOptions): Promise<PhaseResult> {
  const started = Date.now();
  const port = run.server.opts.port;
  const host = `Host: 127.0.0.1:${port}\r\n`;
  const rng = new Rng(o.seed);
  const tally = new Tally();
  const byCase: Record<string, Record<string, number>> = {};
  let heldOpen = 0;
  const heldOpenCases: string[] = [];

  // The slow body runs beside the rest: 10 of 1,000 announced bytes, then nothing.
  const slow = o.slowBody
    ? rawExchange(
        port,
        {
          name: 'slow body',
          chunks: [
            b(
              `POST /graphql HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":`,
            ),
          ],
          end: false,
        },
        o.slowBodyMaxMs,
      )
    : undefined;

  await pool(o.count, o.concurrency, async () => {
    const c = makeCase(rng, host, run.server.opts.analystToken);
    const out = await rawExchange(port, c, 10_000);
    let failure = out.status >= 500 ? `HTTP ${out.status}` : undefined;
    if (out.status === 0 && !run.server.alive) {
      failure = 'crash';
      await run.recover('malformed', [c.name]);
    }
    if (out.error?.startsWith('held open')) {
      heldOpen++;
      if (heldOpenCases.length < 5)
        heldOpenCases.push(
          `${c.name}: ${c.chunks
            .map((x) => x.toString('latin1'))
            .join('')
            .slice(0, 160)}`,
        );
    }
    const key = out.status ? String(out.status) : (out.error ?? 'none');
    const counts = (byCase[c.name] ??= {});
    counts[key] = (counts[key] ?? 0) + 1;
    tally.add(
      out,
      `${c.name}: ${c.chunks
        .map((x) => x.toString('latin1'))
        .join('')
        .slice(0, 300)}`,
      failure,
    );
  });

  const notes = [`by case: ${JSON.stringify(byCase)}`];
  if (heldOpenCases.length)
    notes.push(`no answer within 10 s (not a target; examples): ${heldOpenCases.join(' || ')}`);
  const targets = [];
  const crashes = run.crashesIn('malformed');
  const fivexx = tally.count((s) => s >= 500);
  targets.push(target('malformed: 0 crashes', crashes === 0, `${crashes}`));
  targets.push(target('malformed: no 5xx', fivexx === 0, `${fivexx} of ${tally.requests}`));
  let slowCutMs: number | null = null;
  if (slow) {
    const s = await slow;
    slowCutMs = s.status || s.closed ? Math.round(s.ms) : null;
    const bound = o.requestTimeoutMs + 5_000;
    notes.push(
      `slow body: ${s.status ? `HTTP ${s.status}` : (s.error ?? '')} after ${Math.round(s.ms)} ms`,
    );
    targets.push(
      target(
        `malformed: slow body cut by HTTP_REQUEST_TIMEOUT_MS (${o.requestTimeoutMs} ms, +5 s)`,
        slowCutMs !== null && slowCutMs <= bound,
        slowCutMs === null ? `still open after ${o.slowBodyMaxMs} ms` : `${slowCutMs} ms`,
      ),
    );
  }
  return {
    phase: 'b. malformed HTTP',
    tally,
    figures: { requests: tally.requests, fivexx, heldOpen10s: heldOpen, slowBodyCutMs: slowCutMs },
    targets,
    notes,
    crashes,
    durationMs: Date.now() - started,
  };
}
