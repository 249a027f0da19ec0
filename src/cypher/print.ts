import type {
  BinaryOperator,
  Clause,
  Expr,
  Item,
  NodePattern,
  Paging,
  Pattern,
  Query,
  RelationshipPattern,
} from './ast';

/**
 * Prints the tree as Cypher text. Names from the model and the schema
 * (labels, types, property and map keys, variables) are held to strict
 * patterns here, where they become text; string values are escaped; an
 * operator's operands are parenthesised only where the operator binds less
 * tightly than the one around it, so the text reads as it would be written.
 */

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL = /^[A-Z][A-Za-z]*$/;
const TYPE = /^[A-Z][A-Z_]*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FUNCTION = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

function checked(name: string, pattern: RegExp, what: string): string {
  if (!pattern.test(name)) throw new Error(`"${name}" is not a ${what}`);
  return name;
}

const variable = (name: string) => checked(name, VARIABLE, 'variable');
export const labelName = (name: string) => checked(name, LABEL, 'label');
export const typeName = (name: string) => checked(name, TYPE, 'relationship type');

/** A property or map key: as is when it is a plain name, else quoted. */
function key(name: string): string {
  return KEY.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** A map key: always quoted (response keys are a client's aliases, and could be keywords). */
const mapKey = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** A string literal: quotes, backslashes and control characters escaped. */
export function stringLiteral(value: string): string {
  let escaped = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") escaped += `\\${c}`;
    else if (code < 0x20) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += c;
  }
  return `'${escaped}'`;
}

/** How tightly each operator binds: a lower number binds less tightly. */
const PRECEDENCE: Record<BinaryOperator | 'or' | 'and' | 'not', number> = {
  or: 1,
  and: 2,
  not: 3,
  '=': 4,
  '<>': 4,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  IN: 5,
  CONTAINS: 5,
  'STARTS WITH': 5,
  'ENDS WITH': 5,
  '=~': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
};

function precedence(e: Expr): number {
  if (e.k === 'binary') return PRECEDENCE[e.op];
  if (e.k === 'and' || e.k === 'or' || e.k === 'not') return PRECEDENCE[e.k];
  // IS NULL and a label test bind like a comparison.
  if (e.k === 'isNull' || e.k === 'hasLabel') return 4;
  return 10;
}

/** An operand: parenthesised when it binds less tightly than its operator (or as tightly, on the right). */
function operand(e: Expr, outer: number, indent: string, right = false): string {
  const inner = precedence(e);
  const text = expression(e, indent);
  // A comparison's operands and an operator's right operand of the same
  // level are parenthesised: `a = b = c` would be a chained comparison, and
  // IN, CONTAINS, STARTS WITH, ENDS WITH, =~ and IS NULL do not chain at all
  // (Neo4j's parser refuses `a IN b IS NULL`).
  const same = inner === outer && (right ? outer >= 4 : outer === 4 || outer === 5);
  return inner < outer || same ? `(${text})` : text;
}

export function expression(e: Expr, indent = ''): string {
  const x = (inner: Expr) => expression(inner, indent);
  switch (e.k) {
    case 'var':
      return variable(e.name);
    case 'param':
      return `$${variable(e.name)}`;
    case 'string':
      return stringLiteral(e.value);
    case 'number':
      if (!Number.isFinite(e.value)) throw new Error(`${e.value} is not a number to write`);
      return String(e.value);
    case 'boolean':
      return e.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'rows':
      return '*';
    case 'property':
      return `${operand(e.of, 10, indent)}.${key(e.key)}`;
    case 'index':
      return `${operand(e.of, 10, indent)}[${x(e.index)}]`;
    case 'slice':
      return `${operand(e.of, 10, indent)}[${e.from ? x(e.from) : ''}..${e.to ? x(e.to) : ''}]`;
    case 'map':
      return `{${e.entries.map(([k, v]) => `${mapKey(k)}: ${x(v)}`).join(', ')}}`;
    case 'list':
      return `[${e.items.map(x).join(', ')}]`;
    case 'function':
      return `${checked(e.name, FUNCTION, 'function')}(${e.args.map(x).join(', ')})`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      return `${operand(e.left, p, indent)} ${e.op} ${operand(e.right, p, indent, true)}`;
    }
    case 'and':
    case 'or': {
      if (e.items.length === 0) throw new Error(`an empty ${e.k.toUpperCase()}`);
      const p = PRECEDENCE[e.k];
      return e.items.map((i) => operand(i, p + 0.5, indent)).join(` ${e.k.toUpperCase()} `);
    }
    case 'not':
      return `NOT ${operand(e.of, PRECEDENCE.not, indent)}`;
    case 'isNull':
      return `${operand(e.of, 6, indent)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'hasLabel':
      return `${operand(e.of, 10, indent)}:${e.labels.map(labelName).join('|')}`;
    case 'case': {
      const branches = e.branches.map(([when, then]) => `WHEN ${x(when)} THEN ${x(then)}`);
      const otherwise = e.otherwise ? ` ELSE ${x(e.otherwise)}` : '';
      return `CASE ${branches.join(' ')}${otherwise} END`;
    }
    case 'comprehension':
      return `[${variable(e.v)} IN ${x(e.list)}${e.where ? ` WHERE ${x(e.where)}` : ''}${e.map ? ` | ${x(e.map)}` : ''}]`;
    case 'all':
      return `all(${variable(e.v)} IN ${x(e.list)} WHERE ${x(e.where)})`;
    case 'reduce':
      return `reduce(${variable(e.acc)} = ${x(e.init)}, ${variable(e.v)} IN ${x(e.list)} | ${x(e.map)})`;
    case 'subquery': {
      if (e.body.k === 'pattern') return `${e.kind} { ${pattern(e.body, indent)} }`;
      // COUNT and EXISTS on one line; a COLLECT's rows on lines of their own.
      if (e.kind !== 'COLLECT') return `${e.kind} { ${query(e.body, indent, ' ')} }`;
      const inner = `${indent}  `;
      return `${e.kind} {\n${inner}${query(e.body, inner)}\n${indent}}`;
    }
  }
}

function nodePattern(n: NodePattern, indent: string): string {
  const labels = n.labels.length ? `:${n.labels.map(labelName).join('|')}` : '';
  const props = n.props.length
    ? ` {${n.props.map(([k, v]) => `${key(k)}: ${expression(v, indent)}`).join(', ')}}`
    : '';
  return `(${n.v ? variable(n.v) : ''}${labels}${props})`;
}

function relationshipPattern(r: RelationshipPattern): string {
  const types = r.types.length ? `:${r.types.map(typeName).join('|')}` : '';
  const hops = r.maxHops === null ? '' : `*..${r.maxHops}`;
  if (r.maxHops !== null && (!Number.isInteger(r.maxHops) || r.maxHops < 1))
    throw new Error(`${r.maxHops} is not a bound of hops`);
  // A bare relationship is written as the arrow alone: (a)-->(b).
  const bare = !r.v && !types && !hops;
  const inner = bare ? '' : `[${r.v ? variable(r.v) : ''}${types}${hops}]`;
  if (r.direction === 'out') return `-${inner}->`;
  if (r.direction === 'in') return `<-${inner}-`;
  return `-${inner}-`;
}

export function pattern(p: Pattern, indent = ''): string {
  let text = nodePattern(p.start, indent);
  for (const [rel, node] of p.steps) text += relationshipPattern(rel) + nodePattern(node, indent);
  if (p.shortest) text = `${p.shortest}(${text})`;
  return p.path ? `${variable(p.path)} = ${text}` : text;
}

function item([e, as]: Item, indent: string): string {
  const text = expression(e, indent);
  if (as === null) return text;
  return e.k === 'var' && e.name === as ? text : `${text} AS ${variable(as)}`;
}

function paging(p: Paging, indent: string): string {
  const order = p.orderBy.length
    ? ` ORDER BY ${p.orderBy.map((o) => `${expression(o.by, indent)}${o.descending ? ' DESC' : ''}`).join(', ')}`
    : '';
  return `${order}${p.limit ? ` LIMIT ${expression(p.limit, indent)}` : ''}`;
}

function clause(c: Clause, indent: string, sep: string): string {
  const next = sep === '\n' ? `\n${indent}` : ' ';
  switch (c.k) {
    case 'match': {
      const hint = c.seek
        ? `${next}USING INDEX SEEK ${variable(c.seek.v)}:${typeName(c.seek.type)}(${key(c.seek.key)})`
        : '';
      // A WHERE after a hint on a line of its own; else on the clause's line.
      const where = c.where ? `${hint ? next : ' '}WHERE ${expression(c.where, indent)}` : '';
      return `${c.optional ? 'OPTIONAL ' : ''}MATCH ${pattern(c.pattern, indent)}${hint}${where}`;
    }
    case 'with':
    case 'return': {
      const head = `${c.k === 'with' ? 'WITH' : 'RETURN'}${c.distinct ? ' DISTINCT' : ''}`;
      const where = c.where ? ` WHERE ${expression(c.where, indent)}` : '';
      return `${head} ${c.items.map((i) => item(i, indent)).join(', ')}${paging(c.paging, indent)}${where}`;
    }
    case 'unwind':
      return `UNWIND ${expression(c.list, indent)} AS ${variable(c.as)}`;
    case 'call': {
      const inner = `${indent}  `;
      const batch = c.batch === null ? '' : ` IN TRANSACTIONS OF ${c.batch} ROWS`;
      return `${c.optional ? 'OPTIONAL ' : ''}CALL (${c.imports.map(variable).join(', ')}) {\n${inner}${query(c.body, inner)}\n${indent}}${batch}`;
    }
    case 'setMerge':
      return `SET ${variable(c.v)} += ${expression(c.map, indent)}`;
  }
}

/** A query at `indent`: its clauses on lines of their own (or joined by `sep`). */
export function query(q: Query, indent = '', sep = '\n'): string {
  const next = sep === '\n' ? `\n${indent}` : sep;
  switch (q.k) {
    case 'query':
      return q.clauses.map((c) => clause(c, indent, sep)).join(next);
    case 'union':
      return q.members
        .map((m) => query(m, indent, sep))
        .join(`${next}UNION${q.all ? ' ALL' : ''}${next}`);
    case 'file':
      // Its lines as they are, comments included: only where clauses take lines of their own.
      if (sep !== '\n') throw new Error(`${q.name} is written only as a CALL subquery`);
      return `// ${q.name}${next}${q.text.trim().split('\n').join(next)}`;
  }
}

/** A statement's text. */
export const print = (q: Query): string => query(q);
