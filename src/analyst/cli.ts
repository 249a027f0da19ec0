/**
 * `npm run cypher -- <name> [--param key=value ...] [--format table|csv|json]`
 * runs a saved query from cypher/queries in a read transaction; without a
 * name it lists the library.
 */
import { runCli, withCliGraph } from '../cli';
import { formatResult, type OutputFormat } from './format';
import { queryLibrary } from './library';
import { runSavedQuery } from './run';
import { bindParams } from './values';

const USAGE = 'Usage: npm run cypher -- <name> [--param key=value ...] [--format table|csv|json]';

function listLibrary(): string {
  const lines = ['Saved queries (npm run cypher -- <name> --param key=value):', ''];
  for (const q of queryLibrary().values()) {
    lines.push(`  ${q.name}`);
    lines.push(`      ${q.description}`);
    for (const p of q.params) {
      lines.push(
        `      --param ${p.name}=<${p.type}>${p.required ? ' (required)' : ` (default ${JSON.stringify(p.default)})`}  e.g. ${JSON.stringify(p.example)}: ${p.description}`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let name: string | undefined;
  let format: OutputFormat = 'table';
  const params: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') {
      const f = args[++i];
      if (f !== 'table' && f !== 'csv' && f !== 'json')
        throw new Error(`--format must be table, csv or json. ${USAGE}`);
      format = f;
    } else if (a === '--param') {
      const kv = args[++i] ?? '';
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new Error(`--param needs key=value, got "${kv}". ${USAGE}`);
      params[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (!a.startsWith('--') && name === undefined) {
      name = a;
    } else {
      throw new Error(`Unknown argument "${a}". ${USAGE}`);
    }
  }
  if (!name) {
    console.log(listLibrary());
    return 0;
  }
  const query = queryLibrary().get(name);
  if (!query)
    throw new Error(`No saved query is called "${name}". Run npm run cypher to list them.`);
  bindParams(query, params); // parameter errors before any database work

  const result = await withCliGraph((db) => runSavedQuery(db, name, params));
  console.log(formatResult(result, format));
  return 0;
}

runCli(main);
