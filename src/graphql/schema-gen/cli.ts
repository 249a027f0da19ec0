/**
 * `npm run schema:generate`: rewrites schema.graphql and src/graphql/generated
 * from the model and schema/. `npm run schema:check` (part of npm test) only
 * compares, and fails naming every file that is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';
import { generatedFiles } from './outputs';

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  for (const { file, content } of await generatedFiles()) {
    const name = path.relative(PROJECT_ROOT, file);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (check) {
      if (current !== content) stale.push(name);
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`Wrote ${name} (${Math.round(content.length / 1024)} KB)`);
  }
  if (stale.length > 0) {
    console.error(
      `Out of date with seed/model.yaml, schema/ and web/queries/: ${stale.join(', ')}. Run npm run schema:generate and review the diff.`,
    );
    return 1;
  }
  if (check)
    console.log('schema.graphql, src/graphql/generated and web/src/generated are up to date.');
  return 0;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
