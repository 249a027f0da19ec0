import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
} from 'neo4j-driver';

/** Neo4j values as plain JSON: integers as numbers, temporals as ISO text, graph objects as maps. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number(value);
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isNode(value)) return { labels: value.labels, properties: toJson(value.properties) };
  if (isRelationship(value)) return { type: value.type, properties: toJson(value.properties) };
  if (isPath(value)) {
    return value.segments.map((s) => ({
      start: toJson(s.start),
      relationship: toJson(s.relationship),
      end: toJson(s.end),
    }));
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v)]),
    );
  }
  return value;
}
