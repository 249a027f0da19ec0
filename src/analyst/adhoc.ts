import type { Database } from '../db/database';
import { badInput } from '../errors';
import { checkPlan, screenStatement } from './adhoc-screen';

/**
 * Ad-hoc, read-only Cypher for analysts (POST /cypher). Safety rests on
 * layers, any of which alone stops a write or a SHOW / TERMINATE command:
 *  1. a screen of the statement's tokens, lexed by Cypher's own rules
 *     (src/analyst/cypher-lexer.ts, src/analyst/adhoc-screen.ts);
 *  2. the server's own parse: the EXPLAIN plan may hold no SHOW, TERMINATE,
 *     administration or LOAD CSV operator, no regular expression and no
 *     procedure or function off the allowlist, and must be of type read ("r");
 *  3. it runs in a READ transaction, which the server itself refuses to let
 *     write (APOC and subqueries included).
 * Bounds: one deadline for the whole request (plan check and run share
 * ANALYST_TIMEOUT_MS), a row cap and a byte cap enforced while reading, and
 * the reading itself in a worker thread (see src/db/isolated-reader.ts).
 */
export interface AdhocLimits {
  timeoutMs: number;
  rowCap: number;
  /** Most bytes of JSON rows one answer carries. */
  maxBytes: number;
}

export interface AdhocResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  /** Which cap cut the result, when one did. */
  truncatedBy?: 'rows' | 'bytes';
  rowCap: number;
  byteCap: number;
}

export async function runAdhoc(
  db: Database,
  body: unknown,
  limits: AdhocLimits,
): Promise<AdhocResult> {
  const deadline = Date.now() + limits.timeoutMs;
  if (typeof body !== 'object' || body === null)
    throw badInput('send a JSON object { "query": "...", "params": { } }');
  const { query, params = {} } = body as { query?: unknown; params?: unknown };
  if (typeof query !== 'string' || query.trim() === '')
    throw badInput('"query" must be a non-empty string');
  if (query.length > 20_000) throw badInput('"query" is limited to 20,000 characters');
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw badInput('"params" must be an object');

  screenStatement(query);
  const runner = db.isolated();
  const bound = params as Record<string, unknown>;
  checkPlan(await runner.explain(query, bound, deadline, limits.timeoutMs));
  const result = await runner.read(
    query,
    bound,
    { rowCap: limits.rowCap, byteCap: limits.maxBytes },
    deadline,
    limits.timeoutMs,
  );
  return {
    columns: result.keys,
    rows: result.rows,
    truncated: result.truncated !== false,
    ...(result.truncated ? { truncatedBy: result.truncated } : {}),
    rowCap: limits.rowCap,
    byteCap: limits.maxBytes,
  };
}
