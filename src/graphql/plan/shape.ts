import {
  getNamedType,
  isLeafType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { setsOf, type Selections } from './selection';

/**
 * The order of a response's keys, position by position: Neo4j returns maps
 * whose keys come in hash order, and the response is written in the order
 * the document asks (graphql-js's order), so the serialiser follows this.
 * With each key its field's type, so that the writer can tell a null the
 * schema does not allow (serialize.ts plannedJson).
 */
export interface ResponseShape {
  keys: string[];
  fields: Record<string, ResponseShape | undefined>;
  /** The field's type (undefined for __typename, which is never null). */
  types: Record<string, GraphQLOutputType | undefined>;
}

/**
 * The shape of a composite position: the keys each possible type selects,
 * in document order, merged by first appearance (fragments on several
 * types at one position; validation gives a key one type's nullability
 * and list depth on every type, OverlappingFieldsCanBeMerged).
 */
export function responseShape(
  selections: Selections,
  type: GraphQLNamedType,
  sets: readonly SelectionSetNode[],
): ResponseShape | undefined {
  if (isLeafType(type)) return undefined;
  const shape: ResponseShape = { keys: [], fields: {}, types: {} };
  for (const t of selections.possible(type))
    for (const [key, nodes] of selections.fields(t, sets)) {
      if (Object.hasOwn(shape.fields, key)) continue;
      shape.keys.push(key);
      const def = t.getFields()[nodes[0]!.name.value];
      shape.types[key] = def?.type;
      shape.fields[key] = def
        ? responseShape(selections, getNamedType(def.type), setsOf(nodes))
        : undefined;
    }
  return shape;
}
