import fs from 'node:fs';
import path from 'node:path';
import { checkPlan, screenStatement } from '../../src/analyst/adhoc-screen';
import { lex, tokenize } from '../../src/analyst/cypher-lexer';
import { queryLibrary } from '../../src/analyst/library';
import { PROJECT_ROOT } from '../../src/config';
import { AppError } from '../../src/errors';
import { cypherPayloads } from '../helpers/cypher-payloads';

const corpus = cypherPayloads;

function outcome(query: string): string {
  try {
    screenStatement(query);
    return 'passed';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe('the ad-hoc Cypher screen', () => {
  it('has a corpus of at least 60 distinct payloads, each with the code it must get', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((p) => p.name)).size).toBe(corpus.length);
    for (const p of corpus) expect(['FORBIDDEN', 'BAD_INPUT']).toContain(p.code);
  });

  it.each(corpus.map((p) => [p.name, p] as const))('refuses %s with its code', (_name, p) => {
    expect(outcome(p.query)).toBe(p.code);
  });

  it('passes every saved query of the library and the documented examples', () => {
    const docs = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/analysts.md'), 'utf8');
    // Its Cypher blocks and the queries of its curl examples.
    const documented = [
      ...docs.matchAll(/```cypher\n([\s\S]*?)```/g),
      ...docs.matchAll(/"query": "([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThanOrEqual(2);
    const legitimate = [
      ...[...queryLibrary().values()].map((q) => q.cypher),
      ...documented,
      'MATCH (s:State {isoCode: $iso}) RETURN s.name AS name, s.id AS id',
      "CALL db.labels() YIELD label WITH collect(label) AS labels RETURN apoc.coll.contains(labels, 'State') AS hasStates, apoc.text.join(['a', 'b'], ',') AS joined",
      'MATCH (s:State {isoCode: $iso})-[p:PURSUES]->(pr) RETURN pr.name AS priority, p.via AS via',
      "MATCH (n) WHERE n.name STARTS WITH 'Lith' RETURN n.name AS name, n.settings AS settings, n.`show` AS shown",
      "CALL db.index.fulltext.queryNodes('entity_search', 'barnahus') YIELD node RETURN node.name AS name",
      'RETURN 1;',
    ];
    expect(legitimate.length).toBeGreaterThan(10);
    for (const q of legitimate) expect([q, outcome(q)]).toEqual([q, 'passed']);
  });

  it('ends a // comment where Cypher does: at CR or LF, not at U+2028', () => {
    expect(lex('RETURN 1 //x\u2028SHOW TRANSACTIONS').map((t) => t.text)).toEqual(['RETURN', '1']);
    expect(outcome('RETURN 1 AS one //x\u2028SHOW TRANSACTIONS')).toBe('passed');
    expect(lex('//x\rSHOW TRANSACTIONS').map((t) => t.text)).toEqual(['SHOW', 'TRANSACTIONS']);
  });

  it('takes every Cypher whitespace as a separator and nothing else', () => {
    const spaces =
      '\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000';
    for (const s of spaces)
      expect(lex(`SHOW${s}SETTINGS`).map((t) => t.text)).toEqual(['SHOW', 'SETTINGS']);
    // U+0085 is part of a name to the server (a syntax error there), and refused here.
    expect(() => tokenize('SHOW\u0085SETTINGS')).toThrow(/U\+0085/);
  });

  it('reads strings, backticked names and comments as the server does', () => {
    expect(
      lex("RETURN 'it\\'s // no comment' AS `a``b` /* c */").map((t) => [t.kind, t.text]),
    ).toEqual([
      ['word', 'RETURN'],
      ['string', "it\\'s // no comment"],
      ['word', 'AS'],
      ['name', 'a`b'],
    ]);
  });
});

describe('the ad-hoc plan check (the server’s own parse)', () => {
  const plan = (operatorType: string, details = '') => ({
    queryType: 'r',
    plan: {
      operatorType: 'ProduceResults@neo4j',
      arguments: {},
      children: [{ operatorType, arguments: details ? { Details: details } : {}, children: [] }],
    },
  });
  const code = (summary: Parameters<typeof checkPlan>[0]) => {
    try {
      checkPlan(summary);
      return 'passed';
    } catch (err) {
      return err instanceof AppError ? `${err.code}: ${err.message}` : 'thrown';
    }
  };

  it.each([
    'ShowSettings@neo4j',
    'ShowTransactions@neo4j',
    'TerminateTransactions@neo4j',
    'ShowProcedures@neo4j',
    'ShowFunctions@neo4j',
    'ShowIndexes@neo4j',
    'ShowConstraints@neo4j',
    'AdministrationCommand@system',
    'LoadCSV@neo4j',
  ])('refuses a plan with %s although its type is read', (op) => {
    expect(code(plan(op))).toMatch(/^FORBIDDEN: /);
  });

  it('refuses a regular expression match in the plan, but not "=~" inside a string of it', () => {
    expect(code(plan('Filter@neo4j', 'cache[n.id] =~ $p'))).toMatch(
      /^FORBIDDEN: .*regular expressions/,
    );
    expect(code(plan('Filter@neo4j', "n.name = '=~'"))).toBe('passed');
  });

  it('refuses procedures off the allowlist named in the plan, and any type but read', () => {
    expect(code(plan('ProcedureCall@neo4j', 'dbms.listConfig() :: (name :: STRING)'))).toMatch(
      /^FORBIDDEN: Procedure or function dbms.listConfig/,
    );
    expect(code(plan('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)'))).toBe('passed');
    expect(code({ ...plan('Create@neo4j'), queryType: 'w' })).toMatch(/^FORBIDDEN: Only read-only/);
    expect(code({ ...plan('ProcedureCall@neo4j'), queryType: 's' })).toMatch(/^FORBIDDEN/);
  });
});
