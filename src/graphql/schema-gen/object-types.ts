import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Model, PropertySpec } from '../../model';
import { edgeTypeName, linkTypeName, pascalOfType, propertyEnumName } from '../naming';
import type { EnumTables } from './enums';

/**
 * Per-label and per-relationship TypeScript types of the objects the
 * resolvers hold (generated/objects.ts): each label's stored properties with
 * their types and whether the model requires them, each relationship type's
 * own properties. graphql-codegen maps each GraphQL object type to its own
 * (codegen.ts mappers), so tsc checks a resolver of State.isoCode against
 * State's properties rather than a bag of unknowns.
 */

/** The TypeScript name of a label's object and of a relationship type's. */
export const entityObjectName = (label: string) => `${label}Object`;
export const relationshipObjectName = (type: string) => `${pascalOfType(type)}Object`;

/** Text for a doc comment: one line, and never the end of one. */
const comment = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '* /');

function propertyType(owner: string, name: string, p: PropertySpec, tables: EnumTables): string {
  switch (p.type) {
    case 'string':
    case 'text':
      return 'string';
    case 'integer':
      // The driver hands integers over as numbers (disableLosslessIntegers).
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      // A Neo4j date, written as YYYY-MM-DD by the Date scalar.
      return 'unknown';
    case 'strings':
      return 'string[]';
    case 'enum': {
      const e = propertyEnumName(owner, name);
      if (!tables[e]) throw new Error(`${e} has no enum table`);
      return e;
    }
  }
}

function members(
  owner: string,
  properties: Record<string, PropertySpec>,
  tables: EnumTables,
  enums: Set<string>,
): string[] {
  return Object.entries(properties).flatMap(([name, p]) => {
    const type = propertyType(owner, name, p, tables);
    if (p.type === 'enum') enums.add(type);
    const doc = p.description ? [`  /** ${comment(p.description)} */`] : [];
    const optional = type === 'unknown' ? type : `${type} | null`;
    const member = p.required ? `  ${name}: ${type};` : `  ${name}?: ${optional};`;
    // A date's precision is stored beside it (foundedPrecision).
    const precision = p.type === 'date' ? [`  ${name}Precision?: string | null;`] : [];
    return [...doc, member, ...precision];
  });
}

/** An interface mapping each name to its object type (EntityObjects, RelationshipObjects). */
function byName(
  name: string,
  doc: string,
  names: readonly string[],
  objectName: (n: string) => string,
): string {
  return `/** ${doc} */
export interface ${name} {
${names.map((n) => `  ${n}: ${objectName(n)};`).join('\n')}
}`;
}

/** Each relationship type's edge and link object types, both ways, and that type's object. */
export function relationshipObjectsByType(model: Model): Map<string, string> {
  const ofType = new Map<string, string>();
  for (const type of Object.keys(model.relationships))
    for (const d of ['out', 'in'] as const)
      for (const name of [edgeTypeName(type, d), linkTypeName(type, d)])
        ofType.set(name, relationshipObjectName(type));
  return ofType;
}

/**
 * Each connection type of the schema, as a page of its items' own objects:
 * a label's list pages that label's object, a relationship field's page that
 * relationship type's object, the generic ones any entity or relationship.
 * The name of its object type is the connection's name and Object (Any before
 * RelationshipConnection's, whose name the generic page type has).
 */
export function connectionObjects(
  schema: GraphQLSchema,
  model: Model,
): { name: string; object: string; page: string }[] {
  const ofType = relationshipObjectsByType(model);
  const out: { name: string; object: string; page: string }[] = [];
  // The generic RelationshipConnection's object would take the name of the generic interface.
  const objectOf = (name: string) =>
    name === 'RelationshipConnection' ? `Any${name}Object` : `${name}Object`;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !/Connection$/.test(type.name)) continue;
    const edges = type.getFields().edges;
    if (!edges) continue;
    const edge = getNamedType(edges.type);
    const relationship =
      edge.name === 'RelationshipEdge' ? 'AnyRelationshipObject' : (ofType.get(edge.name) ?? null);
    if (relationship) {
      out.push({
        name: type.name,
        object: objectOf(type.name),
        page: `RelationshipConnectionObject<${relationship}>`,
      });
      continue;
    }
    const node = isObjectType(edge) ? edge.getFields().node : undefined;
    if (!node) continue;
    const label = getNamedType(node.type).name;
    const entity = model.labels[label] ? entityObjectName(label) : 'AnyEntityObject';
    out.push({
      name: type.name,
      object: objectOf(type.name),
      page: `EntityConnectionObject<${entity}>`,
    });
  }
  return out;
}

export function objectTypesSource(model: Model, tables: EnumTables, schema: GraphQLSchema): string {
  const enums = new Set<string>();
  const labels = Object.entries(model.labels).map(
    ([label, spec]) => `/** ${comment(spec.description)} */
export interface ${entityObjectName(label)} extends EntityObject {
  __label: '${label}';
${members(label, spec.properties, tables, enums).join('\n')}
}`,
  );
  const relationships = Object.entries(model.relationships).map(
    ([type, spec]) => `/** ${type} seen from one end: ${comment(spec.description)} */
export interface ${relationshipObjectName(type)} extends RelationshipObject {
  type: '${type}';
${members(type, spec.properties, tables, enums).join('\n')}
}`,
  );
  const imports = [...enums].sort();
  return `// GENERATED by \`npm run schema:generate\` from seed/model.yaml.
import type {
  EntityConnectionObject,
  EntityObject,
  RelationshipConnectionObject,
  RelationshipObject,
} from '../model';
${imports.length ? `import type { ${imports.join(', ')} } from './boundary';\n` : ''}
${labels.join('\n\n')}

${byName('EntityObjects', "Each label's object, by label.", Object.keys(model.labels), entityObjectName)}

/** An entity of any label. */
export type AnyEntityObject = EntityObjects[keyof EntityObjects];

${relationships.join('\n\n')}

${byName('RelationshipObjects', "Each relationship type's object, by type.", Object.keys(model.relationships), relationshipObjectName)}

/** A relationship of any type, seen from one end. */
export type AnyRelationshipObject = RelationshipObjects[keyof RelationshipObjects];

${connectionObjects(schema, model)
  .map(({ name, object, page }) => `/** A page of ${name}. */\nexport type ${object} = ${page};`)
  .join('\n\n')}
`;
}
