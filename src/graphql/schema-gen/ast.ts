import {
  Kind,
  parseType,
  type ConstValueNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type InputObjectTypeDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type StringValueNode,
} from 'graphql';

/**
 * Small builders for graphql-js AST nodes. Type references go through
 * graphql-js's own parser (parseType), descriptions and defaults through AST
 * value nodes: nothing is escaped or joined by hand, and printSchema writes
 * the result.
 */
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function description(text: string): StringValueNode {
  return { kind: Kind.STRING, value: text, block: text.includes('\n') || text.includes('"') };
}

const named = (value: string): NamedTypeNode => ({ kind: Kind.NAMED_TYPE, name: name(value) });

export interface ArgSpec {
  name: string;
  type: string;
  description: string;
  default?: ConstValueNode;
}

export const intValue = (value: number): ConstValueNode => ({
  kind: Kind.INT,
  value: String(value),
});
export const enumValue = (value: string): ConstValueNode => ({ kind: Kind.ENUM, value });

function inputValue(a: ArgSpec): InputValueDefinitionNode {
  return {
    kind: Kind.INPUT_VALUE_DEFINITION,
    name: name(a.name),
    description: description(a.description),
    type: parseType(a.type),
    defaultValue: a.default,
  };
}

export interface FieldSpec {
  name: string;
  type: string;
  description: string;
  args?: ArgSpec[];
}

export function field(f: FieldSpec): FieldDefinitionNode {
  return {
    kind: Kind.FIELD_DEFINITION,
    name: name(f.name),
    description: description(f.description),
    type: parseType(f.type),
    arguments: (f.args ?? []).map(inputValue),
  };
}

/** A field given as a spec, or copied from a hand-written definition (an interface's). */
export type AnyField = FieldSpec | FieldDefinitionNode;

const toField = (f: AnyField): FieldDefinitionNode => ('kind' in f ? f : field(f));

/** A copy of a hand-written field with another type (e.g. node: Node! → node: Project!). */
export function retyped(f: FieldDefinitionNode, type: string): FieldDefinitionNode {
  return { ...f, type: parseType(type) };
}

export function objectType(
  typeName: string,
  text: string,
  fields: AnyField[],
  interfaces: string[] = [],
): ObjectTypeDefinitionNode {
  return {
    kind: Kind.OBJECT_TYPE_DEFINITION,
    name: name(typeName),
    description: description(text),
    interfaces: interfaces.map(named),
    fields: fields.map(toField),
  };
}

export function objectExtension(typeName: string, fields: FieldSpec[]): ObjectTypeExtensionNode {
  return { kind: Kind.OBJECT_TYPE_EXTENSION, name: name(typeName), fields: fields.map(field) };
}

export function inputType(
  typeName: string,
  text: string,
  fields: (ArgSpec | InputValueDefinitionNode)[],
): InputObjectTypeDefinitionNode {
  return {
    kind: Kind.INPUT_OBJECT_TYPE_DEFINITION,
    name: name(typeName),
    description: description(text),
    fields: fields.map((f) => ('kind' in f ? f : inputValue(f))),
  };
}

export function enumType(
  typeName: string,
  text: string,
  values: { name: string; description: string }[],
): EnumTypeDefinitionNode {
  return {
    kind: Kind.ENUM_TYPE_DEFINITION,
    name: name(typeName),
    description: description(text),
    values: values.map((v) => ({
      kind: Kind.ENUM_VALUE_DEFINITION,
      name: name(v.name),
      description: description(v.description),
    })),
  };
}
