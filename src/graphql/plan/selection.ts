import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';

/** Why an operation is left to graphql-js execution (a field the planner does not build). */
export class Unplannable extends Error {}

/** The selections of several field nodes that share a response key. */
export const setsOf = (nodes: readonly FieldNode[]): SelectionSetNode[] =>
  nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/**
 * What a selection asks of one object type, as graphql-js executes it:
 * response keys in order, each with its field nodes (fragments spread,
 * @skip and @include applied with the request's variables).
 */
export class Selections {
  constructor(
    readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  fields(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
    const merged = new Map<string, FieldNode[]>();
    for (const s of sets)
      for (const [key, nodes] of collectFields(
        this.schema,
        this.fragments,
        this.variables,
        type,
        s,
      ))
        merged.set(key, [...(merged.get(key) ?? []), ...nodes]);
    return merged;
  }

  /** The object types a position of this type may hold. */
  possible(type: GraphQLNamedType): readonly GraphQLObjectType[] {
    if (isAbstractType(type)) return this.schema.getPossibleTypes(type);
    if (isObjectType(type)) return [type];
    throw new Unplannable(`${type.name} is not a composite type`);
  }

  /** The object type of a field of `parent` (unwrapped), or an error naming it. */
  objectField(parent: GraphQLObjectType, name: string): GraphQLObjectType {
    const t = getNamedType(parent.getFields()[name]?.type);
    if (!isObjectType(t)) throw new Unplannable(`${parent.name}.${name} is not an object`);
    return t;
  }
}
