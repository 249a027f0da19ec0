import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/** Where the generated contract lives: written by the generator, read by the runtime. */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');
