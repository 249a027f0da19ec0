import {
  and,
  call,
  contains,
  file,
  isIn,
  sameTree,
  count,
  each,
  eq,
  expression,
  fn,
  gt,
  hasLabel,
  isNull,
  map,
  match,
  minus,
  node,
  not,
  num,
  or,
  param,
  path,
  plus,
  print,
  prop,
  query,
  rel,
  Return,
  step,
  str,
  union,
  v,
  With,
  type Pattern,
} from '../../src/cypher';

describe('Cypher built as a tree', () => {
  it('writes no WHERE when no condition applies, and leaves out the conditions not given', () => {
    const all = path(node('n', ['State']));
    expect(print(query(match(all, and(false, null, undefined)), Return(['n'])))).toBe(
      'MATCH (n:State)\nRETURN n',
    );
    expect(
      print(
        query(match(all, and(false, eq(prop(v('n'), 'isoCode'), param('iso')))), Return(['n'])),
      ),
    ).toBe('MATCH (n:State) WHERE n.isoCode = $iso\nRETURN n');
  });

  it('parenthesises an operand only where its operator binds less tightly', () => {
    const [a, b, c] = [v('a'), v('b'), v('c')];
    expect(expression(and(or(isNull(a), gt(a, b)), not(eq(b, c)))!)).toBe(
      '(a IS NULL OR a > b) AND NOT b = c',
    );
    expect(expression(minus(a, minus(b, c)))).toBe('a - (b - c)');
    expect(expression(minus(minus(a, b), c))).toBe('a - b - c');
    // `a = b = c` would be a chained comparison: the inner one keeps its parentheses.
    expect(expression(eq(eq(a, b), c))).toBe('(a = b) = c');
    // Nested ANDs and ORs are one list; a literal true adds nothing to an AND.
    expect(expression(and(and(a, b), { k: 'boolean', value: true }, c)!)).toBe('a AND b AND c');
  });

  it('writes string values escaped and map keys quoted, so neither can end the literal', () => {
    expect(expression(str("it's \\ \u0001"))).toBe("'it\\'s \\\\ \\u0001'");
    expect(
      expression(
        map([
          ['end', num(1)],
          ['we`ird', str('x')],
        ]),
      ),
    ).toBe("{`end`: 1, `we``ird`: 'x'}");
    expect(expression(prop(v('n'), 'name'))).toBe('n.name');
    expect(expression(prop(v('n'), 'odd key'))).toBe('n.`odd key`');
  });

  it('refuses labels, types, variables and functions that are not names', () => {
    const bad: [string, () => unknown][] = [
      [
        'label',
        () => print(query(match(path(node('n', ['State) DETACH DELETE (n']))), Return(['n']))),
      ],
      [
        'relationship type',
        () =>
          expression(count(step(node('a'), rel(null, ['X]->() DELETE r//'], 'out'), node(null)))),
      ],
      ['variable', () => expression(v('n) DELETE n//'))],
      ['label', () => expression(hasLabel(v('n'), ['A:B']))],
      ['function', () => expression(fn('apoc.cypher.run(1);//'))],
    ];
    for (const [what, write] of bad) expect(write).toThrow(new RegExp(`not a ${what}`));
  });

  it('writes patterns with their direction, types, labels, properties and hop bound', () => {
    const pattern: Pattern = {
      ...path(node('a', ['Entity'], [['id', param('from')]]), [
        rel('rs', null, 'both', 3),
        node('b'),
      ]),
      path: 'p',
      shortest: 'allShortestPaths',
    };
    expect(print(query(match(pattern), Return(['p'])))).toBe(
      'MATCH p = allShortestPaths((a:Entity {id: $from})-[rs*..3]-(b))\nRETURN p',
    );
    expect(expression(count(step(node('p'), rel(null, ['PURSUES'], 'in'), node(null))))).toBe(
      'COUNT { (p)<-[:PURSUES]-() }',
    );
    expect(expression(count(step(node('n'), rel(null, null, 'both'), node(null))))).toBe(
      'COUNT { (n)--() }',
    );
    expect(() =>
      expression(count(step(node('n'), rel(null, null, 'both', 0), node(null)))),
    ).toThrow(/bound of hops/);
  });

  it('nests subqueries and unions with their imports, one level of indentation each', () => {
    const byKey = (key: string) =>
      query(
        match(path(node('n', ['Project'])), eq(prop(v('n'), key), param('key'))),
        Return(['n']),
      );
    const text = print(
      query(
        call([], union([byKey('acronymKey'), byKey('nameKey')])),
        With([[v('n'), 'n0']], { orderBy: [prop(v('n0'), 'id')], limit: num(1) }),
        Return([[each('x', fn('labels', v('n0')), { map: plus(v('x'), str('!')) }), 'value']]),
      ),
    );
    expect(text).toBe(
      [
        'CALL () {',
        '  MATCH (n:Project) WHERE n.acronymKey = $key',
        '  RETURN n',
        '  UNION',
        '  MATCH (n:Project) WHERE n.nameKey = $key',
        '  RETURN n',
        '}',
        'WITH n AS n0 ORDER BY n0.id LIMIT 1',
        "RETURN [x IN labels(n0) | x + '!'] AS value",
      ].join('\n'),
    );
  });

  it('tells parts built alike (how alike branches are shared) from parts that differ', () => {
    const build = () => map([['name', prop(v('m2'), 'name')]]);
    expect(sameTree(build(), build())).toBe(true);
    expect(sameTree(build(), map([['name', prop(v('m3'), 'name')]]))).toBe(false);
    expect(
      sameTree(
        build(),
        map([
          ['name', prop(v('m2'), 'name')],
          ['id', v('x')],
        ]),
      ),
    ).toBe(false);
  });

  it('writes operators that do not chain with their operands parenthesised', () => {
    const [a, b, c] = [v('a'), v('b'), v('c')];
    expect(expression(isNull(isIn(a, b)))).toBe('(a IN b) IS NULL');
    expect(expression(isIn(contains(a, b), c))).toBe('(a CONTAINS b) IN c');
    expect(expression(isNull(plus(a, b)))).toBe('a + b IS NULL');
  });

  it('refuses what would print wrong: a .cypher file on one line, a WHERE after a LIMIT', () => {
    const inFile = file('api/x.cypher', '// a comment\nMATCH (n) RETURN n');
    expect(() => expression(count(inFile))).toThrow(/only as a CALL subquery/);
    expect(print(query(call([], inFile), Return(['n'])))).toBe(
      'CALL () {\n  // api/x.cypher\n  // a comment\n  MATCH (n) RETURN n\n}\nRETURN n',
    );
    expect(() => With(['n'], { limit: num(1), where: isNull(v('n')) })).toThrow(
      /WHERE and a LIMIT/,
    );
  });
});
