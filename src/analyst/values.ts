import neo4j from 'neo4j-driver';
import { badInput } from '../errors';
import type { QueryParam, SavedQuery } from './library';

/**
 * Checks the caller's parameters against the query's header: unknown or
 * missing ones and values of the wrong type are BAD_INPUT, all reported at
 * once. Values may arrive as JSON values (GraphQL) or as text (command line).
 */
export function bindParams(
  query: SavedQuery,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const problems: string[] = [];
  const known = new Set(query.params.map((p) => p.name));
  for (const k of Object.keys(given)) if (!known.has(k)) problems.push(`unknown parameter "${k}"`);
  const bound: Record<string, unknown> = {};
  for (const p of query.params) {
    const present = Object.prototype.hasOwnProperty.call(given, p.name);
    if (!present && p.required) {
      problems.push(`missing parameter "${p.name}" (${p.type}, e.g. ${JSON.stringify(p.example)})`);
      continue;
    }
    const raw = present ? given[p.name] : p.default;
    try {
      bound[p.name] = convert(p, raw);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length) {
    throw badInput(`Parameters of ${query.name} do not fit: ${problems.join('; ')}`, { problems });
  }
  return bound;
}

function convert(p: QueryParam, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === 'null') {
    if (p.required) throw new Error(`parameter "${p.name}" may not be null`);
    return null;
  }
  const wrong = () =>
    new Error(`parameter "${p.name}" must be a ${p.type}, got ${JSON.stringify(raw)}`);
  switch (p.type) {
    case 'string':
      if (typeof raw !== 'string') throw wrong();
      return raw;
    case 'integer': {
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw wrong();
      if (p.range && (n < p.range.min || n > p.range.max))
        throw new Error(
          `parameter "${p.name}" must be from ${p.range.min} to ${p.range.max}, got ${n}`,
        );
      return neo4j.int(n);
    }
    case 'float': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw wrong();
      return n;
    }
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      throw wrong();
    case 'date': {
      const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
      const d = m ? new Date(`${raw as string}T00:00:00Z`) : undefined;
      if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw)
        throw wrong();
      return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
    }
  }
}
