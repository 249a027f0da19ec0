/**
 * `npm run export -- --format graphml|jsonld|csv|csl|bibtex|all [--as-of YYYY-MM-DD [--dated-only]] [--out DIR]`
 * writes the graph (or the graph as it stood on a date) into files that
 * Gephi, networkx, igraph, a triple store, neo4j-admin import and reference
 * managers open. See docs/exports.md.
 */
import path from 'node:path';
import { runCli, withCliGraph } from '../cli';
import { PROJECT_ROOT } from '../config';
import { FORMATS } from './formats';
import { exportToFolder } from './to-folder';
import { parseAsOf } from './values';

const USAGE = `Usage: npm run export -- --format ${Object.keys(FORMATS).join('|')} [--as-of YYYY-MM-DD [--dated-only]] [--out DIR]`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let format: string | undefined;
  let asOf: string | null = null;
  let datedOnly = false;
  let out = path.join(PROJECT_ROOT, 'exports');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value. ${USAGE}`);
      return v;
    };
    if (a === '--format') format = value();
    else if (a === '--as-of') asOf = parseAsOf(value());
    else if (a === '--dated-only') datedOnly = true;
    else if (a === '--out') out = path.resolve(value());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else throw new Error(`Unknown argument "${a}". ${USAGE}`);
  }
  if (!format || !FORMATS[format]) throw new Error(`--format is required. ${USAGE}`);

  if (datedOnly && !asOf) throw new Error(`--dated-only goes with --as-of. ${USAGE}`);
  const result = await withCliGraph((db) =>
    exportToFolder(db, FORMATS[format]!, out, asOf, undefined, !datedOnly),
  );
  console.log(`Dataset ${result.meta.dataset.version}${asOf ? `, as of ${asOf}` : ''}: wrote`);
  for (const f of result.files)
    console.log(
      `  ${path.relative(process.cwd(), f.file) || f.file}  ${f.bytes} bytes  ${Math.round(f.ms)} ms`,
    );
  return 0;
}

runCli(main);
