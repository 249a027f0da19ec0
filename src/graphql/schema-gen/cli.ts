/** `npm run schema:generate`: rewrites schema.graphql from seed/model.yaml and the relation table. */
import fs from 'node:fs';
import { SCHEMA_FILE } from '../schema';
import { generateSchema } from './generate';

fs.writeFileSync(SCHEMA_FILE, generateSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
