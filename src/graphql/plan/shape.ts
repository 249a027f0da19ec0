import {
  getNamedType,
  isLeafType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { setsOf, Unplannable, type Selections } from './selection';

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
 * in an order that keeps each type's own (graphql-js writes each object in
 * its own type's selection order; fragments on several types at one
 * position). One shape serves every type only when such an order exists
 * and a key several types select has the same
 * sub-selection on each (`... on State { sources { source { id } } } ...
 * on Project { sources { quote } }` has not): otherwise the operation is
 * Unplannable and graphql-js answers it. Validation gives a key one
 * nullability and list depth on every type (OverlappingFieldsCanBeMerged),
 * so its type is read from the first.
 */
export function responseShape(
  selections: Selections,
  type: GraphQLNamedType,
  sets: readonly SelectionSetNode[],
): ResponseShape | undefined {
  if (isLeafType(type)) return undefined;
  const shape: ResponseShape = { keys: [], fields: {}, types: {} };
  const nodesOf: Record<string, readonly FieldNode[]> = {};
  const orders: string[][] = [];
  for (const t of selections.possible(type)) {
    const order: string[] = [];
    for (const [key, nodes] of selections.fields(t, sets)) {
      order.push(key);
      const def = t.getFields()[nodes[0]!.name.value];
      if (Object.hasOwn(shape.fields, key)) {
        const first = nodesOf[key]!;
        const composite = def !== undefined && !isLeafType(getNamedType(def.type));
        if (composite && (first.length !== nodes.length || first.some((n, i) => n !== nodes[i])))
          throw new Unplannable(`${key} is selected differently by the types at one position`);
        continue;
      }
      shape.keys.push(key);
      nodesOf[key] = nodes;
      shape.types[key] = def?.type;
      shape.fields[key] = def
        ? responseShape(selections, getNamedType(def.type), setsOf(nodes))
        : undefined;
    }
    orders.push(order);
  }
  shape.keys = mergedOrder(shape.keys, orders);
  return shape;
}

/**
 * One order of the keys that keeps every type's own order (a key a type
 * does not select is absent from its objects, so it may stand anywhere),
 * taking keys by first appearance where the types leave it open; none when
 * two types order two keys both ways.
 */
function mergedOrder(keys: readonly string[], orders: readonly string[][]): string[] {
  const after = new Map<string, Set<string>>(keys.map((k) => [k, new Set()]));
  const before = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const order of orders)
    for (let i = 1; i < order.length; i += 1) {
      const edges = after.get(order[i - 1]!)!;
      if (!edges.has(order[i]!)) {
        edges.add(order[i]!);
        before.set(order[i]!, before.get(order[i]!)! + 1);
      }
    }
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < keys.length) {
    const next = keys.find((k) => !done.has(k) && before.get(k) === 0);
    if (next === undefined)
      throw new Unplannable('the types at one position select their fields in different orders');
    out.push(next);
    done.add(next);
    for (const k of after.get(next)!) before.set(k, before.get(k)! - 1);
  }
  return out;
}
