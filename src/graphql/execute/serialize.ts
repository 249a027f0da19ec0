import type { ResponseShape } from '../plan/shape';

/** The shapes of planned responses' data, found by the data object when Apollo serialises it. */
const shapes = new WeakMap<object, ResponseShape>();

/** Marks `data` as a planned response to be written in `shape`'s key order. */
export function withShape<T extends object>(data: T, shape: ResponseShape): T {
  shapes.set(data, shape);
  return data;
}

function write(value: unknown, shape: ResponseShape | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => write(v, shape)).join(',')}]`;
  if (!shape) return JSON.stringify(value);
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of shape.keys)
    if (Object.hasOwn(object, key))
      parts.push(`${JSON.stringify(key)}:${write(object[key], shape.fields[key])}`);
  return `{${parts.join(',')}}`;
}

/**
 * A response's data as JSON: a planned response in the document's key
 * order (its maps came from Neo4j in hash order), anything else as
 * JSON.stringify writes it. This is the only pass over a planned
 * response's rows in Node.
 */
export function stringifyData(data: unknown): string {
  if (data !== null && typeof data === 'object') {
    const shape = shapes.get(data);
    if (shape) return write(data, shape);
  }
  return JSON.stringify(data);
}
