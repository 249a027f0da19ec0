import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import { buildSchema } from '../../src/graphql/schema';
import { plan, type Plan } from '../../src/graphql/plan/plan';
import { loadModel } from '../../src/model';

/**
 * The planner against the contract, without a database: every root field
 * and every field of every label plans to one statement per root field,
 * and the statements of every relationship field of the model and of the
 * README's and the dashboard's documents are snapshots, reviewed when
 * they change (recorded by `npm run snapshots:update`, never by `npm test`).
 */
const schema = buildSchema();
const model = loadModel();
const query = schema.getQueryType()!;

/**
 * Root fields answered by their resolvers, and why. Everything else plans.
 */
const NOT_PLANNED: Record<string, string> = {
  health: 'answered from the driver and the process, not from the graph',
  cypherQueries: 'the saved analyst queries, read from their .cypher files',
  runSavedCypher: 'runs a saved analyst query as it is written (it stays a .cypher file)',
};

/** Values for required arguments, by name. */
const VALUES: Record<string, string> = {
  id: '"state:LT"',
  ids: '["state:LT", "project:promise-2"]',
  isoCode: '"LT"',
  text: '"barnahus"',
  from: '"state:LT"',
  to: '"state:DK"',
  mandate: '"mandate:2020-2025"',
  name: '"members-as-of"',
};

type AnyField = GraphQLField<unknown, unknown>;

/** A small selection of every field a client may ask of a type without arguments. */
function selection(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields()).filter((f) => f.args.length === 0);
  if ('edges' in type.getFields())
    return '{ __typename totalCount pageInfo { hasNextPage endCursor } edges { cursor node { __typename id } } }';
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
  const objects =
    depth < 1
      ? fields
          .filter((f) => !isLeafType(getNamedType(f.type)))
          .map((f) => `${f.name} ${selection(getNamedType(f.type), depth + 1)}`)
      : [];
  return `{ __typename ${[...leaves, ...objects].join(' ')} }`;
}

function argumentsOf(field: AnyField): string {
  const given = field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: ${VALUES[a.name] ?? 'null'}`);
  // A lookup names its entity by one of its optional arguments.
  if (given.length === 0 && field.args.some((a) => a.name === 'id') && isObjectLike(field))
    given.push('id: "state:LT"');
  if (field.args.some((a) => a.name === 'first')) given.push('first: 2');
  return given.length ? `(${given.join(', ')})` : '';
}

const isObjectLike = (field: AnyField) => !isLeafType(getNamedType(field.type));

function planOf(document: string): Plan {
  return plan(schema, model, parse(document), undefined, {});
}

function statements(p: Plan): string[] {
  if (p.kind !== 'planned') throw new Error(`not planned: ${p.reason}`);
  return p.roots.map((r) => r.statement ?? '');
}

describe('every root field of the contract', () => {
  const roots = Object.values(query.getFields());

  it('names only fields of the contract in the reviewed list', () => {
    for (const name of Object.keys(NOT_PLANNED)) expect(query.getFields()[name]).toBeDefined();
  });

  it.each(roots.filter((f) => !NOT_PLANNED[f.name]).map((f) => [f.name, f] as const))(
    'Query.%s plans to one statement',
    (_name, field) => {
      const document = `{ ${field.name}${argumentsOf(field)} ${selection(getNamedType(field.type))} }`;
      const p = planOf(document);
      expect(p.kind === 'planned' ? '' : p.reason).toBe('');
      expect(statements(p)).toHaveLength(1);
    },
  );

  it.each(Object.entries(NOT_PLANNED))('Query.%s is left to its resolver: %s', (name) => {
    const field = query.getFields()[name]!;
    const document = `{ ${name}${argumentsOf(field)} ${selection(getNamedType(field.type))} }`;
    expect(planOf(document).kind).toBe('reference');
  });
});

describe('every field of every label', () => {
  const cases: [string, string][] = [];
  for (const [label, spec] of Object.entries(model.labels)) {
    const type = schema.getType(label);
    if (!isObjectType(type)) throw new Error(`${label} is not an object type`);
    for (const field of Object.values(type.getFields()))
      cases.push([
        `${label}.${field.name}`,
        `{ ${spec.plural}(first: 2) { edges { node { ${field.name}${argumentsOf(field)} ${selection(getNamedType(field.type))} } } } }`,
      ]);
  }

  it('covers every label and its relationship fields', () => {
    const relationshipFields = Object.values(model.labels).reduce(
      (n, l) => n + Object.keys(l.fields).length,
      0,
    );
    expect(cases.length).toBeGreaterThan(relationshipFields);
  });

  it.each(cases)('%s plans to one statement', (_name, document) => {
    const p = planOf(document);
    expect(p.kind === 'planned' ? '' : p.reason).toBe('');
    expect(statements(p)).toHaveLength(1);
  });
});

describe('the statements the planner writes', () => {
  const fields: [string, string][] = [];
  for (const [label, spec] of Object.entries(model.labels))
    for (const name of Object.keys(spec.fields)) {
      const field = (
        schema.getType(label) as { getFields(): Record<string, AnyField> }
      ).getFields()[name]!;
      fields.push([
        `${label}.${name}`,
        `{ ${spec.plural}(first: 2) { edges { node { id ${name}${argumentsOf(field)} ${selection(getNamedType(field.type))} } } } }`,
      ]);
    }

  it.each(fields)('%s', (_name, document) => {
    expect(statements(planOf(document)).join('\n;\n')).toMatchSnapshot();
  });

  const published: [string, string, Record<string, unknown>][] = [];
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  let i = 0;
  for (const m of readme.matchAll(/```graphql\n([\s\S]*?)```/g))
    published.push([`README example ${(i += 1)}`, m[1]!, {}]);
  const web = path.join(PROJECT_ROOT, 'web', 'queries');
  for (const f of fs.readdirSync(web).filter((x) => x.endsWith('.graphql')))
    published.push([
      `dashboard ${f}`,
      fs.readFileSync(path.join(web, f), 'utf8'),
      { id: 'state:LT', text: 'barnahus', mandate: 'mandate:2020-2025', state: 'state:LT' },
    ]);

  it.each(published)('%s', (_name, document, variables) => {
    const doc = parse(document);
    const p = plan(schema, model, doc, undefined, variables);
    expect(statements(p).join('\n;\n')).toMatchSnapshot();
  });
});
