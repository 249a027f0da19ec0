import { AppError, ErrorCode, badInput } from '../errors';
import type { PlanNode } from '../db/isolated-protocol';
import { lex, tokenize, type Token } from './cypher-lexer';

/**
 * What ad-hoc analyst Cypher may not do, checked twice: on the tokens of the
 * text (screenStatement, before anything reaches the server) and on the
 * server's own parse of it, the EXPLAIN plan (checkPlan), which is what would
 * run. Either alone refuses every SHOW and TERMINATE command.
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

/**
 * APOC text functions that match Java regular expressions. Like `=~`, a
 * regular expression match cannot be interrupted by the transaction timeout
 * (a catastrophic pattern holds a server thread for as long as it runs).
 */
const REGEX_FUNCTIONS = /^apoc\.text\.(regexGroups|regexGroupsByName|regreplace|replace|split)$/;

/** Built-in functions written with a namespace (point.distance, vector.similarity...) are harmless. */
const BUILTIN_NAMESPACES =
  /^(point|vector|date|datetime|localdatetime|localtime|time|duration|string|math)\./i;

const forbidden = (what: string) =>
  new AppError(ErrorCode.FORBIDDEN, `Not allowed in read-only analyst queries: ${what}`);

const SHOW_OR_TERMINATE =
  'SHOW and TERMINATE commands (server settings, procedures, indexes, other users’ transactions)';
const REGEX =
  'regular expressions (=~ and the APOC regex functions), which the database cannot stop at the timeout';

/** Keywords that begin a clause or command no read-only query needs. */
const FORBIDDEN_WORDS: Record<string, string> = {
  SHOW: SHOW_OR_TERMINATE,
  TERMINATE: SHOW_OR_TERMINATE,
  USE: 'USE switches to another database',
  CREATE: 'writes (CREATE)',
  INSERT: 'writes (INSERT)',
  MERGE: 'writes (MERGE)',
  SET: 'writes (SET)',
  DELETE: 'writes (DELETE)',
  DETACH: 'writes (DETACH DELETE)',
  REMOVE: 'writes (REMOVE)',
  FOREACH: 'writes (FOREACH)',
  TRANSACTIONS: 'CALL { } IN TRANSACTIONS',
  GRANT: 'administration commands',
  DENY: 'administration commands',
  REVOKE: 'administration commands',
  ALTER: 'administration commands',
  DROP: 'administration and schema commands',
  RENAME: 'administration commands',
  DEALLOCATE: 'administration commands',
  REALLOCATE: 'administration commands',
};

/** Prefixes the endpoint sets itself (it runs EXPLAIN first), so a query may not bring its own. */
const LEADING_OPTIONS = new Set(['EXPLAIN', 'PROFILE', 'CYPHER']);

/**
 * The keyword a word stands for, the way a case-insensitive parser could read
 * it: lower-casing first turns the Kelvin sign into k, upper-casing turns
 * the long s into S.
 */
const keyword = (word: string) => word.toLowerCase().toUpperCase();

/** True when the token is a property key, label, type or parameter name (after `.`, `:` or `$`), not a keyword. */
function isQualified(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev?.kind === 'symbol' && (prev.text === '.' || prev.text === ':' || prev.text === '$');
}

/**
 * Refuses, from the statement's tokens: a second statement, EXPLAIN / PROFILE
 * / CYPHER prefixes, every SHOW and TERMINATE command, writes, USE, LOAD CSV,
 * CALL IN TRANSACTIONS, administration commands, `=~`, and procedures or
 * namespaced functions off the allowlist. Throws FORBIDDEN or BAD_INPUT.
 */
export function screenStatement(query: string): void {
  const tokens = tokenize(query);
  const first = tokens[0];
  if (first?.kind === 'word' && LEADING_OPTIONS.has(keyword(first.text))) {
    throw badInput(
      `Send the query without ${keyword(first.text)}: the endpoint checks the plan itself and takes no query options`,
    );
  }
  tokens.forEach((t, i) => {
    if (t.kind === 'symbol' && t.text === ';' && i < tokens.length - 1)
      throw badInput(
        `Send one statement at a time (a second one follows the ";" at offset ${t.at})`,
      );
    if (t.kind === 'symbol' && t.text === '=~') throw forbidden(`${REGEX} (at offset ${t.at})`);
    if (t.kind !== 'word' || isQualified(tokens, i)) return;
    const word = keyword(t.text);
    const at = ` (${t.text} at offset ${t.at})`;
    const what = FORBIDDEN_WORDS[word];
    if (what) throw forbidden(what + at);
    const next = tokens[i + 1];
    if (word === 'LOAD' && next?.kind === 'word' && keyword(next.text) === 'CSV')
      throw forbidden(`LOAD CSV reads files and URLs${at}`);
    if (
      ['START', 'STOP', 'ENABLE'].includes(word) &&
      next?.kind === 'word' &&
      ['DATABASE', 'SERVER', 'COMPOSITE'].includes(keyword(next.text))
    )
      throw forbidden(`administration commands${at}`);
  });
  checkNames(calledNames(tokens));
}

/**
 * Procedures and namespaced functions named in the tokens: a dotted name
 * after CALL or before "(", with backticked parts joined as the server joins them.
 */
export function calledNames(tokens: Token[]): string[] {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Not skipped after ":" or "$": a map value ({a: apoc.x.y()}) is a call too.
    if (t.kind !== 'word' && t.kind !== 'name') continue;
    const parts = [t.text];
    let j = i + 1;
    while (
      tokens[j]?.text === '.' &&
      tokens[j]?.kind === 'symbol' &&
      (tokens[j + 1]?.kind === 'word' || tokens[j + 1]?.kind === 'name')
    ) {
      parts.push(tokens[j + 1]!.text);
      j += 2;
    }
    const prev = tokens[i - 1];
    const afterCall = prev?.kind === 'word' && keyword(prev.text) === 'CALL';
    const beforeParen = tokens[j]?.kind === 'symbol' && tokens[j]?.text === '(';
    if (afterCall || (parts.length > 1 && beforeParen)) names.add(parts.join('.'));
    i = j - 1;
  }
  return [...names];
}

function checkNames(names: string[]): void {
  for (const name of names) {
    if (REGEX_FUNCTIONS.test(name)) throw forbidden(REGEX);
    if (BUILTIN_NAMESPACES.test(name)) continue;
    if (!ALLOWED_PROCEDURES.some((p) => p.test(name))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `Procedure or function ${name} is not on the read-only allowlist`,
      );
    }
  }
}

function operators(plan: PlanNode | undefined): PlanNode[] {
  return plan ? [plan, ...(plan.children ?? []).flatMap(operators)] : [];
}

/**
 * Refuses by the server's own parse (EXPLAIN): any SHOW or TERMINATE
 * command operator (ShowSettings, ShowTransactions, TerminateTransactions,
 * ShowProcedures, ShowFunctions, ShowIndexes, ShowConstraints...; Neo4j 5.26
 * classifies them all as read, "r"), administration commands, LOAD CSV, a
 * regular expression match, a procedure or function off the allowlist, and
 * any statement the server does not classify as read-only.
 */
export function checkPlan(summary: {
  queryType: string;
  plan: PlanNode | false | undefined;
}): void {
  for (const op of operators(summary.plan || undefined)) {
    // Operator names carry the database as a suffix (ShowSettings@neo4j).
    const name = (op.operatorType ?? '').split('@')[0]!;
    if (/^(Show|Terminate)/i.test(name)) throw forbidden(`${SHOW_OR_TERMINATE}: ${name}`);
    if (/^AdministrationCommand/i.test(name)) throw forbidden('administration commands');
    if (/^LoadCSV$/i.test(name)) throw forbidden('LOAD CSV reads files and URLs');
    for (const detail of Object.values(op.arguments ?? {})) {
      if (typeof detail !== 'string') continue;
      const tokens = lex(detail);
      if (tokens.some((t) => t.kind === 'symbol' && t.text === '=~')) throw forbidden(REGEX);
      checkNames(calledNames(tokens));
    }
  }
  if (summary.queryType !== 'r') {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `Only read-only queries may run here; this one is of type "${summary.queryType}"`,
    );
  }
}
