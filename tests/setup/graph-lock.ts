import fs from 'node:fs';
import path from 'node:path';
import { TEST_EMBEDDED } from './test-neo4j';

/**
 * A readers-writer lock over the shared test graph, across Jest's worker
 * processes. Most test files only read the seeded graph and run side by side
 * (shared). A file that commits facts of its own for a while (a state without
 * an ISO code, a changed dataset checksum) runs alone (exclusive), so a file
 * reading the whole graph (a matrix of every state, an export's checksum)
 * never sees them half-way.
 *
 * Files on disk, not memory: Jest runs test files in separate processes.
 * Writers take a directory (mkdir is atomic), then wait for readers to leave;
 * a reader registers first and then checks for a writer, stepping back if
 * one is there, so the two can never both pass. A lock whose process died is
 * ignored.
 */
export const LOCK_DIR = path.join(TEST_EMBEDDED.dataDir, 'graph-lock');
const WRITER = path.join(LOCK_DIR, 'writer');
const READERS = path.join(LOCK_DIR, 'readers');

/** Emptied by the global setup, before any worker starts. */
export function resetGraphLock(): void {
  fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  fs.mkdirSync(READERS, { recursive: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writerHeld(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(WRITER, 'pid'), 'utf8'));
    if (pid && !alive(pid)) {
      fs.rmSync(WRITER, { recursive: true, force: true });
      return false;
    }
    return true;
  } catch {
    // No writer, or one that has made its directory and not yet its pid file.
    return fs.existsSync(WRITER);
  }
}

function readersOtherThan(pid: number): number[] {
  return fs
    .readdirSync(READERS)
    .map(Number)
    .filter((p) => p !== pid && alive(p));
}

const pause = () => new Promise((r) => setTimeout(r, 100));

export async function acquireShared(): Promise<void> {
  const mine = path.join(READERS, String(process.pid));
  for (;;) {
    fs.writeFileSync(mine, '');
    if (!writerHeld()) return;
    fs.rmSync(mine, { force: true });
    while (writerHeld()) await pause();
  }
}

export function releaseShared(): void {
  fs.rmSync(path.join(READERS, String(process.pid)), { force: true });
}

export async function acquireExclusive(): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(WRITER);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      writerHeld(); // clears a dead writer's lock
      await pause();
    }
  }
  fs.writeFileSync(path.join(WRITER, 'pid'), String(process.pid));
  // This worker's own reader entry (none, normally) must not block it.
  while (readersOtherThan(process.pid).length > 0) await pause();
}

export function releaseExclusive(): void {
  fs.rmSync(WRITER, { recursive: true, force: true });
}
