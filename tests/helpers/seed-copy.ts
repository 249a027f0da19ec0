import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_DIR } from '../../src/model';

/** A private copy of the real seed folder, for tests that break or trim it. */
export function copySeed(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'car-seed-'));
  fs.cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one seed file of the copy through a text transformation. */
export function editSeedFile(dir: string, relative: string, edit: (text: string) => string): void {
  const file = path.join(dir, relative);
  const before = fs.readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${relative}`);
  fs.writeFileSync(file, after);
}
