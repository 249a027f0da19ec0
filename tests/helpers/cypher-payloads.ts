import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** One statement of the /cypher screening corpus and the code it must be refused with. */
export interface Payload {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  code: 'FORBIDDEN' | 'BAD_INPUT';
}

/** tests/fixtures/cypher-payloads.json (the reliability suite reads the same file). */
export const cypherPayloads = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/cypher-payloads.json'), 'utf8'),
) as Payload[];
