import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../db/cypher-files';
import { SEED_DIR } from '../model';

/**
 * What decides a loaded graph's content: the seed files (model, nodes,
 * relationships) and the load and derivation statements. Their checksum is
 * recorded with every load, so a start can tell that the files moved on
 * (a pulled update, a new derivation rule) and reload.
 */
export function seedFilesChecksum(seedDir = SEED_DIR): string {
  const files = [
    ...listFiles(seedDir).map((f) => ({ name: `seed/${path.relative(seedDir, f)}`, full: f })),
    ...listFiles(path.join(CYPHER_DIR, 'seed')).map((f) => ({
      name: `cypher/seed/${path.basename(f)}`,
      full: f,
    })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const hash = crypto.createHash('sha256');
  for (const f of files) {
    hash.update(`${f.name}\n`);
    hash.update(fs.readFileSync(f.full));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(full);
    return e.isFile() ? [full] : [];
  });
}

/** The version of the dataset the graph records (package version of the loader). */
export const SEED_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(SEED_DIR, '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
