/**
 * Phase a: GraphQL fuzzing from the introspected schema (or schema.graphql,
 * the contract, when introspection is off, as it is in production).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import { target, type PhaseResult, type Run } from './context';
import { OperationGenerator } from './documents';
import { graphql, pool } from './http';
import { Rng } from './rng';
import { serverFault, Tally } from './tally';

export interface FuzzOptions {
  count: number;
  concurrency: number;
  seed: number;
  hangMs: number;
  /** The phase stops sending after this long, whatever the count. */
  budgetMs: number;
}

export async function loadSchema(base: string): Promise<{ schema: GraphQLSchema; from: string }> {
  const res = await graphql(base, { query: getIntrospectionQuery() }, 30_000);
  if (res.status === 200 && res.json?.data?.__schema)
    return { schema: buildClientSchema(res.json.data), from: 'introspection' };
  const sdl = fs.readFileSync(path.join(PROJECT_ROOT, 'schema.graphql'), 'utf8');
  return { schema: buildSchema(sdl), from: 'schema.graphql (introspection is off in production)' };
}

export async function fuzzPhase(run: Run, o: FuzzOptions): Promise<PhaseResult> {
  const started = Date.now();
  const { schema, from } = await loadSchema(run.server.base);
  const gen = new OperationGenerator(schema, new Rng(o.seed));
  const tally = new Tally();
  const distinct = new Set<string>();
  const kinds: Record<string, number> = {};
  const inFlight = new Set<string>();
  let hangs = 0;
  let down = false;
  const deadline = started + o.budgetMs;
  const sent = await pool(
    o.count,
    o.concurrency,
    async () => {
      await run.settled();
      const op = gen.next(0.35);
      distinct.add(op.query);
      kinds[op.kind] = (kinds[op.kind] ?? 0) + 1;
      const shown = JSON.stringify({
        query: op.query,
        variables: op.variables,
        operationName: op.operationName,
      });
      inFlight.add(shown);
      const out = await graphql(run.server.base, op, o.hangMs + 5_000);
      inFlight.delete(shown);
      let failure = serverFault(out, o.hangMs);
      if (out.status === 0) {
        if (!run.server.alive) {
          failure = 'crash';
          if (!(await run.recover('fuzz', [shown, ...inFlight]))) down = true;
        } else
          failure = out.error?.startsWith('timeout')
            ? `hang (no answer in ${o.hangMs + 5_000} ms)`
            : `no response (${out.error})`;
      }
      if (failure?.startsWith('hang')) hangs++;
      tally.add(out, shown, failure);
    },
    () => down || Date.now() > deadline,
  );
  const crashes = run.crashesIn('fuzz');
  const fivexx = tally.count((s) => s >= 500 && s !== 503);
  const internal = tally.byCode.INTERNAL ?? 0;
  const share = tally.requests ? distinct.size / tally.requests : 0;
  const notes = [`schema from ${from}`, `operations by kind: ${JSON.stringify(kinds)}`];
  if (sent < o.count)
    notes.push(`stopped after ${sent} of ${o.count} (${down ? 'server down' : 'time budget'})`);
  return {
    phase: 'a. GraphQL fuzzing',
    tally,
    figures: { operations: tally.requests, distinct: distinct.size, hangs, fivexx, internal },
    targets: [
      target('fuzz: 0 crashes', crashes === 0, `${crashes}`),
      target('fuzz: 0 HTTP 5xx other than 503', fivexx === 0, `${fivexx}`),
      target('fuzz: 0 INTERNAL', internal === 0, `${internal}`),
      target('fuzz: 0 hangs over 15 s', hangs === 0, `${hangs}`),
      target(
        `fuzz: ${o.count} operations, at least 60% distinct`,
        sent >= o.count && share >= 0.6,
        `${tally.requests} sent, ${distinct.size} distinct (${Math.round(share * 100)}%)`,
      ),
    ],
    notes,
    crashes,
    durationMs: Date.now() - started,
  };
}
