/**
 * Random GraphQL operations drawn from the schema: fields, arguments,
 * aliases, inline and named fragments, variables and depth chosen by a seeded
 * generator, plus broken variants of valid ones (syntax errors, unknown
 * fields, wrong variable types, unknown operationName, huge numbers, empty
 * lists).
 */
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Rng } from './rng';

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** What kind of operation: "valid-ish" or the kind of breakage. */
  kind: string;
}

const IDS = [
  'state:DK',
  'state:EE',
  'state:LT',
  'state:SE',
  'state:FI',
  'state:RU',
  'state:DE',
  'project:promise',
  'project:promise-1',
  'org:cbss',
  'org:eu',
  'body:eg-car',
  'priority:2011-sexual-exploitation',
  'mandate:2013-2017',
  'presidency:2011-2012',
  'person:lars-loof',
  'service:se-barnahus-linkoping',
  'source:seed-000',
  'nope:missing',
  'state:',
  ':',
  '',
];
const STRINGS = [
  'LT',
  'SE',
  'Barnahus',
  'PROMISE',
  'child',
  '',
  ' ',
  'ä',
  '%',
  '"',
  '\\',
  'x'.repeat(300),
];
const DATES = ['2020-01-01', '2013-06-30', '1998-01-01', '2030-12-31', '2020-13-45', 'yesterday'];
const INTS = [0, 1, 2, 3, 5, 10, 20, 50, 100, 101, -1, 2147483647];

interface Doc {
  vars: string[];
  values: Record<string, unknown>;
  fragments: string[];
  counter: number;
}

export class OperationGenerator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
  ) {}

  private scalarLiteral(name: string): string {
    const r = this.rng;
    switch (name) {
      case 'Int':
        return String(r.pick(INTS));
      case 'Float':
        return String(r.pick([0, 0.5, 1.5, -2, 1e6]));
      case 'Boolean':
        return r.chance(0.5) ? 'true' : 'false';
      case 'ID':
        return JSON.stringify(r.pick(IDS));
      case 'String':
        return JSON.stringify(r.chance(0.3) ? r.word() : r.pick(STRINGS));
      default:
        // Custom scalars (dates, cursors, JSON) get date-like and odd strings.
        return JSON.stringify(r.chance(0.7) ? r.pick(DATES) : r.pick([...STRINGS, ...IDS]));
    }
  }

  private scalarValue(name: string): unknown {
    return JSON.parse(this.scalarLiteral(name));
  }

  /** A literal for an input type (depth-bounded). */
  literal(type: GraphQLInputType, depth = 0): string {
    const r = this.rng;
    if (isNonNullType(type)) return this.literal(type.ofType, depth);
    if (isListType(type)) {
      if (r.chance(0.2)) return '[]';
      const n = r.int(1, 3);
      return `[${Array.from({ length: n }, () => this.literal(type.ofType, depth + 1)).join(', ')}]`;
    }
    if (isEnumType(type)) return r.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const chosen = fields.filter((f) => isNonNullType(f.type) || (depth < 2 && r.chance(0.4)));
      return `{ ${chosen.map((f) => `${f.name}: ${this.literal(f.type, depth + 1)}`).join(', ')} }`;
    }
    return this.scalarLiteral(type.name);
  }

  /** A JSON value for a variable of an input type. */
  value(type: GraphQLInputType, depth = 0): unknown {
    const r = this.rng;
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type))
      return r.chance(0.2)
        ? []
        : Array.from({ length: r.int(1, 3) }, () => this.value(type.ofType, depth + 1));
    if (isEnumType(type)) return r.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields()))
        if (isNonNullType(f.type) || (depth < 2 && r.chance(0.4)))
          out[f.name] = this.value(f.type, depth + 1);
      return out;
    }
    return this.scalarValue(type.name);
  }

  private args(field: GraphQLField<unknown, unknown>, doc: Doc, asVariables: boolean): string {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !this.rng.chance(0.3)) continue;
      if (asVariables && this.rng.chance(0.5)) {
        const name = `v${doc.counter++}`;
        doc.vars.push(`$${name}: ${arg.type.toString()}`);
        doc.values[name] = this.value(arg.type);
        parts.push(`${arg.name}: $${name}`);
      } else parts.push(`${arg.name}: ${this.literal(arg.type)}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** A selection set on a composite type, nested up to `depthLeft` levels more. */
  selection(type: GraphQLCompositeType, depthLeft: number, doc: Doc, asVariables: boolean): string {
    const r = this.rng;
    if (isUnionType(type)) {
      const members = r.sample(type.getTypes(), r.int(1, 2));
      return `{ __typename ${members
        .map((m) => `... on ${m.name} ${this.selection(m, depthLeft - 1, doc, asVariables)}`)
        .join(' ')} }`;
    }
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const pool = depthLeft > 0 ? fields : leaves;
    const chosen = r.sample(pool, r.int(1, 4));
    const parts: string[] = [];
    if (chosen.length === 0 || r.chance(0.1)) parts.push('__typename');
    for (const f of chosen) {
      const alias = r.chance(0.15) ? `a${doc.counter++}: ` : '';
      const named = getNamedType(f.type);
      const sub = isCompositeType(named)
        ? ` ${this.selection(named, depthLeft - 1, doc, asVariables)}`
        : '';
      parts.push(`${alias}${f.name}${this.args(f, doc, asVariables)}${sub}`);
    }
    if (isInterfaceType(type) && depthLeft > 0 && r.chance(0.25)) {
      const impls = this.schema.getPossibleTypes(type);
      if (impls.length) {
        const impl = r.pick(impls);
        parts.push(`... on ${impl.name} ${this.selection(impl, depthLeft - 1, doc, asVariables)}`);
      }
    }
    if (isObjectType(type) && depthLeft > 0 && r.chance(0.08)) {
      const name = `F${doc.counter++}`;
      doc.fragments.push(
        `fragment ${name} on ${type.name} ${this.selection(type, depthLeft - 1, doc, false)}`,
      );
      parts.push(`...${name}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  /** One operation that the schema may accept (arguments are random, so many get client errors). */
  validish(): Operation {
    const r = this.rng;
    const query = this.schema.getQueryType();
    if (!query) throw new Error('the schema has no Query type');
    const doc: Doc = { vars: [], values: {}, fragments: [], counter: 0 };
    const asVariables = r.chance(0.25);
    const body = this.selection(query, r.int(1, 9), doc, asVariables);
    const named = doc.vars.length > 0 || r.chance(0.3);
    const name = named ? `Q${r.int(0, 99999)}` : undefined;
    const head = named ? `query ${name}${doc.vars.length ? `(${doc.vars.join(', ')})` : ''} ` : '';
    const comment = r.chance(0.15) ? `# ${r.word()}\n` : '';
    return {
      query: `${comment}${head}${body}${doc.fragments.length ? `\n${doc.fragments.join('\n')}` : ''}`,
      variables: doc.vars.length ? doc.values : undefined,
      operationName: name && r.chance(0.5) ? name : undefined,
      kind: 'valid-ish',
    };
  }

  /** A broken variant of a valid-ish operation. */
  broken(): Operation {
    const r = this.rng;
    const op = this.validish();
    const q = op.query;
    const at = r.int(0, Math.max(0, q.length - 1));
    switch (r.int(0, 8)) {
      case 0:
        return { ...op, query: q.slice(0, at), kind: 'syntax: truncated' };
      case 1:
        return {
          ...op,
          query:
            q.slice(0, at) + r.pick(['{', '}', '(', ')', ':', '$', '@', '"', '...']) + q.slice(at),
          kind: 'syntax: stray token',
        };
      case 2:
        return {
          ...op,
          query: q.replace('{', `{ unknownField${r.int(0, 999)} `),
          kind: 'unknown field',
        };
      case 3: {
        const vars = op.variables ?? {};
        const wrong: Record<string, unknown> = {};
        for (const k of Object.keys(vars))
          wrong[k] = r.pick([{ x: 1 }, 'text', 1e308, true, [[[]]], null]);
        if (Object.keys(wrong).length === 0) wrong.unused = r.pick([1, 'x']);
        return { ...op, variables: wrong, kind: 'wrong variable types' };
      }
      case 4:
        return { ...op, operationName: `Missing${r.int(0, 999)}`, kind: 'unknown operationName' };
      case 5:
        return {
          ...op,
          query: q.replace(
            /\b(first|maxHops|depth|limit): -?\d+/,
            (_m, a: string) =>
              `${a}: ${r.pick(['99999999999999999999', '2147483648', '-2147483649', '1e400'])}`,
          ),
          kind: 'huge numbers',
        };
      case 6:
        return {
          query: r.pick([
            `{ nodes(ids: []) { id } }`,
            `{ n${r.int(0, 99999)}: nodes(ids: []) { id label } }`,
            `{ node(id: "state:LT") { relationships(filter: { types: [] }) { totalCount } } }`,
            `{ node(id: "state:LT") { id relationships(filter: { types: [] }, first: ${r.int(1, 5)}) { edges { node { id } } } } }`,
            `{ search(text: "${r.word()}", labels: []) { __typename } }`,
          ]),
          kind: 'empty lists',
        };
      case 7:
        return { ...op, query: `${q}\n${q}`, kind: 'duplicate operations' };
      default:
        return {
          ...op,
          query: q.replace(/: "([^"]*)"/, ': 12345').replace(/: (\d+)/, ': "twelve"'),
          kind: 'wrong argument types',
        };
    }
  }

  next(brokenShare: number): Operation {
    return this.rng.chance(brokenShare) ? this.broken() : this.validish();
  }
}
