import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../db/cypher-files';
import { splitStatements } from '../db/cypher-files';

export const QUERIES_DIR = path.join(CYPHER_DIR, 'queries');

export type ParamType = 'string' | 'integer' | 'float' | 'boolean' | 'date';
export const PARAM_TYPES: ParamType[] = ['string', 'integer', 'float', 'boolean', 'date'];

export interface QueryParam {
  name: string;
  type: ParamType;
  required: boolean;
  /** JSON value used when the caller gives none (absent when required). */
  default?: unknown;
  example: unknown;
  description: string;
  /** Bounds of an integer parameter, where the header gives them (integer[0..1000]). */
  range?: { min: number; max: number };
}

export interface SavedQuery {
  name: string;
  description: string;
  params: QueryParam[];
  columns: string[];
  cypher: string;
  file: string;
}

/**
 * The header every saved query starts with:
 *
 *   // name: members-as-of
 *   // description: One line on what it answers.
 *   // param: asOf: date = "2023-01-01" example "2023-01-01" - what it means
 *   // param: limit: integer[0..1000] = 100 example 50 - most rows
 *   // returns: member, label, role
 *
 * A param without "= default" is required; every param has an example. An
 * integer may give its bounds: a value outside them is the caller's error,
 * not a failed statement (LIMIT -1).
 */
const PARAM =
  /^(\w+): (string|integer|float|boolean|date)(?:\[(-?\d+)\.\.(-?\d+)\])?(?: = (null|true|false|-?\d+(?:\.\d+)?|"[^"]*"))? example (null|true|false|-?\d+(?:\.\d+)?|"[^"]*") - (.+)$/;

export function parseQuery(file: string, text: string): SavedQuery {
  const header: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const m = /^\/\/ (name|description|param|returns): (.*)$/.exec(line.trim());
    if (m) (header[m[1]!] ??= []).push(m[2]!.trim());
  }
  const fail = (message: string) => new Error(`${path.basename(file)}: ${message}`);
  const name = header.name?.[0];
  if (!name || !/^[a-z0-9-]+$/.test(name)) throw fail('needs a "// name: kebab-case-name" line');
  if (`${name}.cypher` !== path.basename(file))
    throw fail(`its name "${name}" must match the file name`);
  const description = header.description?.[0];
  if (!description) throw fail('needs a "// description:" line');
  const columns = (header.returns?.[0] ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (columns.length === 0) throw fail('needs a "// returns: col, col" line');
  const params = (header.param ?? []).map((p) => {
    const m = PARAM.exec(p);
    if (!m)
      throw fail(
        `bad param line "${p}": expected "name: type [= default] example value - description"`,
      );
    if (m[3] !== undefined && m[2] !== 'integer')
      throw fail(`bad param line "${p}": only integers take a range`);
    return {
      name: m[1]!,
      type: m[2] as ParamType,
      required: m[5] === undefined,
      ...(m[5] === undefined ? {} : { default: JSON.parse(m[5]) as unknown }),
      example: JSON.parse(m[6]!) as unknown,
      description: m[7]!,
      ...(m[3] === undefined ? {} : { range: { min: Number(m[3]), max: Number(m[4]) } }),
    };
  });
  const statements = splitStatements(text);
  if (statements.length !== 1) throw fail(`holds ${statements.length} statements, expected 1`);
  const used = new Set([...statements[0]!.matchAll(/\$(\w+)/g)].map((m) => m[1]!));
  const declared = new Set(params.map((p) => p.name));
  for (const u of used) if (!declared.has(u)) throw fail(`uses $${u} without declaring it`);
  return { name, description, params, columns, cypher: statements[0]!, file };
}

let cache: Map<string, SavedQuery> | undefined;

/** Every saved query in cypher/queries, read and checked once per process. */
export function queryLibrary(dir = QUERIES_DIR): Map<string, SavedQuery> {
  if (dir === QUERIES_DIR && cache) return cache;
  const library = new Map<string, SavedQuery>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()) {
    const q = parseQuery(path.join(dir, file), fs.readFileSync(path.join(dir, file), 'utf8'));
    library.set(q.name, q);
  }
  if (dir === QUERIES_DIR) cache = library;
  return library;
}
