import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
const cache = new Map<string, string[]>();

/** Statements of a .cypher file under cypher/, read once per process. */
export function cypherStatements(relativePath: string): string[] {
  let statements = cache.get(relativePath);
  if (!statements) {
    statements = splitStatements(fs.readFileSync(path.join(CYPHER_DIR, relativePath), 'utf8'));
    cache.set(relativePath, statements);
  }
  return statements;
}

/** The single statement of a .cypher file under cypher/. */
export function cypher(relativePath: string): string {
  const statements = cypherStatements(relativePath);
  if (statements.length !== 1)
    throw new Error(`${relativePath} holds ${statements.length} statements, expected 1`);
  return statements[0]!;
}

/** Splits Cypher text into statements at `;` ending a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
