import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { queryLibrary } from './library';
import { toJson } from '../db/to-json';
import { bindParams } from './values';

export interface QueryResult {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Runs a saved query by name in a read transaction, with parameters checked against its header. */
export async function runSavedQuery(
  db: Database,
  name: string,
  params: Record<string, unknown>,
): Promise<QueryResult> {
  const query = queryLibrary().get(name);
  if (!query) {
    throw new AppError(ErrorCode.NOT_FOUND, `No saved query is called "${name}"`, {
      details: { available: [...queryLibrary().keys()] },
    });
  }
  const bound = bindParams(query, params);
  const rows = await db.read(query.cypher, bound, { operation: `cypher-library.${name}` });
  return {
    name,
    columns: query.columns,
    rows: rows.map((r) => Object.fromEntries(query.columns.map((c) => [c, toJson(r[c])]))),
  };
}
