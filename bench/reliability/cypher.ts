/**
 * Phase h: /cypher with ANALYST_TOKEN set. Every payload of the screening
 * corpus (tests/fixtures/cypher-payloads.json) must be refused with a code,
 * and guessing the token must be rate limited: a 429 within the first 20 of
 * 30 wrong tokens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { target, type PhaseResult, type Run } from './context';
import { request } from './http';
import { serverFault, Tally } from './tally';

export interface CypherPayload {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  code: 'FORBIDDEN' | 'BAD_INPUT';
}

export const PAYLOADS_FILE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'cypher-payloads.json');

export interface CypherOptions {
  guesses: number;
  hangMs: number;
  payloadsFile: string;
}

export async function cypherPhase(run: Run, o: CypherOptions): Promise<PhaseResult> {
  const started = Date.now();
  const tally = new Tally();
  const notes: string[] = [];
  const targets = [];
  const token = run.server.opts.analystToken;
  const post = (body: unknown, bearer: string) =>
    request(
      run.server.base,
      {
        path: '/cypher',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify(body),
      },
      o.hangMs + 5_000,
    );

  // The real token works (otherwise "refused" would mean nothing).
  const ok = await post({ query: 'RETURN 1 AS one' }, token);
  notes.push(`RETURN 1 with the token: HTTP ${ok.status}`);

  let payloads: CypherPayload[] | undefined;
  if (fs.existsSync(o.payloadsFile)) payloads = JSON.parse(fs.readFileSync(o.payloadsFile, 'utf8'));
  else
    notes.push(
      `payload corpus missing (${path.relative(PROJECT_ROOT, o.payloadsFile)}): payloads skipped`,
    );

  const ran: string[] = [];
  let wrongCode = 0;
  if (payloads) {
    for (const p of payloads) {
      const out = await post({ query: p.query, params: p.params }, token);
      const refused = out.status >= 400 && out.status < 500 && out.codes.length > 0;
      if (!refused) ran.push(p.name);
      else if (!out.codes.includes(p.code)) wrongCode++;
      const fault =
        serverFault(out, o.hangMs) ?? (refused ? undefined : `not refused (HTTP ${out.status})`);
      tally.add(out, `${p.name}: ${p.query}`, fault);
      if (out.status === 0 && !run.server.alive) await run.recover('cypher', [p.query]);
    }
    targets.push(
      target(
        'cypher: every payload refused',
        ran.length === 0 && ok.status === 200,
        `${payloads.length - ran.length} of ${payloads.length} refused${ran.length ? `; ran: ${ran.slice(0, 10).join(', ')}` : ''}${ok.status === 200 ? '' : `; the real token got HTTP ${ok.status}`}`,
      ),
    );
    notes.push(`payloads refused with a code other than the corpus's: ${wrongCode}`);
  } else targets.push(target('cypher: every payload refused', null, 'corpus missing'));

  // Token brute force: distinct wrong tokens, one after the other.
  let first429: number | null = null;
  const statuses: Record<string, number> = {};
  for (let i = 1; i <= o.guesses; i++) {
    const out = await post({ query: 'RETURN 1' }, `wrong-token-${i}`);
    statuses[out.status] = (statuses[out.status] ?? 0) + 1;
    if (out.status === 429 && first429 === null) {
      first429 = i;
      const retryAfter = out.headers?.get('retry-after');
      notes.push(`first 429 at guess ${i}, Retry-After: ${retryAfter ?? '(none)'}`);
    }
    tally.add(out, `wrong token ${i}`, serverFault(out, o.hangMs));
  }
  notes.push(`brute force statuses: ${JSON.stringify(statuses)}`);
  targets.push(
    target(
      'cypher: token brute force gets a 429 within the first 20 guesses',
      first429 !== null && first429 <= 20,
      first429 === null ? `no 429 in ${o.guesses} guesses` : `429 at guess ${first429}`,
    ),
  );
  const crashes = run.crashesIn('cypher');
  targets.push(
    target(
      'cypher: 0 crashes, 0 5xx other than 503, 0 INTERNAL',
      crashes === 0 && tally.count((s) => s >= 500 && s !== 503) === 0 && !tally.byCode.INTERNAL,
      `${crashes} crashes`,
    ),
  );
  return {
    phase: 'h. /cypher payloads and token guessing',
    tally,
    figures: { payloads: payloads?.length ?? null, ran: payloads ? ran.length : null, first429 },
    targets,
    notes,
    crashes,
    durationMs: Date.now() - started,
  };
}
