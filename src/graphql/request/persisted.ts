import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../../config';

/** The allowlisted documents GET /graphql/persisted/:name runs, one per file. */
export const PERSISTED_DIR = path.join(PROJECT_ROOT, 'web', 'queries');

/** A document's name is its file name without .graphql: lower case, digits and dashes. */
const NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface PersistedQuery {
  name: string;
  /** The document's text, as sent to the server for execution. */
  query: string;
}

/**
 * Reads every `<name>.graphql` of the folder and validates it against the
 * schema: one query operation, valid for the schema. Any problem throws one
 * error naming every file and what is wrong with it, so a server with a bad
 * allowlist never starts. A missing folder is an empty allowlist.
 */
export function loadPersistedQueries(
  schema: GraphQLSchema,
  dir = PERSISTED_DIR,
): Map<string, PersistedQuery> {
  const found = new Map<string, PersistedQuery>();
  if (!fs.existsSync(dir)) return found;
  const problems: string[] = [];
  const shown = path.relative(PROJECT_ROOT, dir) || dir;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const name = file.slice(0, -'.graphql'.length);
    const where = `${shown}/${file}`;
    if (!NAME.test(name)) {
      problems.push(`${where}: the name must be lower-case letters, digits and dashes`);
      continue;
    }
    const query = fs.readFileSync(path.join(dir, file), 'utf8');
    let errors: string[];
    try {
      const document = parse(query);
      const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      errors = validate(schema, document).map((e) => e.message);
      if (operations.length !== 1) errors.push('it must hold exactly one operation');
      else if (
        operations[0]?.kind === Kind.OPERATION_DEFINITION &&
        operations[0].operation !== 'query'
      )
        errors.push('its operation must be a query');
    } catch (err) {
      errors = [(err as Error).message];
    }
    if (errors.length > 0) problems.push(`${where}: ${errors.join('; ')}`);
    else found.set(name, { name, query });
  }
  if (problems.length > 0)
    throw new Error(
      `Persisted queries that do not validate against the schema:\n  ${problems.join('\n  ')}`,
    );
  return found;
}
