import { isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import type { ResponseShape } from '../plan/shape';

/** Planned responses' data, written as JSON when the executor checked them (plannedJson). */
const written = new WeakMap<object, string>();

/** A null where the schema promises a value: graphql-js would report it, so the plan does not answer. */
class NullInNonNull extends Error {}

function write(
  value: unknown,
  type: GraphQLOutputType | undefined,
  shape: ResponseShape | undefined,
): string {
  if (value === null || value === undefined) {
    if (type && isNonNullType(type)) throw new NullInNonNull();
    return 'null';
  }
  const t = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const item = t && isListType(t) ? (t.ofType as GraphQLOutputType) : undefined;
    return `[${value.map((v) => write(v, item, shape)).join(',')}]`;
  }
  if (typeof value !== 'object') return JSON.stringify(value);
  if (!shape) return JSON.stringify(value);
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  // Keys another type of an abstract position selects are absent here: skipped.
  for (const key of shape.keys)
    if (Object.hasOwn(object, key))
      parts.push(
        `${JSON.stringify(key)}:${write(object[key], shape.types[key], shape.fields[key])}`,
      );
  return `{${parts.join(',')}}`;
}

/**
 * A planned response's data as JSON in the document's key order (its maps
 * came from Neo4j in hash order), checked on the way: null when a value the
 * schema declares non-null is null at any depth (a fact missing a required
 * property), which graphql-js reports with the null propagated to the
 * nearest nullable field, so the executor leaves such a request to it. This
 * is the only pass over a planned response's rows in Node; the JSON is kept
 * with the data for the response writer (stringifyData).
 */
export function plannedJson(data: Record<string, unknown>, shape: ResponseShape): string | null {
  let json: string;
  try {
    json = write(data, undefined, shape);
  } catch (err) {
    if (err instanceof NullInNonNull) return null;
    throw err;
  }
  written.set(data, json);
  return json;
}

/** A response's data as JSON: a planned response as plannedJson wrote it, anything else as JSON.stringify writes it. */
export function stringifyData(data: unknown): string {
  if (data !== null && typeof data === 'object') {
    const json = written.get(data);
    if (json !== undefined) return json;
  }
  return JSON.stringify(data);
}
