import { getNamedType, isLeafType, type GraphQLNamedType, type SelectionSetNode } from 'graphql';
import { setsOf, type Selections } from './selection';

/**
 * The order of a response's keys, position by position: Neo4j returns maps
 * whose keys come in hash order, and the response is written in the order
 * the document asks (graphql-js's order), so the serialiser follows this.
 */
export interface ResponseShape {
  keys: string[];
  fields: Record<string, ResponseShape | undefined>;
}

/**
 * The shape of a composite position: the keys each possible type selects,
 * in document order, merged by first appearance (fragments on several
 * types at one position).
 */
export function responseShape(
  selections: Selections,
  type: GraphQLNamedType,
  sets: readonly SelectionSetNode[],
): ResponseShape | undefined {
  if (isLeafType(type)) return undefined;
  const shape: ResponseShape = { keys: [], fields: {} };
  for (const t of selections.possible(type))
    for (const [key, nodes] of selections.fields(t, sets)) {
      if (Object.hasOwn(shape.fields, key)) continue;
      shape.keys.push(key);
      const def = t.getFields()[nodes[0]!.name.value];
      shape.fields[key] = def
        ? responseShape(selections, getNamedType(def.type), setsOf(nodes))
        : undefined;
    }
  return shape;
}
