import {
  buildSchema as parseSDL,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { generateSchema } from '../../src/graphql/schema-gen/generate';
import { RELATIONS } from '../../src/graphql/relations';
import { loadModel } from '../../src/seed/model';

describe('schema.graphql', () => {
  const sdl = loadTypeDefs();
  const schema = parseSDL(sdl);

  it('is what the generator makes of the model and the relation table (run npm run schema:generate after changing them)', () => {
    expect(sdl).toBe(generateSchema());
  });

  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    const own = (t: GraphQLNamedType) =>
      !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name);
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
    for (const label of Object.keys(loadModel().labels)) {
      const type = schema.getType(label);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    }
  });

  it('only uses relationship types and labels the model knows', () => {
    const model = loadModel();
    for (const [label, fields] of Object.entries(RELATIONS)) {
      expect(model.labels[label]).toBeDefined();
      for (const f of fields) {
        const spec = model.relationships[f.type];
        if (f.type === 'PURSUES') continue; // derived by the loader, not in the seed model
        expect([label, f.field, spec !== undefined]).toEqual([label, f.field, true]);
        const own = f.direction === 'out' ? spec!.from : spec!.to;
        expect([label, f.field, own.includes(label)]).toEqual([label, f.field, true]);
      }
    }
  });
});
