import type { Database } from '../db/database';
import { AppError, ErrorCode, badInput } from '../errors';
import { toJson } from './values';

/**
 * Ad-hoc, read-only Cypher for analysts. Safety rests on four layers, any of
 * which alone stops a write:
 *  1. a screen of the text (string literals and comments removed first):
 *     no LOAD CSV, no USE (other databases), no administration commands;
 *  2. every procedure and namespaced function named in the text or in the
 *     server's plan must be on an allowlist of read-only ones (no file,
 *     network, dynamic-Cypher or system procedures);
 *  3. EXPLAIN must classify the statement as read-only ("r");
 *  4. it runs in a READ transaction, which the server itself refuses to let
 *     write (APOC and subqueries included), with a timeout and a row cap.
 */
export const ALLOWED_PROCEDURES: RegExp[] = [
  /^db\.(labels|relationshipTypes|propertyKeys)$/,
  /^db\.schema\.(visualization|nodeTypeProperties|relTypeProperties)$/,
  /^db\.index\.fulltext\.query(Nodes|Relationships)$/,
  /^apoc\.(coll|text|map|convert|math|number|agg|label|any|date|temporal|bitwise|hashing|scoring)\.[A-Za-z]+$/,
  /^apoc\.util\.(md5|sha1|sha256|sha384|sha512|compress|decompress)$/,
  /^apoc\.path\.(expand|expandConfig|subgraphNodes|subgraphAll|spanningTree)$/,
  /^apoc\.(node|rel|nodes)\.(degree|degree\.in|degree\.out|labels|id|type|relationship\.types|relationships\.exist|isDense|connected)$/,
  /^apoc\.algo\.(dijkstra|aStar|allSimplePaths)$/,
  /^apoc\.meta\.(schema|stats|data|cypher\.type|cypher\.types|cypher\.isType|nodeTypeProperties|relTypeProperties)$/,
];

/** Built-in functions written with a namespace (point.distance, vector.similarity...) are harmless. */
const BUILTIN_NAMESPACES =
  /^(point|vector|date|datetime|localdatetime|localtime|time|duration|string|math)\./i;

const FORBIDDEN_CLAUSES: [RegExp, string][] = [
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV reads files and URLs'],
  [/\bUSE\s+[`\w]/i, 'USE switches to another database'],
  [
    /\b(CREATE|DROP|ALTER|RENAME|GRANT|DENY|REVOKE|START|STOP|ENABLE|DEALLOCATE|REALLOCATE)\s+(USER|ROLE|DATABASE|COMPOSITE|ALIAS|SERVER|SERVERS|DATABASES|PRIVILEGE)\b/i,
    'administration commands',
  ],
  [
    /\b(CREATE|DROP)\s+((RANGE|TEXT|POINT|FULLTEXT|LOOKUP|VECTOR|BTREE)\s+)?(INDEX|CONSTRAINT)\b/i,
    'schema commands',
  ],
  [/\bTERMINATE\s+TRANSACTIONS?\b/i, 'terminating transactions'],
  [
    /\bSHOW\s+((ALL|POPULATED|USER|ROLE|CURRENT|DEFAULT|HOME)\s+)*(USERS?|ROLES?|PRIVILEGES?|SERVERS?|ALIASES|TRANSACTIONS?|SETTINGS?|DATABASES?)\b/i,
    "server, security or other users' information",
  ],
];

/**
 * Removes comments and the contents of string literals in one left-to-right
 * pass, so that neither can hide Cypher from the screen ('//' inside a
 * string is text, a quote inside a comment is comment). Backticked names are
 * kept, without their backticks.
 */
export function stripLiterals(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
      out += `${c}${c}`;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      out += text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Names like apoc.load.json in CALL clauses and function calls (backticks removed). */
export function calledNames(text: string): string[] {
  const plain = text.replace(/`/g, '');
  // Plan details may hold quoted text; only names followed by "(" or after CALL count.
  const names = new Set<string>();
  for (const m of plain.matchAll(/\bCALL\s+([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)+)/gi))
    names.add(m[1]!.replace(/\s+/g, ''));
  for (const m of plain.matchAll(/\b([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)\s*\(/g))
    names.add(m[1]!.replace(/\s+/g, ''));
  return [...names];
}

export function screenStatement(query: string): void {
  const code = stripLiterals(query);
  if (/;\s*\S/.test(code)) throw badInput('Send one statement at a time');
  for (const [pattern, what] of FORBIDDEN_CLAUSES) {
    if (pattern.test(code))
      throw new AppError(ErrorCode.FORBIDDEN, `Not allowed in read-only analyst queries: ${what}`);
  }
  checkNames(calledNames(code));
}

function checkNames(names: string[]): void {
  for (const name of names) {
    if (BUILTIN_NAMESPACES.test(name)) continue;
    if (!ALLOWED_PROCEDURES.some((p) => p.test(name))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `Procedure or function ${name} is not on the read-only allowlist`,
      );
    }
  }
}

interface PlanNode {
  operatorType?: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

function planDetails(plan: PlanNode | false | undefined): string[] {
  if (!plan) return [];
  const own = Object.values(plan.arguments ?? {}).filter((v): v is string => typeof v === 'string');
  return [plan.operatorType ?? '', ...own, ...(plan.children ?? []).flatMap(planDetails)];
}

export interface AdhocLimits {
  timeoutMs: number;
  rowCap: number;
}

export interface AdhocResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  rowCap: number;
}

export async function runAdhoc(
  db: Database,
  body: unknown,
  limits: AdhocLimits,
): Promise<AdhocResult> {
  if (typeof body !== 'object' || body === null)
    throw badInput('send a JSON object { "query": "...", "params": { } }');
  const { query, params = {} } = body as { query?: unknown; params?: unknown };
  if (typeof query !== 'string' || query.trim() === '')
    throw badInput('"query" must be a non-empty string');
  if (query.length > 20_000) throw badInput('"query" is limited to 20,000 characters');
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw badInput('"params" must be an object');

  screenStatement(query);
  const opts = { operation: 'analyst.adhoc', timeoutMs: limits.timeoutMs, userStatement: true };
  const summary = await db.explain(query, params as Record<string, unknown>, opts);
  const details = planDetails(summary.plan as PlanNode | false);
  // Operator names carry a suffix (LoadCSV@neo4j).
  if (details.some((d) => /^LoadCSV(@|$)/.test(d))) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Not allowed in read-only analyst queries: LOAD CSV reads files and URLs',
    );
  }
  checkNames(details.flatMap((d) => calledNames(d)));
  if (summary.queryType !== 'r') {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `Only read-only queries may run here; this one is of type "${summary.queryType}"`,
    );
  }
  const { keys, records, truncated } = await db.readCapped(
    query,
    params as Record<string, unknown>,
    opts,
    limits.rowCap,
  );
  return {
    columns: keys,
    rows: records.map((r) => Object.fromEntries(keys.map((k) => [k, toJson(r[k])]))),
    truncated,
    rowCap: limits.rowCap,
  };
}
