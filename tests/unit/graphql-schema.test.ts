import {
  buildSchema as parseSDL,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  parse,
  validate,
} from 'graphql';
import { IDE_EXAMPLE } from '../../src/http/ide';
import { ENUM_VALUES, RELATIONSHIP_OBJECT_TYPES } from '../../src/graphql/generated/boundary';
import { connectionTypeName, edgeTypeName, linkTypeName } from '../../src/graphql/naming';
import { buildContract, printContract } from '../../src/graphql/schema-gen/generate';
import { loadTypeDefs } from '../../src/graphql/schema';
import { loadModel } from '../../src/model';

describe('the GraphQL contract', () => {
  const sdl = loadTypeDefs();
  const schema = parseSDL(sdl);
  const model = loadModel();
  const fieldsOf = (name: string) => {
    const t = schema.getType(name);
    if (!isObjectType(t) && !isInterfaceType(t)) throw new Error(`${name} has no fields`);
    return t.getFields();
  };
  const own = (t: GraphQLNamedType) =>
    !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name);

  // That schema.graphql and src/graphql/generated match the model is
  // checked by npm run schema:check, a step of npm test: graphql-codegen is
  // ESM-only in parts, which jest's CommonJS loader cannot require.

  it('is the contract built from the model and schema/ (the generator without codegen)', () => {
    expect(sdl).toBe(printContract(buildContract(model)));
  });

  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap()).filter(own)) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a type for every label of the model, each implementing Node', () => {
    for (const label of Object.keys(model.labels)) {
      const type = schema.getType(label);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    }
  });

  it('has one edge type per relationship type and direction, each a RelationshipEdge, and a connection for every paged field', () => {
    for (const type of Object.keys(model.relationships)) {
      for (const direction of ['out', 'in'] as const) {
        const edge = schema.getType(edgeTypeName(type, direction));
        expect(isObjectType(edge) && edge.getInterfaces().map((i) => i.name)).toEqual([
          'Relationship',
          'RelationshipEdge',
        ]);
      }
    }
    for (const [label, spec] of Object.entries(model.labels)) {
      const type = schema.getType(label);
      for (const [name, f] of Object.entries(spec.fields)) {
        const field = isObjectType(type) ? type.getFields()[name] : undefined;
        const expected =
          f.cardinality === 'one'
            ? linkTypeName(f.relationship, f.direction)
            : `${connectionTypeName(f.relationship, f.direction)}!`;
        expect([label, name, field?.type.toString()]).toEqual([label, name, expected]);
      }
    }
  });

  it("gives each edge only its relationship type's own properties beside the shared ones", () => {
    const shared = Object.keys(fieldsOf('RelationshipEdge'));
    const edge = (name: string) => {
      const t = schema.getType(name);
      return isObjectType(t) ? Object.keys(t.getFields()).filter((f) => !shared.includes(f)) : null;
    };
    expect(edge('MemberOfEdge')).toEqual(['role']);
    expect(edge('HasPriorityEdge')).toEqual(['order']);
    expect(edge('PartOfEdge')).toEqual([]);
    expect(edge('PursuesEdge')).toEqual(['rule', 'evidence']);
  });

  it('makes closed sets enums: labels, relationship types, confidence and every kind', () => {
    const enumOf = (type: string, field: string) => {
      const t = schema.getType(type);
      return isObjectType(t) ? getNamedType(t.getFields()[field]!.type).name : null;
    };
    expect(enumOf('Project', 'kind')).toBe('ProjectKind');
    expect(enumOf('Organisation', 'confidence')).toBe('Confidence');
    expect(enumOf('State', 'label')).toBe('Label');
    expect(enumOf('MemberOfEdge', 'type')).toBe('RelationshipType');
    expect(enumOf('PursuesEdge', 'rule')).toBe('PursuesRule');
    for (const [label, spec] of Object.entries(model.labels)) {
      for (const [prop, p] of Object.entries(spec.properties)) {
        if (p.type === 'enum')
          expect([label, prop, isEnumType(getNamedType(fieldsOf(label)[prop]!.type))]).toEqual([
            label,
            prop,
            true,
          ]);
      }
    }
  });

  it('maps every stored enum value to a GraphQL value and back', () => {
    expect(ENUM_VALUES.ProjectKind.PROGRAMME_OF_WORK).toBe('programme-of-work');
    expect(ENUM_VALUES.SourceKind.SEED_DOCUMENT).toBe('seed-document');
    expect(ENUM_VALUES.Label.OMBUDSPERSON_INSTITUTION).toBe('OmbudspersonInstitution');
    for (const [label, spec] of Object.entries(model.labels)) {
      const kind = spec.properties.kind;
      if (kind?.type !== 'enum') continue;
      const table = (ENUM_VALUES as Record<string, Record<string, string>>)[`${label}Kind`];
      expect(Object.values(table ?? {}).sort()).toEqual([...(kind.values ?? [])].sort());
    }
    expect(Object.keys(RELATIONSHIP_OBJECT_TYPES).sort()).toEqual(
      Object.keys(model.relationships).sort(),
    );
  });

  /**
   * A field name has one type wherever it appears among the types one
   * selection can span (the implementations of Node, of Relationship), so
   * `... on Meeting { startDate } ... on Project { startDate }` needs no
   * aliases. The exceptions are `kind`: each label's kinds are its own closed
   * set (an enum per label), the price of refusing a kind a label cannot have;
   * and `rule`: each derived type's rules are its own (PursuesRule,
   * CivilSocietyEngagesRule), so a civil-society rule can never be asked of
   * PURSUES (evidence paths of both share DerivationRule).
   */
  it('gives a field name one type across the types a selection can span (kind and rule excepted)', () => {
    const shape = (t: GraphQLOutputType): string =>
      isNonNullType(t)
        ? `${shape(getNullableType(t))}!`
        : isListType(t)
          ? `[${shape(t.ofType)}]`
          : isLeafType(t)
            ? t.name
            : 'object';
    const conflicts: string[] = [];
    for (const iface of ['Node', 'Relationship']) {
      const seen = new Map<string, string>();
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === iface)) continue;
        for (const field of Object.values(type.getFields())) {
          if (field.name === 'kind' || field.name === 'rule') continue;
          const s = shape(field.type);
          const before = seen.get(field.name);
          if (before !== undefined && before !== s)
            conflicts.push(`${type.name}.${field.name}: ${s}, elsewhere ${before}`);
          seen.set(field.name, before ?? s);
        }
      }
    }
    expect(conflicts).toEqual([]);
  });

  it("validates GraphiQL's opening example against the contract", () => {
    expect(validate(schema, parse(IDE_EXAMPLE)).map((e) => e.message)).toEqual([]);
  });

  it('has no repeated argument blocks: relationship fields take filter, orderBy, first and after', () => {
    const state = schema.getType('State');
    const args = isObjectType(state) ? state.getFields().memberships!.args.map((a) => a.name) : [];
    expect(args).toEqual(['filter', 'orderBy', 'first', 'after']);
  });
});
