import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { EXPORT_FILES } from './formats';
import { readGraph } from './reader';
import { withFileSink } from './sink';
import type { ExportMeta } from './types';

export interface WrittenFile {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * Writes the named export files into `outDir`, all from ONE read
 * transaction, so they describe the same graph.
 */
export async function exportToFolder(
  db: Database,
  names: string[],
  outDir: string,
  asOf: string | null,
  pageSize?: number,
  includeUndated = true,
): Promise<{ meta: ExportMeta; files: WrittenFile[] }> {
  fs.mkdirSync(outDir, { recursive: true });
  const opts = { asOf, includeUndated, operation: 'export.cli', pageSize };
  return readGraph(db, opts, async (reader) => {
    const files: WrittenFile[] = [];
    for (const name of names) {
      const spec = EXPORT_FILES[name]!;
      const target = path.join(outDir, spec.file);
      const started = process.hrtime.bigint();
      const bytes = await withFileSink(target, async (sink) => {
        await spec.write(reader, sink);
        return sink.bytes;
      });
      files.push({ file: target, bytes, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    }
    return { meta: reader.meta, files };
  });
}
