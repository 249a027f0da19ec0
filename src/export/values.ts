import neo4j from 'neo4j-driver';
import { PAGE_KEY_PROPERTIES } from '../model';
import { badInput } from '../errors';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An `asOf` date from a user (CLI flag or query string): a calendar day
 * written YYYY-MM-DD, or BAD_INPUT naming what was wrong.
 */
export function parseAsOf(text: string | undefined | null): string | null {
  if (text === undefined || text === null || text === '') return null;
  const m = ISO_DAY.exec(text);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !day || day.toISOString().slice(0, 10) !== text)
    throw badInput(`asOf must be a calendar date written YYYY-MM-DD, got "${text}"`, {
      asOf: text,
    });
  return text;
}

/** The driver's Date for a YYYY-MM-DD string, as the export statements take it. */
export function cypherDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

export const isTemporal = (v: unknown): boolean =>
  neo4j.isDate(v as never) ||
  neo4j.isDateTime(v as never) ||
  neo4j.isLocalDateTime(v as never) ||
  neo4j.isTime(v as never) ||
  neo4j.isLocalTime(v as never) ||
  neo4j.isDuration(v as never);

/** Neo4j temporal values print as ISO strings. */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (isTemporal(value)) return String(value);
  return value;
}

/**
 * A stored date written at the precision the source gave (the graph keeps a
 * full date and a sibling `<key>Precision`): "2017", "2017-06" or
 * "2017-06-14". An end stored as the last day of its year still prints as
 * that year.
 */
export function dateAtPrecision(value: unknown, precision: unknown): string {
  const iso = String(value);
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

/** Properties the API's indexes read (see migrations 003, 005 and 006): derived from others, not facts. */
export const INDEX_KEYS = new Set(['sortKey', 'acronymKey', 'nameKey', ...PAGE_KEY_PROPERTIES]);
